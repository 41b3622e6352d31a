import { actorRuntime, assessOffer } from '../actors';
import {
  castBallots,
  isCommitted,
  tally,
  type Dice,
  type Game,
  type GameState,
  type Move,
  type OfferTerms,
  type RouteTerms,
  type Scenario,
  type VoteMode,
  routeOfKind,
} from '../engine';

// What every scenario's strategies share: the Policy type and the moves a sensible player
// reaches for (a vote counted as the screen shows it, the first legal move of a list, an offer
// worth making, the guarantors, bridge money). The strategies (policies.ts, london.ts,
// washington.ts) import this module; it imports none of them.

/** A bot: picks the next move from the state, seeing what a player sees on screen. */
export type Policy = (game: Game, state: GameState, dice: Dice) => Move;

/** Counts a vote the way the on-screen vote panel would show it. */
export function predictVote(
  scenario: Scenario,
  state: GameState,
  routeId: string,
  mode: VoteMode,
  terms: RouteTerms,
) {
  const route = scenario.routes.find((r) => r.id === routeId)!;
  return tally(
    scenario.states,
    castBallots(scenario, actorRuntime, state, route, terms, mode),
    mode,
  ).passed;
}

export function firstLegal(
  game: Game,
  state: GameState,
  moves: (Move | null | false | undefined)[],
): Move | null {
  for (const m of moves) if (m && game.validate(state, m) === null) return m;
  return null;
}

const answeredThisWeek = (state: GameState, actor: string) =>
  state.actors[actor]?.offeredWeek === state.week;

/**
 * An offer a sensible player would make: the first time to learn where the actor stands, and
 * after a refusal only once the actor's card shows it is close enough (asking again costs).
 */
export function offer(
  scenario: Scenario,
  state: GameState,
  actor: string,
  terms: OfferTerms,
): Move | null {
  const a = state.actors[actor];
  if (!a || isCommitted(state, actor) || answeredThisWeek(state, actor)) return null;
  if (a.refusals > 0) {
    const def = scenario.actors.find((x) => x.id === actor)!;
    const x = assessOffer(scenario, state, def, terms, 0);
    if (x.unmet.length || x.score < x.threshold) return null;
  }
  return { type: 'offer.make', actor, terms };
}

/**
 * The guarantors and the terms each takes: Belgium's first condition is uncapped guarantees
 * from the large states, so those are asked for uncapped (France and Italy give way only when
 * very willing: the offer helper waits until their card shows it).
 */
export const GUARANTORS: [string, OfferTerms][] = [
  ['germany', { guarantee: 'uncapped', buyEuropean: true }],
  ['france', { guarantee: 'uncapped', excludeFrenchBanks: true, buyEuropean: true }],
  ['mainstream', { guarantee: 'uncapped', buyEuropean: true }],
  ['hawks', { guarantee: 'uncapped' }],
  ['italy', { guarantee: 'uncapped', buyEuropean: true }],
];

/** What Belgium asks for: its three conditions, and legal shields for its fear. */
export const BELGIUM_TERMS: OfferTerms = {
  guarantee: 'uncapped',
  liquidity: true,
  legalShields: true,
};

/** Shared end-game care: bridge money late in the game, the IMF once the EU has decided. */
export function bridges(state: GameState): Move[] {
  const out: Move[] = [{ type: 'bridge.request', source: 'lender' }];
  if (state.week >= 14) out.push({ type: 'bridge.request', source: 'donors' });
  return out;
}

/**
 * Overrule the custodian: a loan on the assets passes by qualified majority, so build the
 * majority on capped guarantees, make the text court-proof first (an outvoted custodian holds
 * the cash in court only while the legal basis is open to challenge), then vote. A plan every
 * scenario with such a loan allows; `terms` are its loan's terms (the guarantee is capped).
 */
export function overrulePlan(terms: RouteTerms): Policy {
  const capped: RouteTerms = { ...terms, guarantee: 'capped' };
  return (game, state) => {
    const sc = game.scenario;
    const rl = routeOfKind(sc, 'reparations-loan')!;
    const route = state.routes[rl.id]!;
    const pick = firstLegal(game, state, [
      route.legal < 3 && { type: 'legal.work', route: rl.id },
      ...GUARANTORS.map(([id, t]) => offer(sc, state, id, { ...t, guarantee: 'capped' })),
      state.g7Basis < 2 && sc.g7Weeks.includes(state.week) && { type: 'g7.coordinate' },
      route.status === 'draft' &&
        route.legal >= 3 && { type: 'route.table', route: rl.id, terms: capped },
      route.status === 'tabled' &&
        route.terms &&
        predictVote(sc, state, rl.id, 'qmv', route.terms) && {
          type: 'vote.call',
          route: rl.id,
          mode: 'qmv',
        },
      ...bridges(state),
      state.g7Basis < 2 && { type: 'g7.coordinate' },
    ]);
    return pick ?? { type: 'week.end' };
  };
}
