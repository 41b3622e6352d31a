import { describe, expect, it } from 'vitest';

import { getScenario } from '../../src/scenarios';
import {
  balanceReport,
  COACH_GAMES,
  formatBalance,
  REPEATABLE,
  SEARCH_GAMES,
} from '../../src/sim/balance';
import { STRATEGIES } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';
import { policyByName } from '../../src/sim/policies';

// The balance report (npm run balance): every strategy on every difficulty, the search player
// on standard and hard (on fewer games), the path governments really took, a random player and
// every repeated move on standard, and each design target judged from those very figures.

const scenario = getScenario('december-summit')!;
// The search player is costly: a few games with light rollouts keep the test fast.
const SEARCH = { rollouts: 1, openingRollouts: 2 };
const report = balanceReport(scenario, {
  games: 24,
  seed: 3,
  searchGames: 4,
  coachGames: 6,
  search: SEARCH,
});

describe('balanceReport', () => {
  it('has a row per strategy (three difficulties), search and coach (standard and hard), history, random and every repeated move (standard)', () => {
    const strategies = Object.keys(STRATEGIES[scenario.id]!).filter((p) => p !== 'random');
    expect(report.rows.map((r) => r.policy)).toEqual([
      ...strategies,
      'search',
      'coach',
      'history',
      'random',
      ...REPEATABLE.map((m) => `repeat:${m}`),
    ]);
    for (const r of report.rows) {
      expect(Object.keys(r.winRate)).toEqual(
        strategies.includes(r.policy)
          ? ['story', 'standard', 'hard']
          : r.policy === 'search' || r.policy === 'coach'
            ? ['standard', 'hard']
            : ['standard'],
      );
      expect(Object.keys(r.partialRate)).toEqual(Object.keys(r.winRate));
      expect(r.games).toBe(r.policy === 'search' ? 4 : r.policy === 'coach' ? 6 : 24);
    }
    // The coach's hard figure is over the search player's games.
    expect(report.rows.find((r) => r.policy === 'coach')!.gamesBy).toEqual({ hard: 4 });
  });

  it('counts the moves each player makes per game on standard', () => {
    const scripted = report.rows.find((r) => r.policy === 'scripted')!;
    const { records } = simulate({
      scenario,
      policy: policyByName('scripted')!,
      policyName: 'scripted',
      games: 24,
      seed: 3,
      difficulty: 'standard',
    });
    const all = records.reduce((n, g) => n + g.moves.length, 0) / 24;
    expect(scripted.moves!.all).toBeCloseTo(all, 1);
    expect(scripted.moves!.actions).toBeLessThan(scripted.moves!.all);
    expect(scripted.moves!.kinds).toBeGreaterThan(1);
    expect(formatBalance(report)).toContain(
      `${scripted.moves!.all} / ${scripted.moves!.actions} / ${scripted.moves!.kinds}`,
    );
  });

  it('plays the search player on at most SEARCH_GAMES games unless told, the coach on COACH_GAMES', () => {
    expect(SEARCH_GAMES).toBe(100);
    expect(COACH_GAMES).toBe(500);
    const london = getScenario('london-talks')!;
    const one = balanceReport(london, { games: 1, seed: 1, coachGames: 1, search: SEARCH });
    expect(one.rows.find((r) => r.policy === 'search')!.games).toBe(1);
    expect(one.rows.find((r) => r.policy === 'history')!.games).toBe(1);
    // A what-if scenario's real path (what the EU did instead) has a row but no target: no
    // ending is on record for a game that did not happen.
    const washington = balanceReport(getScenario('washington-talks')!, {
      games: 1,
      seed: 1,
      coachGames: 1,
      search: SEARCH,
    });
    expect(washington.rows.some((r) => r.policy === 'history')).toBe(true);
    expect(washington.checks.some((c) => c.target.includes('history'))).toBe(false);
    // Three scenarios' whole reports, the search and the coach's games too: slow on a busy machine.
  }, 300_000);

  it('gives the harness figures: the same games, seeds and win rates as simulate', () => {
    const joint = simulate({
      scenario,
      policy: policyByName('joint')!,
      policyName: 'joint',
      games: 24,
      seed: 3,
      difficulty: 'hard',
    }).report.winRate;
    expect(report.rows.find((r) => r.policy === 'joint')!.winRate.hard).toBe(joint);
  });

  it('judges each target from the rows', () => {
    const std = (p: string) => report.rows.find((r) => r.policy === p)!.winRate.standard!;
    const [random, scripted, , repeats, story, hard] = report.checks;
    expect(random!.met).toBe(std('random') < 0.05);
    expect(scripted!.met).toBe(std('scripted') >= 0.4 && std('scripted') <= 0.75);
    expect(repeats!.met).toBe(REPEATABLE.every((m) => std(`repeat:${m}`) <= 0.05));
    const s = report.rows.find((r) => r.policy === 'scripted')!.winRate;
    expect(story!.met).toBe(s.story! >= 0.85);
    expect(hard!.met).toBe(s.hard! <= 0.4);
    const [, , , , , , searchStd, coachStd, strategiesStd, hardAll, coachHard, history] =
      report.checks;
    const row = (p: string) => report.rows.find((r) => r.policy === p)!;
    expect(searchStd!.met).toBe(std('search') >= 0.8);
    expect(searchStd!.figure).toContain('of 4 games');
    expect(coachStd!.met).toBe(std('coach') >= 0.7);
    expect(coachStd!.figure).toContain('of 6 games');
    const strategies = Object.keys(STRATEGIES[scenario.id]!).filter((p) => p !== 'random');
    expect(strategiesStd!.met).toBe(strategies.every((p) => std(p) <= 0.8));
    expect(hardAll!.met).toBe([...strategies, 'search'].every((p) => row(p).winRate.hard! <= 0.5));
    expect(coachHard!.met).toBe(row('coach').winRate.hard! <= 0.5);
    expect(coachHard!.figure).toContain('of 4 games');
    expect(history!.met).toBe(row('history').partialRate.standard! >= 0.9);
    expect(report.checks).toHaveLength(12);
    const text = formatBalance(report);
    expect(text).toContain("targets (game.md section 11, and the coach's of issue 18):");
    expect(text).toMatch(/search .*\(4 games\)/);
    expect(text).toMatch(/coach .*\(6 games, hard 4 games\)/);
    expect(text).toMatch(/history .*\(partial 100\.0%\)/);
  });
});
