import {
  Dice,
  routeMoney,
  seedRng,
  stableStringify,
  type Game,
  type GameState,
  type Move,
  type Scenario,
} from '../engine';
import {
  alternatives,
  endingValue,
  moveValue,
  rolloutEnd,
  SEARCH_DEFAULTS,
  type SearchOptions,
} from './search';
import type { Policy } from './tactics';

// The coach (issue 18): the search player (search.ts) turned into advice a player can follow.
// At the first question of a week it plays the rest of the game out several times with each of
// the scenario's strategies, keeps the one whose games end best (its plan), and weighs the plan's
// move against the alternatives; for the rest of the week it suggests the plan's move. It never
// suggests again an offer that was just refused on the same terms, unless the governments would
// now take it; nor a move the player turned down this week. It sees what a player sees: every
// look ahead is played in a world reseeded from the coach's own dice, never the game's future.
// Its dice come from the state (seed, week, moves played), so the same position always gets the
// same advice, in the harness and in the browser alike.

/** What the coach found for one strategy, over the same trial games as the others. */
export interface PlanFigure {
  plan: string;
  /** mean ending value (search.ts endingValue) */
  value: number;
  /** trial games won */
  wins: number;
  games: number;
  /** in the trial games won: the route that brought the money (by route id), how often */
  routes: Record<string, number>;
}

export interface Advice {
  move: Move;
  /** the strategy followed */
  plan: string;
  /** the figures of every strategy from the week's first question, best first */
  plans: PlanFigure[];
  /** true when the move was weighed against the alternatives (not only the plan's next step) */
  weighed: boolean;
}

/** The coach's memory of one game: its plan this week and what the player did with its advice. */
export interface CoachMemory {
  /** the game it knows: its scenario, difficulty and seed */
  game: string;
  seed: number;
  week: number;
  plan: string;
  plans: PlanFigure[];
  /** offers (stable JSON) refused on these terms after the coach suggested them */
  refused: string[];
  /** moves (stable JSON) the player turned down this week */
  turnedDown: string[];
  /**
   * the last advice given, where (week, moves played) and the log's length then (to see whether
   * it was refused)
   */
  last: { key: string; move: Move; logAt: number; week: number; moves: number } | null;
}

export const newCoachMemory = (): CoachMemory => ({
  game: '',
  seed: -1,
  week: 0,
  plan: '',
  plans: [],
  refused: [],
  turnedDown: [],
  last: null,
});

const keyOf = (m: Move) => stableStringify(m);

/** The coach's dice at a position: the same position, the same advice. */
export function coachDice(state: GameState): Dice {
  const mix =
    (Math.imul(state.seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(state.week, 0xc2b2ae35)) ^
    Math.imul(state.moves + 1, 0x27d4eb2f);
  return new Dice(seedRng(mix >>> 0));
}

/**
 * The route that brought the money in an ending: the adopted route (not a lock) with the most
 * money, or null when the money came from pledges alone.
 */
export function moneyRoute(scenario: Scenario, state: GameState): string | null {
  let best: { id: string; money: number } | null = null;
  for (const def of scenario.routes) {
    const r = state.routes[def.id];
    if (!r || r.status !== 'adopted' || def.kind === 'asset-lock') continue;
    const money = routeMoney(scenario, r);
    if (money > 0 && (!best || money > best.money)) best = { id: def.id, money };
  }
  return best?.id ?? null;
}

/** Plays every strategy out from `state` in the same reseeded worlds; best first. */
export function weighPlans(
  game: Game,
  state: GameState,
  dice: Dice,
  plans: Record<string, Policy>,
  games: number,
): PlanFigure[] {
  const seeds = Array.from({ length: games }, () => dice.int(0, 0x7fffffff));
  const out: PlanFigure[] = [];
  for (const [plan, policy] of Object.entries(plans)) {
    const f: PlanFigure = { plan, value: 0, wins: 0, games, routes: {} };
    for (const seed of seeds) {
      const end = rolloutEnd(game, state, policy, seed);
      f.value += endingValue(game.scenario, end) / games;
      if (end.ending?.outcome === 'win') {
        f.wins++;
        const route = moneyRoute(game.scenario, end);
        if (route) f.routes[route] = (f.routes[route] ?? 0) + 1;
      }
    }
    out.push(f);
  }
  // Best first; a tie keeps the order of the strategies (stable sort).
  return out.sort((a, b) => b.value - a.value);
}

/** Whether the offer in `move` would be accepted now (the preview a player sees says the same). */
function accepted(game: Game, state: GameState, move: Move): boolean {
  if (move.type !== 'offer.make') return false;
  const r = game.play(state, move);
  return r.ok && r.state.commitments.length > state.commitments.length;
}

/**
 * The coach's advice at `state`. `memory` is the coach's memory of this game (newCoachMemory()
 * for a new one); it is updated in place. The player's last move, if it followed the advice and
 * was an offer that was refused, is remembered so that it is not suggested again on the same
 * terms while it would still be refused.
 */
export function advise(
  game: Game,
  state: GameState,
  plans: Record<string, Policy>,
  memory: CoachMemory,
  options: SearchOptions = SEARCH_DEFAULTS,
): Advice {
  const dice = coachDice(state);
  // Another game, or the same one begun again: forget everything.
  const known = `${game.scenario.id}|${state.difficulty}|${state.seed}`;
  if (
    memory.game !== known ||
    state.week < memory.week ||
    (memory.last && state.moves < memory.last.moves)
  )
    Object.assign(memory, newCoachMemory(), { game: known });
  // Was the last advice an offer that was taken and refused?
  const last = memory.last;
  const offered = last?.move.type === 'offer.make' ? last.move.actor : null;
  if (last && offered && state.log.length > last.logAt) {
    const reply = state.log
      .slice(last.logAt)
      .find((e) => e.kind === 'reply' && e.actor === offered && e.week === last.week);
    if (reply && reply.code !== 'reply.accept' && !memory.refused.includes(last.key))
      memory.refused.push(last.key);
  }
  // Asked again at the same position: the same answer, unless it was turned down.
  if (
    last &&
    memory.seed === state.seed &&
    last.week === state.week &&
    last.moves === state.moves &&
    last.logAt === state.log.length &&
    !memory.turnedDown.includes(last.key)
  )
    return { move: last.move, plan: memory.plan, plans: memory.plans, weighed: false };
  const firstOfWeek = memory.seed !== state.seed || memory.week !== state.week;
  if (firstOfWeek) {
    const figures = weighPlans(
      game,
      state,
      dice,
      plans,
      memory.seed === state.seed ? options.rollouts : (options.openingRollouts ?? options.rollouts),
    );
    // Keep the plan unless another does better.
    const incumbent = figures.find((f) => f.plan === memory.plan);
    const best = incumbent && incumbent.value >= figures[0]!.value ? incumbent : figures[0]!;
    memory.seed = state.seed;
    memory.week = state.week;
    memory.plan = best.plan;
    memory.plans = figures;
    // Moves turned down last week may be right this week; refused offers stay refused.
    memory.turnedDown = [];
  }
  const policy = plans[memory.plan]!;
  const avoided = (m: Move) => {
    const key = keyOf(m);
    return (
      memory.turnedDown.includes(key) || (memory.refused.includes(key) && !accepted(game, state, m))
    );
  };
  let move = policy(game, state, dice);
  let weighed = false;
  if (game.validate(state, move) !== null) move = { type: 'week.end' };
  const ownAvoided = avoided(move);
  if ((firstOfWeek && options.moveRollouts) || ownAvoided) {
    weighed = true;
    const seeds = Array.from({ length: options.moveRollouts || options.rollouts }, () =>
      dice.int(0, 0x7fffffff),
    );
    const own = ownAvoided ? -Infinity : moveValue(game, state, move, policy, seeds);
    // The plan wins every trial game: nothing can do much better.
    if (own < 1) {
      let bestValue = own === -Infinity ? -Infinity : own + (options.moveMargin ?? 0);
      for (const m of alternatives(game, state, plans, move).slice(1)) {
        if (avoided(m)) continue;
        const value = moveValue(game, state, m, policy, seeds);
        if (value > bestValue) {
          move = m;
          bestValue = value;
        }
      }
      if (bestValue === -Infinity) move = { type: 'week.end' };
    }
  }
  memory.last = {
    key: keyOf(move),
    move,
    logAt: state.log.length,
    week: state.week,
    moves: state.moves,
  };
  return { move, plan: memory.plan, plans: memory.plans, weighed };
}

/** The player turned the advice down: not suggested again this week. */
export function turnDown(memory: CoachMemory, move: Move): void {
  const key = keyOf(move);
  if (!memory.turnedDown.includes(key)) memory.turnedDown.push(key);
}

/**
 * A player that follows the coach's every suggestion (the balance report's `coach` row). Its
 * memory is per game, keyed by the game's dice (one per game in the harness).
 */
export function coachPolicy(
  plans: Record<string, Policy>,
  options: SearchOptions = SEARCH_DEFAULTS,
): Policy {
  const memories = new WeakMap<Dice, CoachMemory>();
  return (game, state, dice) => {
    let memory = memories.get(dice);
    if (!memory) memories.set(dice, (memory = newCoachMemory()));
    return advise(game, state, plans, memory, options).move;
  };
}
