import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame } from '../../src/engine';
import { decemberSummit, getScenario, validateScenario } from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';
import { expectDesignTargets, GAMES, rowsFor, winTable } from './harness';

// Washington Opens Talks: golden win counts over a fixed set of seeds (1..GAMES) and the design
// targets of game.md section 11, as test/golden/balance.test.ts does for the December Summit.
// `npm run balance -- --scenario washington-talks` gives the full-size figures (1000 seeds).
// Beside them, the scenario's own rules: Congress and Kyiv as gates on the fund's money, Japan
// lending only through the fund, and what promising benchmarks costs with Kyiv.

const scenario = getScenario('washington-talks')!;
const STRATEGY_NAMES = ['washington-terms', 'european-terms', 'two-tracks', 'europe-alone'];
const ROWS = rowsFor(STRATEGY_NAMES, [
  'pressure.public',
  'offer.make',
  'legal.work',
  'g7.coordinate',
  'bridge.request',
  'actor.sound',
]);

describe(`balance over seeds 1..${GAMES} (Washington Opens Talks)`, () => {
  const { table, rate } = winTable(scenario, ROWS);

  it('matches the reviewed golden win counts', () => {
    expect(table).toEqual({
      'scripted story': 191,
      'scripted standard': 130,
      'scripted hard': 31,
      'washington-terms standard': 143,
      'washington-terms hard': 43,
      'european-terms standard': 29,
      'european-terms hard': 1,
      'two-tracks standard': 32,
      'two-tracks hard': 1,
      'europe-alone standard': 0,
      'europe-alone hard': 0,
      'random standard': 0,
      'repeat:pressure.public standard': 0,
      'repeat:offer.make standard': 0,
      'repeat:legal.work standard': 0,
      'repeat:g7.coordinate standard': 0,
      'repeat:bridge.request standard': 0,
      'repeat:actor.sound standard': 0,
    });
  });

  it('meets the design targets of game.md section 11', () => {
    expectDesignTargets(table, rate, STRATEGY_NAMES);
  });
});

describe('Washington Opens Talks: the rules it adds', () => {
  const game = createGame(scenario, actorRuntime);
  const play = (policy: string, seed: number) =>
    playGame(game, seed, 'standard', policyByName(policy, scenario.id)!).state;

  it('is valid data with the 27 EU states, each voting once, and cites exactly its sources', () => {
    const v = validateScenario(scenario);
    expect(v.ok ? [] : v.errors).toEqual([]);
    const members = scenario.actors.flatMap((a) => a.members.map((m) => m.state)).sort();
    expect(members).toEqual(decemberSummit.states.map((s) => s.id).sort());
    expect(scenario.actors.reduce((sum, a) => sum + a.guaranteeKey, 0)).toBe(100);
    const cited = new Set(scenario.history.items.flatMap((i) => i.sources));
    expect([...cited].sort()).toEqual(scenario.sources.map((s) => s.id).sort());
    expect(scenario.history.summary).toMatch(/did not happen/);
  });

  it('leaves the December Summit without its optional rules, bar the partners waiting for the asset loan', () => {
    expect(decemberSummit.routes.some((r) => r.gates)).toBe(false);
    // Its only pledgeOn: the UK and Canada wait for the EU to lend against the assets.
    expect(
      decemberSummit.actors.filter((a) => a.pledgeOn).map((a) => [a.id, a.pledgeOn!.route]),
    ).toEqual([
      ['uk', 'reparations'],
      ['canada', 'reparations'],
    ]);
  });

  it('with the US in the fund, its money waits for Congress (week 9) and Japan waits for it', () => {
    let checked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const s = play('washington-terms', seed);
      const fund = s.routes['g7-fund']!;
      if (s.actors.us!.stance !== 'committed' || fund.payableWeek === null) continue;
      const opened = fund.payableWeek - 3;
      expect(opened).toBeGreaterThanOrEqual(9);
      const japan = s.pledges.find((p) => p.actor === 'japan');
      if (japan?.realWeek !== null && japan?.realWeek !== undefined)
        expect(japan.realWeek).toBe(opened);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('without the US, the fund can pay before Congress could ever vote', () => {
    const early = [];
    for (let seed = 1; seed <= 20; seed++) {
      const s = play('european-terms', seed);
      const fund = s.routes['g7-fund']!;
      expect(s.actors.us!.stance).not.toBe('committed');
      if (fund.payableWeek !== null && fund.payableWeek - 3 < 9) early.push(seed);
    }
    expect(early.length).toBeGreaterThan(0);
  });

  it('promising benchmarks costs Kyiv and Paris and reassures Congress, next week', () => {
    const start = game.start(1, 'standard');
    const r = game.play(start, {
      type: 'offer.make',
      actor: 'us',
      terms: { guarantee: 'capped', oversight: true },
    });
    expect(r.ok).toBe(true);
    const s = r.state;
    expect(s.actors.us!.stance).toBe('committed');
    const felt = (id: string) =>
      s.actors[id]!.pending.find((p) => p.cause === 'benchmarks and audits promised')?.amount;
    expect(felt('ukraine')).toBe(-20);
    expect(felt('france')).toBe(-10);
    expect(felt('congress')).toBe(8);
    expect(felt('us')).toBeUndefined();
  });
});
