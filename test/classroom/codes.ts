import { gameFor } from '../../src/app/store';
import type { Difficulty } from '../../src/engine';
import { encodeResult } from '../../src/share';
import { playGame } from '../../src/sim/run';
import { policyByName } from '../../src/sim/policies';
import type { ClassSession } from '../../src/classroom/session';
import type { Variant } from '../../src/scenarios';

// Real result codes for the classroom tests: games played to the end by the harness's policies.

export const SCENARIO = 'december-summit';

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
