import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';

import type { stanceMachine } from '../../src/actors/machines';
import {
  followerMachine,
  machineOf,
  RUSSIA_LEVELS,
  russiaMachine,
} from '../../src/actors/machines';
import { step } from '../../src/actors/step';
import { STANCES, type ActorDef } from '../../src/engine';
import { getScenario } from '../../src/scenarios';

// The actor runtime remembers each distinct machine step (src/actors/runtime.ts). A remembered
// step must be exactly what XState's own pure transition() gives for the same state and event,
// however often and in whatever order steps are asked for.

const band = fc.constantFrom('opposed', 'wary', 'conditional', 'supportive');
/** What conditions test, varied where the conditions below look. */
const facts = fc.record({
  route: fc.constantFrom('reparations-loan', 'joint-borrowing', null),
  guarantee: fc.constantFrom('none', 'capped', 'uncapped'),
  uncappedBy: fc.subarray(['germany', 'france', 'italy']),
  liquidity: fc.boolean(),
  ownBanksOut: fc.boolean(),
  buyEuropean: fc.boolean(),
  optOut: fc.boolean(),
  seizure: fc.boolean(),
  holders: fc.integer({ min: 0, max: 4 }),
  g7: fc.integer({ min: 0, max: 2 }),
  opposed: fc.subarray(['us']),
  assetsUsed: fc.boolean(),
  paid: fc.integer({ min: 0, max: 60 }),
  price: fc.integer({ min: 0, max: 60 }),
  w: fc.integer({ min: -100, max: 100 }),
});
const stanceEvent = fc.oneof(
  fc.record({ type: fc.constant('percept'), band, cap: fc.option(band, { nil: null }) }),
  fc.record({
    type: fc.constant('offer'),
    score: fc.integer({ min: -120, max: 120 }),
    threshold: fc.integer({ min: -20, max: 80 }),
    facts,
  }),
  fc.record({ type: fc.constant('ballot'), facts }),
  fc.constant({ type: 'promise.broken' }),
  fc.record({
    type: fc.constant('price.rise'),
    paid: fc.integer({ min: 0, max: 60 }),
    price: fc.integer({ min: 0, max: 60 }),
  }),
);
const followerEvent = fc.oneof(
  fc.record({
    type: fc.constant('percept'),
    w: fc.integer({ min: -100, max: 100 }),
    facts,
  }),
  fc.record({
    type: fc.constant('offer'),
    score: fc.integer({ min: -50, max: 80 }),
    threshold: fc.integer({ min: 0, max: 40 }),
    facts,
  }),
  fc.constant({ type: 'promise.broken' }),
);
const russiaEvent = fc.record({
  type: fc.constant('provoked'),
  points: fc.integer({ min: 0, max: 6 }),
  roll: fc.integer({ min: 1, max: 100 }),
});

const government = { kind: 'government' } as ActorDef;

/** Actors whose machines carry conditions: Belgium's three and the seizure red line, UK's. */
const custodian = {
  id: 'belgium',
  kind: 'custodian',
  conditions: getScenario('london-talks')!.actors.find((a) => a.id === 'belgium')!.conditions,
} as ActorDef;
const follower = {
  id: 'uk',
  kind: 'follower',
  conditions: getScenario('december-summit')!.actors.find((a) => a.id === 'uk')!.conditions,
} as ActorDef;

const CASES = [
  {
    kind: 'government',
    def: government,
    machine: machineOf(government),
    values: STANCES as readonly string[],
    event: stanceEvent,
  },
  {
    kind: 'custodian (with conditions and red lines)',
    def: custodian,
    machine: machineOf(custodian),
    values: STANCES as readonly string[],
    event: stanceEvent,
  },
  {
    kind: 'follower',
    def: { kind: 'follower' } as ActorDef,
    machine: followerMachine,
    values: ['waiting', 'pledged', 'paying'],
    event: followerEvent,
  },
  {
    kind: 'follower (waiting for the assets to be used)',
    def: follower,
    machine: machineOf(follower),
    values: ['waiting', 'pledged', 'paying'],
    event: followerEvent,
  },
  {
    kind: 'adversary',
    def: { kind: 'adversary' } as ActorDef,
    machine: russiaMachine,
    values: RUSSIA_LEVELS,
    event: russiaEvent,
  },
] as const;

/** XState's answer: the next state's value and the events the step emits. */
function reference(machine: (typeof CASES)[number]['machine'], value: string, event: unknown) {
  const m = machine as typeof stanceMachine;
  const [next, actions] = transition(
    m,
    m.resolveState({ value, context: {} } as never),
    event as never,
  );
  const emitted = (actions as { type: string; params?: { event: unknown } }[])
    .filter((a) => a.type === 'xstate.emit')
    .map((a) => a.params!.event);
  return { value: String(next.value), emitted };
}

describe('remembered machine steps', () => {
  for (const c of CASES) {
    // Many steps: generous time, as a slow machine must not fail it.
    it(
      `match XState's transition() for the ${c.kind} machine, first time and every time`,
      { timeout: 120_000 },
      () => {
        const def = c.def;
        fc.assert(
          fc.property(
            fc.array(fc.tuple(fc.constantFrom(...c.values), c.event as fc.Arbitrary<unknown>), {
              minLength: 1,
              maxLength: 30,
            }),
            (steps) => {
              // Each (state, event) twice, so the second answer comes from the cache.
              for (const [value, event] of [...steps, ...steps]) {
                const got = step(def, { value, context: {} }, event as { type: string });
                expect({ value: got.value, emitted: [...got.emitted] }).toEqual(
                  reference(c.machine, value, event),
                );
              }
            },
          ),
          { numRuns: 200 },
        );
      },
    );
  }

  it('are shared read-only: a caller cannot change what the next game gets', () => {
    const def = { kind: 'follower' } as ActorDef;
    const s = step(def, { value: 'waiting', context: {} }, {
      type: 'percept',
      w: 50,
    } as never);
    expect(s.emitted).toEqual([{ type: 'pledge' }]);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.emitted)).toBe(true);
    expect(Object.isFrozen(s.emitted[0])).toBe(true);
  });
});
