import { expect } from 'vitest';

import type { Difficulty, Scenario } from '../../src/engine';
import { policyByName } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';

// The golden balance tables' shared part: win counts over a fixed set of seeds (1..GAMES) for
// scripted on every difficulty, a scenario's strategies, random and repeated single moves on
// standard. Each scenario's test pins its own table and asserts game.md section 11's targets.

export const GAMES = 200;

export type Row = [policy: string, difficulty: Difficulty];

export function rowsFor(strategies: readonly string[], repeats: readonly string[]): Row[] {
  return [
    ['scripted', 'story'],
    ['scripted', 'standard'],
    ['scripted', 'hard'],
    ...strategies.flatMap((name): Row[] => [
      [name, 'standard'],
      [name, 'hard'],
    ]),
    ['random', 'standard'],
    ...repeats.map((move): Row => [`repeat:${move}`, 'standard']),
  ];
}

/** Wins per row, keyed "policy difficulty", and the win rate of a key. */
export function winTable(scenario: Scenario, rows: readonly Row[]) {
  const table: Record<string, number> = {};
  for (const [policy, difficulty] of rows)
    table[`${policy} ${difficulty}`] = simulate({
      scenario,
      policy: policyByName(policy, scenario.id)!,
      policyName: policy,
      games: GAMES,
      seed: 1,
      difficulty,
    }).report.wins;
  return { table, rate: (key: string) => table[key]! / GAMES };
}

/**
 * game.md section 11's targets that the named strategies' table can show (the search player's
 * are the balance report's): random under 5%; scripted 40-75% on standard, at least 85% on
 * story, at most 40% on hard; at least three strategies winning at least 10% and none above 80%
 * on standard; none above 50% on hard; no move repeated every week above 5%.
 */
export function expectDesignTargets(
  table: Record<string, number>,
  rate: (key: string) => number,
  strategies: readonly string[],
): void {
  expect(rate('random standard')).toBeLessThan(0.05);
  expect(rate('scripted standard')).toBeGreaterThanOrEqual(0.4);
  expect(rate('scripted standard')).toBeLessThanOrEqual(0.75);
  expect(rate('scripted story')).toBeGreaterThanOrEqual(0.85);
  expect(rate('scripted hard')).toBeLessThanOrEqual(0.4);
  const winning = strategies.filter((s) => rate(`${s} standard`) >= 0.1);
  expect(winning.length, `winning strategies: ${winning.join(', ')}`).toBeGreaterThanOrEqual(3);
  for (const s of strategies) {
    expect(rate(`${s} standard`), s).toBeLessThanOrEqual(0.8);
    expect(rate(`${s} hard`), s).toBeLessThanOrEqual(0.5);
  }
  for (const key of Object.keys(table).filter((k) => k.startsWith('repeat:')))
    expect(rate(key), key).toBeLessThanOrEqual(0.05);
}
