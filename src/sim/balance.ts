import { DIFFICULTIES, type Difficulty, type MoveType, type Scenario } from '../engine';
import { policyByName, STRATEGIES } from './policies';
import { simulate } from './run';

// The balance report of game.md section 11 for one scenario: win rates of its strategies on
// every difficulty, of a random player and of every single move repeated, and each design
// target with its figure and whether it is met. Deterministic for given games and seed.

/** Every move type a "repeat one action every week" player could pick. */
export const REPEATABLE: readonly Exclude<MoveType, 'week.end'>[] = [
  'actor.sound',
  'offer.make',
  'pressure.public',
  'g7.coordinate',
  'legal.work',
  'route.table',
  'vote.call',
  'bridge.request',
];

export interface BalanceRow {
  policy: string;
  /** win rate (0..1) by difficulty; strategies run on all three, the rest on standard only */
  winRate: Partial<Record<Difficulty, number>>;
}

export interface BalanceCheck {
  target: string;
  figure: string;
  met: boolean;
}

export interface BalanceReport {
  scenario: string;
  title: string;
  games: number;
  seed: number;
  rows: BalanceRow[];
  checks: BalanceCheck[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function balanceReport(
  scenario: Scenario,
  opts: { games: number; seed: number; onRow?: (row: BalanceRow) => void },
): BalanceReport {
  const rate = (policy: string, difficulty: Difficulty) =>
    simulate({
      scenario,
      policy: policyByName(policy, scenario.id)!,
      policyName: policy,
      games: opts.games,
      seed: opts.seed,
      difficulty,
    }).report.winRate;
  const strategies = Object.keys(STRATEGIES[scenario.id] ?? {}).filter((p) => p !== 'random');
  const rows: BalanceRow[] = [];
  const add = (policy: string, difficulties: readonly Difficulty[]) => {
    const row: BalanceRow = { policy, winRate: {} };
    for (const d of difficulties) row.winRate[d] = rate(policy, d);
    rows.push(row);
    opts.onRow?.(row);
    return row;
  };
  for (const s of strategies) add(s, DIFFICULTIES);
  const random = add('random', ['standard']);
  const repeats = REPEATABLE.map((m) => add(`repeat:${m}`, ['standard']));

  const std = (name: string) => rows.find((r) => r.policy === name)?.winRate.standard ?? 0;
  const scripted = rows.find((r) => r.policy === 'scripted');
  const winners = strategies.filter((s) => s !== 'scripted' && std(s) >= 0.1);
  const worstRepeat = repeats.reduce((a, b) =>
    (b.winRate.standard ?? 0) > (a.winRate.standard ?? 0) ? b : a,
  );
  const checks: BalanceCheck[] = [
    {
      target: 'a random legal player wins under 5% (standard)',
      figure: pct(random.winRate.standard ?? 0),
      met: (random.winRate.standard ?? 0) < 0.05,
    },
    {
      target: 'the competent scripted strategy wins 40-75% (standard)',
      figure: scripted ? pct(std('scripted')) : 'no scripted strategy',
      met: !!scripted && std('scripted') >= 0.4 && std('scripted') <= 0.75,
    },
    {
      target: 'at least three distinct strategies each win at least 10% (standard)',
      figure: `${winners.length}: ${winners.map((s) => `${s} ${pct(std(s))}`).join(', ') || 'none'}`,
      met: winners.length >= 3,
    },
    {
      target: 'no single action repeated every week wins more than 5% (standard)',
      figure: `highest: ${worstRepeat.policy} ${pct(worstRepeat.winRate.standard ?? 0)}`,
      met: (worstRepeat.winRate.standard ?? 0) <= 0.05,
    },
    {
      target: 'story lets the scripted strategy win at least 85%',
      figure: pct(scripted?.winRate.story ?? 0),
      met: (scripted?.winRate.story ?? 0) >= 0.85,
    },
    {
      target: 'hard lets the scripted strategy win at most 40%',
      figure: pct(scripted?.winRate.hard ?? 0),
      met: !!scripted && (scripted.winRate.hard ?? 1) <= 0.4,
    },
  ];
  return {
    scenario: scenario.id,
    title: scenario.title,
    games: opts.games,
    seed: opts.seed,
    rows,
    checks,
  };
}

/** The report as a plain-text table and a list of targets. */
export function formatBalance(r: BalanceReport): string {
  const cell = (x: number | undefined) => (x === undefined ? '' : pct(x)).padStart(9);
  return [
    `${r.title} (${r.scenario}): win rates over ${r.games} seeds from ${r.seed}`,
    `  ${'strategy'.padEnd(26)}${'story'.padStart(9)}${'standard'.padStart(9)}${'hard'.padStart(9)}`,
    ...r.rows.map(
      (row) =>
        `  ${row.policy.padEnd(26)}${cell(row.winRate.story)}${cell(row.winRate.standard)}${cell(row.winRate.hard)}`,
    ),
    '  targets (game.md section 11):',
    ...r.checks.map((c) => `    ${c.met ? 'met    ' : 'NOT met'}  ${c.target}: ${c.figure}`),
  ].join('\n');
}
