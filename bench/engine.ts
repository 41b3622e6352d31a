import { getScenario } from '../src/scenarios';
import { policyByName } from '../src/sim/policies';
import { playGame, simulate } from '../src/sim/run';
import { actorRuntime } from '../src/actors';
import { createGame, DIFFICULTIES } from '../src/engine';
import { encodeResult, verifyResult } from '../src/share';

import { median } from './median';

// The engine's figures: games per second (median of 5 runs of 300 games), the time to replay one
// game, and the verification of result codes. bench/run.ts bundles this file as the game ships
// (one bundle, production builds of the packages) and runs it in a Node process of its own, which
// prints one JSON object. Run through tsx instead, every call into a package (SHA-256 above all)
// went through a module getter, which cost a quarter of the figure.

const scenario = getScenario('december-summit')!;

// Each policy first plays one run while the code is still cold (V8 compiles and optimises it
// then): that run is reported on its own, and the median is of the 5 runs after it.
const perPolicy: Record<string, { cold: number; runs: number[]; median: number }> = {};
for (const name of ['scripted', 'random']) {
  const runs: number[] = [];
  for (let i = -1; i < 5; i++) {
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
  const [cold, ...warm] = runs;
  perPolicy[name] = { cold: cold!, runs: warm, median: median(warm) };
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

export interface EngineReport {
  engine: {
    gamesPerSecond: number;
    gamesPerSecondRuns: number[];
    /** the first run of 300 games, while the code was still cold */
    gamesPerSecondCold: number;
    randomPolicyGamesPerSecond: number;
    randomPolicyGamesPerSecondRuns: number[];
    replayMs: number;
    replayMoves: number;
  };
  verify: { oneCodeMs: number; codes30Ms: number; codes300Ms: number };
}
const report: EngineReport = {
  engine: {
    gamesPerSecond: perPolicy.scripted!.median,
    gamesPerSecondRuns: perPolicy.scripted!.runs,
    gamesPerSecondCold: perPolicy.scripted!.cold,
    randomPolicyGamesPerSecond: perPolicy.random!.median,
    randomPolicyGamesPerSecondRuns: perPolicy.random!.runs,
    replayMs: Math.round(median(replayMs) * 100) / 100,
    replayMoves: record.moves.length,
  },
  verify,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
