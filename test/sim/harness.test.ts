import { describe, expect, it } from 'vitest';

import { POLICIES, policyByName, type Policy } from '../../src/sim/policies';
import { simulate, type SimOptions, type SimReport } from '../../src/sim/run';
import { scenario } from '../helpers/game';

// The headless balance harness: deterministic reports (only the speed figure may vary), a hash
// that pins the games played, and named policies including "repeat:<move>[:<target>]".

function policy(name: string): Policy {
  const p = policyByName(name);
  if (!p) throw new Error(`no policy ${name}`);
  return p;
}

function options(name: string, over: Partial<SimOptions> = {}): SimOptions {
  return {
    scenario,
    policy: policy(name),
    policyName: name,
    games: 6,
    seed: 1,
    difficulty: 'standard',
    ...over,
  };
}

/** A fake monotonic clock: each call moves on by `step` milliseconds. */
function fakeClock(step: number) {
  let t = 0;
  return () => (t += step);
}

const withoutSpeed = ({ gamesPerSecond: _speed, ...rest }: SimReport) => rest;

describe('simulate()', () => {
  it('gives identical reports for identical options', () => {
    for (const name of ['random', 'scripted']) {
      const a = simulate(options(name));
      const b = simulate(options(name));
      expect(a.report.hash).toBe(b.report.hash);
      expect(a.report).toEqual(b.report);
      expect(a.records.map((r) => r.moves)).toEqual(b.records.map((r) => r.moves));
    }
  });

  it('varies only in games per second when a clock is injected', () => {
    const plain = simulate(options('random'));
    const slow = simulate(options('random', { now: fakeClock(3000) }));
    const fast = simulate(options('random', { now: fakeClock(500) }));
    expect(plain.report.gamesPerSecond).toBeNull();
    expect(slow.report.gamesPerSecond).toBe(2); // 6 games in 3 s
    expect(fast.report.gamesPerSecond).toBe(12); // 6 games in 0.5 s
    expect(withoutSpeed(slow.report)).toEqual(withoutSpeed(plain.report));
    expect(withoutSpeed(fast.report)).toEqual(withoutSpeed(plain.report));
  });

  it('gives a different hash for a different seed, policy or difficulty', () => {
    const base = simulate(options('random')).report.hash;
    expect(simulate(options('random', { seed: 2 })).report.hash).not.toBe(base);
    expect(simulate(options('scripted')).report.hash).not.toBe(base);
    expect(simulate(options('random', { difficulty: 'hard' })).report.hash).not.toBe(base);
  });

  it('plays consecutive seeds, so overlapping runs share their games', () => {
    const a = simulate(options('random', { seed: 10, games: 3 }));
    const b = simulate(options('random', { seed: 11, games: 3 }));
    expect(a.records.map((r) => r.seed)).toEqual([10, 11, 12]);
    expect(b.records[0]!.moves).toEqual(a.records[1]!.moves);
  });

  it('reports the required fields, consistent with the games played', () => {
    const { report, records } = simulate(options('scripted', { games: 5, seed: 7 }));
    expect(report).toMatchObject({
      scenario: scenario.id,
      policy: 'scripted',
      difficulty: 'standard',
      games: 5,
      seed: 7,
      gamesPerSecond: null,
    });
    expect(records).toHaveLength(5);
    const wins = records.filter((r) => r.state.ending?.outcome === 'win').length;
    expect(report.wins).toBe(wins);
    expect(report.wins + report.partials + report.losses).toBe(report.games);
    expect(report.winRate).toBeCloseTo(wins / 5, 4);
    const meanBn = records.reduce((s, r) => s + r.state.ending!.secured, 0) / 5 / 1000;
    expect(report.meanSecuredBn).toBeCloseTo(meanBn, 2);
    expect(report.meanSecuredBn).toBeGreaterThanOrEqual(0);
    expect(report.hash).toMatch(/^[0-9a-f]{64}$/);
    for (const r of records) expect(r.state.status).toBe('over');
  });
});

describe('policies by name', () => {
  it('knows the built-in policies and refuses unknown names', () => {
    for (const name of Object.keys(POLICIES)) expect(policyByName(name)).toBe(POLICIES[name]);
    expect(policyByName('random')).toBeTypeOf('function');
    expect(policyByName('no-such-policy')).toBeNull();
  });

  it('never resolves an inherited property as a policy (as getScenario already guards)', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', '__proto__'])
      expect(policyByName(name), name).toBeNull();
  });

  it('"repeat:pressure.public:belgium" only ever pressures Belgium or ends the week', () => {
    const { records } = simulate(options('repeat:pressure.public:belgium', { games: 4 }));
    let pressures = 0;
    for (const { moves, state } of records) {
      expect(state.status).toBe('over');
      for (const m of moves) {
        if (m.type === 'week.end') continue;
        expect(m).toEqual({ type: 'pressure.public', actor: 'belgium' });
        pressures++;
      }
    }
    // It really does repeat: several rounds of pressure in every game.
    expect(pressures).toBeGreaterThanOrEqual(records.length * 3);
  });

  it('"repeat:legal.work:eu-borrowing" targets a route', () => {
    const { records } = simulate(options('repeat:legal.work:eu-borrowing', { games: 2 }));
    const moves = records.flatMap((r) => r.moves).filter((m) => m.type !== 'week.end');
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) expect(m).toEqual({ type: 'legal.work', route: 'eu-borrowing' });
  });
});
