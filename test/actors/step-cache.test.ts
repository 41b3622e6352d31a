import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';

import {
  followerMachine,
  RUSSIA_LEVELS,
  russiaMachine,
  stanceMachine,
} from '../../src/actors/machines';
import { step } from '../../src/actors/step';
import { STANCES, type ActorDef } from '../../src/engine';

// The actor runtime remembers each distinct machine step (src/actors/runtime.ts). A remembered
// step must be exactly what XState's own pure transition() gives for the same state and event,
// however often and in whatever order steps are asked for.

const band = fc.constantFrom('opposed', 'wary', 'conditional', 'supportive');
const stanceEvent = fc.oneof(
  fc.record({ type: fc.constant('percept'), band, cap: fc.option(band, { nil: null }) }),
  fc.record({
    type: fc.constant('offer'),
    score: fc.integer({ min: -120, max: 120 }),
    threshold: fc.integer({ min: -20, max: 80 }),
    unmet: fc.array(fc.constantFrom('a guarantee', 'legal shields'), { maxLength: 2 }),
  }),
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
    decided: fc.boolean(),
  }),
  fc.record({
    type: fc.constant('offer'),
    score: fc.integer({ min: -50, max: 80 }),
    threshold: fc.integer({ min: 0, max: 40 }),
    unmet: fc.array(fc.constant('a condition'), { maxLength: 1 }),
  }),
  fc.constant({ type: 'promise.broken' }),
);
const russiaEvent = fc.record({
  type: fc.constant('provoked'),
  points: fc.integer({ min: 0, max: 6 }),
  roll: fc.integer({ min: 1, max: 100 }),
});

const CASES = [
  {
    kind: 'government',
    machine: stanceMachine,
    values: STANCES as readonly string[],
    event: stanceEvent,
  },
  {
    kind: 'follower',
    machine: followerMachine,
    values: ['waiting', 'pledged'],
    event: followerEvent,
  },
  { kind: 'adversary', machine: russiaMachine, values: RUSSIA_LEVELS, event: russiaEvent },
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
    it(`match XState's transition() for the ${c.kind} machine, first time and every time`, () => {
      const def = { kind: c.kind } as ActorDef;
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
    });
  }

  it('are shared read-only: a caller cannot change what the next game gets', () => {
    const def = { kind: 'follower' } as ActorDef;
    const s = step(def, { value: 'waiting', context: {} }, {
      type: 'percept',
      w: 50,
      decided: false,
    } as never);
    expect(s.emitted).toEqual([{ type: 'pledge' }]);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.emitted)).toBe(true);
    expect(Object.isFrozen(s.emitted[0])).toBe(true);
  });
});
