import { describe, expect, it } from 'vitest';

import { getScenario } from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';

// The path governments really took (src/sim/history.ts), played as a script: it must end as
// history did (a partial result: some money, far from the target, never a win or a loss), and
// take the real steps on the way.

const GAMES = 30;

function play(scenarioId: string) {
  return simulate({
    scenario: getScenario(scenarioId)!,
    policy: policyByName('history', scenarioId)!,
    policyName: 'history',
    games: GAMES,
    seed: 1,
    difficulty: 'standard',
  });
}

describe('history: the December Summit', () => {
  const { report, records } = play('december-summit');

  it('ends partial in every game, as history did', () => {
    expect(report.partials).toBe(GAMES);
  });

  it('locks the assets, agrees joint borrowing by enhanced cooperation in December, never votes the loan', () => {
    for (const { state, moves } of records) {
      expect(state.assetLock).toBe(true);
      const joint = state.routes['eu-borrowing']!;
      expect(joint.mode).toBe('enhanced');
      expect(joint.agreedWeek).toBe(4); // the European Council of 18-19 December
      expect(joint.terms).toMatchObject({ size: 90, optOut: true });
      expect(state.routes.reparations!.status).toBe('tabled');
      expect(state.votes.some((v) => v.route === 'reparations')).toBe(false);
      // Nobody paid Hungary's price, nor sought the G7 partners' loans.
      for (const m of moves) {
        expect(m.type === 'offer.make' && m.actor === 'hungary').toBe(false);
        expect(m.type).not.toBe('g7.coordinate');
      }
    }
  });
});

describe('history: the London Talks', () => {
  const { report, records } = play('london-talks');

  it('ends partial in every game: SAFE adopted in May, the assets untouched', () => {
    expect(report.partials).toBe(GAMES);
    for (const { state } of records) {
      expect(state.routes.safe!.adoptedWeek).toBe(11); // 27 May 2025
      expect(state.routes['assets-loan']!.status).toBe('draft');
    }
  });
});

describe('history: Washington Opens Talks (the EU’s own path in those weeks)', () => {
  const { report, records } = play('washington-talks');

  it('tables the December loan in January, agrees it in February, never touches the G7 fund', () => {
    expect(report.partials).toBe(GAMES);
    for (const { state, moves } of records) {
      const joint = state.routes['eu-borrowing']!;
      expect(joint.tabledWeek).toBe(2); // 14 January 2026
      expect(joint.agreedWeek).toBe(5); // the Council's position of 4 February
      expect(joint.mode).toBe('enhanced');
      expect(state.routes['g7-fund']!.status).toBe('draft');
      for (const m of moves) expect(m.type).not.toBe('offer.make');
    }
  });
});

describe('history by name', () => {
  it('exists for every scenario with a script of the real path', () => {
    for (const id of ['december-summit', 'london-talks', 'washington-talks'])
      expect(policyByName('history', id)).toBeTypeOf('function');
  });
});
