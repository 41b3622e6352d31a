import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/scenarios';
import { GAMES, rowsFor, winTable } from './harness';

// Golden balance table: win counts over a fixed set of seeds (1..GAMES). Any change to the
// model that moves a number shows up here as a diff to review; the design targets of game.md
// section 11 are asserted beside it. `npm run sim -- --games 1000` gives the full-size figures.

const scenario = getScenario('december-summit')!;
const ROWS = rowsFor(
  ['loan', 'joint', 'us-deal'],
  ['pressure.public', 'offer.make', 'legal.work', 'g7.coordinate', 'bridge.request'],
);

describe(`balance over seeds 1..${GAMES} (December Summit)`, () => {
  const { table, rate } = winTable(scenario, ROWS);

  it('matches the reviewed golden win counts', () => {
    expect(table).toEqual({
      'scripted story': 200,
      'scripted standard': 112,
      'scripted hard': 36,
      'loan standard': 45,
      'joint standard': 115,
      'us-deal standard': 194,
      'random standard': 1,
      'repeat:pressure.public standard': 0,
      'repeat:offer.make standard': 0,
      'repeat:legal.work standard': 0,
      'repeat:g7.coordinate standard': 0,
      'repeat:bridge.request standard': 0,
    });
  });

  it('meets the design targets of game.md section 11', () => {
    expect(rate('random standard')).toBeLessThan(0.05);
    expect(rate('scripted standard')).toBeGreaterThanOrEqual(0.4);
    expect(rate('scripted standard')).toBeLessThanOrEqual(0.75);
    for (const strategy of ['loan', 'joint', 'us-deal'])
      expect(rate(`${strategy} standard`)).toBeGreaterThanOrEqual(0.1);
    for (const key of Object.keys(table).filter((k) => k.startsWith('repeat:')))
      expect(rate(key)).toBeLessThanOrEqual(0.05);
    expect(rate('scripted story')).toBeGreaterThanOrEqual(0.85);
    expect(rate('scripted hard')).toBeLessThanOrEqual(0.4);
  });
});
