import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame, stableStringify, type GameState, type Move } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import {
  advise,
  coachPolicy,
  newCoachMemory,
  turnDown,
  type CoachMemory,
} from '../../src/sim/coach';
import { plansOf } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';

// The coach (src/sim/coach.ts): the search player's advice, at any position. Light rollouts keep
// the tests fast; the balance report plays it with the search player's own (npm run balance).

const scenario = getScenario('december-summit')!;
const game = createGame(scenario, actorRuntime);
const plans = plansOf(scenario.id)!;
// Whole games of look-ahead: slow on a busy machine, and a test never fails for that.
const SLOW = 300_000;
const LIGHT = { rollouts: 1, openingRollouts: 2, moveRollouts: 1, moveMargin: 0.1 };

const accepted = (state: GameState, m: Move) => {
  const r = game.play(state, m);
  return r.ok && r.state.commitments.length > state.commitments.length;
};

/** Follows the coach for a whole game, checking each suggestion against its memory. */
function follow(seed: number, check: (state: GameState, m: Move, memory: CoachMemory) => void) {
  const memory = newCoachMemory();
  let state = game.start(seed, 'standard');
  const moves: Move[] = [];
  while (state.status === 'playing' && moves.length < 200) {
    const { move } = advise(game, state, plans, memory, LIGHT);
    check(state, move, memory);
    moves.push(move);
    const r = game.play(state, move);
    expect(r.ok, `week ${state.week}: ${JSON.stringify(move)}`).toBe(true);
    state = r.state;
  }
  return { state, moves, memory };
}

describe('the coach', () => {
  it(
    'gives the same advice at the same position, with a fresh memory or asked again',
    () => {
      const state = game.start(11, 'standard');
      const a = advise(game, state, plans, newCoachMemory(), LIGHT);
      const b = advise(game, state, plans, newCoachMemory(), LIGHT);
      expect(b.move).toEqual(a.move);
      expect(b.plans).toEqual(a.plans);
      const memory = newCoachMemory();
      const first = advise(game, state, plans, memory, LIGHT);
      expect(advise(game, state, plans, memory, LIGHT).move).toEqual(first.move);
      // Every strategy was weighed over the same trial games, best first.
      expect(a.plans.map((f) => f.plan).sort()).toEqual(Object.keys(plans).sort());
      for (let i = 1; i < a.plans.length; i++)
        expect(a.plans[i - 1]!.value).toBeGreaterThanOrEqual(a.plans[i]!.value);
      expect(a.plan).toBe(a.plans[0]!.plan);
      expect(a.weighed).toBe(true);
    },
    SLOW,
  );

  it(
    'suggests only moves the rules accept, and never again an offer just refused on the same terms while it would still be refused',
    () => {
      let refusedSeen = 0;
      for (const seed of [1, 2, 3, 4]) {
        const { memory } = follow(seed, (state, move, memory) => {
          expect(game.validate(state, move)).toBeNull();
          if (memory.refused.includes(stableStringify(move)))
            expect(accepted(state, move), `week ${state.week}`).toBe(true);
        });
        refusedSeen += memory.refused.length;
      }
      // The check above had something to check: some suggested offers were refused.
      expect(refusedSeen).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'remembers a suggested offer that was refused',
    () => {
      // Find a refused suggestion, then check the memory holds it afterwards.
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
        const memory = newCoachMemory();
        let state = game.start(seed, 'standard');
        for (let n = 0; n < 120 && state.status === 'playing'; n++) {
          const { move } = advise(game, state, plans, memory, LIGHT);
          const next = game.play(state, move).state;
          const refused =
            move.type === 'offer.make' &&
            next.log
              .slice(state.log.length)
              .some((e) => e.kind === 'reply' && e.code !== 'reply.accept');
          state = next;
          if (refused && state.status === 'playing') {
            advise(game, state, plans, memory, LIGHT);
            expect(memory.refused).toContain(stableStringify(move));
            return;
          }
        }
      }
      throw new Error('no suggested offer was refused in eight games');
    },
    SLOW,
  );

  it(
    'takes no for an answer: a move turned down is not suggested again that week',
    () => {
      const state = game.start(5, 'standard');
      const memory = newCoachMemory();
      const seen = new Set<string>();
      let advice = advise(game, state, plans, memory, LIGHT);
      for (let i = 0; i < 4; i++) {
        seen.add(stableStringify(advice.move));
        turnDown(memory, advice.move);
        advice = advise(game, state, plans, memory, LIGHT);
        expect(seen.has(stableStringify(advice.move))).toBe(false);
        expect(game.validate(state, advice.move)).toBeNull();
      }
      // A new week forgets what was turned down (it may be right then).
      const next = game.play(state, { type: 'week.end' }).state;
      advise(game, next, plans, memory, LIGHT);
      expect(memory.turnedDown).toEqual([]);
    },
    SLOW,
  );

  it(
    'forgets another scenario with the same seed, and a game begun again',
    () => {
      const london = createGame(getScenario('london-talks')!, actorRuntime);
      const londonPlans = plansOf('london-talks')!;
      const memory = newCoachMemory();
      advise(game, game.start(3, 'standard'), plans, memory, LIGHT);
      const start = london.start(3, 'standard');
      const other = advise(london, start, londonPlans, memory, LIGHT);
      expect(london.validate(start, other.move)).toBeNull();
      expect(memory.game).toBe('london-talks|standard|3');
      // Played on, then begun again: what was turned down in the first go is forgotten.
      const next = london.play(start, other.move).state;
      advise(london, next, londonPlans, memory, LIGHT);
      turnDown(memory, { type: 'week.end' });
      advise(london, start, londonPlans, memory, LIGHT);
      expect(memory.turnedDown).toEqual([]);
    },
    SLOW,
  );

  it(
    'forgets another game',
    () => {
      const memory = newCoachMemory();
      advise(game, game.start(3, 'standard'), plans, memory, LIGHT);
      turnDown(memory, { type: 'week.end' });
      advise(game, game.start(4, 'standard'), plans, memory, LIGHT);
      expect(memory.seed).toBe(4);
      expect(memory.turnedDown).toEqual([]);
    },
    SLOW,
  );

  it(
    "plays in the harness exactly what the page's coach says move by move",
    () => {
      const harness = playGame(game, 9, 'standard', coachPolicy(plans, LIGHT));
      const page = follow(9, () => {});
      expect(page.moves).toEqual(harness.moves);
    },
    SLOW,
  );
});
