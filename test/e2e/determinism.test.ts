import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame, Dice, seedRng, stateHash, type Difficulty, type Move } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { encodeResult, movesBefore, realPath, verifyResult } from '../../src/share';
import { playOn, simulate, type GameRecord } from '../../src/sim/run';
import { fixtureBundle } from './build';
import { launch, newPage, type TestPage } from './helpers';

// The same (scenario, seed, moves) gives the same state hash in the browser as in Node. The page
// does not expose the engine, so a tiny test-only entry (fixtures/hash-entry.ts) is bundled with
// vite's production pipeline and loaded into a blank page.

let browser: Browser;
let t: TestPage;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'frozen-assets-hash-'));
  const [bundle] = await Promise.all([
    fixtureBundle('hash-entry', 'frozenAssetsHash', outDir),
    (async () => {
      browser = await launch();
      t = await newPage(browser);
    })(),
  ]);
  expect(await readdir(outDir)).toContain('hash-entry.js');
  await t.page.goto('about:blank');
  await t.page.addScriptTag({ content: bundle });
  const loaded = await t.page.evaluate(() => typeof window.replayHash);
  expect(loaded, `the bundle did not load:\n${t.errors.join('\n')}`).toBe('function');
});

afterAll(async () => {
  await t?.close();
  await browser?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const scenario = getScenario('december-summit')!;
const DIFFICULTY: Difficulty = 'standard';

/** Games played headless in Node by a sim policy, with fixed seeds. */
function games(policy: string, seed: number, count: number): GameRecord[] {
  const p = policyByName(policy);
  if (!p) throw new Error(`no policy ${policy}`);
  return simulate({
    scenario,
    policy: p,
    policyName: policy,
    games: count,
    seed,
    difficulty: DIFFICULTY,
  }).records;
}

const CASES = [
  { policy: 'scripted', seed: 101 },
  { policy: 'random', seed: 202 },
];

test.each(CASES)('$policy games hash the same in Chromium as in Node', async ({ policy, seed }) => {
  const records = games(policy, seed, 5);
  expect(records).toHaveLength(5);
  for (const r of records) {
    expect(r.state.status).toBe('over');
    const node = stateHash(r.state);
    const browserHash = await t.page.evaluate(([s, d, m]) => window.replayHash(s, d, m), [
      r.seed,
      DIFFICULTY,
      r.moves,
    ] as [number, Difficulty, Move[]]);
    expect(browserHash, `seed ${r.seed}, ${r.moves.length} moves`).toBe(node);
  }
  // Distinct games give distinct hashes: the comparison is not vacuous.
  expect(new Set(records.map((r) => stateHash(r.state))).size).toBe(records.length);
  t.expectNoErrors();
});

test('a partial game (mid-week) hashes the same too', async () => {
  const [r] = games('scripted', 303, 1);
  const moves = r!.moves.slice(0, Math.floor(r!.moves.length / 2));
  const replay = createGame(scenario, actorRuntime).replay(r!.seed, DIFFICULTY, moves);
  expect(replay.ok).toBe(true);
  const browserHash = await t.page.evaluate(([s, d, m]) => window.replayHash(s, d, m), [
    r!.seed,
    DIFFICULTY,
    moves,
  ] as [number, Difficulty, Move[]]);
  expect(browserHash).toBe(stateHash(replay.state));
  t.expectNoErrors();
});

test('forks of the real path and of a game verify to the same hashes in Chromium as in Node', async () => {
  const game = createGame(scenario, actorRuntime);
  const codes: string[] = [];
  for (const [seed, week, kind] of [
    [11, 4, 'history'],
    [12, 8, 'history'],
    [13, 6, 'game'],
  ] as const) {
    const base =
      kind === 'history' ? realPath(game, seed, DIFFICULTY) : games('us-deal', seed, 1)[0]!.moves;
    const prefix = movesBefore(base, week);
    const at = game.replay(seed, DIFFICULTY, prefix);
    if (!at.ok) throw new Error('the prefix does not replay');
    const moves = [...prefix];
    const policy = policyByName('scripted')!;
    const state = playOn(game, at.state, policy, new Dice(seedRng(seed)), moves);
    codes.push(
      encodeResult({
        scenarioId: scenario.id,
        seed,
        difficulty: DIFFICULTY,
        options: { hints: false, classLabel: '' },
        moves,
        state,
        fork: { kind, week, base },
      }),
    );
  }
  for (const code of codes) {
    const v = verifyResult(code);
    if (!v.valid) throw new Error(v.reason);
    const inBrowser = await t.page.evaluate((c) => window.verifyHash(c), code);
    expect(inBrowser).toEqual({ hash: v.stateHash, base: stateHash(v.fork!.baseState) });
  }
  // The forks went their own way: each ends elsewhere than its base.
  for (const code of codes) {
    const v = verifyResult(code);
    if (!v.valid) throw new Error(v.reason);
    expect(v.stateHash).not.toBe(stateHash(v.fork!.baseState));
  }
  t.expectNoErrors();
});
