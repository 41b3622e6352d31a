import type { ActorDef, Scenario } from '../engine';
import type { Outcome } from '../share';
import type { ClassResult } from './results';

// Class-wide figures from the verified results of one class game: money secured, grades, which
// routes worked, when each actor turned and who was put under pressure. Pure and deterministic.

export interface MoneyBin {
  /** EUR bn, inclusive */
  from: number;
  /** EUR bn, exclusive (the last bin also holds its upper edge) */
  to: number;
  count: number;
}

export interface RouteStat {
  id: string;
  name: string;
  /** games in which it became law */
  adopted: number;
  /** games in which it was agreed but not yet law at the end */
  agreed: number;
  /** games in which it was tabled at least (whatever came of it) */
  tried: number;
  /** games that adopted it and reached the target */
  winsWhenAdopted: number;
}

export interface ActorStat {
  id: string;
  name: string;
  short: string;
  /** games in which it committed */
  turned: number;
  /** the week by which half of those had it committed (see byWeek) */
  byWeek: number | null;
  earliest: number | null;
  latest: number | null;
  /** games that made it an offer (before it committed, where it did) */
  offered: number;
  /** games where it committed after at least one offer */
  offeredThenTurned: number;
  /** games that put it under public pressure at least once */
  pressured: number;
  /** terms offered to it by at least half of the games where it committed, most common first */
  commonTerms: string[];
}

export interface ClassStats {
  n: number;
  targetBn: number;
  outcomes: Record<Outcome, number>;
  reachedTarget: number;
  /** every game's money, in the order given */
  /** each game's money, outcome and the week it ended (or was handed in) */
  money: { name: string; securedBn: number; outcome: Outcome; week: number }[];
  medianBn: number | null;
  minBn: number | null;
  maxBn: number | null;
  bins: MoneyBin[];
  /** grades A to F, then games without a grade (not finished) */
  grades: { grade: string; count: number }[];
  routes: RouteStat[];
  /** every actor that negotiates (Russia's stance is fixed, so it is left out) */
  actors: ActorStat[];
}

export const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const NO_GRADE = 'No grade (not finished)';
export const BIN_BN = 10;

/** The usual median (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The week by which at least half had it: the ceil(n/2)-th earliest week; null for none. */
export function byWeek(weeks: readonly number[]): number | null {
  if (weeks.length === 0) return null;
  const s = [...weeks].sort((a, b) => a - b);
  return s[Math.ceil(s.length / 2) - 1]!;
}

/** Bins of BIN_BN from 0 up to the target or the highest amount, whichever is higher. */
export function moneyBins(values: readonly number[], targetBn: number): MoneyBin[] {
  const top = Math.max(targetBn, ...values, BIN_BN);
  const count = Math.ceil(top / BIN_BN);
  const bins: MoneyBin[] = Array.from({ length: count }, (_, i) => ({
    from: i * BIN_BN,
    to: (i + 1) * BIN_BN,
    count: 0,
  }));
  for (const v of values) {
    const i = Math.min(count - 1, Math.max(0, Math.floor(v / BIN_BN)));
    bins[i]!.count++;
  }
  return bins;
}

/** Actors whose stance the player can change (Russia is the other side, not a partner). */
export function negotiators(scenario: Scenario): ActorDef[] {
  return scenario.actors.filter((a) => a.kind !== 'adversary');
}

export function classStats(results: readonly ClassResult[], scenario: Scenario): ClassStats {
  const n = results.length;
  const targetBn = Math.round(scenario.target / 100) / 10;
  const outcomes: Record<Outcome, number> = { win: 0, partial: 0, loss: 0, unfinished: 0 };
  for (const r of results) outcomes[r.outcome]++;
  const amounts = results.map((r) => r.securedBn);

  const grades = GRADES.map((grade) => ({
    grade: grade as string,
    count: results.filter((r) => r.grade === grade).length,
  }));
  grades.push({ grade: NO_GRADE, count: results.filter((r) => r.grade === null).length });

  const routes: RouteStat[] = scenario.routes.map((def) => {
    const status = (r: ClassResult) => r.routes[def.id] ?? 'draft';
    const adopted = results.filter((r) => status(r) === 'adopted');
    return {
      id: def.id,
      name: def.name,
      adopted: adopted.length,
      agreed: results.filter((r) => status(r) === 'agreed').length,
      tried: results.filter((r) => status(r) !== 'draft').length,
      winsWhenAdopted: adopted.filter((r) => r.outcome === 'win').length,
    };
  });

  const actors: ActorStat[] = negotiators(scenario).map((def) => {
    const weeks = results.map((r) => r.turned[def.id]).filter((w) => w !== undefined);
    const turnedGames = results.filter((r) => r.turned[def.id] !== undefined);
    const termCount = new Map<string, number>();
    for (const r of turnedGames)
      for (const t of r.offerTerms[def.id] ?? []) termCount.set(t, (termCount.get(t) ?? 0) + 1);
    const commonTerms = [...termCount]
      .filter(([, c]) => turnedGames.length > 0 && c * 2 >= turnedGames.length)
      .sort((a, b) => b[1] - a[1])
      .map(([t]) => t);
    return {
      id: def.id,
      name: def.name,
      short: def.short,
      turned: weeks.length,
      byWeek: byWeek(weeks),
      earliest: weeks.length ? Math.min(...weeks) : null,
      latest: weeks.length ? Math.max(...weeks) : null,
      offered: results.filter((r) => r.offerTerms[def.id] !== undefined).length,
      offeredThenTurned: turnedGames.filter((r) => r.offerTerms[def.id] !== undefined).length,
      pressured: results.filter((r) => (r.pressured[def.id] ?? 0) > 0).length,
      commonTerms,
    };
  });

  return {
    n,
    targetBn,
    outcomes,
    reachedTarget: outcomes.win,
    money: results.map((r) => ({
      name: r.name,
      securedBn: r.securedBn,
      outcome: r.outcome,
      week: r.week,
    })),
    medianBn: median(amounts),
    minBn: n ? Math.min(...amounts) : null,
    maxBn: n ? Math.max(...amounts) : null,
    bins: moneyBins(amounts, targetBn),
    grades,
    routes,
    actors,
  };
}
