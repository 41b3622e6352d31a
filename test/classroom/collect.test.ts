import { describe, expect, it } from 'vitest';

import { gameFor } from '../../src/app/store';
import {
  checkGroups,
  codeKey,
  groupCandidates,
  looksLikeCode,
  MAX_CODES,
  NO_CODE,
  readCandidates,
  shorten,
  splitCells,
  TOO_MANY,
  type Group,
} from '../../src/classroom/collect';
import { checkCode } from '../../src/classroom/results';
import { flagText } from '../../src/classroom/session';
import { encodeResult } from '../../src/share';
import { flipOne, makeCode, SCENARIO, SESSION } from './codes';

const ana = makeCode({ seed: 34, name: 'Ana' });
const ben = makeCode({ seed: 34, policy: 'joint', name: 'Ben' });
const other = makeCode({ seed: 12, name: 'Cleo' });

describe('reading pasted text and files', () => {
  it('takes one code per line, ignores blank lines, and keeps line numbers', () => {
    const text = `\n${ana.code}\n\n   \n${ben.code}  \n`;
    const { candidates, headers } = readCandidates(text, 'pasted');
    expect(headers).toEqual([]);
    expect(candidates).toEqual([
      { source: 'pasted', line: 2, text: ana.code },
      { source: 'pasted', line: 5, text: ben.code },
    ]);
  });

  it('reads replay links and codes inside a sentence', () => {
    const text = [
      `https://school.example/frozen/#r=${ana.code}`,
      `My code is ${ben.code}. Thanks!`,
      `Link: <http://h.example/#r=${other.code}>.`,
    ].join('\r\n');
    const { candidates } = readCandidates(text, 'pasted');
    expect(candidates.map((c) => c.text)).toEqual([
      `https://school.example/frozen/#r=${ana.code}`,
      ben.code,
      `http://h.example/#r=${other.code}`,
    ]);
    expect(candidates.map((c) => codeKey(c.text))).toEqual([ana.code, ben.code, other.code]);
  });

  it('keeps a garbage line as a candidate so it is listed with a reason', () => {
    const { candidates } = readCandidates('hello teacher\n', 'pasted');
    expect(candidates).toEqual([{ source: 'pasted', line: 1, text: 'hello teacher' }]);
  });

  it('skips a CSV header row, reads code cells and flags rows without a code', () => {
    const csv = [
      '\uFEFFTimestamp,"Name, first",Result code',
      `2026-01-12 09:14,"Ana, B.",${ana.code}`,
      `2026-01-12 09:15;Ben;"${ben.code}"`,
      '2026-01-12 09:16,Dan,',
      '',
      `"2026-01-12 09:17"\t"Cleo ""the quick"""\thttp://x.example/#r=${other.code}`,
    ].join('\n');
    const { candidates, headers } = readCandidates(csv, 'results.csv');
    expect(headers).toEqual([
      { source: 'results.csv', line: 1, text: 'Timestamp, Name, first, Result code' },
    ]);
    expect(candidates).toEqual([
      { source: 'results.csv', line: 2, text: ana.code, name: 'Ana, B.' },
      { source: 'results.csv', line: 3, text: ben.code, name: 'Ben' },
      {
        source: 'results.csv',
        line: 4,
        text: '2026-01-12 09:16, Dan',
        reason: NO_CODE,
      },
      {
        source: 'results.csv',
        line: 6,
        text: `http://x.example/#r=${other.code}`,
        name: 'Cleo "the quick"',
      },
    ]);
  });

  it('splits cells at commas, semicolons and tabs outside quotes', () => {
    expect(splitCells('a, "b, c" ;d\t"e ""f"""')).toEqual(['a', 'b, c', 'd', 'e "f"']);
    expect(splitCells('"unclosed, still one')).toEqual(['unclosed, still one']);
  });

  it('tells codes from words', () => {
    expect(looksLikeCode(ana.code)).toBe(true);
    expect(looksLikeCode('see #r=abc')).toBe(true);
    expect(looksLikeCode('internationalisation')).toBe(false);
    expect(looksLikeCode('AQQ')).toBe(false);
  });

  it('groups the same code given twice (once as a link) and keeps the first place', () => {
    const { candidates } = readCandidates(
      `${ana.code}\n${ben.code}\nhttp://h.example/#r=${ana.code}\nnot a code, at all\n`,
      'pasted',
    );
    const groups = groupCandidates(candidates);
    expect(groups.map((g) => [g.first.line, g.also.map((c) => c.line)])).toEqual([
      [1, [3]],
      [2, []],
      [4, []],
    ]);
  });

  it('shortens long input for listing', () => {
    expect(shorten('short')).toBe('short');
    expect(shorten('A'.repeat(10) + 'B'.repeat(20) + 'C'.repeat(10))).toBe(
      `${'A'.repeat(10)}BBBBBB…${'C'.repeat(8)}`,
    );
  });
});

describe('checking codes in batches', () => {
  const group = (text: string, line: number): Group => ({
    key: codeKey(text),
    first: { source: 'pasted', line, text },
    also: [],
  });

  it('verifies real codes, catches a flipped character and lists garbage with its reason', async () => {
    const forged = flipOne(ana.code);
    const entries = await checkGroups(
      [group(ana.code, 1), group(forged, 2), group('hello teacher', 3), group(other.code, 4)],
      checkCode,
    );
    expect(entries).not.toBeNull();
    const [a, f, g, o] = entries!;
    expect(a!.check.valid).toBe(true);
    if (a!.check.valid) {
      expect(a!.check.result.name).toBe('Ana');
      expect(a!.check.result.seed).toBe(34);
      expect(flagText(a!.check.result, SESSION)).toBeNull();
    }
    expect(f!.check).toEqual({
      valid: false,
      reason: expect.stringMatching(/damaged/),
    });
    expect(g!.check).toEqual({
      valid: false,
      reason: expect.stringMatching(/not a result code/),
    });
    expect(o!.check.valid).toBe(true);
    if (o!.check.valid)
      expect(flagText(o!.check.result, SESSION)).toBe('Played on another game: seed 12 not 34.');
  });

  it('catches a code whose moves do not lead to the result it claims', async () => {
    const game = gameFor(SCENARIO)!;
    const real = game.replay(34, 'standard', []);
    const claimed = game.replay(35, 'standard', []);
    if (!real.ok || !claimed.ok) throw new Error('no start state');
    const edited = encodeResult({
      scenarioId: SCENARIO,
      seed: 34,
      difficulty: 'standard',
      options: { hints: false, classLabel: '7B' },
      name: 'Eve',
      moves: [],
      state: claimed.state,
    });
    const entries = await checkGroups([group(edited, 1)], checkCode);
    expect(entries![0]!.check).toEqual({
      valid: false,
      reason: expect.stringMatching(/do not lead to the result it claims/),
    });
  });

  it('pauses between chunks, reports progress and can be cancelled', async () => {
    const groups = Array.from({ length: 7 }, (_, i) => group(i % 2 ? ana.code : ben.code, i + 1));
    const progress: string[] = [];
    let pauses = 0;
    const entries = await checkGroups(groups, () => ({ valid: true, result: 1 }), {
      chunk: 3,
      pause: async () => void pauses++,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(entries).toHaveLength(7);
    expect(pauses).toBe(2);
    expect(progress).toEqual(['3/7', '6/7', '7/7']);

    let calls = 0;
    const cancelled = await checkGroups(
      groups,
      () => {
        calls++;
        return { valid: true, result: 1 };
      },
      { chunk: 2, pause: async () => {}, cancelled: () => calls >= 2 },
    );
    expect(cancelled).toBeNull();
    expect(calls).toBe(2);
  });

  it('lists lines without a code and codes past the limit with their reasons, unchecked', async () => {
    const groups: Group[] = [
      { key: 'x:1', first: { source: 'f.csv', line: 1, text: 'a,b', reason: NO_CODE }, also: [] },
      ...Array.from({ length: MAX_CODES + 1 }, (_, i) => group(`code${i}`, i + 2)),
    ];
    let calls = 0;
    const entries = await checkGroups(groups, () => {
      calls++;
      return { valid: false, reason: 'checked' };
    });
    expect(calls).toBe(MAX_CODES);
    expect(entries![0]!.check).toEqual({ valid: false, reason: NO_CODE });
    expect(entries![MAX_CODES + 1]!.check).toEqual({ valid: false, reason: TOO_MANY });
  });
});
