import { DONORS, DONORS_NAME } from './state';
import type {
  ActorDef,
  ActorKind,
  GameState,
  Move,
  RouteDef,
  RouteKind,
  RouteState,
  RouteTerms,
  Scenario,
  Stance,
} from './types';

// Read-only questions about a state. Pure and cheap: the engine, the actors, the bots and the
// views all ask the same functions, so they never disagree.

export function actorDef(scenario: Scenario, id: string): ActorDef {
  const def = scenario.actors.find((a) => a.id === id);
  if (!def) throw new Error(`unknown actor ${id}`);
  return def;
}

export function findActorDef(scenario: Scenario, id: string): ActorDef | undefined {
  return scenario.actors.find((a) => a.id === id);
}

export function routeDef(scenario: Scenario, id: string): RouteDef {
  const def = scenario.routes.find((r) => r.id === id);
  if (!def) throw new Error(`unknown route ${id}`);
  return def;
}

export function routeOfKind(scenario: Scenario, kind: RouteKind): RouteDef | undefined {
  return scenario.routes.find((r) => r.kind === kind);
}

/** The scenario's actor of this kind (the custodian, the lender), if it has one. */
export const actorOfKind = (scenario: Scenario, kind: ActorKind): ActorDef | undefined =>
  scenario.actors.find((a) => a.kind === kind);

/** Willingness at which each band ends: opposed < -40 <= wary < 0 <= conditional < 40. */
const BAND_EDGES = [-40, 0, 40];
const BANDS = ['opposed', 'wary', 'conditional', 'supportive'] as const;
const HYSTERESIS = 3;

/**
 * Stance band of a willingness value (committed is a separate state, never a band). Given the
 * current band, a value only just past the edge to a neighbouring band keeps the current one:
 * actors do not flip-flop week after week on small noise.
 */
export function bandOf(w: number, current?: Stance): Exclude<Stance, 'committed'> {
  let rank = BAND_EDGES.findIndex((edge) => w < edge);
  if (rank < 0) rank = BANDS.length - 1;
  const band = BANDS[rank]!;
  if (!current || current === 'committed' || current === band) return band;
  const now = STANCE_RANK[current];
  if (Math.abs(now - rank) !== 1) return band;
  const edge = BAND_EDGES[Math.min(now, rank)]!;
  return Math.abs(w - edge) < HYSTERESIS ? current : band;
}

/** Blocs of several states speak in the plural. */
/** A name's possessive: "Belgium's", "the United States’". */
export const possessive = (name: string): string => (name.endsWith('s') ? `${name}’` : `${name}'s`);

export function verb(def: ActorDef, singular: string, plural: string): string {
  return def.members.length > 1 ? plural : singular;
}

export const STANCE_RANK: Record<Stance, number> = {
  opposed: 0,
  wary: 1,
  conditional: 2,
  supportive: 3,
  committed: 4,
};

export function isCommitted(state: GameState, actor: string): boolean {
  return state.actors[actor]?.stance === 'committed';
}

export function commitmentOf(state: GameState, actor: string) {
  return state.commitments.find((c) => c.actor === actor);
}

export function isSummitWeek(scenario: Scenario, week: number): boolean {
  return scenario.summitWeeks.includes(week);
}

/** Political capital a move costs this week (votes are free at a summit, dear outside one). */
export function moveCost(scenario: Scenario, state: GameState, move: Move): number {
  switch (move.type) {
    case 'week.end':
      return 0;
    case 'vote.call': {
      const route = scenario.routes.find((r) => r.id === move.route);
      if (isSummitWeek(scenario, state.week)) return 0;
      if (route?.kind === 'asset-lock' && state.week === scenario.assetLockWeek) return 0;
      return 2;
    }
    default:
      return 1;
  }
}

export function routeMoney(scenario: Scenario, route: RouteState): number {
  if (!route.terms) return 0;
  const def = routeDef(scenario, route.id);
  return def.sizes.find((s) => s.size === route.terms?.size)?.money2026 ?? 0;
}

/** The last week in which money can arrive and still count (the deadline plus any bridge). */
export function lastPayableWeek(scenario: Scenario, state: GameState): number {
  return scenario.weeks + state.graceWeeks;
}

/** An EU money route has been decided (agreed or adopted): the UK and Canada's condition. */
export function euRouteDecided(scenario: Scenario, state: GameState): boolean {
  return scenario.routes.some(
    (r) =>
      r.kind !== 'asset-lock' &&
      r.countsAsEuDecision !== false &&
      (state.routes[r.id]?.status === 'adopted' || state.routes[r.id]?.status === 'agreed'),
  );
}

/**
 * Whether an actor's conditional pledge can become real: its own route adopted and open for
 * payments (ActorDef's optional pledgeOn: money lent through a fund waits for the fund), else
 * any EU route decided, as euRouteDecided.
 */
export function pledgeReady(scenario: Scenario, state: GameState, actor: string): boolean {
  const on = findActorDef(scenario, actor)?.pledgeOn;
  if (!on) return euRouteDecided(scenario, state);
  const r = state.routes[on.route];
  return r?.status === 'adopted' && r.payableWeek !== null;
}

/** Whether these terms of this route take the assets outright (a size marked `seize`). */
export function isSeizure(route: RouteDef, terms: RouteTerms | null | undefined): boolean {
  return !!terms && route.sizes.some((s) => s.size === terms.size && s.seize === true);
}

/** An outright seizure is on the table or passed (never in a scenario without `seize` sizes). */
export function seizureTabled(scenario: Scenario, state: GameState): boolean {
  const def = routeOfKind(scenario, 'reparations-loan');
  const r = def && state.routes[def.id];
  return !!def && !!r && r.status !== 'draft' && r.status !== 'failed' && isSeizure(def, r.terms);
}

export interface MoneyBreakdown {
  /** legally adopted and payable in time */
  secured: number;
  /** promised but still waiting for a condition or an act */
  pledged: number;
  /** adopted but arriving after the deadline */
  late: number;
  /** each source of money; `whatIf` when no source reports that sum (a scenario's what-if) */
  lines: {
    label: string;
    amount: number;
    status: 'secured' | 'pledged' | 'late';
    whatIf: boolean;
  }[];
}

/** The year a scenario's money is for (the December Summit's: 2026). */
export const moneyYear = (scenario: Scenario | null): number => scenario?.moneyYear ?? 2026;

/** Money for the scenario's year by status, in EUR millions. */
export function money(scenario: Scenario, state: GameState): MoneyBreakdown {
  const last = lastPayableWeek(scenario, state);
  const out: MoneyBreakdown = { secured: 0, pledged: 0, late: 0, lines: [] };
  const add = (
    label: string,
    amount: number,
    status: 'secured' | 'pledged' | 'late',
    whatIf: boolean,
  ) => {
    // A pledge of no money (a holder that joins without a sum of its own) is no line of money.
    if (amount === 0) return;
    out[status] += amount;
    out.lines.push({ label, amount, status, whatIf });
  };
  for (const def of scenario.routes) {
    const r = state.routes[def.id];
    if (!r || def.kind === 'asset-lock') continue;
    const amount = routeMoney(scenario, r);
    const whatIf = def.sizes.some((s) => s.size === r.terms?.size && s.whatIf !== undefined);
    if (r.status === 'adopted' && r.payableWeek !== null) {
      add(def.name, amount, r.payableWeek <= last ? 'secured' : 'late', whatIf);
    } else if (r.status === 'adopted' || r.status === 'agreed') {
      add(def.name, amount, 'pledged', whatIf);
    }
  }
  for (const p of state.pledges) {
    const def = findActorDef(scenario, p.actor);
    const name = def?.name ?? (p.actor === DONORS ? DONORS_NAME : p.actor);
    const whatIf = def?.pledgeWhatIf !== undefined;
    if (p.status === 'real' && p.payableWeek !== null) {
      add(name, p.amount, p.payableWeek <= last ? 'secured' : 'late', whatIf);
    } else if (p.status === 'conditional' || p.status === 'real') {
      add(name, p.amount, 'pledged', whatIf);
    }
  }
  return out;
}

/** Share of a Reparations Loan's guarantees pledged by committed guarantors, in percent. */
export function guaranteeCoverage(scenario: Scenario, state: GameState): number {
  let cover = 0;
  const pledgedGuarantee = (id: string) =>
    isCommitted(state, id) && commitmentOf(state, id)?.terms.guarantee !== undefined;
  for (const def of scenario.actors) {
    if (def.guaranteeKey <= 0 || !pledgedGuarantee(def.id)) continue;
    // A guarantor may make its share conditional on named partners joining too.
    if (def.guaranteeWith.every((n) => pledgedGuarantee(n))) cover += def.guaranteeKey;
  }
  return Math.min(100, cover);
}

/**
 * Other holders of Russian assets that have joined (the custodian's third condition), by each
 * actor's `holderJoins`: a live pledge, or a commitment without the term that keeps its own
 * holdings out. In the scenario's order.
 */
export function otherHoldersJoined(scenario: Scenario, state: GameState): string[] {
  const joined: string[] = [];
  for (const def of scenario.actors) {
    const how = def.holderJoins;
    if (!how) continue;
    if (how.by === 'pledge') {
      if (state.pledges.some((p) => p.actor === def.id && p.status !== 'withdrawn'))
        joined.push(def.id);
    } else {
      const c = commitmentOf(state, def.id);
      if (c && isCommitted(state, def.id) && !(how.unless && c.terms[how.unless]))
        joined.push(def.id);
    }
  }
  return joined;
}

/**
 * The route terms the custodian judges: the tabled ones, else the best the player has promised
 * it.
 */
export function reparationsTerms(scenario: Scenario, state: GameState) {
  const def = routeOfKind(scenario, 'reparations-loan');
  if (!def) return null;
  const route = state.routes[def.id];
  if (route?.terms) return route.terms;
  const custodian = actorOfKind(scenario, 'custodian')?.id;
  const promised = state.promises.filter((p) => p.actor === custodian && !p.broken);
  const base = { size: def.sizes[0]?.size ?? 0 };
  return promised.reduce((acc, p) => ({ ...acc, ...p.terms }), base);
}

export function euActors(scenario: Scenario): ActorDef[] {
  return scenario.actors.filter((a) => a.members.length > 0);
}
