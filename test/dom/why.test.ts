import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { decisionModel } from '../../src/app/store';
import { whyChange, whyParts } from '../../src/dom/why';
import { createGame, type ConditionDef, type GameState, type Scenario } from '../../src/engine';
import { getScenario } from '../../src/scenarios';

// "Why?" shows the conditions of the actor's machine, judged by the machine's guards: give an
// actor other conditions and "Why?" follows, with no list of its own to update.

const scenario = getScenario('december-summit')!;
const start = createGame(scenario, actorRuntime).start(7, 'standard');

const why = (s: Scenario, state: GameState, id: string) => whyParts(decisionModel(s, state, id)!);

/** The scenario with one actor's conditions replaced. */
const withConditions = (id: string, conditions: ConditionDef[]): Scenario => ({
  ...scenario,
  actors: scenario.actors.map((a) => (a.id === id ? { ...a, conditions } : a)),
});

describe('Why?', () => {
  it('lists Belgium’s three conditions, unmet, and what would meet them', () => {
    const parts = why(scenario, start, 'belgium');
    const belgium = scenario.actors.find((a) => a.id === 'belgium')!;
    expect(parts.conditions.map((c) => [c.text, c.status])).toEqual(
      belgium.conditions!.map((c) => [c.text, 'Unmet']),
    );
    expect(parts.wouldMove).toEqual(belgium.conditions!.map((c) => c.remedy));
  });

  it('follows the machine when the actor is given other conditions', () => {
    const red: ConditionDef = {
      code: 'no-seizure',
      redLine: true,
      routes: ['reparations-loan'],
      text: 'A test red line: no seizure',
      remedy: 'Do not seize.',
    };
    const gives: ConditionDef = {
      code: 'no-uncapped',
      routes: ['reparations-loan'],
      unless: 90,
      text: 'A test what-if: no uncapped guarantee',
      remedy: 'Cap the guarantees.',
    };
    const changed = withConditions('japan', [red, gives]);
    const parts = why(changed, start, 'japan');
    // Nothing is tabled and Japan's new conditions concern the loan: judged for it, both hold.
    expect(parts.conditions).toEqual([
      { text: red.text, now: 'met', status: 'Met', marks: ['red line'], remedy: red.remedy },
      { text: gives.text, now: 'met', status: 'Met', marks: ['what-if'], remedy: gives.remedy },
    ]);
    expect(parts.wouldMove).toEqual([]);
    // The original Japan says something else entirely.
    expect(why(scenario, start, 'japan').conditions.map((c) => c.text)).toEqual([
      'Washington is no longer opposed',
      'A common G7 line, each partner under its own law',
    ]);
  });

  it('says when a condition is not at stake, and leaves its remedy out of what would move it', () => {
    const optOut: ConditionDef = {
      code: 'opt-out',
      routes: ['joint-borrowing'],
      text: 'A test condition on joint borrowing',
      remedy: 'An opt-out.',
    };
    const liquidity: ConditionDef = {
      code: 'liquidity',
      routes: ['reparations-loan'],
      text: 'A test condition on the loan',
      remedy: 'A liquidity mechanism.',
    };
    const changed = withConditions('italy', [optOut, liquidity]);
    const loan = structuredClone(start);
    loan.routes.reparations = {
      ...loan.routes.reparations!,
      status: 'tabled',
      terms: { size: 90 },
    };
    const parts = why(changed, loan, 'italy');
    expect(parts.conditions.map((c) => [c.text, c.status])).toEqual([
      [optOut.text, 'Not at stake now'],
      [liquidity.text, 'Unmet'],
    ]);
    expect(parts.wouldMove).toEqual([liquidity.remedy]);
  });

  it('tells every actor’s change at the week’s end, part by part, adding up to it', () => {
    const game = createGame(scenario, actorRuntime);
    const pressed = game.play(start, { type: 'pressure.public', actor: 'italy' });
    if (!pressed.ok) throw new Error(pressed.reason);
    const ended = game.play(pressed.state, { type: 'week.end' });
    if (!ended.ok) throw new Error(ended.reason);
    for (const id of ended.state.actorOrder) {
      const a = ended.state.actors[id]!;
      const told = whyChange(a.changed!, 'Belgium');
      const moved = a.w - start.actors[id]!.w;
      expect(told.title).toBe(
        `At the end of week 1: ${start.actors[id]!.w > 0 ? '+' : ''}${start.actors[id]!.w} → ${a.w > 0 ? '+' : ''}${a.w} (${moved === 0 ? 'no change' : `${moved > 0 ? '+' : ''}${moved}`})`,
      );
      // Each line ends with its points; they add up to the change.
      const points = told.parts.map((t) => Number(/([+-]\d+)$/.exec(t)![1]));
      expect(
        points.reduce((x, y) => x + y, 0),
        id,
      ).toBe(moved);
    }
    const italy = whyChange(ended.state.actors.italy!.changed!).parts;
    expect(italy).toContain('Public pressure +12');
    expect(italy.some((t) => t.startsWith("The week's ups and downs (chance) "))).toBe(true);
  });
});
