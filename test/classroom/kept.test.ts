import { describe, expect, it } from 'vitest';

import { adoption, blankLines, classLinkIn } from '../../src/classroom/adopt';
import { groupCandidates, readCandidates, type Group } from '../../src/classroom/collect';
import {
  classFile,
  DAMAGED_KEY,
  emptyClass,
  mergeGroups,
  pasteSource,
  readClassFile,
  readKept,
  RESULTS_KEY,
  writeKept,
} from '../../src/classroom/kept';
import { checkCode, sameGames, sameNames, withNames } from '../../src/classroom/results';
import { sessionLink } from '../../src/classroom/session';
import { makeCode, memoryStorage, SESSION } from './codes';

const groupsOf = (text: string, source = 'pasted'): Group[] =>
  groupCandidates(readCandidates(text, source).candidates);

const ana = makeCode({ seed: 34, policy: 'scripted', name: 'Ana' });
const ben = makeCode({ seed: 34, policy: 'us-deal', name: 'Ben' });
const ben2 = makeCode({ seed: 34, policy: 'joint', name: 'ben ' });
const anaAsZoe = makeCode({ seed: 34, policy: 'scripted', name: 'Zoë' });

const entriesOf = (groups: Group[]) =>
  groups.map((g) => ({ ...g, check: checkCode(g.first.text) }));

describe('the kept class', () => {
  it('round-trips through the store', () => {
    const storage = memoryStorage();
    const cls = { ...emptyClass(), groups: groupsOf(`${ana.code}\n${ben.code}`), checks: 1 };
    cls.names[cls.groups[0]!.key] = 'Ana B.';
    expect(writeKept(storage, { '7B': cls, empty: emptyClass() })).toBeNull();
    const read = readKept(storage);
    expect(read).toEqual({ kind: 'ok', kept: { '7B': cls }, problem: null });
    expect(readKept(memoryStorage())).toEqual({ kind: 'ok', kept: {}, problem: null });
    expect(readKept(null).kind).toBe('ok');
  });

  it('merges a second check: the same code twice is one group with both places', () => {
    const first = groupsOf(`${ana.code}\n${ben.code}`, pasteSource(0));
    const second = groupsOf(`${ben.code}\n${ben2.code}`, pasteSource(1));
    expect(pasteSource(1)).toBe('paste 2');
    const merged = mergeGroups(first, second);
    expect(merged.map((g) => g.key)).toEqual([ana.code, ben.code, ben2.code]);
    expect(merged[1]!.also).toEqual([{ source: 'paste 2', line: 1, text: ben.code }]);
    // The same places again add nothing; the inputs are not changed.
    expect(mergeGroups(merged, second)).toEqual(merged);
    expect(first[1]!.also).toEqual([]);
  });

  it('flags the same name on two games, and the same game under two names', () => {
    const entries = entriesOf(groupsOf([ana.code, ben.code, ben2.code, anaAsZoe.code].join('\n')));
    const namesakes = sameNames(entries);
    expect([...namesakes.keys()]).toEqual([ben2.code]);
    expect(namesakes.get(ben2.code)!.key).toBe(ben.code);
    // Zoë's game is Ana's moves: a twin, not a namesake.
    expect([...sameGames(entries).keys()]).toEqual([anaAsZoe.code]);
  });

  it('shows corrected names, or hides them as Student 1, 2, … in order', () => {
    const entries = entriesOf(groupsOf(`garbage-not-a-code\n${ana.code}\n${ben.code}`));
    const named = withNames(entries, { [ben.code]: 'Benjamin' }, false);
    const names = named.map((e) => (e.check.valid ? e.check.result.name : null));
    expect(names).toEqual([null, 'Ana', 'Benjamin']);
    const hidden = withNames(entries, { [ben.code]: 'Benjamin' }, true);
    expect(hidden.map((e) => (e.check.valid ? e.check.result.name : null))).toEqual([
      null,
      'Student 1',
      'Student 2',
    ]);
    // A correction can make two names the same: that is flagged too.
    expect(sameNames(withNames(entries, { [ben.code]: 'ana' }, false)).size).toBe(1);
  });

  it('reads a corrupted store with a clear message, keeping what it can and setting it aside', () => {
    const garbled = memoryStorage({ [RESULTS_KEY]: '{"v":1,"classes":{"7B":' });
    const r1 = readKept(garbled);
    expect(r1.kind).toBe('error');
    expect(r1.problem).toMatch(/damaged.*set aside/);
    expect(garbled.data.get(DAMAGED_KEY)).toBe('{"v":1,"classes":{"7B":');

    const good = groupsOf(ana.code)[0]!;
    const partly = JSON.stringify({
      v: 1,
      classes: {
        '7B': {
          groups: [good, { key: 5, first: null }, { ...good, key: 'x', first: { line: -1 } }],
          names: { [good.key]: 'Ana', unknown: 'Eve', [ana.code + 'x']: 7 },
          hideNames: 'yes',
          checks: 2,
        },
        '8A': 'not a class',
      },
    });
    const storage = memoryStorage({ [RESULTS_KEY]: partly });
    const r2 = readKept(storage);
    expect(r2.kind).toBe('ok');
    expect(r2.kept).toEqual({
      '7B': {
        groups: [good],
        names: { [good.key]: 'Ana' },
        hideNames: false,
        checks: 2,
        shared: null,
      },
    });
    expect(r2.problem).toMatch(/3 entries could not be read/);
    expect(storage.data.get(DAMAGED_KEY)).toBe(partly);

    const other = readKept(memoryStorage({ [RESULTS_KEY]: JSON.stringify({ v: 2, classes: {} }) }));
    expect(other.kind).toBe('error');
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {},
      removeItem: () => {},
    };
    expect(readKept(blocked).problem).toMatch(/blocked/);
  });

  it('says when the browser will not keep the results', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    expect(writeKept(full, { '7B': { ...emptyClass(), groups: groupsOf(ana.code) } })).toMatch(
      /would not keep/,
    );
  });

  it('exports a class file and reads it back; a malformed file gets a clear reason', () => {
    const cls = { ...emptyClass(), groups: groupsOf(ana.code), shared: 'https://x/#play' };
    const text = classFile('7B', SESSION, cls);
    const back = readClassFile(text);
    expect(back).toEqual({
      ok: true,
      kept: { ...cls, shared: null },
      session: SESSION,
      lost: 0,
    });
    expect(readClassFile('not json')).toEqual({
      ok: false,
      reason: 'it is not a class file saved by this page (it is not JSON).',
    });
    expect(readClassFile('{"a":1}')).toMatchObject({ ok: false, reason: /not a class file/ });
    expect(readClassFile('{"format":"frozen-assets-class","v":9}')).toMatchObject({
      ok: false,
      reason: /another version/,
    });
    expect(readClassFile('{"format":"frozen-assets-class","v":1,"groups":4}')).toMatchObject({
      ok: false,
      reason: /damaged/,
    });
    // A damaged set-up is left out; the codes are still read.
    const noSession = JSON.parse(text) as Record<string, unknown>;
    noSession.session = { v: 1, seed: -4 };
    expect(readClassFile(JSON.stringify(noSession))).toMatchObject({ ok: true, session: null });
  });
});

describe('adopting the class game', () => {
  const results = (codes: string[]) =>
    codes.flatMap((c) => {
      const r = checkCode(c);
      return r.valid ? [r.result] : [];
    });
  const seed12 = [1, 2, 3].map(
    (i) => makeCode({ seed: 12, policy: i === 1 ? 'joint' : 'scripted', name: `S${i}` }).code,
  );

  it('offers the game more than half of the codes (at least 3) came from', () => {
    const a = adoption(results([...seed12, ana.code]), SESSION);
    expect(a).toMatchObject({ count: 3, total: 4, changes: ['seed 12 not 34'] });
    expect(a!.session).toEqual({ ...SESSION, seed: 12 });
  });

  it('offers nothing for the page’s own game, a half, or fewer than 3 codes', () => {
    expect(adoption(results([...seed12]), { ...SESSION, seed: 12 })).toBeNull();
    expect(adoption(results([...seed12, ana.code, ben.code, ben2.code]), SESSION)).toBeNull();
    expect(adoption(results(seed12.slice(0, 2)), SESSION)).toBeNull();
  });

  it('finds a class link in pasted text and blanks its line', () => {
    const link = sessionLink('https://school.example/fa/', { ...SESSION, seed: 77, from: 4 });
    const text = `${ana.code}\nOur link: ${link}\n${ben.code}`;
    const found = classLinkIn(text, '2026-01-01');
    expect(found).toEqual({ session: { ...SESSION, seed: 77, from: 4 }, lines: [2] });
    expect(blankLines(text, [2])).toBe(`${ana.code}\n\n${ben.code}`);
    expect(classLinkIn(ana.code, '2026-01-01')).toBeNull();
    expect(classLinkIn('https://x/#play?seed=abc', '2026-01-01')).toBeNull();
  });
});
