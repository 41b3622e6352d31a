import { Dice, seedRng, type Game, type GameState, type Move, type Scenario } from '../engine';
import { playOn } from './run';
import type { Policy } from './tactics';

// A search player (game.md section 11): at the first move of each week it plays the rest of the
// game out several times with each of the scenario's strategies and follows the one whose games
// end best (its plan); then it tries that week's first move against the alternatives (what each
// strategy would play, public pressure on anyone, legal work on any route, a simple offer to
// anyone, the G7 line, or nothing), each followed by the plan, and plays the one that ends best.
// It never peeks: before every rollout the state's world key is replaced by a fresh one drawn
// from the search's own dice, so what it learns is what a player could learn by thinking ahead,
// never the game's actual future. Deterministic: it draws only from its dice.

export interface SearchOptions {
  /** rollouts per strategy at each week's decision */
  rollouts: number;
  /** rollouts per strategy at the game's first decision, where the plan is chosen */
  openingRollouts?: number;
  /** rollouts per alternative for each week's first move (0: follow the plan) */
  moveRollouts?: number;
  /** how much better (in ending value) an alternative must do than the plan's own move */
  moveMargin?: number;
}

export const SEARCH_DEFAULTS: SearchOptions = {
  rollouts: 4,
  openingRollouts: 8,
  moveRollouts: 6,
  moveMargin: 0.1,
};

/**
 * How good an ending is, for comparing rollouts: a win beats any partial result and a partial any
 * loss; then more money secured, then an earlier week. A win is worth 1 (and a little more the
 * sooner it comes); a partial result at most 0.3, in proportion to its money; a loss 0.
 */
export function endingValue(scenario: Scenario, state: GameState): number {
  const e = state.ending;
  if (!e) return 0;
  if (e.outcome === 'win') return 1 + (0.05 * (scenario.weeks - e.week + 1)) / scenario.weeks;
  if (e.outcome === 'partial') return 0.3 * Math.min(1, e.secured / e.target);
  return 0;
}

/** The same state with fresh randomness: the game's own future is never looked at. */
export function reseeded(state: GameState, seed: number): GameState {
  return { ...state, rng: Object.freeze(seedRng(seed)) };
}

/**
 * Plays on from `state` with `policy` in a world reseeded from `seed`: the game's random state
 * and the rollout policy's dice both come from that seed alone. Returns the ending's value.
 */
export function rollout(game: Game, state: GameState, policy: Policy, seed: number): number {
  return endingValue(game.scenario, rolloutEnd(game, state, policy, seed));
}

/** The ending state of `rollout`'s game (for those who want more than its value). */
export function rolloutEnd(game: Game, state: GameState, policy: Policy, seed: number): GameState {
  const dice = new Dice(seedRng((seed ^ 0x2545f491) >>> 0));
  return playOn(game, reseeded(state, seed), policy, dice);
}

/**
 * The strategy whose rollouts from `state` end best on average, with `incumbent` (the plan so
 * far) first: it keeps the plan unless another does better, and when every rollout of the plan
 * wins it looks no further. Every strategy meets the same reseeded worlds (common random
 * numbers), so the comparison measures the strategies, not the luck of the draw.
 */
export function bestPlan(
  game: Game,
  state: GameState,
  dice: Dice,
  plans: Record<string, Policy>,
  rollouts: number,
  incumbent?: string,
): string {
  const names = Object.keys(plans);
  const order =
    incumbent && names.includes(incumbent)
      ? [incumbent, ...names.filter((n) => n !== incumbent)]
      : names;
  const seeds = Array.from({ length: rollouts }, () => dice.int(0, 0x7fffffff));
  let best = order[0]!;
  let bestValue = -Infinity;
  for (const name of order) {
    let sum = 0;
    for (const seed of seeds) sum += rollout(game, state, plans[name]!, seed);
    const value = sum / rollouts;
    if (value > bestValue) {
      best = name;
      bestValue = value;
    }
    // The plan won every rollout: nothing can do much better.
    if (name === incumbent && value >= 1) break;
  }
  return best;
}

/**
 * The moves worth weighing against the plan's own: what each strategy would play now, public
 * pressure on each actor, legal work on each route, an offer of each single term the actor
 * cares about (an uncapped guarantee for "guarantee"), the G7 line, and ending the week. Only
 * those the engine accepts; the plan's move first.
 */
export function alternatives(
  game: Game,
  state: GameState,
  plans: Record<string, Policy>,
  own: Move,
): Move[] {
  const out = new Map<string, Move>();
  const add = (m: Move) => out.set(JSON.stringify(m), m);
  add(own);
  for (const plan of Object.values(plans)) add(plan(game, state, new Dice(seedRng(state.week))));
  for (const a of game.scenario.actors) {
    add({ type: 'pressure.public', actor: a.id });
    for (const t of a.terms)
      add({
        type: 'offer.make',
        actor: a.id,
        terms: t === 'guarantee' ? { guarantee: 'uncapped' } : { [t]: true },
      });
  }
  for (const r of game.scenario.routes) add({ type: 'legal.work', route: r.id });
  add({ type: 'g7.coordinate' });
  add({ type: 'week.end' });
  return [...out.values()].filter((m) => game.validate(state, m) === null);
}

/**
 * How well `move` then `plan` end from `state`, over worlds reseeded from `seeds`. The world is
 * reseeded again after the move (from the same seed), so every move meets the same future and
 * the comparison measures the moves. -Infinity if the engine refuses the move.
 */
export function moveValue(
  game: Game,
  state: GameState,
  move: Move,
  plan: Policy,
  seeds: readonly number[],
): number {
  let sum = 0;
  for (const seed of seeds) {
    const r = game.play(reseeded(state, seed), move);
    if (!r.ok) return -Infinity;
    sum += rollout(game, r.state, plan, (Math.imul(seed, 31) + 7) >>> 0);
  }
  return sum / seeds.length;
}

/** The move to play now: the plan's own, unless an alternative ends better by `margin`. */
export function bestMove(
  game: Game,
  state: GameState,
  dice: Dice,
  plans: Record<string, Policy>,
  plan: string,
  rollouts: number,
  margin: number,
): Move {
  const policy = plans[plan]!;
  const own = policy(game, state, dice);
  const seeds = Array.from({ length: rollouts }, () => dice.int(0, 0x7fffffff));
  const ownValue = moveValue(game, state, own, policy, seeds);
  // The plan wins every rollout: nothing can do much better.
  if (ownValue >= 1) return own;
  let best = own;
  let bestValue = ownValue + margin;
  for (const m of alternatives(game, state, plans, own).slice(1)) {
    const value = moveValue(game, state, m, policy, seeds);
    if (value > bestValue) {
      best = m;
      bestValue = value;
    }
  }
  return best;
}

/**
 * A search player over the given strategies (each scenario's named strategies, without the
 * random player). At the first move of each week it chooses a plan and weighs that move against
 * the alternatives; it follows the plan for the rest of the week. Its memory is per game, keyed
 * by the game's dice (one per game in the harness).
 */
export function searchPolicy(
  plans: Record<string, Policy>,
  options: SearchOptions = SEARCH_DEFAULTS,
): Policy {
  const memory = new WeakMap<Dice, { seed: number; week: number; plan: string }>();
  return (game, state, dice) => {
    const seen = memory.get(dice);
    // The same dice in another game (not so in the harness) starts afresh.
    const known = seen && seen.seed === state.seed ? seen : undefined;
    let plan = known?.plan;
    if (!known || known.week !== state.week) {
      const n = known ? options.rollouts : (options.openingRollouts ?? options.rollouts);
      plan = bestPlan(game, state, dice, plans, n, plan);
      memory.set(dice, { seed: state.seed, week: state.week, plan });
      if (options.moveRollouts)
        return bestMove(
          game,
          state,
          dice,
          plans,
          plan,
          options.moveRollouts,
          options.moveMargin ?? 0,
        );
    }
    return plans[plan!]!(game, state, dice);
  };
}
