import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/scenarios';
import { expectDesignTargets, GAMES, rowsFor, winTable } from './harness';

// Golden balance table: win counts over a fixed set of seeds (1..GAMES). Any change to the
// model that moves a number shows up here as a diff to review; the design targets of game.md
// section 11 are asserted beside it. `npm run sim -- --games 1000` gives the full-size figures.

const scenario = getScenario('december-summit')!;
const STRATEGY_NAMES = ['loan', 'g7-loan', 'overrule', 'joint', 'us-deal'];
const ROWS = rowsFor(STRATEGY_NAMES, [
  'pressure.public',
  'offer.make',
  'legal.work',
  'g7.coordinate',
  'bridge.request',
]);

describe(`balance over seeds 1..${GAMES} (December Summit)`, () => {
  const { table, rate } = winTable(scenario, ROWS);

  it('matches the reviewed golden win counts', () => {
    expect(table).toEqual({
      'scripted story': 187,
      'scripted standard': 87,
      'scripted hard': 3,
      'loan standard': 0,
      'loan hard': 0,
      'g7-loan standard': 99,
      'g7-loan hard': 1,
      'overrule standard': 72,
      'overrule hard': 2,
      'joint standard': 0,
      'joint hard': 0,
      'us-deal standard': 153,
      'us-deal hard': 26,
      'random standard': 0,
      'repeat:pressure.public standard': 0,
      'repeat:offer.make standard': 0,
      'repeat:legal.work standard': 0,
      'repeat:g7.coordinate standard': 0,
      'repeat:bridge.request standard': 0,
    });
  });

  it('meets the design targets of game.md section 11', () => {
    expectDesignTargets(table, rate, STRATEGY_NAMES);
  });
});
