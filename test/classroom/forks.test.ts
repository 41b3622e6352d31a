import { describe, expect, it } from 'vitest';

import { gameFor } from '../../src/app/store';
import { codeKey, type Entry } from '../../src/classroom/collect';
import { CSV_HEADER, resultRows } from '../../src/classroom/csv';
import {
  forkText,
  NO_ROUTE,
  promptText,
  routeGroups,
  routeName,
  routeTaken,
  startText,
  type Grouped,
} from '../../src/classroom/forks';
import { checkCode, type ClassResult } from '../../src/classroom/results';
import {
  differences,
  fitPrompt,
  flagText,
  promptWeeks,
  sessionLink,
  startDifference,
  validateSession,
} from '../../src/classroom/session';
import type { GameState, RouteState } from '../../src/engine';
import { parseRoute } from '../../src/share';
import { makeCode, makeForkCode, SESSION } from './codes';

// "What if?" games on the teacher's page: their labels, the class prompt ("start from the real
// path at week 4") and how codes are checked against it, the route each game took, and the CSV.

const game = gameFor('december-summit')!;
const scenario = game.scenario;
const PROMPT = { ...SESSION, from: 4 };

function valid(code: string): ClassResult {
  const c = checkCode(code);
  if (!c.valid) throw new Error(c.reason);
  return c.result;
}

describe('fork labels', () => {
  it('name the real path by its week and date, another game by its week', () => {
    expect(forkText({ kind: 'history', week: 4 }, scenario)).toBe(
      'What-if from week 4 (15 Dec 2025) of the real path',
    );
    expect(forkText({ kind: 'game', week: 6 }, scenario)).toBe(
      'What-if from week 6 of another game',
    );
    expect(startText(undefined, scenario)).toBe('From the beginning');
    expect(promptText(scenario, 4)).toBe('the real path at week 4, 15 Dec 2025');
  });

  it('the summary of a fork code keeps its kind and week, not its base', () => {
    const r = valid(makeForkCode({ seed: 34, week: 4 }).code);
    expect(r.fork).toEqual({ kind: 'history', week: 4 });
    const g = valid(makeForkCode({ seed: 34, week: 6, kind: 'game' }).code);
    expect(g.fork).toEqual({ kind: 'game', week: 6 });
    expect(valid(makeCode({ seed: 34 }).code).fork).toBeUndefined();
    // Small plain data: no moves or states travel back from the workers.
    expect(JSON.stringify(r).length).toBeLessThan(2000);
  });
});

describe('the route a game took', () => {
  const start = game.start(34, 'standard');
  const withRoutes = (over: Record<string, Partial<RouteState>>, week = 19): GameState => {
    const st = structuredClone(start);
    st.week = week;
    for (const [id, r] of Object.entries(over)) Object.assign(st.routes[id]!, r);
    return st;
  };
  const adopted = (size: number, adoptedWeek: number, payableWeek: number | null) => ({
    status: 'adopted' as const,
    terms: { size },
    tabledWeek: adoptedWeek - 2,
    adoptedWeek,
    payableWeek,
  });

  it('is the adopted route that brought the most money', () => {
    const st = withRoutes({ reparations: adopted(140, 8, 11), 'eu-borrowing': adopted(90, 6, 9) });
    expect(routeTaken(scenario, st)).toBe('reparations');
  });

  it('counts money paid in time before money adopted but blocked', () => {
    const st = withRoutes({
      reparations: adopted(210, 8, null),
      'eu-borrowing': adopted(90, 9, 12),
    });
    expect(routeTaken(scenario, st)).toBe('eu-borrowing');
  });

  it('breaks a tie of money by the route adopted first', () => {
    const st = withRoutes({ reparations: adopted(90, 9, 12), 'eu-borrowing': adopted(90, 7, 10) });
    expect(routeTaken(scenario, st)).toBe('eu-borrowing');
  });

  it('else is the route tabled last, by week and then by the order of the moves', () => {
    const tabled = (week: number) => ({ status: 'tabled' as const, tabledWeek: week });
    expect(
      routeTaken(scenario, withRoutes({ reparations: tabled(3), 'eu-borrowing': tabled(5) })),
    ).toBe('eu-borrowing');
    const same = withRoutes({ reparations: tabled(5), 'eu-borrowing': tabled(5) });
    const table = (route: string) => ({ type: 'route.table' as const, route, terms: { size: 90 } });
    expect(routeTaken(scenario, same, [table('eu-borrowing'), table('reparations')])).toBe(
      'reparations',
    );
    // An asset lock adopted brings no money: it is the route taken only when nothing else was
    // tabled.
    const lock = { ...adopted(210, 5, 5), tabledWeek: 3 };
    expect(routeTaken(scenario, withRoutes({ 'art122-lock': lock, reparations: tabled(2) }))).toBe(
      'reparations',
    );
    expect(routeTaken(scenario, withRoutes({ 'art122-lock': lock }))).toBe('art122-lock');
  });

  it('of a what-if counts only the routes tabled from the week it began', () => {
    const tabled = (week: number) => ({ status: 'tabled' as const, tabledWeek: week });
    const st = withRoutes({ reparations: tabled(2), 'eu-borrowing': tabled(6) });
    expect(routeTaken(scenario, st, [], 4)).toBe('eu-borrowing');
    expect(routeTaken(scenario, withRoutes({ reparations: tabled(2) }), [], 4)).toBeNull();
  });

  it('is null, "No route tabled", when nothing was tabled', () => {
    expect(routeTaken(scenario, start)).toBeNull();
    expect(routeName(scenario, null)).toBe(NO_ROUTE);
    expect(routeName(scenario, 'eu-borrowing')).toBe('Joint EU borrowing');
  });

  it('is kept in the summary of a verified game', () => {
    const r = valid(makeForkCode({ seed: 34, week: 4, policy: 'joint' }).code);
    expect(r.routeTaken).toBe('eu-borrowing');
  });
});

describe('groups by route', () => {
  const g = (routeTaken: string | null, outcome: Grouped['outcome'], grade: string | null) => ({
    routeTaken,
    outcome,
    grade,
  });

  it('are biggest first, games without a route last, with outcomes and grades', () => {
    const groups = routeGroups(
      [
        g(null, 'unfinished', null),
        g('reparations', 'partial', 'D'),
        g('eu-borrowing', 'win', 'A'),
        g('eu-borrowing', 'partial', 'C'),
        g('eu-borrowing', 'win', 'A'),
      ],
      scenario,
    );
    expect(groups.map((x) => [x.name, x.results.length])).toEqual([
      ['Joint EU borrowing', 3],
      ['Reparations Loan', 1],
      [NO_ROUTE, 1],
    ]);
    expect(groups[0]!.outcomes).toEqual({ win: 2, partial: 1, loss: 0, unfinished: 0 });
    expect(groups[0]!.grades).toEqual([
      { grade: 'A', count: 2 },
      { grade: 'C', count: 1 },
    ]);
    expect(groups[2]!.grades).toEqual([{ grade: 'none', count: 1 }]);
  });

  it('keep the scenario order between groups of the same size', () => {
    const groups = routeGroups(
      [g('eu-borrowing', 'win', 'A'), g('reparations', 'win', 'A')],
      scenario,
    );
    expect(groups.map((x) => x.id)).toEqual(['reparations', 'eu-borrowing']);
  });
});

describe('the class prompt', () => {
  it('goes into the class link as from=4, which opens the fork', () => {
    const link = sessionLink('https://school.example/', PROMPT);
    expect(link).toContain('&from=4');
    const route = parseRoute(link.slice(link.indexOf('#')), '2026-01-12');
    expect(route).toMatchObject({ kind: 'play', link: { from: 4, seed: 34 } });
  });

  it('offers weeks 2 to the last, and is dropped when the game no longer has that week', () => {
    expect(promptWeeks(scenario)).toEqual(Array.from({ length: 18 }, (_, i) => i + 2));
    expect(fitPrompt({ ...SESSION, from: 18, variant: { weeks: 15 } }).from).toBeUndefined();
    expect(fitPrompt({ ...PROMPT, variant: { weeks: 15 } }).from).toBe(4);
  });

  it('is remembered and checked when read back', () => {
    expect(validateSession({ v: 1, ...PROMPT })).toEqual(PROMPT);
    expect(validateSession({ v: 1, ...SESSION, from: 1 })).toMatch(/week to start from/);
    expect(validateSession({ v: 1, ...SESSION, from: 'x' })).toMatch(/week to start from/);
  });
});

describe('codes checked against the class prompt', () => {
  it('a fork from the real path at the class week is the class game', () => {
    const r = valid(makeForkCode({ seed: 34, week: 4 }).code);
    expect(flagText(r, PROMPT)).toBeNull();
  });

  it('another week, another game or a game from the beginning is flagged, with the reason', () => {
    const week6 = valid(makeForkCode({ seed: 34, week: 6 }).code);
    expect(flagText(week6, PROMPT)).toBe(
      'Played on another game: what-if from week 6 of the real path, not week 4.',
    );
    const other = valid(makeForkCode({ seed: 34, week: 4, kind: 'game' }).code);
    expect(differences(other, PROMPT)).toEqual([
      'what-if from week 4 of another game, not from the real path at week 4',
    ]);
    const whole = valid(makeCode({ seed: 34 }).code);
    expect(differences(whole, PROMPT)).toEqual([
      'a game from the beginning, not from the real path at week 4',
    ]);
  });

  it('a fork is flagged when the class plays from the beginning', () => {
    expect(startDifference({ kind: 'history', week: 4 }, undefined)).toBe(
      'what-if from week 4 of the real path, not a game from the beginning',
    );
    expect(startDifference(undefined, undefined)).toBeNull();
  });
});

describe('the CSV export of forks', () => {
  it('has a Start column and a Route taken column', () => {
    const codes = [
      makeForkCode({ seed: 34, week: 4, policy: 'joint', name: 'Ana' }).code,
      makeForkCode({ seed: 34, week: 6, kind: 'game', name: 'Ben' }).code,
      makeCode({ seed: 34, name: 'Cy' }).code,
    ];
    const entries: Entry<ClassResult>[] = codes.map((code, i) => ({
      key: codeKey(code),
      first: { source: 'pasted', line: i + 1, text: code },
      also: [],
      check: checkCode(code),
    }));
    const rows = resultRows(entries, PROMPT, 'https://school.example/');
    const start = CSV_HEADER.indexOf('Start');
    const route = CSV_HEADER.indexOf('Route taken');
    expect(start).toBeGreaterThan(0);
    expect(rows.slice(1).map((r) => r[start])).toEqual([
      'What-if from week 4 (15 Dec 2025) of the real path',
      'What-if from week 6 of another game',
      'From the beginning',
    ]);
    expect(rows[1]![route]).toBe('Joint EU borrowing');
    expect(rows.slice(1).map((r) => r[1])).toEqual([
      'verified',
      'verified, other game',
      'verified, other game',
    ]);
  });
});
