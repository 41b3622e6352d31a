import { describe, expect, it } from 'vitest';
import { getScenario, validateScenario } from '../../src/scenarios';
import { STRATEGIES } from '../../src/sim/policies';
import { expectDesignTargets, GAMES, rowsFor, winTable } from './harness';

// Golden balance table of the London Talks: win counts over a fixed set of seeds (1..GAMES).
// Any change to the model or the scenario that moves a number shows up here as a diff to
// review; the design targets of game.md section 11 are asserted beside it.
// `npm run sim -- --scenario london-talks --policy <name> --games 1000` gives the full figures.

const scenario = getScenario('london-talks')!;

/** The strategies that each play one lesson of the scenario (besides scripted and random). */
const STRATEGY_NAMES = ['asset-loan', 'safe-loans', 'seizure', 'us-deal', 'overrule'];

const ROWS = rowsFor(STRATEGY_NAMES, [
  'pressure.public',
  'offer.make',
  'legal.work',
  'g7.coordinate',
  'bridge.request',
  'actor.sound',
]);

describe('The London Talks data', () => {
  it('passes validation, is registered with its strategies, and ends on its deadline', () => {
    const result = validateScenario(scenario);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(scenario.startDate).toBe('2025-03-17');
    expect(scenario.deadline).toBe('2025-07-31');
    expect(Object.keys(STRATEGIES['london-talks']!).sort()).toEqual(
      ['random', 'scripted', ...STRATEGY_NAMES].sort(),
    );
  });

  it('lists exactly the sources its history cites', () => {
    const cited = new Set(scenario.history.items.flatMap((i) => i.sources));
    expect([...cited].sort()).toEqual(scenario.sources.map((s) => s.id).sort());
  });
});

describe(`balance over seeds 1..${GAMES} (The London Talks)`, () => {
  const { table, rate } = winTable(scenario, ROWS);

  it('matches the reviewed golden win counts', () => {
    expect(table).toEqual({
      'scripted story': 191,
      'scripted standard': 125,
      'scripted hard': 37,
      'asset-loan standard': 84,
      'asset-loan hard': 18,
      'safe-loans standard': 89,
      'safe-loans hard': 17,
      'seizure standard': 0,
      'seizure hard': 0,
      'us-deal standard': 94,
      'us-deal hard': 23,
      'overrule standard': 34,
      'overrule hard': 6,
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
