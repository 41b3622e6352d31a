import { describe, expect, it } from 'vitest';

import { actorRuntime, explainActor } from '../../src/actors';
import { createGame, money } from '../../src/engine';
import { getScenario, scenarios } from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';
import { withPledges } from '../helpers/game';

// Facts and fiction kept apart: every sum no source reports is marked a what-if in the data, and
// the money the game shows carries the mark. Words say what the sources say.

describe('what-ifs', () => {
  it('mark the sums no source reports', () => {
    const december = getScenario('december-summit')!;
    const london = getScenario('london-talks')!;
    const washington = getScenario('washington-talks')!;
    for (const s of [december, london]) {
      for (const id of ['us', 'japan'])
        expect(s.actors.find((a) => a.id === id)?.pledgeWhatIf, `${s.id} ${id}`).toMatch(/what-if/);
      // Canada's share is Euroclear cash already counted: it joins without a sum of its own.
      expect(s.actors.find((a) => a.id === 'canada')?.pledge, s.id).toBe(0);
    }
    expect(washington.actors.find((a) => a.id === 'japan')?.pledgeWhatIf).toMatch(/what-if/);
    expect(washington.premiseWhatIf).toMatch(/what-if/);
    // London's outright seizure and SAFE's money for Ukraine.
    for (const r of london.routes)
      for (const size of r.sizes)
        if (size.seize || r.kind === 'joint-borrowing')
          expect(size.whatIf, `${r.id} ${size.size}`).toMatch(/what-if/);
  });

  it('carry their mark onto the money lines, and only theirs', () => {
    const s = getScenario('december-summit')!;
    const game = createGame(s, actorRuntime);
    const state = withPledges(game.start(1, 'standard'), {
      japan: { amount: 26000 },
      uk: { amount: 9000 },
    });
    const lines = money(s, state).lines;
    expect(lines.find((l) => l.label === 'Japan')?.whatIf).toBe(true);
    expect(lines.find((l) => l.label === 'United Kingdom')?.whatIf).toBe(false);
  });
});

describe('words true to the sources', () => {
  const everything = Object.values(scenarios).map((s) => JSON.stringify(s));

  it('give the G7 figure of about USD 280 bn, never "over 300 bn"', () => {
    for (const text of everything) expect(text).not.toMatch(/300 bn/);
  });

  it('never let the G7 make a joint legal basis, which it cannot', () => {
    const game = createGame(getScenario('december-summit')!, actorRuntime);
    let s = game.start(1, 'standard');
    for (let i = 0; i < 2; i++)
      s = (game.play(s, { type: 'g7.coordinate' }) as { state: typeof s }).state;
    expect(s.log.map((e) => e.text).join(' ')).not.toMatch(/legal basis/);
    expect(s.log.map((e) => e.text).join(' ')).toMatch(/common line/);
  });

  it('name the loan of London and Washington by its own name, not the December plan', () => {
    for (const id of ['london-talks', 'washington-talks']) {
      const s = getScenario(id)!;
      const game = createGame(s, actorRuntime);
      for (const policy of ['scripted', 'random'])
        for (let seed = 1; seed <= 5; seed++) {
          const { state } = playGame(game, seed, 'standard', policyByName(policy, id)!);
          const words = [
            ...state.log.flatMap((e) => [e.text, e.reason, e.wouldChange]),
            ...s.actors.flatMap((a) => {
              const why = explainActor(s, state, a.id);
              return [why.reason, why.wouldMove];
            }),
          ].join(' ');
          expect(words, `${id} ${policy} ${seed}`).not.toMatch(/Reparations Loan/);
        }
    }
  });
});
