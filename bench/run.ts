import { getScenario } from '../src/scenarios';
import { policyByName } from '../src/sim/policies';
import { playGame, simulate } from '../src/sim/run';
import { actorRuntime } from '../src/actors';
import { createGame, DIFFICULTIES } from '../src/engine';
import { encodeResult, verifyResult } from '../src/share';
import { measureBrowser, median } from './browser';

// Benchmarks: the engine (games per second, median of 5 runs; the time to replay one game), the
// verification of result codes, and the built game in headless Chromium (bench/browser.ts). Prints figures only; never part of
// `npm test`. `--engine` skips the browser.

const json = process.argv.includes('--json');
const scenario = getScenario('december-summit')!;

const perPolicy: Record<string, { runs: number[]; median: number }> = {};
for (const name of ['scripted', 'random']) {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { report } = simulate({
      scenario,
      policy: policyByName(name)!,
      policyName: name,
      games: 300,
      seed: 1 + i * 1000,
      difficulty: 'standard',
      now: () => performance.now(),
    });
    runs.push(report.gamesPerSecond ?? 0);
  }
  perPolicy[name] = { runs, median: median(runs) };
}

const game = createGame(scenario, actorRuntime);
const record = playGame(game, 42, 'standard', policyByName('scripted')!);
const replayMs: number[] = [];
for (let i = 0; i < 25; i++) game.replay(42, 'standard', record.moves); // warm-up
for (let i = 0; i < 25; i++) {
  const t = performance.now();
  game.replay(42, 'standard', record.moves);
  replayMs.push(performance.now() - t);
}

// Verifying result codes: real codes from the harness (five strategies, three difficulties),
// each verified by replay as the teacher's page and `npm run verify` do; median of 5 runs.
const codes: string[] = [];
for (let i = 0; codes.length < 300; i++) {
  const name = ['scripted', 'random', 'joint', 'loan', 'us-deal'][i % 5]!;
  const difficulty = DIFFICULTIES[i % 3]!;
  const rec = playGame(game, 1000 + i, difficulty, policyByName(name)!);
  const end = game.replay(1000 + i, difficulty, rec.moves);
  codes.push(
    encodeResult({
      scenarioId: scenario.id,
      seed: 1000 + i,
      difficulty,
      options: { hints: false, classLabel: '' },
      moves: rec.moves,
      state: end.state,
    }),
  );
}
const verifyMs = (n: number) => {
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (const code of codes.slice(0, n)) if (!verifyResult(code).valid) throw new Error(code);
    runs.push(performance.now() - t);
  }
  return Math.round(median(runs) * 10) / 10;
};
const verify = {
  oneCodeMs: Math.round((verifyMs(300) / 300) * 100) / 100,
  codes30Ms: verifyMs(30),
  codes300Ms: verifyMs(300),
};

const browser = process.argv.includes('--engine') ? null : await measureBrowser();

const result = {
  browser,
  verify,
  engine: {
    gamesPerSecond: perPolicy.scripted!.median,
    gamesPerSecondRuns: perPolicy.scripted!.runs,
    randomPolicyGamesPerSecond: perPolicy.random!.median,
    replayMs: Math.round(median(replayMs) * 100) / 100,
    replayMoves: record.moves.length,
  },
};
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  process.stdout.write(
    [
      'Engine (one core, headless, median of 5 runs of 300 games)',
      `  scripted policy  ${result.engine.gamesPerSecond} games/s  (runs: ${perPolicy.scripted!.runs.join(', ')})`,
      `  random policy    ${result.engine.randomPolicyGamesPerSecond} games/s  (runs: ${perPolicy.random!.runs.join(', ')})`,
      `  replay of one ${record.moves.length}-move game: ${result.engine.replayMs} ms (median of 25)`,
      'Verifying result codes (one core, by replay; median of 5 runs)',
      `  one code ${verify.oneCodeMs} ms, 30 codes ${verify.codes30Ms} ms, 300 codes ${verify.codes300Ms} ms`,
      ...(browser
        ? [
            `Browser (built game, headless Chromium, median of ${browser.runs} cold loads)`,
            `  first paint                 ${browser.firstPaintMs} ms`,
            `  first usable control        ${browser.firstUsableControlMs} ms`,
            `  Start to table's 1st frame  ${browser.tableFirstFrameMs} ms`,
            `  frames per second, table    ${browser.tableFps} at rest, ${browser.tableAnimatingFps} animating a week's end`,
            `  longest task, week end      ${browser.weekEndLongestTaskMs} ms (0: none of 50 ms or more)`,
            `  End-the-week click to paint ${browser.weekEndInteractionMs} ms`,
            `  JS heap after a whole game  ${browser.heapAfterGameMb} MB`,
          ]
        : []),
    ].join('\n') + '\n',
  );
}
