import { describe, expect, it } from 'vitest';

import { getScenario } from '../../src/scenarios';
import { balanceReport, formatBalance, REPEATABLE } from '../../src/sim/balance';
import { STRATEGIES } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';
import { policyByName } from '../../src/sim/policies';

// The balance report (npm run balance): every strategy on every difficulty, a random player and
// every repeated move on standard, and each design target judged from those very figures.

const scenario = getScenario('december-summit')!;
const report = balanceReport(scenario, { games: 24, seed: 3 });

describe('balanceReport', () => {
  it('has a row per strategy (three difficulties), random and every repeated move (standard)', () => {
    const strategies = Object.keys(STRATEGIES[scenario.id]!).filter((p) => p !== 'random');
    expect(report.rows.map((r) => r.policy)).toEqual([
      ...strategies,
      'random',
      ...REPEATABLE.map((m) => `repeat:${m}`),
    ]);
    for (const r of report.rows)
      expect(Object.keys(r.winRate)).toEqual(
        strategies.includes(r.policy) ? ['story', 'standard', 'hard'] : ['standard'],
      );
  });

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
    expect(formatBalance(report)).toContain('targets (game.md section 11):');
  });
});
