import { gameFor } from '../../src/app/store';
import { Dice, seedRng, type Difficulty, type Move } from '../../src/engine';
import { encodeResult, movesBefore, realPath } from '../../src/share';
import { playGame, playOn } from '../../src/sim/run';
import { policyByName } from '../../src/sim/policies';
import type { ClassSession } from '../../src/classroom/session';
import type { Variant } from '../../src/scenarios';

// Real result codes for the classroom tests: games played to the end by the harness's policies.

export const SCENARIO = 'december-summit';

/** A browser storage in memory, with what it holds in `data` for the tests to look at. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

export interface MadeGame {
  code: string;
  seed: number;
  policy: string;
  name: string;
}

export function makeCode(opts: {
  seed: number;
  policy?: string;
  difficulty?: Difficulty;
  hints?: boolean;
  classLabel?: string;
  name?: string;
  /** a teacher's tuning of the scenario */
  variant?: Variant;
}): MadeGame {
  const game = gameFor(SCENARIO, opts.variant)!;
  const difficulty = opts.difficulty ?? 'standard';
  const policy = opts.policy ?? 'scripted';
  const rec = playGame(game, opts.seed, difficulty, policyByName(policy)!);
  const r = game.replay(opts.seed, difficulty, rec.moves);
  if (!r.ok) throw new Error('the harness game did not replay');
  const name = opts.name ?? 'Ana';
  const code = encodeResult({
    scenarioId: SCENARIO,
    seed: opts.seed,
    difficulty,
    options: {
      hints: opts.hints ?? false,
      classLabel: opts.classLabel ?? '7B',
      ...(opts.variant ? { variant: opts.variant } : {}),
    },
    name,
    moves: rec.moves,
    state: r.state,
  });
  return { code, seed: opts.seed, policy, name };
}

/**
 * A "What if?" code: the real path's (or another policy's game's) moves to the start of `week`,
 * then a policy plays on. The class's usual options (class 7B, no hints).
 */
export function makeForkCode(opts: {
  seed: number;
  week: number;
  kind?: 'history' | 'game';
  /** the policy that plays on from the fork */
  policy?: string;
  /** for kind 'game': the policy whose game is the base */
  basePolicy?: string;
  name?: string;
}): MadeGame {
  const game = gameFor(SCENARIO)!;
  const kind = opts.kind ?? 'history';
  const policy = opts.policy ?? 'scripted';
  const base =
    kind === 'history'
      ? realPath(game, opts.seed, 'standard')
      : playGame(game, opts.seed, 'standard', policyByName(opts.basePolicy ?? 'us-deal')!).moves;
  const moves: Move[] = movesBefore(base, opts.week);
  const at = game.replay(opts.seed, 'standard', moves);
  if (!at.ok) throw new Error('the start of the fork does not replay');
  const state = playOn(game, at.state, policyByName(policy)!, new Dice(seedRng(7)), moves);
  const name = opts.name ?? 'Sam';
  const code = encodeResult({
    scenarioId: SCENARIO,
    seed: opts.seed,
    difficulty: 'standard',
    options: { hints: false, classLabel: '7B' },
    name,
    moves,
    state,
    fork: { kind, week: opts.week, base },
  });
  return { code, seed: opts.seed, policy, name };
}

/** The class game most tests compare with. */
export const SESSION: ClassSession = {
  scenarioId: SCENARIO,
  seed: 34,
  difficulty: 'standard',
  hints: false,
  classLabel: '7B',
  variant: {},
};

/** A code with one character changed so that it is still base64url. */
export function flipOne(code: string, at = Math.floor(code.length / 2)): string {
  const c = code[at]!;
  return code.slice(0, at) + (c === 'A' ? 'B' : 'A') + code.slice(at + 1);
}
