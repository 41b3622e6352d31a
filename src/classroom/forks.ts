import {
  formatDate,
  lastPayableWeek,
  routeMoney,
  weekStart,
  type GameState,
  type Move,
  type Scenario,
} from '../engine';
import type { Outcome } from '../share';

// "What if?" games on the teacher's page: how a fork is named (where it started), and the route
// a game took, by which a class of forks is grouped. Pure: the view and the CSV both use these.

/** What the class page keeps of a fork: where it started (its base's moves are not kept). */
export interface ForkSummary {
  /** 'history': the real path; 'game': another game's moves */
  kind: 'history' | 'game';
  /** the week the player took over */
  week: number;
}

/** "week 4 (15 Dec 2025)": a week of the scenario with the date it starts. */
export function weekText(scenario: Scenario, week: number): string {
  return `week ${week} (${formatDate(weekStart(scenario.startDate, week))})`;
}

/**
 * A fork in a few words: "What-if from week 4 (15 Dec 2025) of the real path", or "What-if
 * from week 6 of another game" (another game's week has no date of the real world).
 */
export function forkText(fork: ForkSummary, scenario: Scenario): string {
  return fork.kind === 'history'
    ? `What-if from ${weekText(scenario, fork.week)} of the real path`
    : `What-if from week ${fork.week} of another game`;
}

/** Where a game started: its fork, or "From the beginning". */
export function startText(fork: ForkSummary | undefined, scenario: Scenario): string {
  return fork ? forkText(fork, scenario) : 'From the beginning';
}

/** A class prompt as the briefing says it: "the real path at week 4, 15 Dec 2025". */
export function promptText(scenario: Scenario, week: number): string {
  return `the real path at week ${week}, ${formatDate(weekStart(scenario.startDate, week))}`;
}

/**
 * The route a game took: of the adopted routes, the one that brought the most money by the end
 * (money paid in time first, as the game's money breakdown counts it; then money adopted but
 * blocked or late; ties: the one adopted first, then the scenario's order); else the route the
 * player tabled last (the latest tabled week, and within a week the last one tabled in the
 * moves; a what-if counts only the routes tabled from the week it began, `from`); else null.
 * The asset lock brings no money of its own, so it is the route taken only when it is all that
 * was tabled.
 */
export function routeTaken(
  scenario: Scenario,
  state: GameState,
  moves: readonly Move[] = [],
  from = 1,
): string | null {
  const payBy = lastPayableWeek(scenario, state);
  let best: { id: string; paid: number; money: number; week: number } | null = null;
  for (const def of scenario.routes) {
    const r = state.routes[def.id];
    if (!r || r.status !== 'adopted' || def.kind === 'asset-lock') continue;
    const money = routeMoney(scenario, r);
    if (money <= 0) continue;
    const paid = r.payableWeek !== null && r.payableWeek <= payBy ? money : 0;
    const week = r.adoptedWeek ?? Infinity;
    const better =
      !best ||
      paid > best.paid ||
      (paid === best.paid && (money > best.money || (money === best.money && week < best.week)));
    if (better) best = { id: def.id, paid, money, week };
  }
  if (best) return best.id;
  const lastInMoves = new Map<string, number>();
  moves.forEach((m, i) => {
    if (m.type === 'route.table') lastInMoves.set(m.route, i);
  });
  let last: { id: string; money: boolean; week: number; at: number } | null = null;
  for (const def of scenario.routes) {
    const week = state.routes[def.id]?.tabledWeek;
    if (week === null || week === undefined || week < from) continue;
    const money = def.kind !== 'asset-lock';
    const at = lastInMoves.get(def.id) ?? -1;
    const later = !last || week > last.week || (week === last.week && at > last.at);
    if (!last || (money && !last.money) || (money === last.money && later))
      last = { id: def.id, money, week, at };
  }
  return last?.id ?? null;
}

export const NO_ROUTE = 'No route tabled';

/** A route's name by id, or NO_ROUTE. */
export function routeName(scenario: Scenario, id: string | null): string {
  if (id === null) return NO_ROUTE;
  return scenario.routes.find((r) => r.id === id)?.name ?? id;
}

/** What grouping needs of a result. */
export interface Grouped {
  routeTaken: string | null;
  outcome: Outcome;
  grade: string | null;
}

export interface RouteGroup<R extends Grouped> {
  /** the route's id, null for games that tabled none */
  id: string | null;
  name: string;
  results: R[];
  outcomes: Record<Outcome, number>;
  /** grades in A..F order, then "none" for unfinished games; only those that occur */
  grades: { grade: string; count: number }[];
}

const GRADE_ORDER = ['A', 'B', 'C', 'D', 'E', 'F'];

/**
 * Results grouped by the route they took: biggest group first (ties: the scenario's order),
 * games without a route last. Each group keeps its results in the order given.
 */
export function routeGroups<R extends Grouped>(
  results: readonly R[],
  scenario: Scenario,
): RouteGroup<R>[] {
  const order = [...scenario.routes.map((r) => r.id), null];
  const byId = new Map<string | null, R[]>();
  for (const r of results) {
    const id = order.includes(r.routeTaken) ? r.routeTaken : null;
    byId.set(id, [...(byId.get(id) ?? []), r]);
  }
  const groups = order
    .filter((id) => byId.has(id))
    .map((id): RouteGroup<R> => {
      const list = byId.get(id)!;
      const outcomes: Record<Outcome, number> = { win: 0, partial: 0, loss: 0, unfinished: 0 };
      for (const r of list) outcomes[r.outcome]++;
      const grades = [...GRADE_ORDER, null]
        .map((g) => ({
          grade: g ?? 'none',
          count: list.filter((r) => r.grade === g).length,
        }))
        .filter((g) => g.count > 0);
      return { id, name: routeName(scenario, id), results: list, outcomes, grades };
    });
  const rank = (g: RouteGroup<R>) => (g.id === null ? -1 : g.results.length);
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(b.g) - rank(a.g) || a.i - b.i)
    .map(({ g }) => g);
}
