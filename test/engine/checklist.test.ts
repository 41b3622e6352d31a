import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame, routeChecklist, type ChecklistStep } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { simulate } from '../../src/sim/run';

// The route checklist says, from week 1, every step the rules will ask between tabling a route
// and its money, and how each stands; it agrees with what the engine then records.

const codes = (steps: ChecklistStep[]) => steps.map((s) => s.code);

describe('the route checklist', () => {
  it('names every step of each kind of route from week 1', () => {
    const dec = getScenario('december-summit')!;
    const state = createGame(dec, actorRuntime).start(4, 'standard');
    const list = (id: string) => routeChecklist(dec, actorRuntime, state, id);
    expect(codes(list('reparations'))).toEqual(['table', 'vote', 'coverage', 'court', 'payout']);
    expect(codes(list('eu-borrowing'))).toEqual([
      'table',
      'vote',
      'parliament',
      'unanimity-act',
      'payout',
    ]);
    expect(codes(list('art122-lock'))).toEqual(['table', 'vote']);
    // Nothing is done in week 1; the texts carry the rules' numbers.
    expect(list('reparations').every((s) => s.status !== 'done')).toBe(true);
    expect(list('reparations')[2]!.text).toMatch(/cover 75% of the loan/);
    expect(list('eu-borrowing')[2]!.text).toMatch(/EU unity is at least 45/);
    expect(list('eu-borrowing')[3]!.now).toMatch(/Hungary would veto it today|Nobody would veto/);
    // Washington's fund waits for its gates; London's SAFE is law at its vote.
    const wash = getScenario('washington-talks')!;
    const ws = createGame(wash, actorRuntime).start(4, 'standard');
    const fund = routeChecklist(wash, actorRuntime, ws, 'g7-fund');
    expect(fund.filter((s) => s.code === 'gate').length).toBe(
      wash.routes.find((r) => r.id === 'g7-fund')!.gates!.length,
    );
    // Each step also says itself in a word or two (the canvas's checklist); a gate names whose
    // yes it waits for, or the legal robustness it needs.
    expect(list('reparations').map((s) => s.short)).toEqual([
      'Table',
      'Vote',
      'Guarantees',
      'No court case',
      'Payout',
    ]);
    expect(fund.filter((s) => s.code === 'gate').map((s) => s.short)).toEqual([
      'US Congress',
      'Belgium',
      'Ukraine',
      'Legal 1/3',
    ]);
    const lon = getScenario('london-talks')!;
    const ls = createGame(lon, actorRuntime).start(4, 'standard');
    expect(codes(routeChecklist(lon, actorRuntime, ls, 'safe'))).toEqual([
      'table',
      'vote',
      'payout',
    ]);
  });

  it('agrees with what the engine records, game after game', () => {
    for (const id of ['december-summit', 'washington-talks']) {
      const scenario = getScenario(id)!;
      const { records } = simulate({
        scenario,
        policy: policyByName('scripted', id)!,
        policyName: 'scripted',
        games: 8,
        seed: 21,
        difficulty: 'standard',
      });
      for (const { state } of records) {
        for (const def of scenario.routes) {
          const r = state.routes[def.id]!;
          const steps = routeChecklist(scenario, actorRuntime, state, def.id);
          const step = (code: ChecklistStep['code']) => steps.find((s) => s.code === code);
          expect(step('table')!.status === 'done').toBe(r.status !== 'draft');
          expect(step('vote')!.status === 'done').toBe(
            r.status === 'agreed' || r.status === 'adopted',
          );
          if (step('payout'))
            expect(step('payout')!.status === 'done').toBe(
              r.payableWeek !== null && r.payableWeek <= scenario.weeks + state.graceWeeks,
            );
          if (step('parliament'))
            expect(step('parliament')!.status === 'done').toBe(r.consentWeek !== null);
          // A route still held by a blocker shows that step as not holding (or not yet reached).
          for (const b of r.blockers) {
            const s = step(b.code === 'vetoed' ? 'unanimity-act' : b.code);
            if (s) expect(s.status).not.toBe('done');
          }
        }
      }
    }
  });
});
