import { digest } from './hash';
import { applyMove, validateMove } from './moves';
import { normaliseSeed } from './rng';
import type { ActorRuntime } from './runtime';
import { createInitialState } from './state';
import type { Difficulty, GameState, Move, MoveResult, Scenario } from './types';

// The one idea: state = replay(scenario, seed, moves). A Game binds a scenario and the actors'
// runtime and exposes that function and its parts; everything else is a view of it.

export interface GameSetup {
  scenario: Scenario;
  seed: number | string;
  difficulty: Difficulty;
}

export interface Game {
  scenario: Scenario;
  start(seed: number | string, difficulty: Difficulty): GameState;
  play(state: GameState, move: Move): MoveResult;
  validate(state: GameState, move: Move): string | null;
  /** Folds the moves over the first state; a refused move stops the replay with its reason. */
  replay(seed: number | string, difficulty: Difficulty, moves: readonly Move[]): ReplayResult;
}

export type ReplayResult =
  { ok: true; state: GameState } | { ok: false; state: GameState; index: number; reason: string };

export function createGame(scenario: Scenario, runtime: ActorRuntime): Game {
  const start = (seed: number | string, difficulty: Difficulty) =>
    createInitialState(scenario, normaliseSeed(seed), difficulty, runtime);
  const play = (state: GameState, move: Move) => applyMove(scenario, runtime, state, move);
  return {
    scenario,
    start,
    play,
    validate: (state, move) => validateMove(scenario, state, move),
    replay(seed, difficulty, moves) {
      let state = start(seed, difficulty);
      for (let i = 0; i < moves.length; i++) {
        const r = play(state, moves[i]!);
        if (!r.ok) return { ok: false, state, index: i, reason: r.reason };
        state = r.state;
      }
      return { ok: true, state };
    },
  };
}

const hashes = new WeakMap<GameState, string>();

/**
 * A stable digest of a state: the same (scenario, seed, moves) always gives the same hash.
 * States are never changed once made, so each is hashed once (the ending re-encodes its
 * result code on every key of the player's name).
 */
export function stateHash(state: GameState): string {
  let h = hashes.get(state);
  if (h === undefined) {
    h = digest(state);
    hashes.set(state, h);
  }
  return h;
}
