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
  /** replaySteps to its end: the last state, or the first refused move's index and reason. */
  replay(seed: number | string, difficulty: Difficulty, moves: readonly Move[]): ReplayResult;
  /**
   * The one replay, step by step: yields each move's step in order and stops after the first
   * refused one. Lazy: it keeps only the current state (collect the steps to keep them all).
   */
  replaySteps(
    seed: number | string,
    difficulty: Difficulty,
    moves: readonly Move[],
  ): Generator<ReplayStep, void, undefined>;
}

export type ReplayResult =
  { ok: true; state: GameState } | { ok: false; state: GameState; index: number; reason: string };

/**
 * One move of a replay: its index in the moves, the state before it, and its result. A refused
 * move is the last step; its `state` is `before`, unchanged.
 */
export type ReplayStep = MoveResult & { index: number; move: Move; before: GameState };

export function createGame(scenario: Scenario, runtime: ActorRuntime): Game {
  const start = (seed: number | string, difficulty: Difficulty) =>
    createInitialState(scenario, normaliseSeed(seed), difficulty, runtime);
  const play = (state: GameState, move: Move) => applyMove(scenario, runtime, state, move);
  function* replaySteps(
    seed: number | string,
    difficulty: Difficulty,
    moves: readonly Move[],
  ): Generator<ReplayStep, void, undefined> {
    let state = start(seed, difficulty);
    for (let index = 0; index < moves.length; index++) {
      const move = moves[index]!;
      const r = play(state, move);
      if (!r.ok) {
        yield { ok: false, state, reason: r.reason, index, move, before: state };
        return;
      }
      yield { ok: true, state: r.state, index, move, before: state };
      state = r.state;
    }
  }
  return {
    scenario,
    start,
    play,
    validate: (state, move) => validateMove(scenario, state, move),
    replay(seed, difficulty, moves) {
      if (moves.length === 0) return { ok: true, state: start(seed, difficulty) };
      let last!: ReplayStep;
      for (const step of replaySteps(seed, difficulty, moves)) last = step;
      return last.ok
        ? { ok: true, state: last.state }
        : { ok: false, state: last.state, index: last.index, reason: last.reason };
    },
    replaySteps,
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
