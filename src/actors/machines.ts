import { and, emit, not, or, setup } from 'xstate';
import {
  CONDITION_CODES,
  type ActorDef,
  type ConditionCode,
  type ConditionDef,
  type RouteKind,
  type Stance,
} from '../engine';

// The actors' decision graphs. Machines are flat and pure: no timers, no spawned children, no
// randomness (rolls arrive in events). The engine stores only { value, context } and steps them
// with XState's pure transition(). Numbers are perceived by the personalities; the machines
// decide which discrete state follows and what the actor announces.

const RANK: Record<Stance, number> = {
  opposed: 0,
  wary: 1,
  conditional: 2,
  supportive: 3,
  committed: 4,
};

export interface PerceptEvent {
  type: 'percept';
  band: Exclude<Stance, 'committed'>;
  /** the highest band allowed, e.g. Japan while the US is opposed */
  cap: Exclude<Stance, 'committed'> | null;
}

/**
 * What an actor sees that its conditions test: the route at stake and its terms, and where the
 * others stand. Built by conditions.ts from the state; small and plain, so a step can be cached.
 */
export interface Facts {
  /** the route, by kind, the offer or the vote concerns (null: none in particular) */
  route: RouteKind | null;
  guarantee: 'none' | 'capped' | 'uncapped';
  /** actors committed to uncapped guarantees, with this offer counted in */
  uncappedBy: string[];
  liquidity: boolean;
  ownBanksOut: boolean;
  buyEuropean: boolean;
  optOut: boolean;
  seizure: boolean;
  /** other holders of the assets that joined */
  holders: number;
  /** G7 meetings held toward a common line */
  g7: number;
  /** actors whose stance is opposed */
  opposed: string[];
  /** the EU uses the assets: the route its money waits for is adopted and paying */
  assetsUsed: boolean;
  /** what the concessions on offer are worth to it, and its price */
  paid: number;
  price: number;
  /** its willingness, with the offer counted in */
  w: number;
}

export interface OfferEvent {
  type: 'offer';
  /** willingness with the offer counted in */
  score: number;
  threshold: number;
  facts: Facts;
}

/** A vote on a route: its red lines and its ballot conditions speak before its willingness. */
export interface BallotEvent {
  type: 'ballot';
  facts: Facts;
}

/** What a ballot makes it say: a red line crossed (against), or a way to stay out (abstain). */
export type StanceEmitted = { type: 'against' } | { type: 'stay-out' };

export type StanceEvent =
  | PerceptEvent
  | OfferEvent
  | BallotEvent
  | { type: 'promise.broken' }
  | { type: 'price.rise'; paid: number; price: number };

function effectiveBand(e: PerceptEvent): Exclude<Stance, 'committed'> {
  return e.cap && RANK[e.band] > RANK[e.cap] ? e.cap : e.band;
}

const bandGuard =
  (band: Stance) =>
  ({ event }: { event: StanceEvent }) =>
    event.type === 'percept' && effectiveBand(event) === band;

const percept = [
  { guard: 'isOpposed', target: 'opposed' },
  { guard: 'isWary', target: 'wary' },
  { guard: 'isConditional', target: 'conditional' },
  { guard: 'isSupportive', target: 'supportive' },
] as const;

// ---------------------------------------------------------------- conditions as guards

const givesWay = (c: ConditionDef, f: Facts) => c.unless !== undefined && f.w >= c.unless;

/** Each condition code's test, configured by its ConditionDef (the guard's params). */
const TESTS: Record<ConditionCode, (f: Facts, c: ConditionDef) => boolean> = {
  'risk-shared': (f, c) =>
    f.guarantee === 'uncapped' && (c.actors ?? []).every((id) => f.uncappedBy.includes(id)),
  liquidity: (f) => f.liquidity,
  'holders-join': (f, c) => f.holders >= (c.min ?? 1),
  'leader-not-opposed': (f, c) => !(c.actors ?? []).some((id) => f.opposed.includes(id)),
  'g7-line': (f, c) => f.g7 >= (c.min ?? 1),
  'assets-used': (f) => f.assetsUsed,
  'price-met': (f) => f.paid >= f.price,
  'opt-out': (f, c) => f.optOut || givesWay(c, f),
  'no-ecb-backstop': (f) => !f.liquidity,
  'no-seizure': (f) => !f.seizure,
  'no-uncapped': (f, c) => f.guarantee !== 'uncapped' || givesWay(c, f),
  'own-banks-out': (f) => f.guarantee === 'none' || (f.ownBanksOut && f.buyEuropean),
};

/** Whether a condition concerns the route at stake (one without routes concerns every offer). */
export const concerns = (c: ConditionDef, f: Facts) =>
  !c.routes || (f.route !== null && c.routes.includes(f.route));

/**
 * A condition's test. One that does not concern the route at stake holds, as it is no obstacle;
 * a ballot-only one does not, as it offers no way out of a vote it is not about.
 */
export const holds = (c: ConditionDef, f: Facts): boolean =>
  concerns(c, f) ? TESTS[c.code](f, c) : !c.ballot;

const factsOf = (event: { type: string }): Facts | null =>
  'facts' in event ? (event as { facts: Facts }).facts : null;

/** The machines' guards for conditions: one per code, its ConditionDef as params. */
const conditionGuards = Object.fromEntries(
  CONDITION_CODES.map((code) => [
    code,
    ({ event }: { event: { type: string } }, params: ConditionDef) => {
      const f = factsOf(event);
      return !!f && holds(params, f);
    },
  ]),
) as Record<ConditionCode, (args: { event: { type: string } }, params: ConditionDef) => boolean>;

/** The conditions that decide its commitment (ballot-only ones decide votes, not offers). */
export const commitConditions = (def: ActorDef): ConditionDef[] =>
  (def.conditions ?? []).filter((c) => !c.ballot);

const asGuard = (c: ConditionDef) => ({ type: c.code, params: c });

function buildStance(conditions: ConditionDef[], ballotOnly: ConditionDef[], priced = true) {
  const offer = {
    guard: and(['willing', ...conditions.map(asGuard)] as never),
    target: 'committed',
  } as const;
  // A ballot changes no state: it only says what the vote must be, whatever the willingness.
  const redLines = conditions.filter((c) => c.redLine);
  const ballot: never = [
    ...(redLines.length
      ? [
          {
            guard: or(redLines.map((c) => not(asGuard(c) as never)) as never),
            actions: emit({ type: 'against' }),
          },
        ]
      : []),
    ...(ballotOnly.length
      ? [{ guard: and(ballotOnly.map(asGuard) as never), actions: emit({ type: 'stay-out' }) }]
      : []),
  ] as never;
  return setup({
    types: { events: {} as StanceEvent, emitted: {} as StanceEmitted },
    guards: {
      isOpposed: bandGuard('opposed'),
      isWary: bandGuard('wary'),
      isConditional: bandGuard('conditional'),
      isSupportive: bandGuard('supportive'),
      willing: ({ event }) => event.type === 'offer' && event.score >= event.threshold,
      priceUnmet: ({ event }) => event.type === 'price.rise' && event.paid < event.price,
      ...conditionGuards,
    },
  }).createMachine({
    id: 'stance',
    initial: 'wary',
    states: {
      opposed: { on: { percept, offer, ballot } },
      wary: { on: { percept, offer, ballot } },
      conditional: { on: { percept, offer, ballot } },
      supportive: { on: { percept, offer, ballot } },
      // Committed is left only when a promise to the actor is broken or its price goes up.
      committed: {
        on: {
          ballot,
          'promise.broken': { target: 'wary' },
          // Only an actor with a price (a 'price-met' condition) can raise it.
          ...(priced ? { 'price.rise': { guard: 'priceUnmet', target: 'opposed' } } : {}),
        },
      },
    },
  });
}

/** Governments, Belgium, Japan, the US, Hungary, the ECB, the IMF and Ukraine (no conditions). */
export const stanceMachine = buildStance([], []);

export type FollowerEvent =
  | { type: 'percept'; w: number; facts: Facts }
  | { type: 'offer'; score: number; threshold: number; facts: Facts }
  | { type: 'promise.broken' };

export type FollowerEmitted = { type: 'pledge' } | { type: 'pledge.withdraw' };

/** The willingness at which a follower pledges (its machine's `willing` guard on a percept). */
export const PLEDGE_AT = 20;

/**
 * The UK and Canada: a conditional pledge once willing; paying once its conditions hold (the EU
 * using the assets); back to waiting if it cools while they do not.
 */
function buildFollower(conditions: ConditionDef[]) {
  const met = conditions.map(asGuard);
  return setup({
    types: { events: {} as FollowerEvent, emitted: {} as FollowerEmitted },
    guards: {
      willing: ({ event }) =>
        (event.type === 'percept' && event.w >= PLEDGE_AT) ||
        (event.type === 'offer' && event.score >= event.threshold),
      cooled: ({ event }) => event.type === 'percept' && event.w < 0,
      ...conditionGuards,
    },
  }).createMachine({
    id: 'follower',
    initial: 'waiting',
    states: {
      waiting: {
        on: {
          percept: { guard: 'willing', target: 'pledged', actions: emit({ type: 'pledge' }) },
          offer: { guard: 'willing', target: 'pledged', actions: emit({ type: 'pledge' }) },
        },
      },
      pledged: {
        on: {
          percept: [
            { guard: and(met as never), target: 'paying' },
            { guard: 'cooled', target: 'waiting', actions: emit({ type: 'pledge.withdraw' }) },
          ],
          'promise.broken': { target: 'waiting', actions: emit({ type: 'pledge.withdraw' }) },
        },
      },
      // Its money is real: it stays, as the EU has done what it waited for.
      paying: {},
    },
  });
}

export const followerMachine = buildFollower([]);

const built = new WeakMap<ActorDef, AnyMachine>();

/** The machine of an actor, with its conditions as guards (built once per actor). */
export function machineOf(def: ActorDef): AnyMachine {
  if (def.kind === 'adversary') return russiaMachine;
  let m = built.get(def);
  if (!m) {
    const all = def.conditions ?? [];
    m =
      def.kind === 'follower'
        ? buildFollower(commitConditions(def))
        : buildStance(
            commitConditions(def),
            all.filter((c) => c.ballot),
            all.some((c) => c.code === 'price-met'),
          );
    built.set(def, m);
  }
  return m;
}

export type RussiaEvent = { type: 'provoked'; points: number; roll: number };
export type RussiaEmitted = { type: 'escalate'; level: number };

export const RUSSIA_LEVELS = ['calm', 'statements', 'lawsuits', 'threats', 'seizure'] as const;

/** Russia's escalation ladder: each provocation may push it one rung up, never down. */
export const russiaMachine = setup({
  types: { events: {} as RussiaEvent, emitted: {} as RussiaEmitted },
  guards: {
    escalates: ({ event }) => event.roll <= event.points * 20,
  },
}).createMachine({
  id: 'russia',
  initial: 'statements',
  states: {
    calm: {
      on: {
        provoked: {
          guard: 'escalates',
          target: 'statements',
          actions: emit({ type: 'escalate', level: 1 }),
        },
      },
    },
    statements: {
      on: {
        provoked: {
          guard: 'escalates',
          target: 'lawsuits',
          actions: emit({ type: 'escalate', level: 2 }),
        },
      },
    },
    lawsuits: {
      on: {
        provoked: {
          guard: 'escalates',
          target: 'threats',
          actions: emit({ type: 'escalate', level: 3 }),
        },
      },
    },
    threats: {
      on: {
        provoked: {
          guard: 'escalates',
          target: 'seizure',
          actions: emit({ type: 'escalate', level: 4 }),
        },
      },
    },
    seizure: {},
  },
});

export type AnyMachine =
  ReturnType<typeof buildStance> | ReturnType<typeof buildFollower> | typeof russiaMachine;

// ---------------------------------------------------------------- reading the machine

interface GuardRef {
  type?: string;
  params?: ConditionDef;
  guards?: unknown[];
}

/**
 * The conditions an actor's machine tests, read from the machine's own transitions: what "Why?"
 * and "How it decides" show is what the machine decides on, not a separate list.
 */
export function machineConditions(machine: AnyMachine): readonly ConditionDef[] {
  const known = readConditions.get(machine);
  if (known) return known;
  const found: ConditionDef[] = [];
  const visit = (guard: unknown) => {
    if (!guard || (typeof guard !== 'object' && typeof guard !== 'function')) return;
    const g = guard as GuardRef;
    if (Array.isArray(g.guards)) g.guards.forEach(visit);
    else if (g.params && (CONDITION_CODES as readonly string[]).includes(g.type ?? ''))
      if (!found.includes(g.params)) found.push(g.params);
  };
  const states = (machine.config.states ?? {}) as Record<string, { on?: Record<string, unknown> }>;
  for (const s of Object.values(states))
    for (const t of Object.values(s.on ?? {}))
      for (const tr of [t].flat() as { guard?: unknown }[]) visit(tr?.guard);
  // A machine never changes once built: its conditions are read once.
  readConditions.set(machine, Object.freeze(found));
  return found;
}
const readConditions = new WeakMap<AnyMachine, readonly ConditionDef[]>();

/** Runs one of a machine's condition guards on the facts, as the machine itself would. */
export function testGuard(machine: AnyMachine, c: ConditionDef, facts: Facts): boolean {
  const guard = (machine.implementations.guards as Record<string, unknown>)[c.code] as
    ((args: { context: object; event: OfferEvent }, params: ConditionDef) => boolean) | undefined;
  if (!guard) throw new Error(`the machine has no guard "${c.code}"`);
  return guard({ context: {}, event: { type: 'offer', score: 0, threshold: 0, facts } }, c);
}
