import { describe, expect, it } from 'vitest';
import { describePath, pathOf } from '../../src/app/path';
import { createStore, gameFor } from '../../src/app/store';
import { DEFAULT_OPTIONS, realPath } from '../../src/share';
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

describe('the path of a what-if', () => {
  it('counts only the moves from the week it began, not the real path’s before it', () => {
    const game = gameFor('december-summit')!;
    const store = createStore({ storage: null });
    const link = {
      scenarioId: 'december-summit',
      seed: 3,
      difficulty: 'standard' as const,
      options: DEFAULT_OPTIONS,
    };
    store.newFork(link, { kind: 'history', week: 4, base: realPath(game, 3, 'standard') });
    store.dispatch({ type: 'g7.coordinate' });
    const path = pathOf(game, store.getState()!);
    // The real path made moves in weeks 1 to 3; they are listed, not counted as the player's.
    expect(path.some((w) => w.week < 4 && w.steps.length > 0)).toBe(true);
    expect(describePath(path, 19, 4)).toBe(
      'From week 4, your own moves: 1 move in 1 of 16 weeks: 1 G7 call.',
    );
    while (store.getState()!.state.status === 'playing') store.dispatch({ type: 'week.end' });
    const none = createStore({ storage: null });
    none.newFork(link, { kind: 'history', week: 6, base: realPath(game, 3, 'standard') });
    while (none.getState()!.state.status === 'playing') none.dispatch({ type: 'week.end' });
    expect(describePath(pathOf(game, none.getState()!), 19, 6)).toBe(
      'From week 6 you made no moves: every week simply ended.',
    );
  });
});
