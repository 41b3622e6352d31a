import { parseArgs } from 'node:util';

import { getScenario, scenarios } from './scenarios';
import { balanceReport, formatBalance } from './sim/balance';

// npm run -s balance [-- --scenario london-talks] [--games 1000] [--coach-games 500] [--seed 1]
//   [--json]
// The balance report of every scenario (or one): each strategy on every difficulty, a random
// player, every single move repeated, and game.md section 11's targets, met or not.
// Exits with 1 when a target is not met.

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    games: { type: 'string', default: '1000' },
    'coach-games': { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
});

function fail(message: string): never {
  process.stderr.write(`balance: ${message}\n`);
  process.exit(2);
}

const games = Number(values.games);
if (!Number.isInteger(games) || games < 1 || games > 100_000)
  fail('--games must be a whole number from 1 to 100000');
const coachGames = Number(values['coach-games']);
if (!Number.isInteger(coachGames) || coachGames < 1 || coachGames > 100_000)
  fail('--coach-games must be a whole number from 1 to 100000');
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) fail('--seed must be a non-negative whole number');
const list =
  values.scenario === undefined ? Object.values(scenarios) : [getScenario(values.scenario)];
if (list.some((s) => !s))
  fail(`unknown scenario "${values.scenario}" (known: ${Object.keys(scenarios).join(', ')})`);

let allMet = true;
for (const scenario of list) {
  const report = balanceReport(scenario!, {
    games,
    seed,
    coachGames,
    onRow: (row) => {
      if (process.stderr.isTTY) process.stderr.write(`balance: ${scenario!.id} ${row.policy}\n`);
    },
  });
  allMet &&= report.checks.every((c) => c.met);
  process.stdout.write(
    values.json ? `${JSON.stringify(report)}\n` : `${formatBalance(report)}\n\n`,
  );
}
process.exitCode = allMet ? 0 : 1;
