import { validateMove } from './moves';
import { ROUTE_TERMS, routeFlags } from './terms';
import { BRIDGE_SOURCES } from './types';
import type { GameState, Move, OfferTerms, RouteTerms, Scenario, TermKey } from './types';

// Every move a player could make, as data: bots, hints and tests enumerate these and keep the
// ones the engine accepts.

function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [[]];
  for (const item of items) {
    const n = out.length;
    for (let i = 0; i < n; i++) out.push([...out[i]!, item]);
  }
  return out;
}

function offerVariants(keys: readonly TermKey[]): OfferTerms[] {
  const out: OfferTerms[] = [];
  const flags = keys.filter((k) => k !== 'guarantee');
  const guarantees: (OfferTerms['guarantee'] | undefined)[] = keys.includes('guarantee')
    ? [undefined, 'capped', 'uncapped']
    : [undefined];
  for (const g of guarantees) {
    for (const set of subsets(flags)) {
      if (!g && set.length === 0) continue;
      const terms: OfferTerms = {};
      if (g) terms.guarantee = g;
      for (const k of set) (terms as Record<string, boolean>)[k] = true;
      out.push(terms);
    }
  }
  return out;
}

function routeVariants(scenario: Scenario, routeId: string): RouteTerms[] {
  const def = scenario.routes.find((r) => r.id === routeId)!;
  // NOTE: the order of these variants is part of the result-code format (see ROUTE_TERMS).
  const flags = routeFlags(def.kind);
  const out: RouteTerms[] = [];
  for (const { size } of def.sizes) {
    for (const g of ROUTE_TERMS[def.kind].includes('guarantee')
      ? (['capped', 'uncapped'] as const)
      : [undefined]) {
      for (const set of subsets(flags)) {
        const terms: RouteTerms = { size };
        if (g) terms.guarantee = g;
        for (const k of set) (terms as unknown as Record<string, boolean>)[k] = true;
        out.push(terms);
      }
    }
  }
  return out;
}

const candidateCache = new WeakMap<Scenario, Move[]>();

/**
 * All moves of the scenario's move space, legal or not. NOTE: the order of this list is part of
 * the result-code format: a code stores each move as its index here (src/share/code.ts).
 */
export function candidateMoves(scenario: Scenario): Move[] {
  const cached = candidateCache.get(scenario);
  if (cached) return cached;
  const moves: Move[] = [{ type: 'week.end' }, { type: 'g7.coordinate' }];
  for (const a of scenario.actors) {
    moves.push({ type: 'actor.sound', actor: a.id });
    moves.push({ type: 'pressure.public', actor: a.id });
    for (const terms of offerVariants(a.terms))
      moves.push({ type: 'offer.make', actor: a.id, terms });
  }
  for (const r of scenario.routes) {
    moves.push({ type: 'legal.work', route: r.id });
    for (const terms of routeVariants(scenario, r.id))
      moves.push({ type: 'route.table', route: r.id, terms });
    for (const mode of r.modes) moves.push({ type: 'vote.call', route: r.id, mode });
  }
  for (const source of BRIDGE_SOURCES) moves.push({ type: 'bridge.request', source });
  // Appended after every older move, so that each of those keeps its index.
  for (const a of scenario.actors)
    if (a.terms.length) moves.push({ type: 'counter.accept', actor: a.id });
  candidateCache.set(scenario, moves);
  return moves;
}

/** The moves the engine would accept in this state. */
export function legalMoves(scenario: Scenario, state: GameState): Move[] {
  return candidateMoves(scenario).filter((m) => validateMove(scenario, state, m) === null);
}
