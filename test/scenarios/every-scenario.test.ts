import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame } from '../../src/engine';
import { scenarios, validateScenario } from '../../src/scenarios';
import { SCENARIO_CODES } from '../../src/share';
import { policyByName, STRATEGIES } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';

// What every scenario must have to be a lesson of its own (issue: more scenarios): valid data,
// a briefing, its own endings, a history with sources, a place in the result codes, and a
// competent strategy for the balance harness.

describe.each(Object.values(scenarios))('$title ($id)', (s) => {
  it('passes validation', () => {
    const v = validateScenario(s);
    expect(v.ok, v.ok ? '' : v.errors.join('\n')).toBe(true);
  });

  it('has a briefing, a history with sources, and a number in the result codes', () => {
    expect(s.briefing?.length).toBeGreaterThanOrEqual(4);
    expect(s.history.items.length).toBeGreaterThan(0);
    expect(s.sources.length).toBeGreaterThan(0);
    expect(SCENARIO_CODES).toContain(s.id);
  });

  it('has its own strategies, including a competent scripted player, that play to the end', () => {
    const strategies = STRATEGIES[s.id]!;
    expect(Object.keys(strategies)).toContain('scripted');
    const game = createGame(s, actorRuntime);
    for (const name of Object.keys(strategies)) {
      const r = playGame(game, 1, 'standard', policyByName(name, s.id)!);
      expect(r.state.status, name).toBe('over');
    }
  });
});

it('the scenarios have distinct titles and ids', () => {
  const all = Object.values(scenarios);
  expect(new Set(all.map((s) => s.title)).size).toBe(all.length);
  expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
});
