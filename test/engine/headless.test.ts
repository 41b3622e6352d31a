import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it, vi } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame, legalMoves, money, stateHash } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { playGame, simulate } from '../../src/sim/run';
import { policyByName } from '../../src/sim/policies';

// Headless first, and prove it (zustand mocks React away; we do the same with Phaser): if
// anything the engine, actors, scenarios or sim import reached for Phaser, this file would fail
// to load.

vi.mock('phaser', () => {
  throw new Error('phaser must not load in the engine');
});

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HEADLESS_LAYERS = ['src/engine', 'src/actors', 'src/scenarios', 'src/sim'];

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(ts|js|mts|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

describe('the game runs with Phaser unavailable', () => {
  it('Phaser itself cannot be loaded in this file', async () => {
    const error = await import('phaser').then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(error).not.toBeNull();
    expect(String(error?.cause?.message ?? error?.message)).toMatch(/must not load/);
  });

  it('plays a whole game with the engine, the actors and the scenario', () => {
    const scenario = getScenario('december-summit')!;
    const game = createGame(scenario, actorRuntime);
    const record = playGame(game, 1, 'standard', policyByName('scripted')!);
    expect(record.state.status).toBe('over');
    expect(record.state.ending).not.toBeNull();
    expect(money(scenario, record.state).secured).toBeGreaterThanOrEqual(0);
    expect(stateHash(record.state)).toMatch(/^[0-9a-f]{64}$/);
    expect(legalMoves(scenario, game.start(1, 'standard')).length).toBeGreaterThan(1);
  });

  it('runs the balance harness', () => {
    const { report } = simulate({
      scenario: getScenario('december-summit')!,
      policy: policyByName('random')!,
      policyName: 'random',
      games: 3,
      seed: 1,
      difficulty: 'standard',
    });
    expect(report.games).toBe(3);
  });
});

describe('the headless layers never touch Phaser, Math.random or the clock', () => {
  const files = HEADLESS_LAYERS.flatMap((d) => filesUnder(join(ROOT, d)));

  it('finds the source files to check', () => {
    const rel = files.map((f) => relative(ROOT, f).replaceAll('\\', '/'));
    for (const expected of [
      'src/engine/game.ts',
      'src/actors/runtime.ts',
      'src/scenarios/index.ts',
      'src/sim/run.ts',
    ])
      expect(rel).toContain(expected);
  });

  const FORBIDDEN: [string, RegExp][] = [
    ["an import from 'phaser'", /from\s+['"]phaser['"/]/],
    ['a dynamic import of phaser', /(import|require)\s*\(\s*['"]phaser/],
    ['Math.random', /Math\.random/],
    ['Date.now()', /Date\.now\(/],
  ];

  it.each(FORBIDDEN)('no file contains %s', (_label, pattern) => {
    const offenders = files
      .filter((f) => pattern.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('the check itself would catch an offender', () => {
    const sample = "import Phaser from 'phaser';\nconst x = Math.random() + Date.now();";
    for (const [, pattern] of FORBIDDEN.filter(([l]) => !l.startsWith('a dynamic')))
      expect(pattern.test(sample)).toBe(true);
    expect(FORBIDDEN[1]![1].test("await import('phaser')")).toBe(true);
  });
});
