import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import type { Session } from '../../src/app/store';
import { createGame, type GameState, type Move } from '../../src/engine';
import { narration } from '../../src/dom/feed';
import { getScenario } from '../../src/scenarios';

// The narrator ("What just happened") says what the state says.

const scenario = getScenario('december-summit')!;
const game = createGame(scenario, actorRuntime);

const session = (state: GameState, moves: number): Session => ({
  scenarioId: scenario.id,
  seed: 7,
  difficulty: 'standard',
  options: { hints: false, classLabel: '' },
  moves: Array.from({ length: moves }, (): Move => ({ type: 'week.end' })),
  state,
  lastRefusal: null,
  saveError: null,
});

describe('the narrator', () => {
  it('counts the points the state has left, in the right number', () => {
    let state = game.start(7, 'standard');
    const first = narration(scenario, null, session(state, 0));
    expect(first[0]).toContain(`You have ${state.capital} points of political capital.`);
    // Spend all but one point, then end the week: the new week has the full allowance again.
    const sound = scenario.actors.find((a) => a.kind !== 'adversary')!;
    const spend = state.capital - 1;
    for (let i = 0; i < spend; i++) {
      const r = game.play(state, { type: 'actor.sound', actor: sound.id });
      expect(r.ok).toBe(true);
      state = r.state;
    }
    expect(state.capital).toBe(1);
    expect(narration(scenario, null, session(state, 2))[0]).toContain('You have 1 point of');
    const next = game.play(state, { type: 'week.end' });
    expect(next.ok).toBe(true);
    const said = narration(scenario, session(state, 2), session(next.state, 3));
    expect(said[0]).toBe(
      `Week ${next.state.week} begins (${said[0]!.match(/\((.+)\)/)![1]}). You have ${next.state.capital} points.`,
    );
    expect(said.length).toBeLessThanOrEqual(5);
  });

  it('says what sounding out found, where the player looks', () => {
    const state = game.start(7, 'standard');
    const r = game.play(state, { type: 'actor.sound', actor: 'italy' });
    if (!r.ok) throw new Error(r.reason);
    const entry = r.state.log.at(-1)!;
    expect(entry.code).toBe('move.sound');
    const after = {
      ...session(r.state, 0),
      moves: [{ type: 'actor.sound', actor: 'italy' } as Move],
    };
    const lines = narration(scenario, session(state, 0), after);
    expect(lines[0]).toBe(`${entry.text} ${entry.reason}`);
    expect(entry.reason.length).toBeGreaterThan(20);
    expect(lines[1]).toBe(`What would move it: ${entry.wouldChange}`);
  });
});
