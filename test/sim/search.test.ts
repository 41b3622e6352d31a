import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import {
  createGame,
  Dice,
  seedRng,
  stateHash,
  type Game,
  type GameState,
  type Move,
} from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { policyByName, searchPlayer, STRATEGIES } from '../../src/sim/policies';
import { playOn, simulate } from '../../src/sim/run';
import {
  alternatives,
  bestMove,
  bestPlan,
  endingValue,
  moveValue,
  reseeded,
  rollout,
  searchPolicy,
} from '../../src/sim/search';
import type { Policy } from '../../src/sim/tactics';
import { newGame, play, scenario } from '../helpers/game';

// The search player (src/sim/search.ts): rollouts from the current state with fresh randomness
// drawn from its own dice. It must never peek at the game's own future (the state's `rng`),
// never change the state it is shown, and be deterministic for a seed.

const LIGHT = { rollouts: 2, openingRollouts: 2 };
const END: Move = { type: 'week.end' };
const idle: Policy = () => END;

/** A state at the first move of week `week`, reached by the joint-borrowing strategy (which cannot win before Parliament's consent). */
function midGame(week: number, seed = 5): { game: Game; state: GameState } {
  const { game, state } = newGame(seed);
  const joint = policyByName('joint')!;
  const dice = new Dice(seedRng(seed));
  let s = state;
  while (s.week < week && s.status === 'playing') {
    const r = game.play(s, joint(game, s, dice));
    s = r.ok ? r.state : play(game, s, END);
  }
  expect(s.status, `the game of seed ${seed} ended before week ${week}`).toBe('playing');
  return { game, state: s };
}

/** A deep copy of a state, every object in it frozen: writing to any of it throws. */
function frozenCopy(state: GameState): GameState {
  const freeze = (x: unknown): unknown => {
    if (x && typeof x === 'object') {
      for (const v of Object.values(x)) freeze(v);
      Object.freeze(x);
    }
    return x;
  };
  return freeze(structuredClone(state)) as GameState;
}

/** The state with its own randomness made unreadable: reading `rng` throws. */
function poisoned(state: GameState): GameState {
  const copy: Partial<GameState> = { ...state };
  delete copy.rng;
  // Not enumerable, so copying the state ({ ...state }) leaves it behind instead of reading it.
  Object.defineProperty(copy, 'rng', {
    enumerable: false,
    get() {
      throw new Error('the search read the game’s own random state');
    },
  });
  return copy as GameState;
}

/** The search player's move in a state, with its dice seeded by `seed`. */
const choose = (game: Game, state: GameState, seed = 11, policy = searchPlayer(scenario.id)!) =>
  policy(game, state, new Dice(seedRng(seed)));

describe('the search player never peeks', { timeout: 120_000 }, () => {
  it('chooses the same move whatever the state’s own random state holds', () => {
    for (const week of [1, 3, 6]) {
      const { game, state } = midGame(week);
      const move = choose(game, state);
      for (const seed of [2, 123456]) {
        const other: GameState = { ...state, rng: Object.freeze(seedRng(seed)) };
        expect(choose(game, other), `week ${week}, rng of seed ${seed}`).toEqual(move);
      }
    }
  });

  it('never reads the state’s own random state at all', () => {
    const { game, state } = midGame(4);
    expect(() => poisoned(state).rng).toThrow();
    expect(choose(game, poisoned(state))).toEqual(choose(game, state));
  });

  it('plays every rollout in a world reseeded from its own dice', () => {
    const { state } = midGame(2);
    const r = reseeded(state, 99);
    expect(r.rng).toEqual(seedRng(99));
    expect(r.rng).not.toEqual(state.rng);
    expect({ ...r, rng: state.rng }).toEqual(state);
  });

  it('never changes the state it is shown (a deep-frozen state is searched without error)', () => {
    const { game, state } = midGame(3);
    const before = stateHash(state);
    const frozen = frozenCopy(state);
    expect(choose(game, frozen)).toEqual(choose(game, state));
    expect(stateHash(state)).toBe(before);
    expect(stateHash(structuredClone(frozen))).toBe(before);
    // A rollout on its own leaves the state as it was, too.
    const plans = STRATEGIES[scenario.id]!;
    rollout(game, frozen, plans.scripted!, 7);
    expect(stateHash(structuredClone(frozen))).toBe(before);
  });
});

describe('the search player', { timeout: 120_000 }, () => {
  it('is deterministic: the same seeds give the same games', () => {
    const run = () =>
      simulate({
        scenario,
        policy: searchPlayer(scenario.id, LIGHT)!,
        policyName: 'search',
        games: 2,
        seed: 1,
        difficulty: 'standard',
      }).report;
    expect(run().hash).toBe(run().hash);
  });

  it('prefers the plan whose rollouts end best', () => {
    const { game, state } = newGame(3);
    const plans = { idle, scripted: policyByName('scripted')! };
    expect(bestPlan(game, state, new Dice(seedRng(1)), plans, 2)).toBe('scripted');
    expect(bestPlan(game, state, new Dice(seedRng(1)), plans, 2, 'idle')).toBe('scripted');
  });

  it('decides at the first move of a week and follows its plan for the rest of it', () => {
    let calls = 0;
    const scripted = policyByName('scripted')!;
    const counted: Policy = (game, state, dice) => {
      calls++;
      return scripted(game, state, dice);
    };
    const policy = searchPolicy({ a: counted, b: counted }, LIGHT);
    const { game, state } = midGame(2);
    const dice = new Dice(seedRng(4));
    const first = policy(game, state, dice);
    expect(calls).toBeGreaterThan(2); // the rollouts, then the move
    const next = play(game, state, first);
    expect(next.week).toBe(state.week);
    calls = 0;
    expect(policy(game, next, dice)).toEqual(scripted(game, next, dice));
    expect(calls).toBe(1); // the plan's move alone: no rollouts within the week
    calls = 0;
    policy(game, play(game, next, END), dice);
    expect(calls).toBeGreaterThan(2); // a new week: rollouts again
  });

  it('values a win above any partial result, more money and an earlier week above less', () => {
    const { game, state } = newGame(1);
    const end = playOn(game, state, policyByName('us-deal')!, new Dice(seedRng(1)));
    const e = end.ending!;
    const as = (over: Partial<typeof e>) => ({ ...end, ending: { ...e, ...over } });
    const win = endingValue(scenario, as({ outcome: 'win', week: 15, secured: e.target }));
    const earlier = endingValue(scenario, as({ outcome: 'win', week: 10, secured: e.target }));
    const nearMiss = endingValue(scenario, as({ outcome: 'partial', secured: e.target - 1 }));
    const less = endingValue(scenario, as({ outcome: 'partial', secured: 1000 }));
    const loss = endingValue(scenario, as({ outcome: 'loss', secured: 0 }));
    expect(earlier).toBeGreaterThan(win);
    expect(win).toBeGreaterThan(nearMiss);
    expect(nearMiss).toBeGreaterThan(less);
    expect(less).toBeGreaterThan(loss);
  });

  it('is known by name in every scenario with strategies', () => {
    for (const id of Object.keys(STRATEGIES)) {
      const s = getScenario(id)!;
      const policy = policyByName('search', id)!;
      expect(policy, id).toBeTypeOf('function');
      const game = createGame(s, actorRuntime);
      const state = game.start(1, 'standard');
      expect(game.validate(state, policy(game, state, new Dice(seedRng(1))))).toBeNull();
    }
    expect(policyByName('search', 'no-such-scenario')).toBeNull();
  });
});

describe("the search player weighing a week's first move", () => {
  const plans = Object.fromEntries(
    Object.entries(STRATEGIES[scenario.id]!).filter(([name]) => name !== 'random'),
  );

  it("weighs only moves the engine accepts, the plan's own first, each once", () => {
    const { game, state } = midGame(3);
    const own = plans.scripted!(game, state, new Dice(seedRng(1)));
    const moves = alternatives(game, state, plans, own);
    expect(moves[0]).toEqual(own);
    expect(moves.length).toBeGreaterThan(10);
    expect(new Set(moves.map((m) => JSON.stringify(m))).size).toBe(moves.length);
    for (const m of moves) expect(game.validate(state, m), JSON.stringify(m)).toBeNull();
    const kinds = new Set(moves.map((m) => m.type));
    for (const kind of ['pressure.public', 'offer.make', 'legal.work', 'week.end'] as const)
      expect(kinds).toContain(kind);
  });

  it("plays the plan's own move unless another ends better by the margin", () => {
    const { game, state } = midGame(3);
    const own = plans.scripted!(game, state, new Dice(seedRng(8)));
    expect(bestMove(game, state, new Dice(seedRng(8)), plans, 'scripted', 2, Infinity)).toEqual(
      own,
    );
  });

  it('values a refused move at minus infinity and the same move the same way twice', () => {
    const { game, state } = midGame(3);
    const refused: Move = { type: 'vote.call', route: 'no-such-route', mode: 'qmv' };
    expect(moveValue(game, state, refused, plans.scripted!, [1, 2])).toBe(-Infinity);
    const twice = () => moveValue(game, state, END, plans.scripted!, [1, 2, 3]);
    expect(twice()).toBe(twice());
  });
});
