import { emit, setup } from 'xstate';
import type { Stance } from '../engine';

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

export interface OfferEvent {
  type: 'offer';
  /** willingness with the offer counted in */
  score: number;
  threshold: number;
  /** hard conditions still unmet; any one blocks acceptance */
  unmet: string[];
}

export type StanceEvent =
  | PerceptEvent
  | OfferEvent
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

const offer = { guard: 'acceptable', target: 'committed' } as const;

/** Governments, Belgium, Japan, the US, Hungary, the ECB, the IMF and Ukraine. */
export const stanceMachine = setup({
  types: { events: {} as StanceEvent },
  guards: {
    isOpposed: bandGuard('opposed'),
    isWary: bandGuard('wary'),
    isConditional: bandGuard('conditional'),
    isSupportive: bandGuard('supportive'),
    acceptable: ({ event }) =>
      event.type === 'offer' && event.unmet.length === 0 && event.score >= event.threshold,
    priceUnmet: ({ event }) => event.type === 'price.rise' && event.paid < event.price,
  },
}).createMachine({
  id: 'stance',
  initial: 'wary',
  states: {
    opposed: { on: { percept, offer } },
    wary: { on: { percept, offer } },
    conditional: { on: { percept, offer } },
    supportive: { on: { percept, offer } },
    // Committed is left only when a promise to the actor is broken or its price goes up.
    committed: {
      on: {
        'promise.broken': { target: 'wary' },
        'price.rise': { guard: 'priceUnmet', target: 'opposed' },
      },
    },
  },
});

export type FollowerEvent =
  | { type: 'percept'; w: number; decided: boolean }
  | { type: 'offer'; score: number; threshold: number; unmet: string[] }
  | { type: 'promise.broken' };

export type FollowerEmitted = { type: 'pledge' } | { type: 'pledge.withdraw' };

const PLEDGE_AT = 20;

/** The UK and Canada: a conditional pledge once willing, real money once the EU has decided. */
export const followerMachine = setup({
  types: { events: {} as FollowerEvent, emitted: {} as FollowerEmitted },
  guards: {
    willing: ({ event }) => event.type === 'percept' && event.w >= PLEDGE_AT,
    cooled: ({ event }) => event.type === 'percept' && event.w < 0 && !event.decided,
    acceptable: ({ event }) =>
      event.type === 'offer' && event.unmet.length === 0 && event.score >= event.threshold,
  },
}).createMachine({
  id: 'follower',
  initial: 'waiting',
  states: {
    waiting: {
      on: {
        percept: { guard: 'willing', target: 'pledged', actions: emit({ type: 'pledge' }) },
        offer: { guard: 'acceptable', target: 'pledged', actions: emit({ type: 'pledge' }) },
      },
    },
    pledged: {
      on: {
        percept: { guard: 'cooled', target: 'waiting', actions: emit({ type: 'pledge.withdraw' }) },
        'promise.broken': { target: 'waiting', actions: emit({ type: 'pledge.withdraw' }) },
      },
    },
  },
});

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

export type AnyMachine = typeof stanceMachine | typeof followerMachine | typeof russiaMachine;
