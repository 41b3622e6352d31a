import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';

import {
  followerMachine,
  machineConditions,
  machineOf,
  RUSSIA_LEVELS,
  russiaMachine,
  stanceMachine,
  type Facts,
  type FollowerEvent,
  type OfferEvent,
  type PerceptEvent,
  type StanceEvent,
} from '../../src/actors/machines';
import { STANCES, type ActorDef, type ConditionDef, type Stance } from '../../src/engine';

// The actors' XState machines, tested with XState's pure API: no live actors, no clock. Each
// step is (snapshot, event) -> (snapshot, actions), and emitted intents come back as data.

type Band = Exclude<Stance, 'committed'>;
const BANDS = STANCES.filter((s): s is Band => s !== 'committed');
const RANK = Object.fromEntries(STANCES.map((s, i) => [s, i])) as Record<Stance, number>;

const percept = (band: Band, cap: Band | null = null): PerceptEvent => ({
  type: 'percept',
  band,
  cap,
});
/** Facts in which no condition is at stake: no route, no terms, nobody opposed. */
const NEUTRAL: Facts = {
  route: null,
  guarantee: 'none',
  uncappedBy: [],
  liquidity: false,
  ownBanksOut: false,
  buyEuropean: false,
  optOut: false,
  seizure: false,
  holders: 0,
  g7: 0,
  opposed: [],
  assetsUsed: false,
  paid: 0,
  price: 0,
  w: 0,
};
const offer = (score: number, threshold = 10, facts: Partial<Facts> = {}): OfferEvent => ({
  type: 'offer',
  score,
  threshold,
  facts: { ...NEUTRAL, ...facts },
});

/** An actor made of its kind and its conditions alone: what its machine is built from. */
const actorWith = (kind: ActorDef['kind'], conditions: ConditionDef[]) =>
  ({ id: 'x', kind, conditions }) as ActorDef;
const LIQUIDITY: ConditionDef = { code: 'liquidity', text: 'cash on demand', remedy: '' };
const HOLDERS: ConditionDef = { code: 'holders-join', min: 2, text: 'holders', remedy: '' };
const NO_SEIZURE: ConditionDef = {
  code: 'no-seizure',
  redLine: true,
  routes: ['reparations-loan'],
  text: 'no seizure',
  remedy: '',
};

/** Emitted events among the actions of a pure transition. */
function emitted(actions: readonly unknown[]): { type: string; level?: number }[] {
  return (actions as { type: string; params?: { event: { type: string; level?: number } } }[])
    .filter((a) => a.type === 'xstate.emit')
    .map((a) => a.params!.event);
}

/** What the engine stores of a snapshot: its { value, context }, through JSON and back. */
function stored(snap: AnyMachineSnapshot): never {
  return JSON.parse(JSON.stringify({ value: snap.value, context: snap.context })) as never;
}

function stanceAt(value: Stance) {
  return stanceMachine.resolveState({ value, context: {} } as never);
}

describe('stanceMachine', () => {
  it('starts wary and moves to the band each percept reports', () => {
    const [s0, actions] = initialTransition(stanceMachine);
    expect(s0.value).toBe('wary');
    expect(actions).toEqual([]);
    let s = s0;
    for (const band of ['supportive', 'opposed', 'conditional', 'wary', 'supportive'] as const) {
      [s] = transition(stanceMachine, s, percept(band));
      expect(s.value).toBe(band);
    }
  });

  it('never rises above a cap, but falls below it freely', () => {
    for (const band of BANDS)
      for (const cap of BANDS) {
        const [s] = transition(stanceMachine, stanceAt('conditional'), percept(band, cap));
        expect(s.value, `band ${band}, cap ${cap}`).toBe(RANK[band] > RANK[cap] ? cap : band);
      }
  });

  it('is committed only by an acceptable offer', () => {
    for (const from of BANDS) {
      expect(transition(stanceMachine, stanceAt(from), offer(10, 10))[0].value).toBe('committed');
      expect(transition(stanceMachine, stanceAt(from), offer(9, 10))[0].value).toBe(from);

      // The best percept is a band, never a commitment.
      expect(transition(stanceMachine, stanceAt(from), percept('supportive'))[0].value).toBe(
        'supportive',
      );
    }
  });

  it('leaves committed only on a broken promise or an unmet price rise', () => {
    const committed = stanceAt('committed');
    for (const band of BANDS)
      expect(transition(stanceMachine, committed, percept(band))[0].value).toBe('committed');
    expect(transition(stanceMachine, committed, offer(0, 10))[0].value).toBe('committed');
    expect(
      transition(stanceMachine, committed, { type: 'price.rise', paid: 30, price: 30 })[0].value,
    ).toBe('committed');
    expect(
      transition(stanceMachine, committed, { type: 'price.rise', paid: 29, price: 30 })[0].value,
    ).toBe('opposed');
    expect(transition(stanceMachine, committed, { type: 'promise.broken' })[0].value).toBe('wary');
    // Outside committed, those events change nothing.
    for (const from of BANDS) {
      expect(transition(stanceMachine, stanceAt(from), { type: 'promise.broken' })[0].value).toBe(
        from,
      );
      expect(
        transition(stanceMachine, stanceAt(from), { type: 'price.rise', paid: 0, price: 50 })[0]
          .value,
      ).toBe(from);
    }
  });

  // A model of the whole machine in a few lines; fast-check drives both with the same events.
  const bandArb = fc.constantFrom(...BANDS);
  const stanceEventArb: fc.Arbitrary<StanceEvent> = fc.oneof(
    fc.record({
      type: fc.constant('percept' as const),
      band: bandArb,
      cap: fc.option(bandArb, { nil: null }),
    }),
    fc.record({
      type: fc.constant('offer' as const),
      score: fc.integer({ min: -100, max: 140 }),
      threshold: fc.integer({ min: 0, max: 60 }),
      facts: fc.constant(NEUTRAL),
    }),
    fc.constant({ type: 'promise.broken' as const }),
    fc.record({
      type: fc.constant('price.rise' as const),
      paid: fc.integer({ min: 0, max: 80 }),
      price: fc.integer({ min: 0, max: 80 }),
    }),
  );

  function model(value: Stance, e: StanceEvent): Stance {
    if (value === 'committed') {
      if (e.type === 'promise.broken') return 'wary';
      if (e.type === 'price.rise' && e.paid < e.price) return 'opposed';
      return value;
    }
    if (e.type === 'percept') return e.cap && RANK[e.band] > RANK[e.cap] ? e.cap : e.band;
    if (e.type === 'offer' && e.score >= e.threshold) return 'committed';
    return value;
  }

  it('follows its model on any sequence of events, and survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.array(stanceEventArb, { maxLength: 30 }), (events) => {
        let [snap] = initialTransition(stanceMachine);
        let expected: Stance = 'wary';
        for (const e of events) {
          const [next, actions] = transition(stanceMachine, snap, e);
          const [fromJson] = transition(stanceMachine, stanceMachine.resolveState(stored(snap)), e);
          expected = model(expected, e);
          expect(next.value).toBe(expected);
          expect(fromJson.value).toBe(next.value);
          expect(emitted(actions)).toEqual([]);
          snap = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('an actor with conditions', () => {
  const machine = machineOf(actorWith('government', [LIQUIDITY, HOLDERS, NO_SEIZURE]));

  it('carries them as guards of its commitment, read back from the machine', () => {
    expect(machineConditions(machine)).toEqual([LIQUIDITY, HOLDERS, NO_SEIZURE]);
    expect(machineConditions(stanceMachine)).toEqual([]);
  });

  it('commits exactly when willing and every condition at stake holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        fc.constantFrom('reparations-loan' as const, 'joint-borrowing' as const, null),
        (score, liquidity, holders, seizure, route) => {
          const e = offer(score, 0, { liquidity, holders, seizure, route });
          const wary = machine.resolveState({ value: 'wary', context: {} } as never);
          const [next] = transition(machine, wary, e);
          // A seizure is a red line only where it concerns the route (the loan).
          const seizes = seizure && route === 'reparations-loan';
          const expected = score >= 0 && liquidity && holders >= 2 && !seizes;
          expect(next.value).toBe(expected ? 'committed' : 'wary');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says "against" on a ballot that crosses a red line, whatever its state', () => {
    for (const value of STANCES) {
      const at = machine.resolveState({ value, context: {} } as never);
      const ballot = (facts: Partial<Facts>) =>
        emitted(
          transition(
            machine,
            at as never,
            { type: 'ballot', facts: { ...NEUTRAL, ...facts } } as never,
          )[1],
        );
      expect(ballot({ route: 'reparations-loan', seizure: true })).toEqual([{ type: 'against' }]);
      expect(ballot({ route: 'reparations-loan', seizure: false })).toEqual([]);
      expect(ballot({ route: 'joint-borrowing', seizure: true })).toEqual([]);
    }
  });

  it('says "stay-out" on a ballot where its opt-out holds', () => {
    const optOut: ConditionDef = {
      code: 'opt-out',
      ballot: true,
      routes: ['joint-borrowing'],
      text: 'an opt-out',
      remedy: '',
    };
    const hu = machineOf(actorWith('veto-holder', [optOut]));
    const at = hu.resolveState({ value: 'opposed', context: {} } as never);
    const ballot = (facts: Partial<Facts>) =>
      emitted(
        transition(
          hu,
          at as never,
          { type: 'ballot', facts: { ...NEUTRAL, ...facts } } as never,
        )[1],
      );
    expect(ballot({ route: 'joint-borrowing', optOut: true })).toEqual([{ type: 'stay-out' }]);
    expect(ballot({ route: 'joint-borrowing', optOut: false })).toEqual([]);
    // A ballot-only condition never decides a commitment.
    expect(transition(hu, at as never, offer(0, 0))[0].value).toBe('committed');
  });
});

describe('followerMachine', () => {
  const uses: ConditionDef = { code: 'assets-used', text: 'the EU uses the assets', remedy: '' };
  const follower = machineOf(actorWith('follower', [uses]));
  const see = (w: number, assetsUsed = false): FollowerEvent => ({
    type: 'percept',
    w,
    facts: { ...NEUTRAL, assetsUsed, w },
  });

  it('emits a pledge when it becomes willing, and only then', () => {
    const [waiting] = initialTransition(follower);
    expect(waiting.value).toBe('waiting');
    const [still, quiet] = transition(follower, waiting, see(19));
    expect(still.value).toBe('waiting');
    expect(emitted(quiet)).toEqual([]);
    const [pledged, actions] = transition(follower, waiting, see(20));
    expect(pledged.value).toBe('pledged');
    expect(emitted(actions)).toEqual([{ type: 'pledge' }]);
    // Staying willing does not pledge again.
    const [again, more] = transition(follower, pledged, see(60));
    expect(again.value).toBe('pledged');
    expect(emitted(more)).toEqual([]);
  });

  it('pledges on an acceptable offer too', () => {
    const [waiting] = initialTransition(followerMachine);
    const ok = transition(followerMachine, waiting, offer(25, 20));
    expect(ok[0].value).toBe('pledged');
    expect(emitted(ok[1])).toEqual([{ type: 'pledge' }]);
    const no = transition(followerMachine, waiting, offer(19, 20));
    expect(no[0].value).toBe('waiting');
    expect(emitted(no[1])).toEqual([]);
  });

  it('pays once the EU uses the assets; withdraws if it cools before, never after', () => {
    const [pledged] = transition(follower, initialTransition(follower)[0], see(30));
    const [lukewarm, a0] = transition(follower, pledged, see(0));
    expect(lukewarm.value).toBe('pledged');
    expect(emitted(a0)).toEqual([]);
    const [cooled, a1] = transition(follower, pledged, see(-1));
    expect(cooled.value).toBe('waiting');
    expect(emitted(a1)).toEqual([{ type: 'pledge.withdraw' }]);
    const [paying, a2] = transition(follower, pledged, see(-50, true));
    expect(paying.value).toBe('paying');
    expect(emitted(a2)).toEqual([]);
    expect(transition(follower, paying, see(-100))[0].value).toBe('paying');
  });

  it('withdraws when a promise to it is broken', () => {
    const [pledged] = transition(follower, initialTransition(follower)[0], see(30));
    const [back, actions] = transition(follower, pledged, { type: 'promise.broken' });
    expect(back.value).toBe('waiting');
    expect(emitted(actions)).toEqual([{ type: 'pledge.withdraw' }]);
  });

  it('alternates pledge and withdraw, never two of a kind in a row (and survives JSON)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.integer({ min: -100, max: 100 }), used: fc.boolean() }), {
          maxLength: 40,
        }),
        (percepts) => {
          let [snap] = initialTransition(follower);
          let last = 'pledge.withdraw';
          for (const p of percepts) {
            const event = see(p.w, p.used);
            const [next, actions] = transition(follower, snap, event);
            const [fromJson] = transition(follower, follower.resolveState(stored(snap)), event);
            expect(fromJson.value).toBe(next.value);
            for (const e of emitted(actions)) {
              expect(e.type).not.toBe(last);
              last = e.type;
            }
            expect(next.value === 'waiting').toBe(last === 'pledge.withdraw');
            snap = next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('russiaMachine', () => {
  const provoke = (points: number, roll: number) => ({ type: 'provoked' as const, points, roll });

  it('escalates one rung exactly when roll <= points * 20', () => {
    const at = russiaMachine.resolveState({ value: 'statements', context: {} } as never);
    const [up, a1] = transition(russiaMachine, at, provoke(2, 40));
    expect(up.value).toBe('lawsuits');
    expect(emitted(a1)).toEqual([{ type: 'escalate', level: 2 }]);
    const [same, a2] = transition(russiaMachine, at, provoke(2, 41));
    expect(same.value).toBe('statements');
    expect(emitted(a2)).toEqual([]);
    const [calm] = transition(russiaMachine, at, provoke(0, 1));
    expect(calm.value).toBe('statements');
  });

  it('climbs the ladder one rung at a time, never down, and stops at seizure', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RUSSIA_LEVELS),
        fc.array(
          fc.record({
            points: fc.integer({ min: 0, max: 6 }),
            roll: fc.integer({ min: 1, max: 100 }),
          }),
          { maxLength: 30 },
        ),
        (start, provocations) => {
          let snap = russiaMachine.resolveState({ value: start, context: {} } as never);
          for (const { points, roll } of provocations) {
            const level = RUSSIA_LEVELS.indexOf(snap.value as (typeof RUSSIA_LEVELS)[number]);
            const [next, actions] = transition(russiaMachine, snap, provoke(points, roll));
            const [fromJson] = transition(
              russiaMachine,
              russiaMachine.resolveState(stored(snap)),
              provoke(points, roll),
            );
            expect(fromJson.value).toBe(next.value);
            const after = RUSSIA_LEVELS.indexOf(next.value as (typeof RUSSIA_LEVELS)[number]);
            const escalates = roll <= points * 20 && level < RUSSIA_LEVELS.length - 1;
            expect(after).toBe(escalates ? level + 1 : level);
            expect(emitted(actions)).toEqual(escalates ? [{ type: 'escalate', level: after }] : []);
            snap = next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('snapshots as data', () => {
  it('a stored { value, context } resolves to a working snapshot for every state', () => {
    const machines = [
      [stanceMachine, STANCES],
      [followerMachine, ['waiting', 'pledged', 'paying']],
      [russiaMachine, RUSSIA_LEVELS],
    ] as const;
    for (const [machine, values] of machines)
      for (const value of values) {
        const snap = (machine as typeof stanceMachine).resolveState({
          value,
          context: {},
        } as never);
        expect(snap.value).toBe(value);
        expect(snap.status).toBe('active');
        const back = (machine as typeof stanceMachine).resolveState(stored(snap));
        expect(back.value).toBe(value);
        expect(JSON.parse(JSON.stringify(back.context))).toEqual({});
      }
  });
});
