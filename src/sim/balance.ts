import { DIFFICULTIES, type Difficulty, type MoveType, type Scenario } from '../engine';
import { policyByName, searchPlayer, STRATEGIES } from './policies';
import { simulate } from './run';
import type { SearchOptions } from './search';
import type { Policy } from './tactics';

// The balance report of game.md section 11 for one scenario: win rates of its strategies on
// every difficulty, of the search player (standard and hard), of the path governments really
// took (standard, where the scenario has one), of a random player and of every single move
// repeated, and each design target with its figure and whether it is met. Deterministic for
// given games and seed.

/** The search player is costly: its rows play at most this many games (the first seeds). */
export const SEARCH_GAMES = 100;

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
  /** games per figure: the report's games, or fewer for the search player */
  games: number;
  /**
   * win rate (0..1) by difficulty; strategies run on all three, the search player on standard
   * and hard, the rest on standard only
   */
  winRate: Partial<Record<Difficulty, number>>;
  /** share of games (0..1) ending with a partial result, by difficulty, as winRate */
  partialRate: Partial<Record<Difficulty, number>>;
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

export interface BalanceOptions {
  games: number;
  seed: number;
  /** games of the search player's rows (SEARCH_GAMES or `games`, whichever is fewer) */
  searchGames?: number;
  /** the search player's rollouts (search.ts SEARCH_DEFAULTS) */
  search?: SearchOptions;
  onRow?: (row: BalanceRow) => void;
}

export function balanceReport(scenario: Scenario, opts: BalanceOptions): BalanceReport {
  const strategies = Object.keys(STRATEGIES[scenario.id] ?? {}).filter((p) => p !== 'random');
  const rows: BalanceRow[] = [];
  const add = (
    policy: string,
    difficulties: readonly Difficulty[],
    player: () => Policy | null = () => policyByName(policy, scenario.id),
    games = opts.games,
  ) => {
    const row: BalanceRow = { policy, games, winRate: {}, partialRate: {} };
    for (const d of difficulties) {
      const { report } = simulate({
        scenario,
        policy: player()!,
        policyName: policy,
        games,
        seed: opts.seed,
        difficulty: d,
      });
      row.winRate[d] = report.winRate;
      row.partialRate[d] = Math.round((report.partials / Math.max(1, report.games)) * 1e4) / 1e4;
    }
    rows.push(row);
    opts.onRow?.(row);
    return row;
  };
  for (const s of strategies) add(s, DIFFICULTIES);
  const searchGames = opts.searchGames ?? Math.min(opts.games, SEARCH_GAMES);
  const search = strategies.length
    ? add('search', ['standard', 'hard'], () => searchPlayer(scenario.id, opts.search), searchGames)
    : null;
  const history = policyByName('history', scenario.id) ? add('history', ['standard']) : null;
  const random = add('random', ['standard']);
  const repeats = REPEATABLE.map((m) => add(`repeat:${m}`, ['standard']));

  const std = (name: string) => rows.find((r) => r.policy === name)?.winRate.standard ?? 0;
  const scripted = rows.find((r) => r.policy === 'scripted');
  const winners = strategies.filter((s) => s !== 'scripted' && std(s) >= 0.1);
  const worstRepeat = repeats.reduce((a, b) =>
    (b.winRate.standard ?? 0) > (a.winRate.standard ?? 0) ? b : a,
  );
  const best = strategies.reduce<string | null>((a, b) => (a && std(a) >= std(b) ? a : b), null);
  const onHard = rows.filter((r) => strategies.includes(r.policy) || r === search);
  const hardest = onHard.reduce<BalanceRow | null>(
    (a, b) => (a && (a.winRate.hard ?? 0) >= (b.winRate.hard ?? 0) ? a : b),
    null,
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
    {
      target: 'the search player wins at least 80% (standard)',
      figure: search ? `${pct(search.winRate.standard ?? 0)} of ${search.games} games` : 'none',
      met: !!search && (search.winRate.standard ?? 0) >= 0.8,
    },
    {
      target: 'no named strategy wins more than 80% (standard)',
      figure: best ? `highest: ${best} ${pct(std(best))}` : 'no strategies',
      met: strategies.every((s) => std(s) <= 0.8),
    },
    {
      target: 'hard lets every named strategy and the search player win at most 50%',
      figure: hardest
        ? `highest: ${hardest.policy} ${pct(hardest.winRate.hard ?? 0)}${hardest.games !== opts.games ? ` of ${hardest.games} games` : ''}`
        : 'no strategies',
      met: onHard.every((r) => (r.winRate.hard ?? 0) <= 0.5),
    },
    // A what-if scenario's real path (what governments did instead) has no ending on record.
    ...(history && scenario.history.ending ? [historyCheck(scenario, history)] : []),
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

/** The history player ends as the scenario's record says history did (history.ending). */
function historyCheck(scenario: Scenario, history: BalanceRow): BalanceCheck {
  const real = scenario.history.ending?.outcome;
  const won = history.winRate.standard ?? 0;
  const partial = history.partialRate.standard ?? 0;
  const rate = real === 'win' ? won : real === 'partial' ? partial : 1 - won - partial;
  return {
    target: `the path governments really took (history) ends ${real ?? 'as on record (none given)'}, as history did, in at least 90% of games (standard)`,
    figure: `partial ${pct(partial)}, won ${pct(won)}`,
    met: real !== undefined && rate >= 0.9,
  };
}

/** The report as a plain-text table and a list of targets. */
export function formatBalance(r: BalanceReport): string {
  const cell = (x: number | undefined) => (x === undefined ? '' : pct(x)).padStart(9);
  return [
    `${r.title} (${r.scenario}): win rates over ${r.games} seeds from ${r.seed}`,
    `  ${'strategy'.padEnd(26)}${'story'.padStart(9)}${'standard'.padStart(9)}${'hard'.padStart(9)}`,
    ...r.rows.map((row) => {
      const notes = [
        ...(row.games !== r.games ? [`${row.games} games`] : []),
        ...(row.policy === 'history' ? [`partial ${pct(row.partialRate.standard ?? 0)}`] : []),
      ];
      return `  ${row.policy.padEnd(26)}${cell(row.winRate.story)}${cell(row.winRate.standard)}${cell(row.winRate.hard)}${notes.length ? `  (${notes.join(', ')})` : ''}`;
    }),
    '  targets (game.md section 11):',
    ...r.checks.map((c) => `    ${c.met ? 'met    ' : 'NOT met'}  ${c.target}: ${c.figure}`),
  ].join('\n');
}
