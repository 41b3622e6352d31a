import { describe, expect, it } from 'vitest';

import { isSeizure, routeOfKind } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { policyByName, STRATEGIES } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';

// The checks of fidelity over many seeded games (facts.md, review notes): the UK's and
// Canada's money waits for the EU to use the assets, and Germany never votes for a seizure.

describe('the UK and Canada pay only if the EU uses the assets', () => {
  const scenario = getScenario('december-summit')!;
  const loan = routeOfKind(scenario, 'reparations-loan')!;

  // Many games: generous time, as a slow machine must not fail it.
  it(
    'never count in 1,000 games of joint borrowing where no loan on the assets is adopted',
    { timeout: 300_000 },
    () => {
      const { records } = simulate({
        scenario,
        policy: policyByName('joint', scenario.id)!,
        policyName: 'joint',
        games: 1000,
        seed: 1,
        difficulty: 'standard',
      });
      let promised = 0;
      let jointDecided = 0;
      for (const { seed, state } of records) {
        const followers = state.pledges.filter((p) => p.actor === 'uk' || p.actor === 'canada');
        promised += followers.length > 0 ? 1 : 0;
        const j = state.routes[routeOfKind(scenario, 'joint-borrowing')!.id]!;
        jointDecided += j.status === 'agreed' || j.status === 'adopted' ? 1 : 0;
        if (state.routes[loan.id]!.status !== 'adopted')
          expect(
            followers.filter((p) => p.status === 'real'),
            `seed ${seed}`,
          ).toEqual([]);
      }
      // Not vacuous: they promised in every game, and joint borrowing was decided in many.
      expect(promised).toBe(1000);
      expect(jointDecided).toBeGreaterThan(100);
    },
  );
});

describe('seizure in the London Talks', () => {
  const scenario = getScenario('london-talks')!;
  const loan = routeOfKind(scenario, 'reparations-loan')!;

  it('never passes with Germany voting yes, whoever plays', { timeout: 300_000 }, () => {
    let seizureVotes = 0;
    for (const name of Object.keys(STRATEGIES[scenario.id]!))
      for (const difficulty of ['story', 'standard'] as const) {
        const { records } = simulate({
          scenario,
          policy: policyByName(name, scenario.id)!,
          policyName: name,
          games: 100,
          seed: 1,
          difficulty,
        });
        for (const { seed, state } of records)
          for (const v of state.votes) {
            if (v.route !== loan.id || !isSeizure(loan, state.routes[loan.id]!.terms)) continue;
            seizureVotes++;
            const germany = v.ballots.find((b) => b.actor === 'germany');
            expect(germany?.vote, `${name} ${difficulty} seed ${seed}`).not.toBe('yes');
            expect(v.passed && germany?.vote === 'yes').toBe(false);
          }
      }
    expect(seizureVotes).toBeGreaterThan(0);
  });
});
