import type { OfferTerms, RouteDef, RouteKind, RouteTerms, TermKey, VoteMode } from './types';

// The one table of the terms each kind of route can carry. Validation, the legal-move list, the
// promise checks and the page's tabling form all read it: an offer that promises one of these
// terms is a promise about routes of that kind, and a route on the table must keep it.

/** A route's own terms besides its size. */
export type RouteTermKey = Exclude<keyof RouteTerms, 'size'>;

/**
 * The terms a route of each kind can carry when tabled, in a fixed order. NOTE: this order is
 * part of the result-code format: it orders the tabling moves of candidateMoves (legal.ts), and a
 * code stores a move as its index in that list. Changing it is a change of the rules
 * (RULES_REVISION).
 */
export const ROUTE_TERMS: Readonly<Record<RouteKind, readonly RouteTermKey[]>> = {
  'reparations-loan': [
    'guarantee',
    'liquidity',
    'legalShields',
    'excludeFrenchBanks',
    'buyEuropean',
  ],
  'joint-borrowing': ['buyEuropean', 'optOut'],
  'asset-lock': [],
};

/**
 * Promises a route of each kind cannot keep at all while it is on the table: a role for the US
 * in reconstruction keeps the assets on the peace-talks table, so lending them out breaks it.
 */
export const ROUTE_EXCLUDES: Readonly<Record<RouteKind, readonly TermKey[]>> = {
  'reparations-loan': ['reconstructionRole'],
  'joint-borrowing': [],
  'asset-lock': [],
};

/** A route's yes-or-no terms (every term but the guarantee). */
export type RouteFlag = Exclude<RouteTermKey, 'guarantee'>;

/** The yes-or-no terms a route of this kind can carry, in the table's order. */
export const routeFlags = (kind: RouteKind): RouteFlag[] =>
  ROUTE_TERMS[kind].filter((k): k is RouteFlag => k !== 'guarantee');

const promised = (terms: OfferTerms, k: TermKey) => terms[k] !== undefined && terms[k] !== false;

/**
 * The promised terms that this route, with these terms on the table, does not keep: a term of
 * its kind it leaves out (or a guarantee of another kind), or a promise its kind excludes.
 */
export function termsNotKept(route: RouteDef, terms: RouteTerms, promise: OfferTerms): TermKey[] {
  const out: TermKey[] = [];
  for (const k of ROUTE_TERMS[route.kind]) {
    if (!promised(promise, k)) continue;
    if (k === 'guarantee' ? terms.guarantee !== promise.guarantee : !terms[k]) out.push(k);
  }
  for (const k of ROUTE_EXCLUDES[route.kind]) if (promised(promise, k)) out.push(k);
  return out;
}

/** A voting rule's name, in a sentence. */
export const MODE_WORD: Record<VoteMode, string> = {
  qmv: 'qualified majority',
  unanimity: 'unanimity',
  enhanced: 'enhanced cooperation',
};
