import { parseArgs } from 'node:util';
import { DIFFICULTIES, type Difficulty } from './engine';
import { getScenario, scenarios } from './scenarios';
import { encodeResult } from './share';
import { policyByName, SPECIAL_PLAYERS, STRATEGIES } from './sim/policies';
import { simulate, type GameRecord, type SimReport } from './sim/run';

// npm run sim -- --scenario december-summit --policy scripted --games 1000 --seed 1 [--json]
//   --policy: a strategy of the scenario, random, search, history, repeat:<move>[:<target>]
//   [--codes]  also give each game's result code (`codes` in the JSON, one line each otherwise)

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

function readable(r: SimReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${r.scenario} · policy ${r.policy} · ${r.difficulty} · ${r.games} games from seed ${r.seed}`,
    `  wins ${r.wins} (${pct(r.winRate)}), partial ${r.partials}, losses ${r.losses}`,
    `  mean money secured EUR ${r.meanSecuredBn} bn${r.meanWinWeek ? `; mean winning week ${r.meanWinWeek}` : ''}`,
    `  grades ${Object.entries(r.grades)
      .sort()
      .map(([g, n]) => `${g}:${n}`)
      .join(' ')}`,
    '  money in winning games:',
    ...Object.entries(r.routesInWins)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `    ${k.padEnd(28)} ${pct(n / Math.max(1, r.wins))} of wins`),
    '  actors ending committed:',
    ...Object.entries(r.committedRate).map(([k, v]) => `    ${k.padEnd(12)} ${pct(v)}`),
    `  speed ${r.gamesPerSecond ?? '?'} games/s · hash ${r.hash.slice(0, 16)}`,
    ...(r.codes ? ['  result codes, from the first seed:', ...r.codes.map((c) => `    ${c}`)] : []),
  ];
  return lines.join('\n');
}

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'december-summit' },
    policy: { type: 'string', default: 'scripted' },
    games: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    difficulty: { type: 'string', default: 'standard' },
    json: { type: 'boolean', default: false },
    codes: { type: 'boolean', default: false },
  },
  strict: true,
});

const scenario = getScenario(values.scenario);
if (!scenario)
  fail(`unknown scenario "${values.scenario}" (known: ${Object.keys(scenarios).join(', ')})`);
const policy = policyByName(values.policy, scenario!.id);
if (!policy)
  fail(
    `unknown policy "${values.policy}" (known: ${[
      ...Object.keys(STRATEGIES[scenario!.id] ?? {}),
      ...SPECIAL_PLAYERS.filter((p) => policyByName(p, scenario!.id)),
    ].join(', ')}, repeat:<move>[:<target>])`,
  );
const games = Number(values.games);
if (!Number.isInteger(games) || games < 1 || games > 1_000_000)
  fail('--games must be a whole number from 1 to 1000000');
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) fail('--seed must be a non-negative whole number');
if (!DIFFICULTIES.includes(values.difficulty as Difficulty))
  fail(`--difficulty must be one of ${DIFFICULTIES.join(', ')}`);

const difficulty = values.difficulty as Difficulty;

/** A game's result code, as the game's ending would give it (no hints, no class, no name). */
function codeOf(r: GameRecord): string {
  try {
    return encodeResult({
      scenarioId: scenario!.id,
      seed: r.seed,
      difficulty,
      options: { hints: false, classLabel: '' },
      moves: r.moves,
      state: r.state,
    });
  } catch (error) {
    return fail(
      `--codes: the game of seed ${r.seed} has no result code: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const { report } = simulate({
  scenario,
  policy,
  policyName: values.policy,
  games,
  seed,
  difficulty,
  now: () => performance.now(),
  ...(values.codes ? { encode: codeOf } : {}),
});
process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${readable(report)}\n`);
