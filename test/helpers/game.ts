import { produce, type Draft } from 'immer';
import { assert } from 'vitest';

import { actorRuntime } from '../../src/actors';
import {
  createGame,
  type ActorState,
  type Difficulty,
  type Game,
  type GameState,
  type Move,
  type OfferTerms,
  type Pledge,
  type Scenario,
} from '../../src/engine';
import { getScenario } from '../../src/scenarios';

// State builders and drivers for engine and actor tests. Tests read like scenarios: start a game,
// play moves that must be accepted, end weeks, or hand-build a state with Immer.

const found = getScenario('december-summit');
if (!found) throw new Error('the december-summit scenario is missing');

/** The main scenario, as the engine sees it. */
export const scenario: Scenario = found;

/** A fresh game of the December Summit bound to the real actors. */
export function newGame(
  seed: number | string = 1,
  difficulty: Difficulty = 'standard',
): { game: Game; state: GameState } {
  const game = createGame(scenario, actorRuntime);
  return { game, state: game.start(seed, difficulty) };
}

/** Plays moves that must all be accepted; fails with the refusal reason otherwise. */
export function play(game: Game, state: GameState, ...moves: Move[]): GameState {
  let s = state;
  moves.forEach((move, i) => {
    const r = game.play(s, move);
    if (!r.ok)
      assert.fail(`move ${i} ${JSON.stringify(move)} was refused in week ${s.week}: ${r.reason}`);
    s = r.state;
  });
  return s;
}

/** Ends `n` weeks in a row (each must be accepted, so the game must still be running). */
export function endWeeks(game: Game, state: GameState, n: number): GameState {
  let s = state;
  for (let i = 0; i < n; i++) s = play(game, s, { type: 'week.end' });
  return s;
}

/** Ends weeks until the given week has started. */
export function untilWeek(game: Game, state: GameState, week: number): GameState {
  assert(state.week <= week, `already in week ${state.week}, past week ${week}`);
  return endWeeks(game, state, week - state.week);
}

/** Ends every remaining week. */
export function finish(game: Game, state: GameState): GameState {
  let s = state;
  while (s.status === 'playing') s = play(game, s, { type: 'week.end' });
  return s;
}

/** A copy of the state with one actor's fields replaced (a hand-built test state). */
export function withActor(state: GameState, id: string, patch: Partial<ActorState>): GameState {
  assert(state.actors[id], `no actor "${id}" in the state`);
  return produce(state, (d) => {
    Object.assign(d.actors[id]!, patch as Draft<Partial<ActorState>>);
  });
}

/** A copy of the state changed by an Immer recipe. */
export function withState(state: GameState, recipe: (d: Draft<GameState>) => void): GameState {
  return produce(state, recipe);
}

/** A copy where the actors have committed to these terms (as if they had accepted offers). */
export function withCommitments(
  state: GameState,
  commitments: Record<string, OfferTerms>,
): GameState {
  return produce(state, (d) => {
    for (const [actor, terms] of Object.entries(commitments)) {
      assert(d.actors[actor], `no actor "${actor}" in the state`);
      d.actors[actor]!.stance = 'committed';
      d.actors[actor]!.machine = { value: 'committed', context: {} };
      // One commitment per actor, as in play: a new one replaces the old.
      const route = terms.guarantee ? 'reparations-loan' : terms.optOut ? 'joint-borrowing' : null;
      d.commitments = d.commitments.filter((c) => c.actor !== actor);
      d.commitments.push({ actor, week: d.week, terms, route, condition: '' });
    }
  });
}

/** A copy with extra pledges from the named actors (real money unless a condition is given). */
export function withPledges(state: GameState, pledges: Record<string, Partial<Pledge>>): GameState {
  return produce(state, (d) => {
    for (const [actor, p] of Object.entries(pledges)) {
      d.pledges.push({
        id: `${actor}-test`,
        actor,
        amount: 1000,
        condition: null,
        conditionText: '',
        status: 'real',
        week: d.week,
        realWeek: d.week,
        payableWeek: d.week + 1,
        ...p,
      });
    }
  });
}
