import { sha256 } from '@noble/hashes/sha2.js';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import {
  candidateMoves,
  createGame,
  stableStringify,
  stateHash,
  type Difficulty,
  type Move,
} from '../../src/engine';
import {
  decodeResult,
  encodeResult,
  MAX_CODE_LENGTH,
  replayLink,
  rulesTag,
  SCENARIO_CODES,
  verifyResult,
  type ResultCodeData,
} from '../../src/share';
import { getScenario } from '../../src/scenarios';
import { BitWriter, fromBase64Url, toBase64Url } from '../../src/share/bits';
import { EARLIER_TAGS } from '../../src/share/rules-history';
import { policyByName } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';
import { scenario } from '../helpers/game';

// Fuzzing the result-code reader: random text, random bytes, and real codes mutated as text or as
// bits (some with the checksum recomputed, so they reach the decoder's fields and the replay).
// Reproducible: every input comes from a seeded generator. Properties:
//   - decodeResult and verifyResult never throw, and always answer with a reason or data;
//   - whatever verifyResult accepts replays, independently, to the hash it reports;
//   - a text mutation of a real code (checksum not recomputed) is only ever accepted if it
//     decodes to exactly the data of a real code (a harmless alternative spelling).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ODD_CHARS = [
  ' ',
  '\n',
  '\t',
  '=',
  '+',
  '/',
  '.',
  '#',
  '%',
  '\u0000',
  '\u00e9',
  '\u200b',
  '😀',
  '李',
  'r=',
  '#r=',
];

const rng = xoroshiro128plus(20_260_401);
const int = (from: number, to: number) => uniformInt(rng, from, to);
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;

const game = createGame(scenario, actorRuntime);

/** Bits of a move's index in the code: enough for every candidate move of the scenario. */
const MOVE_WIDTH = (() => {
  const candidates = candidateMoves(scenario).length;
  let width = 1;
  while (1 << width < candidates) width++;
  return width;
})();

// ------------------------------------------------------------------ real codes to mutate

const realCodes: string[] = [];
const genuine = new Set<string>();
const dataKey = (d: ResultCodeData) => stableStringify(d);
{
  const difficulties: Difficulty[] = ['story', 'standard', 'hard'];
  const names = ['', 'Zoë 李', 'Sam', 'Олександр'];
  let n = 0;
  for (const policy of ['random', 'scripted', 'joint', 'loan', 'us-deal'])
    for (const difficulty of difficulties) {
      const { records } = simulate({
        scenario,
        policy: policyByName(policy)!,
        policyName: policy,
        games: 4,
        seed: 100 + n,
        difficulty,
      });
      for (const r of records) {
        const code = encodeResult({
          scenarioId: scenario.id,
          seed: r.seed,
          difficulty,
          options: { hints: n % 3 === 0, classLabel: n % 2 ? '' : `class ${n % 5}` },
          name: names[n % names.length]!,
          moves: r.moves,
          state: r.state,
        });
        n++;
        realCodes.push(code);
        const d = decodeResult(code);
        if (!d.ok) throw new Error(`a real code does not decode: ${d.reason}`);
        genuine.add(dataKey(d.data));
      }
    }
}

// ------------------------------------------------------------------ the checker

/** The final hash of a game replayed by the engine (not by src/share), or null if refused. */
const replayed = new Map<string, string | null>();
function replayHash(seed: number, difficulty: Difficulty, moves: Move[]): string | null {
  const key = stableStringify([seed, difficulty, moves]);
  let hash = replayed.get(key);
  if (hash === undefined) {
    const r = game.replay(seed, difficulty, moves);
    hash = r.ok ? stateHash(r.state) : null;
    replayed.set(key, hash);
  }
  return hash;
}

interface Stats {
  inputs: number;
  accepted: number;
  acceptedVariants: number;
  failures: string[];
}

const show = (s: string) => JSON.stringify(s.length > 120 ? `${s.slice(0, 120)}…` : s);

/**
 * Runs one input through decodeResult and verifyResult and checks the properties.
 * `mutant`: a text mutation of real codes, so anything accepted must be one of them.
 */
function check(input: string, stats: Stats, mutant: boolean): void {
  stats.inputs++;
  const fail = (what: string) => {
    if (stats.failures.length < 10) stats.failures.push(`${what}: ${show(input)}`);
  };
  let d: ReturnType<typeof decodeResult>;
  let v: ReturnType<typeof verifyResult>;
  try {
    d = decodeResult(input);
    v = verifyResult(input);
  } catch (error) {
    fail(`threw ${String(error)}`);
    return;
  }
  if (!v.valid) {
    if (typeof v.reason !== 'string' || v.reason.length < 10 || /\n/.test(v.reason))
      fail(`bad reason ${JSON.stringify(v.reason)}`);
    if (!d.ok && v.reason !== d.reason) fail('decode and verify disagree on the reason');
    return;
  }
  stats.accepted++;
  if (!d.ok) return fail('verify accepts what decode refuses');
  // Independent replay: the accepted moves really lead to the reported hash and the claim.
  const hash = replayHash(v.seed, v.difficulty, v.moves);
  if (hash === null) return fail('accepted, but a move is refused on replay');
  if (hash !== v.stateHash) return fail('accepted, but the replay gives another hash');
  if (hash.slice(0, 8) !== d.data.claim) return fail('accepted, but the claim differs');
  if (mutant) {
    if (!genuine.has(dataKey(d.data))) return fail('a mutated code was accepted as a new game');
    const text = input.trim();
    const code = text.includes('#r=') ? text.slice(text.lastIndexOf('#r=') + 3) : text;
    if (!realCodes.includes(code)) stats.acceptedVariants++;
  }
}

// ------------------------------------------------------------------ generators

function randomBase64(maxLength: number): string {
  const n = int(0, maxLength);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[int(0, 63)];
  return s;
}

function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = int(0, 255);
  return b;
}

/** Bytes with a correct checksum appended: these get past the checksum to the fields. */
function withChecksum(body: Uint8Array): string {
  const h = sha256(body);
  const out = new Uint8Array(body.length + 4);
  out.set(body);
  out.set(h.subarray(0, 4), body.length);
  return toBase64Url(out);
}

function randomText(maxLength: number): string {
  const n = int(0, maxLength);
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = int(0, 9);
    s +=
      k < 6
        ? ALPHABET[int(0, 63)]
        : k < 8
          ? pick(ODD_CHARS)
          : String.fromCodePoint(int(0, 0x10ffff));
  }
  return s;
}

const randomChar = () => (int(0, 9) < 8 ? ALPHABET[int(0, 63)]! : pick(ODD_CHARS));

/** One random text edit. */
function mutateOnce(code: string): string {
  const at = int(0, code.length);
  const i = Math.min(at, Math.max(0, code.length - 1));
  switch (int(0, 10)) {
    case 0: {
      // replace a character with another of the alphabet
      const c = code[i] ?? 'A';
      let next = c;
      while (next === c) next = ALPHABET[int(0, 63)]!;
      return code.slice(0, i) + next + code.slice(i + 1);
    }
    case 1: // insert
      return code.slice(0, at) + randomChar() + code.slice(at);
    case 2: // delete
      return code.slice(0, i) + code.slice(i + 1);
    case 3: // replace with any character
      return code.slice(0, i) + randomChar() + code.slice(i + 1);
    case 4: // truncate
      return code.slice(0, int(0, code.length));
    case 5: // concatenate with another code (bare, spaced, or as a link: that one is genuine)
      return code + pick(['', '', '', ' ', '\n', '=', '#r=']) + pick(realCodes);
    case 6: {
      // swap two chunks
      const a = int(0, code.length);
      const b = int(a, code.length);
      const c = int(b, code.length);
      return code.slice(0, a) + code.slice(b, c) + code.slice(a, b) + code.slice(c);
    }
    case 7: {
      // duplicate a chunk
      const a = int(0, code.length);
      const b = int(a, Math.min(code.length, a + 12));
      return code.slice(0, b) + code.slice(a, b) + code.slice(b);
    }
    case 8: {
      // change the case of a letter
      const c = code[i] ?? 'a';
      const flipped = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
      return code.slice(0, i) + flipped + code.slice(i + 1);
    }
    case 9: {
      // flip one bit of the bytes (checksum not recomputed)
      const bytes = fromBase64Url(code);
      if (!bytes || bytes.length === 0) return code + 'A';
      const k = int(0, bytes.length * 8 - 1);
      bytes[k >> 3]! ^= 1 << (k & 7);
      return toBase64Url(bytes);
    }
    default: // swap two neighbouring characters
      return code.length < 2 || i === 0
        ? code.slice(1)
        : code.slice(0, i - 1) + code[i]! + code[i - 1]! + code.slice(i + 1);
  }
}

/** One to three random edits; never the code itself (an unchanged code is no test). */
function mutate(code: string): string {
  let s = code;
  while (s === code) {
    const times = pick([1, 1, 1, 2, 3]);
    for (let k = 0; k < times; k++) s = mutateOnce(s);
  }
  return s;
}

/** A real code's body with 1 to 3 bits flipped and the checksum recomputed: a crafted edit. */
function forge(code: string): string {
  const bytes = fromBase64Url(code)!;
  const body = bytes.slice(0, bytes.length - 4);
  const times = int(1, 3);
  for (let k = 0; k < times; k++) {
    const bit = int(8, body.length * 8 - 1); // keep the version byte
    body[bit >> 3]! ^= 1 << (7 - (bit & 7));
  }
  return withChecksum(body);
}

/** A well-formed version-1 body with random fields and moves, checksummed: it reaches the replay. */
function randomGame(): string {
  const width = MOVE_WIDTH;
  const w = new BitWriter();
  w.write(1, 8)
    .write(int(0, 1) === 0 ? 0 : int(0, 15), 4)
    .write(int(0, 3), 2)
    .write(int(0, 0xffff) * 0x10000 + int(0, 0xffff), 32)
    .write(int(0, 1), 1);
  const hasClass = int(0, 1);
  w.write(hasClass, 1);
  if (hasClass) w.write(int(0, 0xffff), 16);
  const name = int(0, 3) === 0 ? randomBytes(int(0, 63)) : new TextEncoder().encode('Ana');
  w.write(name.length, 6).writeBytes(name);
  const count = int(0, 3) === 0 ? int(0, 511) : int(0, 40);
  w.write(count, 9);
  for (let i = 0; i < count; i++) {
    if (int(0, 2) === 0) w.write(0, 1);
    else w.write(1, 1).write(int(0, (1 << width) - 1), width);
  }
  w.write(int(0, 0xffff) * 0x10000 + int(0, 0xffff), 32);
  if (int(0, 4) === 0) w.write(int(0, 255), 8); // sometimes trailing junk
  return withChecksum(w.finish());
}

// ------------------------------------------------------------------ the runs

const runs: [label: string, count: number, make: () => string, mutant: boolean][] = [
  ['random base64url text', 25_000, () => randomBase64(int(0, 3) === 0 ? 1300 : 200), false],
  ['random text, any characters', 10_000, () => randomText(200), false],
  ['random bytes', 10_000, () => toBase64Url(randomBytes(int(0, 200))), false],
  [
    'random bytes starting with the version byte',
    10_000,
    () => toBase64Url(Uint8Array.from([1, ...randomBytes(int(11, 150))])),
    false,
  ],
  [
    'random bytes with a correct checksum',
    10_000,
    () => withChecksum(randomBytes(int(0, 120))),
    false,
  ],
  ['random well-formed games with a correct checksum', 2_500, randomGame, false],
  [
    'real codes with bits flipped and the checksum recomputed',
    1_000,
    () => forge(pick(realCodes)),
    false,
  ],
  ['real codes mutated as text', 33_000, () => mutate(pick(realCodes)), true],
  [
    'mutated codes inside replay links',
    3_000,
    () => pick(['', '  ', '\n']) + replayLink('https://example.org/', mutate(pick(realCodes))),
    true,
  ],
];

describe('fuzzing decodeResult and verifyResult', () => {
  const total: Stats = { inputs: 0, accepted: 0, acceptedVariants: 0, failures: [] };

  it.each(runs.map(([label, count, make, mutant]) => ({ label, count, make, mutant })))(
    '$count × $label',
    ({ count, make, mutant }) => {
      const stats: Stats = { inputs: 0, accepted: 0, acceptedVariants: 0, failures: [] };
      for (let i = 0; i < count; i++) check(make(), stats, mutant);
      expect(stats.failures).toEqual([]);
      expect(stats.inputs).toBe(count);
      total.inputs += stats.inputs;
      total.accepted += stats.accepted;
      total.acceptedVariants += stats.acceptedVariants;
    },
    // About 7 s in all on a laptop core; generous for a slow CI machine.
    30_000,
  );

  it('ran at least 100,000 inputs, accepting nothing but real games', () => {
    expect(total.inputs).toBeGreaterThanOrEqual(100_000);
    // Real codes are accepted as themselves; the fuzz accepted almost nothing else.
    expect(total.accepted).toBeLessThan(total.inputs / 100);
  });

  it('the real codes themselves all verify (the fuzz has something to break)', () => {
    for (const code of realCodes) expect(verifyResult(code).valid).toBe(true);
    expect(genuine.size).toBe(realCodes.length);
  });

  it('refuses oversize input unread, whatever it holds', () => {
    const big = realCodes[0]!.padEnd(MAX_CODE_LENGTH + 1, 'A');
    expect(decodeResult(big)).toEqual({ ok: false, reason: expect.stringMatching(/too long/) });
    expect(verifyResult('A'.repeat(5_000_000)).valid).toBe(false);
  });

  it('refuses non-strings without throwing', () => {
    for (const x of [undefined, null, 42, {}, [], Symbol('x')])
      expect(verifyResult(x as unknown as string).valid).toBe(false);
  });
});

describe('every code has one spelling', () => {
  // The padding bits of the last character must be zero, or one game would have up to 15
  // spellings that all verify.
  it('a code has exactly one spelling (no spare bits in the last character)', () => {
    const code = realCodes.find((c) => c.length % 4 === 2)!;
    const last = ALPHABET.indexOf(code.at(-1)!);
    const other = `${code.slice(0, -1)}${ALPHABET[last ^ 1]}`; // a padding bit only
    expect(verifyResult(code).valid).toBe(true);
    expect(verifyResult(other).valid).toBe(false);
  });

  // "End the week" is one 0 bit; a 1 bit and index 0 of the move list (also week.end) would be a
  // second spelling, and is refused.
  it('"end the week" has one spelling', () => {
    const end = game.replay(7, 'standard', [{ type: 'week.end' }]);
    const w = new BitWriter();
    w.write(1, 8)
      .write(0, 4)
      .write(rulesTag(game.scenario), 16)
      .write(1, 2)
      .write(7, 32)
      .write(0, 1)
      .write(0, 1)
      .write(0, 6);
    w.write(1, 9).write(1, 1).write(0, MOVE_WIDTH); // one move: "1" + index 0
    w.write(parseInt(stateHash(end.state).slice(0, 8), 16), 32);
    expect(verifyResult(withChecksum(w.finish())).valid).toBe(false);
  });
});

describe('a code made under other rules', () => {
  /** A code of one "end the week" on seed 7, carrying the given rules tag. */
  function codeWithTag(tag: number): string {
    const end = game.replay(7, 'standard', [{ type: 'week.end' }]);
    const w = new BitWriter();
    w.write(1, 8).write(0, 4).write(tag, 16).write(1, 2).write(7, 32);
    w.write(0, 1).write(0, 1).write(0, 6).write(1, 9).write(0, 1);
    w.write(parseInt(stateHash(end.state).slice(0, 8), 16), 32);
    return withChecksum(w.finish());
  }

  it('is recognised as such, not blamed as edited', () => {
    expect(verifyResult(codeWithTag(rulesTag(game.scenario))).valid).toBe(true);
    expect(verifyResult(codeWithTag((rulesTag(game.scenario) + 1) % 65536))).toEqual({
      valid: false,
      reason:
        'This code was made with another version of the game (older or newer), whose rules for The December Summit are not the same. This version cannot check its result.',
    });
  });

  it('made with an earlier version of the game (a tag it had before), says so plainly', () => {
    for (const tag of EARLIER_TAGS[game.scenario.id]!)
      expect(verifyResult(codeWithTag(tag))).toEqual({
        valid: false,
        reason:
          'This code was made with an earlier version of the game. The rules have changed since, so this version cannot check its result.',
      });
  });

  it('the rules tag follows the scenario data', () => {
    const changed = { ...game.scenario, target: game.scenario.target + 1 };
    expect(rulesTag({ ...changed, id: 'changed-copy' })).not.toBe(rulesTag(game.scenario));
  });

  it('no earlier tag of a scenario is its current one', () => {
    for (const id of SCENARIO_CODES)
      expect(EARLIER_TAGS[id], id).not.toContain(rulesTag(getScenario(id)!));
  });
});
