import { Dice, seedRng, type Game, type GameState, type Scenario } from '../engine';
import { playOn } from './run';
import type { Policy } from './tactics';

// A search player (game.md section 11): at the first move of each week it plays the rest of the
// game out several times with each of the scenario's strategies, and follows the one whose games
// end best. It never peeks: before every rollout the state's own random state is replaced by a
// fresh one drawn from the search's own dice, so what it learns is what a player could learn by
// thinking ahead, never the game's actual future. Deterministic: it draws only from its dice.

export interface SearchOptions {
  /** rollouts per strategy at each week's decision */
  rollouts: number;
  /** rollouts per strategy at the game's first decision, where the plan is chosen */
  openingRollouts?: number;
}

export const SEARCH_DEFAULTS: SearchOptions = { rollouts: 4, openingRollouts: 8 };

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
  const dice = new Dice(seedRng((seed ^ 0x2545f491) >>> 0));
  const end = playOn(game, reseeded(state, seed), policy, dice);
  return endingValue(game.scenario, end);
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
 * A search player over the given strategies (each scenario's named strategies, without the
 * random player). It chooses a plan at the first move of each week and follows it for the rest
 * of the week; its memory is per game, keyed by the game's dice (one per game in the harness).
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
    }
    return plans[plan!]!(game, state, dice);
  };
}
