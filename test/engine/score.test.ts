import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import {
  createGame,
  DIFFICULTIES,
  euActors,
  GRADE_THRESHOLDS,
  money,
  MONEY_FLOOR,
  MONEY_SHARE,
  OTHER_MAX,
  OTHER_MIN,
  OTHER_PARTS,
  scoreExplanation,
  scoreGame,
  type Difficulty,
  type Ending,
  type GameState,
  type Scenario,
} from '../../src/engine';
import { getScenario, TUNE_RANGE } from '../../src/scenarios';

// The score puts the money first (src/engine/score.ts): a game that secured nothing never scores
// or grades above one that secured money, and with everything else equal more money scores more.
// Checked here on hand-built final states that vary every input of the score: the money secured,
// the target and the weeks of the scenario, the week the game ended in, whether it was won, EU
// unity, each EU government's credibility, Russia's rung on its ladder and where it started.

const IDS = ['december-summit', 'washington-talks', 'london-talks'] as const;
const BASES: Record<string, Scenario> = Object.fromEntries(IDS.map((id) => [id, getScenario(id)!]));

/** The first state of each scenario and difficulty: the canvas every synthetic state starts from. */
const STARTS = new Map<string, GameState>();
function start(id: string, difficulty: Difficulty): GameState {
  const key = `${id} ${difficulty}`;
  let s = STARTS.get(key);
  if (!s) {
    s = createGame(BASES[id]!, actorRuntime).start(7, difficulty);
    STARTS.set(key, s);
  }
  return s;
}

/** Everything the score reads, except the money. */
interface World {
  id: (typeof IDS)[number];
  difficulty: Difficulty;
  /** the scenario's target, EUR millions (the teacher can tune it) */
  target: number;
  /** the scenario's weeks (the teacher can tune them) */
  weeks: number;
  /** the week the game ended in, as a share of the weeks (per mille) */
  weekShare: number;
  won: boolean;
  unity: number;
  /** one credibility per EU government, reused in turn */
  credibility: number[];
  russia: number;
  startRussia: number;
}

const worldArb: fc.Arbitrary<World> = fc.record({
  id: fc.constantFrom(...IDS),
  difficulty: fc.constantFrom<Difficulty>(...DIFFICULTIES),
  target: fc
    .integer({ min: TUNE_RANGE.target.min, max: TUNE_RANGE.target.max })
    .map((t) => t * 100),
  weeks: fc.integer({ min: TUNE_RANGE.weeks.min, max: TUNE_RANGE.weeks.max }),
  weekShare: fc.integer({ min: 0, max: 1000 }),
  won: fc.boolean(),
  unity: fc.integer({ min: 0, max: 100 }),
  credibility: fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 12 }),
  russia: fc.integer({ min: 0, max: 4 }),
  startRussia: fc.integer({ min: 0, max: 4 }),
});

/** Money from 1 million to twice the target, often small (a single million counts too). */
const someMoney = (target: number) =>
  fc.oneof(
    fc.integer({ min: 1, max: 500 }),
    fc.integer({ min: 1, max: target }),
    fc.integer({ min: 1, max: 2 * target }),
  );

function scenarioOf(w: World): Scenario {
  return { ...BASES[w.id]!, target: w.target, weeks: w.weeks, startRussia: w.startRussia };
}

/** A finished game of this world with `secured` EUR millions paid in time (a real pledge). */
function finalState(w: World, secured: number): GameState {
  const scenario = scenarioOf(w);
  const eu = euActors(scenario);
  const state = produce(start(w.id, w.difficulty), (d) => {
    d.week = Math.max(1, Math.ceil((w.weekShare * w.weeks) / 1000));
    d.unity = w.unity;
    d.russia = w.russia;
    eu.forEach((a, i) => {
      d.actors[a.id]!.credibility = w.credibility[i % w.credibility.length]!;
    });
    if (secured > 0)
      d.pledges.push({
        id: 'test-pledge',
        actor: 'uk',
        amount: secured,
        condition: null,
        conditionText: '',
        status: 'real',
        week: 1,
        realWeek: 1,
        payableWeek: 1,
      });
  });
  // The canvas holds no money of its own: the pledge is all there is.
  expect(money(scenario, state).secured).toBe(secured);
  return state;
}

const scoreOf = (w: World, secured: number, won = w.won): Ending =>
  scoreGame(scenarioOf(w), finalState(w, secured), won);

const RANK = 'ABCDEF';
/** 0 for A (best) to 5 for F (worst). */
const rank = (e: Ending) => RANK.indexOf(e.grade);

const RUNS = { numRuns: 400 };

describe('a game that secured nothing never ranks above one that secured money', () => {
  it('scores below and grades no better, whatever the other parts (property)', () => {
    fc.assert(
      fc.property(
        worldArb,
        worldArb,
        fc.integer({ min: 1, max: 1_000_000 }),
        (none, some, amount) => {
          const nothing = scoreOf(none, 0);
          const paid = scoreOf(some, Math.min(amount, 2 * some.target));
          expect(nothing.score).toBeLessThan(paid.score);
          expect(rank(nothing)).toBeGreaterThanOrEqual(rank(paid));
          // The ladder's two bottom rungs mean exactly this: F is no money, E and up is some.
          expect(nothing.grade).toBe('F');
          expect(paid.grade).not.toBe('F');
        },
      ),
      RUNS,
    );
  });

  it('holds at the extremes: the best game without money against the worst with EUR 1 million', () => {
    const best: World = {
      id: 'december-summit',
      difficulty: 'story',
      target: 71_700,
      weeks: 19,
      weekShare: 0,
      won: true, // not reachable without money, and still not enough
      unity: 100,
      credibility: [100],
      russia: 0,
      startRussia: 0,
    };
    const worst: World = { ...best, won: false, unity: 0, credibility: [-100], russia: 4 };
    const nothing = scoreOf(best, 0);
    const paid = scoreOf(worst, 1);
    expect(nothing.score).toBe(OTHER_MAX);
    expect(paid.score).toBe(MONEY_FLOOR + OTHER_MIN);
    expect(nothing.score).toBeLessThan(paid.score);
  });
});

describe('with everything else equal, more money scores more', () => {
  it('never less, and at least a point more for every 1/750 of the target (property)', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) => fc.tuple(fc.constant(w), someMoney(w.target), someMoney(w.target))),
        ([w, x, y]) => {
          const [less, more] = x <= y ? [x, y] : [y, x];
          const a = scoreOf(w, less);
          const b = scoreOf(w, more);
          expect(b.score).toBeGreaterThanOrEqual(a.score);
          expect(rank(b)).toBeLessThanOrEqual(rank(a));
          // Up to the target, each further 1/MONEY_SHARE of it is worth a point.
          if ((Math.min(more, w.target) - less) * MONEY_SHARE >= w.target)
            expect(b.score).toBeGreaterThan(a.score);
          // Beyond the target, money counts as the target.
          if (less >= w.target) expect(b.score).toBe(a.score);
        },
      ),
      RUNS,
    );
  });

  it('also when reaching the target turns the game into a win (the engine’s rule)', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) => fc.tuple(fc.constant(w), someMoney(w.target), someMoney(w.target))),
        ([w, x, y]) => {
          const [less, more] = x <= y ? [x, y] : [y, x];
          const a = scoreOf(w, less, less >= w.target);
          const b = scoreOf(w, more, more >= w.target);
          expect(b.score).toBeGreaterThanOrEqual(a.score);
          if ((Math.min(more, w.target) - less) * MONEY_SHARE >= w.target)
            expect(b.score).toBeGreaterThan(a.score);
        },
      ),
      RUNS,
    );
  });

  it('from nothing to EUR 1 million, and every EUR 0.1 bn in the scenarios as designed', () => {
    for (const id of IDS) {
      const base = BASES[id]!;
      const w: World = {
        id,
        difficulty: 'standard',
        target: base.target,
        weeks: base.weeks,
        weekShare: 1000,
        won: false,
        unity: 50,
        credibility: [0],
        russia: base.startRussia,
        startRussia: base.startRussia,
      };
      expect(scoreOf(w, 1).score, id).toBeGreaterThan(scoreOf(w, 0).score);
      let last = scoreOf(w, 0).score;
      for (let secured = 100; secured <= base.target; secured += 100) {
        const now = scoreOf(w, secured).score;
        expect(now, `${id}: EUR ${secured / 1000} bn`).toBeGreaterThan(last);
        last = now;
      }
    }
  });
});

describe('the breakdown', () => {
  it('adds up to the score, each part inside its range, the grade by the thresholds (property)', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) =>
          fc.tuple(fc.constant(w), fc.oneof(fc.constant(0), someMoney(w.target))),
        ),
        ([w, secured]) => {
          const e = scoreOf(w, secured);
          expect(e.breakdown.reduce((s, b) => s + b.points, 0)).toBe(e.score);
          expect(e.breakdown.map((b) => b.part)).toEqual([
            'money',
            'share',
            'weeks',
            'unity',
            'credibility',
            'retaliation',
          ]);
          for (const b of e.breakdown) {
            expect(Number.isInteger(b.points)).toBe(true);
            expect(b.label.length).toBeGreaterThan(0);
            if (b.part === 'money') expect(b.points).toBe(secured > 0 ? MONEY_FLOOR : 0);
            else if (b.part === 'share') {
              expect(b.points).toBeGreaterThanOrEqual(0);
              expect(b.points).toBeLessThanOrEqual(MONEY_SHARE);
            } else {
              expect(b.points).toBeGreaterThanOrEqual(OTHER_PARTS[b.part].min);
              expect(b.points).toBeLessThanOrEqual(OTHER_PARTS[b.part].max);
            }
          }
          expect(e.grade).toBe(GRADE_THRESHOLDS.find((g) => e.score >= g.min)!.grade);
        },
      ),
      RUNS,
    );
  });

  it('lets the other parts move a score within its money level', () => {
    const w: World = {
      id: 'december-summit',
      difficulty: 'standard',
      target: 71_700,
      weeks: 19,
      weekShare: 500,
      won: true,
      unity: 20,
      credibility: [-30],
      russia: 4,
      startRussia: 1,
    };
    const plain = scoreOf(w, 71_700);
    const parts = (e: Ending) => Object.fromEntries(e.breakdown.map((b) => [b.part, b.points]));
    const sooner = scoreOf({ ...w, weekShare: 200 }, 71_700);
    const united = scoreOf({ ...w, unity: 80 }, 71_700);
    const trusted = scoreOf({ ...w, credibility: [20] }, 71_700);
    const calmer = scoreOf({ ...w, russia: 2 }, 71_700);
    for (const [better, part] of [
      [sooner, 'weeks'],
      [united, 'unity'],
      [trusted, 'credibility'],
      [calmer, 'retaliation'],
    ] as const) {
      expect(parts(better)[part], part).toBeGreaterThan(parts(plain)[part]!);
      expect(better.score, part).toBeGreaterThan(plain.score);
    }
    // Weeks to spare count only for a win.
    expect(parts(scoreOf({ ...w, won: false }, 40_000)).weeks).toBe(0);
  });
});

describe('the one-line explanation', () => {
  it('names the scenario’s target and what moves the grade, on one short line', () => {
    for (const id of IDS) {
      const s = BASES[id]!;
      const text = scoreExplanation(s);
      expect(text).not.toMatch(/\n/);
      expect(text.length).toBeLessThanOrEqual(280);
      expect(text).toContain(`EUR ${(s.target / 1000).toFixed(1)} bn`);
      for (const part of ['weeks to spare', 'EU unity', 'your credibility', 'Russian retaliation'])
        expect(text).toContain(part);
    }
    expect(scoreExplanation({ ...BASES['december-summit']!, target: 50_000 })).toContain(
      'EUR 50.0 bn',
    );
  });

  it('states numbers that scoreGame bears out', () => {
    const text = scoreExplanation(BASES['december-summit']!);
    const number = (re: RegExp) => Number(text.match(re)![1]!.replace(',', ''));
    const moneyMax = number(/up to ([\d,]+) points/);
    const addMax = number(/add at most (\d+) points/);
    const offMax = number(/take off at most (\d+)/);
    const best: World = {
      id: 'december-summit',
      difficulty: 'standard',
      target: 71_700,
      weeks: 19,
      weekShare: 0,
      won: true,
      unity: 100,
      credibility: [100],
      russia: 0,
      startRussia: 0,
    };
    const worst: World = { ...best, won: false, unity: 0, credibility: [-100], russia: 4 };
    const moneyOf = (e: Ending) =>
      e.breakdown
        .filter((b) => b.part === 'money' || b.part === 'share')
        .reduce((s, b) => s + b.points, 0);
    const top = scoreOf(best, 71_700);
    const bottom = scoreOf(worst, 71_700);
    expect(moneyOf(top)).toBe(moneyMax);
    expect(moneyOf(scoreOf(best, 200_000))).toBe(moneyMax); // more than the target: no more
    expect(top.score - moneyOf(top)).toBe(addMax);
    expect(bottom.score - moneyOf(bottom)).toBe(-offMax);
    // "No money at all always means F": even the best game without money.
    expect(scoreOf(best, 0).grade).toBe('F');
  });
});
