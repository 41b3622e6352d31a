import { describe, expect, it } from 'vitest';

import { codeKey, type Entry } from '../../src/classroom/collect';
import { CSV_HEADER, resultRows } from '../../src/classroom/csv';
import { checkCode, type ClassResult } from '../../src/classroom/results';
import {
  CLASS_KEY,
  differences,
  flagText,
  readSession,
  sessionLink,
  validateSession,
  versionDifference,
  writeSession,
  type ClassSession,
  type GameIdentity,
} from '../../src/classroom/session';
import { readTuned } from '../../src/classroom/tune';
import {
  addUp,
  createWinRateRunner,
  jobsFor,
  percent,
  versionKey,
  WINRATE_GAMES,
} from '../../src/classroom/winrates';
import { playJob, WINRATE_SEED } from '../../src/classroom/winrates-play';
import { DIFFICULTIES } from '../../src/engine';
import { getScenario, tunablesOf, tunedScenario } from '../../src/scenarios';
import { classTag, parseRoute } from '../../src/share';
import { policyByName } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';
import { makeCode, memoryStorage, SCENARIO, SESSION } from './codes';

// A teacher's tuning of the class game: remembered, carried by the class link, compared with the
// version each verified code was played on, and checked for win rates before use.

const TUNED: ClassSession = { ...SESSION, variant: { weeks: 12, target: 500 } };

describe('the tuned class game', () => {
  it('is remembered and read back with its variant', () => {
    const storage = memoryStorage();
    expect(writeSession(storage, TUNED)).toBeNull();
    expect(JSON.parse(storage.data.get(CLASS_KEY)!)).toEqual({ v: 1, ...TUNED });
    expect(readSession(storage)).toEqual({ kind: 'ok', session: TUNED });
  });

  it('reads settings saved before tuning existed as the scenario as designed', () => {
    const { variant: _variant, ...old } = SESSION;
    const read = readSession(memoryStorage({ [CLASS_KEY]: JSON.stringify({ v: 1, ...old }) }));
    expect(read).toEqual({ kind: 'ok', session: { ...SESSION, variant: {} } });
  });

  it('keeps a stored variant in its canonical form (no value equal to the designed one)', () => {
    const weeks = getScenario(SCENARIO)!.weeks;
    const s = validateSession({ v: 1, ...SESSION, variant: { weeks, target: 500 } });
    expect(s).toEqual({ ...SESSION, variant: { target: 500 } });
  });

  it('ignores a damaged or doctored variant with a reason, never throwing', () => {
    const cases: [unknown, RegExp][] = [
      ['weeks=12', /not a set of values/],
      [[12], /not a set of values/],
      [null, /not a set of values/],
      [{ speed: 3 }, /does not know \("speed"\)/],
      [{ toString: 3 }, /does not know/],
      [{ weeks: '12' }, /not a number/],
      [{ weeks: 2 }, /cannot be used.*Weeks until the deadline/],
      [{ weeks: 12.5 }, /cannot be used/],
      [{ target: 1e9 }, /cannot be used/],
      [{ fear: Number.NaN }, /not a number/], // JSON writes NaN as null
    ];
    for (const [variant, reason] of cases) {
      const raw = JSON.stringify({ v: 1, ...SESSION, variant });
      const read = readSession(memoryStorage({ [CLASS_KEY]: raw }));
      expect(read.kind, raw).toBe('error');
      if (read.kind === 'error') expect(read.reason, raw).toMatch(reason);
    }
  });

  it('travels in the class link, which opens exactly this version', () => {
    const link = sessionLink('https://school.example/fa/', TUNED);
    expect(link).toBe(
      'https://school.example/fa/#play?scenario=december-summit&seed=34&difficulty=standard&class=7B&target=500&weeks=12',
    );
    const route = parseRoute(link.slice(link.indexOf('#')), '2026-01-12');
    expect(route).toEqual({
      kind: 'play',
      daily: false,
      link: {
        scenarioId: SCENARIO,
        seed: 34,
        difficulty: 'standard',
        options: { hints: false, classLabel: '7B', variant: { target: 500, weeks: 12 } },
      },
    });
    // A class game as designed has no tuning in its link.
    expect(sessionLink('https://school.example/fa/', SESSION)).not.toMatch(/target|weeks/);
  });

  it('accepts whole numbers in a tunable range as typed, and nothing else', () => {
    const weeks = tunablesOf(getScenario(SCENARIO)!).find((t) => t.key === 'weeks')!;
    expect(readTuned(weeks, ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(readTuned(weeks, String(weeks.min))).toEqual({ ok: true, value: weeks.min });
    for (const bad of ['', '12.5', '1e1', String(weeks.min - 1), String(weeks.max + 1), 'x'])
      expect(readTuned(weeks, bad).ok, bad).toBe(false);
    const fear = tunablesOf(getScenario(SCENARIO)!).find((t) => t.key === 'fear')!;
    expect(readTuned(fear, '-5')).toEqual({ ok: true, value: -5 });
  });
});

describe('a game played on another version of the scenario', () => {
  const game: GameIdentity = {
    scenario: SCENARIO,
    seed: SESSION.seed,
    difficulty: SESSION.difficulty,
    hints: SESSION.hints,
    classTag: classTag(SESSION.classLabel),
  };

  it('is not flagged when its version is the class version', () => {
    expect(differences({ ...game, variant: { weeks: 12, target: 500 } }, TUNED)).toEqual([]);
    expect(differences({ ...game, variant: {} }, SESSION)).toEqual([]);
    expect(differences(game, SESSION)).toEqual([]);
    // Values equal to the designed ones are no change.
    const weeks = getScenario(SCENARIO)!.weeks;
    expect(differences({ ...game, variant: { weeks } }, SESSION)).toEqual([]);
  });

  it('is flagged when the class is tuned and the game was played as designed', () => {
    expect(flagText({ ...game, variant: {} }, TUNED)).toBe(
      "Played on another game: another version of the scenario (as designed, not the class's tuned version).",
    );
  });

  it('is flagged with what differs when it was tuned another way', () => {
    expect(versionDifference(SCENARIO, { weeks: 14, target: 500 }, TUNED.variant)).toBe(
      'another version of the scenario (Weeks until the deadline: 14 weeks, not 12 weeks)',
    );
    expect(versionDifference(SCENARIO, { events: 50 }, {})).toBe(
      'another version of the scenario (How often surprises strike: 50% of the designed chance, not 100% of the designed chance)',
    );
    expect(
      differences({ ...game, seed: 12, variant: { target: 600 } }, TUNED).map((d) =>
        d.replace(/ \(.*/, ''),
      ),
    ).toEqual(['another version of the scenario', 'seed 12 not 34']);
  });

  it('is compared only within the same scenario', () => {
    const other = { ...game, scenario: 'london-talks', variant: {} };
    const d = differences(other, TUNED);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatch(/^scenario /);
  });
});

describe('verifying codes of a tuned class', () => {
  const tunedCode = makeCode({ seed: 34, name: 'Tia', variant: TUNED.variant });
  const designedCode = makeCode({ seed: 34, name: 'Dan' });

  it('verifies a tuned game against its tuned rules and keeps its variant', () => {
    const check = checkCode(tunedCode.code);
    expect(check.valid).toBe(true);
    if (!check.valid) return;
    expect(check.result.variant).toEqual({ target: 500, weeks: 12 });
    expect(check.result.week).toBeLessThanOrEqual(12);
    expect(flagText(check.result, TUNED)).toBeNull();
    expect(flagText(check.result, SESSION)).toMatch(/another version of the scenario/);
  });

  it('flags a designed game in the tuned class, in the results and the export', () => {
    const check = checkCode(designedCode.code);
    expect(check.valid).toBe(true);
    if (!check.valid) return;
    expect(check.result.variant).toEqual({});
    expect(flagText(check.result, TUNED)).toMatch(/another version of the scenario \(as designed/);
    const entry = (text: string, line: number): Entry<ClassResult> => ({
      key: codeKey(text),
      first: { source: 'pasted', line, text },
      also: [],
      check: checkCode(text),
    });
    const rows = resultRows(
      [entry(tunedCode.code, 1), entry(designedCode.code, 2)],
      TUNED,
      'https://school.example/',
    );
    expect(rows[1]![1]).toBe('verified');
    expect(rows[2]![1]).toBe('verified, other game');
    expect(rows[2]![CSV_HEADER.indexOf('Note')]).toMatch(/another version of the scenario/);
  });
});

describe('the win-rate check', () => {
  it('plays every difficulty with both players, in batches from the same seeds', () => {
    const jobs = jobsFor(SCENARIO, TUNED.variant);
    expect(new Set(jobs.map((j) => `${j.difficulty} ${j.player}`)).size).toBe(6);
    for (const d of DIFFICULTIES)
      for (const p of ['scripted', 'random']) {
        const mine = jobs.filter((j) => j.difficulty === d && j.player === p);
        expect(mine.reduce((n, j) => n + j.games, 0)).toBe(WINRATE_GAMES);
        expect(mine[0]!.seed).toBe(WINRATE_SEED);
        mine.forEach((j, i) => i && expect(j.seed).toBe(mine[i - 1]!.seed + mine[i - 1]!.games));
      }
  });

  it('adds batches up to what the harness reports for the same games', () => {
    const games = 8;
    const jobs = jobsFor(SCENARIO, TUNED.variant, games).filter((j) => j.difficulty === 'story');
    const figures = addUp(jobs, jobs.map(playJob)).get(versionKey(SCENARIO, TUNED.variant))!;
    const scenario = tunedScenario(SCENARIO, TUNED.variant);
    if (!scenario.ok) throw new Error(scenario.reason);
    for (const player of ['scripted', 'random'] as const) {
      const { report } = simulate({
        scenario: scenario.scenario,
        policy: policyByName(player, SCENARIO)!,
        policyName: player,
        games,
        seed: WINRATE_SEED,
        difficulty: 'story',
      });
      expect(figures.story[player]).toEqual({ wins: report.wins, games });
    }
  });

  it('reports a player a scenario does not have instead of failing', () => {
    expect(playJob({ ...jobsFor(SCENARIO, {})[0]!, scenarioId: 'nowhere' })).toEqual({
      error: expect.stringMatching(/no scenario/),
    });
    expect(percent({ error: 'x' })).toBeNull();
    expect(percent({ wins: 1, games: 3 })).toBe(33);
  });

  it('runs on the page without workers (as in Node), with progress, and can be cancelled', async () => {
    const jobs = jobsFor(SCENARIO, {}, 5).filter((j) => j.player === 'scripted');
    const runner = createWinRateRunner(2);
    const progress: number[] = [];
    const counts = await runner.run(jobs, {
      onProgress: (done) => progress.push(done),
      cancelled: () => false,
    });
    expect(counts).toEqual(jobs.map(playJob));
    expect(progress).toEqual([0, 5, 10, 15]);
    let calls = 0;
    const cancelled = await runner.run(jobs, {
      onProgress: () => calls++,
      cancelled: () => calls >= 2,
    });
    expect(cancelled).toBeNull();
    runner.destroy();
  });
});
