import {
  isSeizure,
  otherHoldersJoined,
  pledgeReady,
  routeOfKind,
  seizureTabled,
  type ActorDef,
  type ConditionDef,
  type GameState,
  type OfferTerms,
  type RouteKind,
  type RouteTerms,
  type Scenario,
  type TermKey,
} from '../engine';
import { concerns, machineConditions, machineOf, testGuard, type Facts } from './machines';

// What an actor's conditions look at (its Facts), and how they stand: read from the actor's own
// machine, so "Why?" and "How it decides" show exactly the guards the machine decides on.

/** What a package of terms is worth to an actor, by its likes. */
export function termValue(def: ActorDef, terms: OfferTerms): number {
  let v = 0;
  for (const k of Object.keys(terms) as TermKey[]) {
    if (terms[k] === undefined || terms[k] === false) continue;
    v += def.likes[k] ?? 0;
  }
  return v;
}

/** Terms that only make sense for one route name it; else the route on the table, if any. */
export function routeOfOffer(
  scenario: Scenario,
  state: GameState,
  terms: OfferTerms,
): RouteKind | null {
  if (terms.guarantee || terms.liquidity || terms.legalShields || terms.excludeFrenchBanks)
    return 'reparations-loan';
  if (terms.optOut) return 'joint-borrowing';
  const tabled = scenario.routes.find(
    (r) => r.kind !== 'asset-lock' && state.routes[r.id]?.status === 'tabled',
  );
  return tabled?.kind ?? null;
}

/** The EU uses the assets: the route an actor's money waits for (or an asset-based loan) pays. */
function assetsUsed(scenario: Scenario, state: GameState, def: ActorDef): boolean {
  if (def.pledgeOn) return pledgeReady(scenario, state, def.id);
  const rl = routeOfKind(scenario, 'reparations-loan');
  return !!rl && state.routes[rl.id]?.status === 'adopted';
}

/**
 * The facts an actor's conditions test, for terms (an offer's, or a tabled route's) on a route.
 * `w` is its willingness with the offer counted in.
 */
export function factsFor(
  scenario: Scenario,
  state: GameState,
  def: ActorDef,
  terms: OfferTerms | RouteTerms,
  route: RouteKind | null,
  w: number,
): Facts {
  const uncappedBy = state.commitments
    .filter(
      (c) => c.terms.guarantee === 'uncapped' && state.actors[c.actor]?.stance === 'committed',
    )
    .map((c) => c.actor);
  if (terms.guarantee === 'uncapped' && !uncappedBy.includes(def.id)) uncappedBy.push(def.id);
  const rl = routeOfKind(scenario, 'reparations-loan');
  // A route's own terms say whether it seizes; an offer meets whatever is on the table.
  const seizure =
    route === 'reparations-loan' &&
    !!rl &&
    ('size' in terms ? isSeizure(rl, terms as RouteTerms) : seizureTabled(scenario, state));
  return {
    route,
    guarantee: terms.guarantee ?? 'none',
    uncappedBy: uncappedBy.sort(),
    liquidity: !!terms.liquidity,
    ownBanksOut: !!terms.excludeFrenchBanks,
    buyEuropean: !!terms.buyEuropean,
    optOut: !!terms.optOut,
    seizure,
    holders: otherHoldersJoined(scenario, state).length,
    g7: state.g7Basis,
    opposed: state.actorOrder.filter((id) => state.actors[id]?.stance === 'opposed'),
    assetsUsed: assetsUsed(scenario, state, def),
    paid: termValue(def, terms as OfferTerms),
    price: state.hungaryPrice,
    w,
  };
}

export interface ConditionStatus {
  condition: ConditionDef;
  /** the route at stake is one it concerns */
  atStake: boolean;
  met: boolean;
}

/** Each condition the actor's machine tests, met or not, for these facts. */
export function conditionStatus(def: ActorDef, facts: Facts): ConditionStatus[] {
  const machine = machineOf(def);
  return machineConditions(machine).map((condition) => ({
    condition,
    atStake: concerns(condition, facts),
    met: testGuard(machine, condition, facts),
  }));
}

/**
 * The facts "Why?" judges by now: the terms of the route on the table that its conditions
 * concern (or, with none tabled, of the route they name, as promised to it so far).
 */
export function factsNow(scenario: Scenario, state: GameState, def: ActorDef): Facts {
  const kinds = new Set((def.conditions ?? []).flatMap((c) => c.routes ?? []));
  const tabled = scenario.routes.find(
    (r) =>
      (kinds.size === 0 || kinds.has(r.kind)) &&
      ['tabled', 'agreed', 'adopted'].includes(state.routes[r.id]?.status ?? ''),
  );
  const commitment = state.commitments.find((c) => c.actor === def.id);
  const terms: OfferTerms | RouteTerms = tabled
    ? (state.routes[tabled.id]!.terms ?? {})
    : (commitment?.terms ?? {});
  const route = tabled?.kind ?? commitment?.route ?? [...kinds][0] ?? null;
  return factsFor(scenario, state, def, terms, route, state.actors[def.id]?.w ?? 0);
}
