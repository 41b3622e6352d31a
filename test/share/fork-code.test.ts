import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame, Dice, seedRng, stateHash, type Move } from '../../src/engine';
import { getScenario, tunedScenario } from '../../src/scenarios';
import { BitReader, fromBase64Url, toBase64Url } from '../../src/share/bits';
import {
  decodeResult,
  encodeResult,
  FORK_CODE_VERSION,
  movesBefore,
  realPath,
  verifyResult,
  type ForkOf,
} from '../../src/share';
import { policyByName } from '../../src/sim/policies';
import { playGame, playOn } from '../../src/sim/run';

// Result codes of forks (format version 3): a game that took the real path's (or another game's)
// moves up to the start of a week and then went its own way. The code carries its base, verifies
// by replay like any other, and shows both timelines.

const ID = 'december-summit';
const scenario = getScenario(ID)!;
const game = createGame(scenario, actorRuntime);
const OPTIONS = { hints: false, classLabel: '10A' };

/** Plays on from the base's state at the start of `week` with the scripted player. */
function fork(base: Move[], kind: ForkOf['kind'], week: number, seed: number) {
  const prefix = movesBefore(base, week);
  const at = game.replay(seed, 'standard', prefix);
  if (!at.ok) throw new Error('the prefix does not replay');
  const moves = [...prefix];
  const state = playOn(game, at.state, policyByName('scripted', ID)!, new Dice(seedRng(3)), moves);
  const code = encodeResult({
    scenarioId: ID,
    seed,
    difficulty: 'standard',
    options: OPTIONS,
    name: 'Sam',
    moves,
    state,
    fork: { kind, week, base },
  });
  return { code, moves, state };
}

/** A code's body (checksum dropped) with `count` bits flipped from bit `start`, high bit first. */
function flipBits(code: string, start: number, count: number): Uint8Array {
  const bytes = fromBase64Url(code)!;
  const body = bytes.slice(0, bytes.length - 4);
  for (let b = start; b < start + count; b++) body[b >> 3]! ^= 0x80 >> (b & 7);
  return body;
}

/** Rewrites a code's body with a new checksum, as a forger would. */
function resign(body: Uint8Array): string {
  const out = new Uint8Array(body.length + 4);
  out.set(body);
  out.set(sha256(body).slice(0, 4), body.length);
  return toBase64Url(out);
}

describe('movesBefore', () => {
  const moves: Move[] = [
    { type: 'actor.sound', actor: 'belgium' },
    { type: 'week.end' },
    { type: 'g7.coordinate' },
    { type: 'week.end' },
    { type: 'week.end' },
  ];
  it('keeps the moves before the start of a week', () => {
    expect(movesBefore(moves, 1)).toEqual([]);
    expect(movesBefore(moves, 2)).toEqual(moves.slice(0, 2));
    expect(movesBefore(moves, 3)).toEqual(moves.slice(0, 4));
    expect(movesBefore(moves, 4)).toEqual(moves);
  });
});

describe('a fork of the real path', () => {
  const seed = 42;
  const history = realPath(game, seed, 'standard');
  const f = fork(history, 'history', 4, seed);

  it('is a version 3 code that verifies, with both timelines', () => {
    expect(fromBase64Url(f.code)![0]).toBe(FORK_CODE_VERSION);
    const v = verifyResult(f.code);
    if (!v.valid) throw new Error(v.reason);
    expect(v.stateHash).toBe(stateHash(f.state));
    expect(v.moves).toEqual(f.moves);
    expect(v.name).toBe('Sam');
    expect(v.fork?.kind).toBe('history');
    expect(v.fork?.week).toBe(4);
    expect(v.fork?.base).toEqual(history);
    // The base timeline is the real path played to its end: a partial result, as history.
    expect(v.fork?.baseState.ending?.outcome).toBe('partial');
    // Both timelines share every move before week 4 and the same world.
    expect(v.moves.slice(0, movesBefore(history, 4).length)).toEqual(movesBefore(history, 4));
  });

  it('does not write the real path: the code is about as short as a game of its own moves', () => {
    const own = encodeResult({
      scenarioId: ID,
      seed,
      difficulty: 'standard',
      options: OPTIONS,
      name: 'Sam',
      moves: f.moves,
      state: f.state,
    });
    expect(f.code.length).toBeLessThanOrEqual(own.length + 4);
  });

  it('is refused when its moves are edited, even with a new checksum', () => {
    // Flip the bit just before the claimed hash (32 bits and the last byte's padding): a
    // different last move, or a move that is not in the list.
    const bytes = fromBase64Url(f.code)!;
    const bits = (bytes.length - 4) * 8;
    let edited: ReturnType<typeof verifyResult> | null = null;
    for (let back = 33; back < 41 && !edited; back++) {
      const v = verifyResult(resign(flipBits(f.code, bits - back, 1)));
      if (!v.valid && !/extra data/.test(v.reason)) edited = v;
    }
    expect(edited).toMatchObject({ valid: false });
  });

  // After the header (version 8, scenario 4, rules 16, difficulty 2, seed 32, hints 1, class
  // 1 + 16, tuned 1, name 6 + 3 bytes) come the base bit and the fork week (6 bits), then the
  // script tag (16 bits).
  const WEEK_AT = 81 + 6 + 24 + 1;
  const TAG_AT = WEEK_AT + 6;

  it('reads the fork week and script tag where the layout puts them', () => {
    const r = new BitReader(fromBase64Url(f.code)!);
    r.read(WEEK_AT);
    expect(r.read(6)).toBe(4);
  });

  it('is refused when it names a real path of other rules (the script tag)', () => {
    const d = decodeResult(resign(flipBits(f.code, TAG_AT, 16)));
    expect(d).toEqual({ ok: false, reason: expect.stringMatching(/real path as another version/) });
  });

  it('cannot start after the real path ended, nor in week 0', () => {
    // 4 xor 63 = 59: past the end of a 19-week game; 4 xor 4 = 0.
    expect(decodeResult(resign(flipBits(f.code, WEEK_AT, 6)))).toMatchObject({ ok: false });
    const zero = resign(flipBits(f.code, WEEK_AT + 3, 1));
    expect(decodeResult(zero)).toEqual({
      ok: false,
      reason: 'The week this game forked at is not in the game.',
    });
  });
});

describe('a fork of another game', () => {
  const seed = 9;
  const base = playGame(game, seed, 'standard', policyByName('us-deal', ID)!);
  const f = fork(base.moves, 'game', 6, seed);

  it('carries the base game whole and verifies both', () => {
    const v = verifyResult(f.code);
    if (!v.valid) throw new Error(v.reason);
    expect(v.fork?.kind).toBe('game');
    expect(v.fork?.base).toEqual(base.moves);
    expect(stateHash(v.fork!.baseState)).toBe(stateHash(base.state));
    expect(v.stateHash).toBe(stateHash(f.state));
  });

  it('must begin with its base: encoding another game as its fork throws', () => {
    const other = playGame(game, seed, 'standard', policyByName('random', ID)!);
    expect(() =>
      encodeResult({
        scenarioId: ID,
        seed,
        difficulty: 'standard',
        options: OPTIONS,
        moves: other.moves,
        state: other.state,
        fork: { kind: 'game', week: 6, base: base.moves },
      }),
    ).toThrow(/begin with its base/);
  });
});

describe('forks of a tuned game', () => {
  it('carry the variant and verify against it', () => {
    const variant = { target: 550, weeks: 15 };
    const t = tunedScenario(ID, variant);
    if (!t.ok) throw new Error(t.reason);
    const g = createGame(t.scenario, actorRuntime);
    const history = realPath(g, 5, 'standard');
    const prefix = movesBefore(history, 3);
    const moves = [...prefix];
    const state = playOn(
      g,
      g.replay(5, 'standard', prefix).state!,
      policyByName('scripted', ID)!,
      new Dice(seedRng(1)),
      moves,
    );
    const code = encodeResult({
      scenarioId: ID,
      seed: 5,
      difficulty: 'standard',
      options: { ...OPTIONS, variant },
      moves,
      state,
      fork: { kind: 'history', week: 3, base: history },
    });
    const v = verifyResult(code);
    if (!v.valid) throw new Error(v.reason);
    expect(v.variant).toEqual(variant);
    expect(v.fork?.week).toBe(3);
  });
});
