import { describe, expect, it } from 'vitest';
import { describePath, pathOf } from '../../src/app/path';
import { createStore, gameFor } from '../../src/app/store';
import { DEFAULT_OPTIONS } from '../../src/share';
import { policyByName } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';

describe('the path taken', () => {
  it('lists every move but the week ends, in order, by week, each with its immediate outcome', () => {
    const game = gameFor('december-summit')!;
    const record = playGame(game, 7, 'standard', policyByName('scripted')!);
    const replay = game.replay(7, 'standard', record.moves);
    expect(replay.ok).toBe(true);
    const session = {
      scenarioId: 'december-summit',
      seed: 7,
      difficulty: 'standard' as const,
      options: DEFAULT_OPTIONS,
      moves: record.moves,
      state: replay.state,
      lastRefusal: null,
      saveError: null,
    };
    const path = pathOf(game, session);
    const steps = path.flatMap((w) => w.steps);
    expect(steps.map((s) => s.move)).toEqual(record.moves.filter((m) => m.type !== 'week.end'));
    // Weeks strictly ascend, and each step's line is the engine's own log line for the move (or
    // its result, for moves that log only that).
    const weeks = path.map((w) => w.week);
    expect(weeks).toEqual([...weeks].sort((a, b) => a - b));
    expect(new Set(weeks).size).toBe(weeks.length);
    const logged = new Set(replay.state.log.map((e) => e.text));
    for (const s of steps) expect(s.text !== '' && logged.has(s.text)).toBe(true);
    // An offer is followed at once by the actor's reply, and by nothing from the week's end.
    const offer = steps.find((s) => s.move.type === 'offer.make')!;
    expect(offer.outcomes.some((o) => o.kind === 'reply')).toBe(true);
    for (const s of steps)
      for (const o of s.outcomes) expect(['reply', 'vote', 'money']).toContain(o.kind);

    const offers = steps.filter((s) => s.move.type === 'offer.make').length;
    const text = describePath(path, 19);
    expect(text).toMatch(new RegExp(`^${steps.length} moves in ${path.length} of 19 weeks: `));
    expect(text).toContain(`${offers} offers`);
  });

  it('says so when the player made no move', () => {
    const store = createStore({ storage: null });
    store.newGame('december-summit', 3, 'standard');
    while (store.getState()!.state.status === 'playing') store.dispatch({ type: 'week.end' });
    const path = pathOf(gameFor('december-summit')!, store.getState()!);
    expect(path).toEqual([]);
    expect(describePath(path, 19)).toBe('You made no moves: every week simply ended.');
  });

  it('counts one move in the singular', () => {
    const store = createStore({ storage: null });
    store.newGame('december-summit', 3, 'standard');
    store.dispatch({ type: 'actor.sound', actor: 'belgium' });
    const path = pathOf(gameFor('december-summit')!, store.getState()!);
    expect(describePath(path, 19)).toBe('1 move in 1 of 19 weeks: 1 sounding-out.');
  });
});
