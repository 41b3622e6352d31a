import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { stateHash } from '../../src/engine';
import { DEFAULT_OPTIONS, encodeResult, replayLink } from '../../src/share';
import { policyByName } from '../../src/sim/policies';
import { simulate, type GameRecord } from '../../src/sim/run';
import { scenario } from '../helpers/game';

// `npm run verify` (src/verify.ts) and `npm run sim -- --codes` (src/cli.ts) as child processes.
// Each tsx start costs about a second, so the six runs start together in beforeAll.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const codeOf = (r: GameRecord, state = r.state) =>
  encodeResult({
    scenarioId: scenario.id,
    seed: r.seed,
    difficulty: 'standard',
    options: DEFAULT_OPTIONS,
    name: 'Zoë 李',
    moves: r.moves,
    state,
  });

const { records } = simulate({
  scenario,
  policy: policyByName('scripted')!,
  policyName: 'scripted',
  games: 2,
  seed: 1,
  difficulty: 'standard',
});
const [a, b] = records as [GameRecord, GameRecord];
const valid = codeOf(a);
/** Well-formed, checksum right, but it claims another game's result: only the replay catches it. */
const forged = codeOf(a, b.state);

/** A code made before the rules changed in code (at commit b45eaa0; see old-codes.test.ts). */
const earlier = 'AQCrRAAAAB1huA0FuYQ5E49PE2k9WQGrVZLuBwZm3G444BMdnGfgIR4kXw';

/** A stack trace line, as Node prints them. */
const STACK = /^\s+at\s/m;

const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
const file = join(dir, 'codes.txt');
const fileLines = [
  valid, // 1
  '', // 2 (skipped, still counted)
  `  ${replayLink('https://example.org/', codeOf(b))}  `, // 3
  'hello, this is not a code', // 4
  '   ', // 5 (skipped)
  forged, // 6
  valid.slice(0, -3), // 7 (cut short)
];
writeFileSync(file, `${fileLines.join('\r\n')}\n\n`);

let single: Run;
let forgedRun: Run;
let earlierRun: Run;
let fromFile: Run;
let noArgs: Run;
let sim: Run;

beforeAll(async () => {
  [single, forgedRun, earlierRun, fromFile, noArgs, sim] = await Promise.all([
    run('src/verify.ts', [valid]),
    run('src/verify.ts', [forged]),
    run('src/verify.ts', [earlier]),
    run('src/verify.ts', ['--file', file]),
    run('src/verify.ts', []),
    run('src/cli.ts', ['--games', '3', '--seed', '5', '--policy', 'random', '--json', '--codes']),
  ]);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run verify', () => {
  it('prints one JSON object for a valid code and exits 0', () => {
    expect(single.stderr).toBe('');
    expect(single.status).toBe(0);
    expect(single.stdout.endsWith('\n')).toBe(true);
    expect(single.stdout.trim().split('\n')).toHaveLength(1);
    const e = a.state.ending!;
    expect(JSON.parse(single.stdout)).toEqual({
      valid: true,
      scenario: scenario.id,
      difficulty: 'standard',
      seed: a.seed,
      name: 'Zoë 李',
      outcome: e.outcome,
      securedBn: Math.round(e.secured / 100) / 10,
      grade: e.grade,
      score: e.score,
      week: a.state.week,
      moveCount: a.moves.length,
      hints: false,
      classTag: null,
      variant: {},
      stateHash: stateHash(a.state),
    });
  });

  it('refuses a forged code: exit 1, the reason on one stderr line, no stack trace', () => {
    expect(forgedRun.status).toBe(1);
    const err = forgedRun.stderr.trimEnd().split('\n');
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^verify: The moves in the code do not lead to the result it claims/);
    expect(forgedRun.stderr).not.toMatch(STACK);
    expect(JSON.parse(forgedRun.stdout)).toEqual({
      valid: false,
      reason: expect.stringMatching(/do not lead to the result/),
    });
  });

  it('says plainly that a code made before the rules changed comes from an earlier version', () => {
    const reason =
      'This code was made with an earlier version of the game. The rules have changed since, so this version cannot check its result.';
    expect(earlierRun.status).toBe(1);
    expect(earlierRun.stderr).toBe(`verify: ${reason}\n`);
    expect(JSON.parse(earlierRun.stdout)).toEqual({ valid: false, reason });
  });

  it('--file: one JSON line per non-empty line, numbered, and exit 1 if any is invalid', () => {
    expect(fromFile.status).toBe(1);
    const out = fromFile.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => [o.line, o.valid])).toEqual([
      [1, true],
      [3, true],
      [4, false],
      [6, false],
      [7, false],
    ]);
    expect(out[0]).toMatchObject({ seed: a.seed, stateHash: stateHash(a.state) });
    expect(out[1]).toMatchObject({ seed: b.seed, stateHash: stateHash(b.state) });
    expect(out[2]!.reason).toMatch(/not a result code/);
    expect(out[3]!.reason).toMatch(/do not lead to the result/);
    expect(out[4]!.reason).toEqual(expect.any(String));
    expect(fromFile.stderr).toBe('verify: 3 of 5 lines are not valid result codes\n');
  });

  it('without arguments: a one-line usage message and exit 2', () => {
    expect(noArgs.status).toBe(2);
    expect(noArgs.stdout).toBe('');
    expect(noArgs.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(noArgs.stderr).toMatch(/^verify: no code given \(usage: npm run verify -- /);
  });

  it('never prints a stack trace', () => {
    for (const r of [single, forgedRun, earlierRun, fromFile, noArgs])
      expect(r.stderr).not.toMatch(STACK);
  });
});

describe('npm run sim -- --json --codes', () => {
  it('adds each game’s result code to the JSON, and each one verifies', () => {
    expect(sim.status).toBe(0);
    const report = JSON.parse(sim.stdout) as { codes: string[]; games: number; hash: string };
    const again = simulate({
      scenario,
      policy: policyByName('random')!,
      policyName: 'random',
      games: 3,
      seed: 5,
      difficulty: 'standard',
    });
    const { gamesPerSecond: _speed, ...rest } = report as unknown as Record<string, unknown>;
    const { gamesPerSecond: _none, ...expected } = again.report;
    expect(rest).toEqual({
      ...expected,
      codes: again.records.map((r) =>
        encodeResult({
          scenarioId: scenario.id,
          seed: r.seed,
          difficulty: 'standard',
          options: { hints: false, classLabel: '' },
          moves: r.moves,
          state: r.state,
        }),
      ),
    });
  });
});
