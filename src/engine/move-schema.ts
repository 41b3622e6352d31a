import * as v from 'valibot';

import { ROUTE_TERMS } from './terms';
import { BRIDGE_SOURCES, TERM_KEYS, type Move } from './types';

// The one schema of a move. Moves arrive from links, saves and result codes: the engine checks
// every move against it before judging it by the rules, and the autosave checks every saved
// move with it before replaying. The rules (who, which route, when) are the engine's to judge.

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const guarantee = v.optional(v.picklist(['capped', 'uncapped'] as const));
const flag = v.optional(v.boolean());

/** Offer terms: any known term, a guarantee capped or uncapped, yes-or-no flags otherwise. */
const OfferTermsSchema = v.strictObject(
  Object.fromEntries(TERM_KEYS.map((k) => [k, k === 'guarantee' ? guarantee : flag])) as Record<
    (typeof TERM_KEYS)[number],
    typeof flag | typeof guarantee
  >,
);

/** A route's terms: a whole size, and the terms some kind of route can carry (ROUTE_TERMS). */
const routeTermKeys = [...new Set(Object.values(ROUTE_TERMS).flat())];
const RouteTermsSchema = v.strictObject({
  size: v.pipe(v.number(), v.integer()),
  ...Object.fromEntries(routeTermKeys.map((k) => [k, k === 'guarantee' ? guarantee : flag])),
});

const who = v.string();

/** Every move, by its type; the message of each check is a sentence a player can read. */
const MOVES: Record<Move['type'], { schema: v.GenericSchema; problem: string }> = {
  'week.end': {
    schema: v.strictObject({ type: v.literal('week.end') }),
    problem: 'Ending the week takes nothing else.',
  },
  'g7.coordinate': {
    schema: v.strictObject({ type: v.literal('g7.coordinate') }),
    problem: 'G7 coordination takes nothing else.',
  },
  'actor.sound': {
    schema: v.strictObject({ type: v.literal('actor.sound'), actor: who }),
    problem: 'This move needs an actor.',
  },
  'pressure.public': {
    schema: v.strictObject({ type: v.literal('pressure.public'), actor: who }),
    problem: 'This move needs an actor.',
  },
  'offer.make': {
    schema: v.strictObject({ type: v.literal('offer.make'), actor: who, terms: OfferTermsSchema }),
    problem: 'An offer needs an actor and terms it knows.',
  },
  'legal.work': {
    schema: v.strictObject({ type: v.literal('legal.work'), route: who }),
    problem: 'Legal work needs a route.',
  },
  'route.table': {
    schema: v.strictObject({ type: v.literal('route.table'), route: who, terms: RouteTermsSchema }),
    problem: 'Tabling needs a route and terms with a size.',
  },
  'vote.call': {
    schema: v.strictObject({
      type: v.literal('vote.call'),
      route: who,
      mode: v.picklist(['qmv', 'unanimity', 'enhanced'] as const),
    }),
    problem: 'A vote needs a route and a voting rule it knows.',
  },
  'counter.accept': {
    schema: v.strictObject({ type: v.literal('counter.accept'), actor: who }),
    problem: 'Accepting a counter-offer needs the actor that made it.',
  },
  'bridge.request': {
    schema: v.strictObject({
      type: v.literal('bridge.request'),
      source: v.picklist(BRIDGE_SOURCES),
    }),
    problem: 'Unknown source of bridge money.',
  },
};

/** Why this is not a well-formed move, in one sentence; null when it is one. */
export function malformedMove(move: unknown): string | null {
  if (!isRecord(move) || typeof move.type !== 'string')
    return 'A move must be an object with a type.';
  const known = Object.hasOwn(MOVES, move.type) ? MOVES[move.type as Move['type']] : undefined;
  if (!known) return `Unknown move "${move.type.slice(0, 40)}".`;
  return v.is(known.schema, move) ? null : known.problem;
}

/** Whether a value is a well-formed move (the save's check). */
export const isMove = (move: unknown): move is Move => malformedMove(move) === null;
