import { describe, expect, it } from 'vitest';

import { debriefQuestions, actorPhrase, listText } from '../../src/classroom/debrief';
import { checkCode, type ClassResult } from '../../src/classroom/results';
import { byWeek, classStats, median, moneyBins, NO_GRADE } from '../../src/classroom/stats';
import { gameFor } from '../../src/app/store';
import { decodeResult } from '../../src/share';
import { makeCode, SCENARIO } from './codes';

const scenario = gameFor(SCENARIO)!.scenario;

function result(over: Partial<ClassResult>): ClassResult {
  return {
    scenario: SCENARIO,
    seed: 34,
    difficulty: 'standard',
    hints: false,
    classTag: null,
    name: 'X',
    variant: {},
    outcome: 'partial',
    securedBn: 0,
    grade: 'F',
    score: 100,
    week: 19,
    gameHash: 'f'.repeat(64),
    actions: 30,
    routes: {},
    turned: {},
    offerTerms: {},
    pressured: {},
    routeTaken: null,
    ...over,
  };
}

/** Four known games. */
const known: ClassResult[] = [
  result({
    name: 'Ana',
    outcome: 'win',
    securedBn: 75.2,
    grade: 'B',
    routes: { 'eu-borrowing': 'adopted', reparations: 'draft' },
    turned: { belgium: 6, hungary: 4 },
    offerTerms: { belgium: ['legalShields', 'liquidity'], hungary: ['energyAssurance'] },
    pressured: { hungary: 2 },
  }),
  result({
    name: 'Ben',
    outcome: 'partial',
    securedBn: 40,
    grade: 'D',
    routes: { 'eu-borrowing': 'agreed', reparations: 'tabled' },
    turned: { belgium: 9 },
    offerTerms: { belgium: ['legalShields'] },
  }),
  result({
    name: 'Cleo',
    outcome: 'win',
    securedBn: 80,
    grade: 'B',
    routes: { 'eu-borrowing': 'adopted' },
    turned: { belgium: 3, hungary: 7 },
    offerTerms: { belgium: ['guarantee'] },
    pressured: { hungary: 1 },
  }),
  result({
    name: 'Dan',
    outcome: 'unfinished',
    securedBn: 0,
    grade: null,
    score: null,
    week: 5,
    routes: {},
    turned: {},
    offerTerms: { belgium: ['liquidity'] },
  }),
];

describe('class statistics', () => {
  it('computes medians and the week by which half had turned', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(byWeek([])).toBeNull();
    expect(byWeek([9, 3, 6])).toBe(6);
    expect(byWeek([9, 3, 6, 4])).toBe(4);
  });

  it('bins money in steps of 10 bn up to the target', () => {
    const bins = moneyBins([0, 9.9, 10, 71.7, 80], 71.7);
    expect(bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 10, 2],
      [10, 20, 1],
      [20, 30, 0],
      [30, 40, 0],
      [40, 50, 0],
      [50, 60, 0],
      [60, 70, 0],
      [70, 80, 2],
    ]);
  });

  it('summarises known results', () => {
    const s = classStats(known, scenario);
    expect(s.n).toBe(4);
    expect(s.targetBn).toBe(71.7);
    expect(s.outcomes).toEqual({ win: 2, partial: 1, loss: 0, unfinished: 1 });
    expect(s.reachedTarget).toBe(2);
    expect(s.medianBn).toBe(57.6);
    expect([s.minBn, s.maxBn]).toEqual([0, 80]);
    expect(s.grades).toEqual([
      { grade: 'A', count: 0 },
      { grade: 'B', count: 2 },
      { grade: 'C', count: 0 },
      { grade: 'D', count: 1 },
      { grade: 'E', count: 0 },
      { grade: 'F', count: 0 },
      { grade: NO_GRADE, count: 1 },
    ]);
    const joint = s.routes.find((r) => r.id === 'eu-borrowing')!;
    expect(joint).toEqual({
      id: 'eu-borrowing',
      name: 'Joint EU borrowing',
      adopted: 2,
      agreed: 1,
      tried: 3,
      winsWhenAdopted: 2,
    });
    expect(s.routes.find((r) => r.id === 'reparations')).toMatchObject({
      adopted: 0,
      agreed: 0,
      tried: 1,
    });
    const belgium = s.actors.find((a) => a.id === 'belgium')!;
    expect(belgium).toMatchObject({
      turned: 3,
      byWeek: 6,
      earliest: 3,
      latest: 9,
      offered: 4,
      offeredThenTurned: 3,
      pressured: 0,
      commonTerms: ['legalShields'],
    });
    expect(s.actors.find((a) => a.id === 'hungary')).toMatchObject({
      turned: 2,
      byWeek: 4,
      pressured: 2,
    });
    expect(s.actors.some((a) => a.id === 'russia')).toBe(false);
  });

  it('summarises a real game the way its history tells it', () => {
    const made = makeCode({ seed: 2, policy: 'joint' });
    const checked = checkCode(made.code);
    if (!checked.valid) throw new Error(checked.reason);
    const r = checked.result;
    const decoded = decodeResult(made.code);
    if (!decoded.ok) throw new Error(decoded.reason);
    const replay = gameFor(SCENARIO)!.replay(2, 'standard', decoded.data.moves);
    if (!replay.ok) throw new Error('no replay');
    const st = replay.state;
    for (const [actor, week] of Object.entries(r.turned)) {
      expect(st.history.find((w) => w.stance[actor] === 'committed')!.week).toBe(week);
    }
    expect(r.routes['eu-borrowing']).toBe(st.routes['eu-borrowing']!.status);
    expect(r.actions).toBe(decoded.data.moves.filter((m) => m.type !== 'week.end').length);
    expect(r.outcome).toBe(st.ending?.outcome);
  });
});

describe('debrief questions', () => {
  it('draws four to six questions from what the class did', () => {
    const s = classStats(known, scenario);
    const qs = debriefQuestions(s, scenario);
    expect(qs.length).toBeGreaterThanOrEqual(4);
    expect(qs.length).toBeLessThanOrEqual(6);
    expect(qs[0]).toBe(
      '2 of 4 of you reached the EUR 71.7 bn target. Your results ran from EUR 0.0 bn to EUR 80.0 bn. What did the games that got there do differently in the first weeks?',
    );
    expect(qs).toContain(
      '3 of 4 of you got Belgium to commit, half of them by week 6. Most of those offers included legal shields. Why would that matter to Belgium?',
    );
    expect(qs).toContain(
      '2 of 4 of you got the route “Joint EU borrowing” adopted, and all of those reached the target. Why might governments accept that route more easily than the others, and who gave something up for it?',
    );
    expect(qs.some((q) => q.startsWith('2 of 4 of you put public pressure on Hungary.'))).toBe(
      true,
    );
    for (const q of qs) expect(q).toMatch(/\?$/);
  });

  it('has nothing to ask without results, and words groups of states plainly', () => {
    expect(debriefQuestions(classStats([], scenario), scenario)).toEqual([]);
    expect(actorPhrase({ name: 'Swing states (Bulgaria, Malta, Czechia, Slovakia)' })).toBe(
      'the swing states',
    );
    expect(actorPhrase({ name: 'European Central Bank' })).toBe('the European Central Bank');
    expect(actorPhrase({ name: 'Belgium' })).toBe('Belgium');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('asks about the hardest actor when nobody got it on board', () => {
    const s = classStats(
      [
        result({ turned: { belgium: 5 }, offerTerms: { hungary: ['energyAssurance'] } }),
        result({ turned: { belgium: 7 }, offerTerms: { hungary: [] } }),
      ],
      scenario,
    );
    const qs = debriefQuestions(s, scenario);
    expect(qs).toContain(
      'None of you got Hungary to commit. What was Hungary worried about, and how would its own leaders explain that worry to you?',
    );
    expect(qs[0]).toMatch(/^None of you reached the EUR 71\.7 bn target; the most anyone secured/);
  });
});
