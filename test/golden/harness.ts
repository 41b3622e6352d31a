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
    ...strategies.map((name): Row => [name, 'standard']),
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
