import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame } from '../../src/engine';
import {
  describeVariant,
  getScenario,
  scenarios,
  tunablesOf,
  tunedScenario,
  validateScenario,
  variantKey,
  type TuneKey,
  type Variant,
} from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';

// Teacher-tuned variants (src/scenarios/variant.ts): each tunable changes what it says, the
// result is a valid scenario, and anything out of range is refused with a reason.

const base = getScenario('december-summit')!;
const tuned = (v: Variant) => {
  const t = tunedScenario(base.id, v);
  if (!t.ok) throw new Error(t.reason);
  return t.scenario;
};

describe('tunedScenario', () => {
  it('gives the scenario itself for no variant, or for values equal to its own', () => {
    expect(tunedScenario(base.id).ok && tunedScenario(base.id, {})).toEqual({
      ok: true,
      scenario: base,
    });
    const same = tunedScenario(base.id, { weeks: base.weeks, target: base.target / 100 });
    expect(same.ok && same.scenario).toBe(base);
  });

  it('gives the same object for the same variant (per-scenario caches keep working)', () => {
    expect(tuned({ target: 600, weeks: 15 })).toBe(tuned({ weeks: 15, target: 600 }));
  });

  it('changes the target, in EUR 0.1 bn steps', () => {
    expect(tuned({ target: 600 }).target).toBe(60_000);
  });

  it('moves the deadline with the weeks and drops what falls after the last week', () => {
    const s = tuned({ weeks: 13 });
    expect(s.weeks).toBe(13);
    expect(s.deadline).toBe('2026-02-18'); // 1 Apr 2026 less six weeks, still a Wednesday
    expect(s.calendar.every((c) => c.week <= 13)).toBe(true);
    expect(s.calendar.length).toBeLessThan(base.calendar.length);
    expect(s.summitWeeks).toEqual([4]);
    expect(s.events.every((e) => e.from <= 13 && e.to <= 13)).toBe(true);
    expect(Math.max(s.imfBoardWeek, s.epConsentWeek, s.assetLockWeek)).toBeLessThanOrEqual(13);
    const longer = tuned({ weeks: 22 });
    expect(longer.deadline).toBe('2026-04-22');
    expect(longer.calendar).toEqual(base.calendar);
  });

  it("sets Japan's pull toward the US, Belgium's tolerance and the event chances", () => {
    const japan = (s: typeof base) => s.actors.find((a) => a.id === 'japan')!.follows[0]!.pull;
    expect(japan(base)).not.toBe(20);
    expect(japan(tuned({ follow: 20 }))).toBe(20);
    const fearful = tuned({ fear: 5 });
    for (const d of ['story', 'standard', 'hard'] as const)
      expect(fearful.difficulty[d].belgiumThreshold).toBe(
        Math.max(0, base.difficulty[d].belgiumThreshold - 5),
      );
    const calm = tuned({ events: 50 });
    expect(calm.difficulty.hard.eventIntensity).toBe(
      Math.round(base.difficulty.hard.eventIntensity / 2),
    );
  });

  it('refuses values outside a tunable range, non-integers and keys the scenario lacks', () => {
    const bad = (v: Record<string, number>, pattern: RegExp) => {
      const t = tunedScenario(base.id, v as Variant);
      expect(t.ok, JSON.stringify(v)).toBe(false);
      if (!t.ok) expect(t.reason).toMatch(pattern);
    };
    bad({ weeks: 3 }, /Weeks until the deadline must be a whole number from \d+ to \d+/);
    bad({ target: 10_000 }, /Money to find must be/);
    bad({ follow: 12.5 }, /whole number/);
    bad({ surprise: 1 }, /"surprise" cannot be tuned/);
    expect(tunedScenario('no-such-scenario', {}).ok).toBe(false);
  });

  it('every variant inside the ranges is a valid scenario that plays to its end (property)', () => {
    const game = (v: Variant) => createGame(tuned(v), actorRuntime);
    for (const s of Object.values(scenarios)) {
      const ranges = tunablesOf(s);
      const arb = fc.record(
        Object.fromEntries(
          ranges.map((t) => [t.key, fc.integer({ min: t.min, max: t.max })]),
        ) as Record<TuneKey, fc.Arbitrary<number>>,
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(arb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (v, seed) => {
          const t = tunedScenario(s.id, v);
          expect(t.ok, t.ok ? '' : t.reason).toBe(true);
          if (!t.ok || s.id !== base.id) return;
          expect(validateScenario(t.scenario).ok).toBe(true);
          const r = playGame(game(v), seed, 'standard', policyByName('scripted')!);
          expect(r.state.status).toBe('over');
          expect(r.state.history.length).toBeLessThanOrEqual(t.scenario.weeks);
        }),
        { numRuns: 40, seed: 7 },
      );
    }
  });

  it('describes a variant for people, naming what changed and the designed value', () => {
    expect(describeVariant(base.id, { target: 600, weeks: 15 })).toEqual([
      'Money to find: EUR 60.0 bn (designed: EUR 71.7 bn)',
      'Weeks until the deadline: 15 weeks (deadline 4 Mar 2026) (designed: 19 weeks (deadline 1 Apr 2026))',
    ]);
    expect(variantKey({ weeks: 15, target: 600 })).toBe('target=600&weeks=15');
  });
});
