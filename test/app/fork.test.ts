import { describe, expect, it } from 'vitest';

import { memoryStorage, SAVE_KEY } from '../../src/app/autosave';
import { compareFork } from '../../src/app/compare';
import { createStore, forkBaseState, gameFor, resultCodeOf } from '../../src/app/store';
import { stateHash } from '../../src/engine';
import {
  DEFAULT_OPTIONS,
  movesBefore,
  realPath,
  verifyResult,
  type GameLink,
} from '../../src/share';

// "What if?" in the store: a game that starts from another's state at a week, is autosaved as a
// fork (the real path by its week only), resumes as one, and writes a fork code.

const LINK: GameLink = {
  scenarioId: 'december-summit',
  seed: 77,
  difficulty: 'standard',
  options: DEFAULT_OPTIONS,
};
const game = gameFor(LINK.scenarioId)!;
const history = realPath(game, LINK.seed, LINK.difficulty);

describe('a fork of the real path', () => {
  it('starts at the week, with the real path behind it', () => {
    const store = createStore();
    expect(store.newFork(LINK, { kind: 'history', week: 4, base: history })).toEqual({ ok: true });
    const s = store.getState()!;
    expect(s.state.week).toBe(4);
    expect(s.moves).toEqual(movesBefore(history, 4));
    expect(s.fork?.kind).toBe('history');
    expect(stateHash(s.state)).toBe(
      stateHash(game.replay(LINK.seed, LINK.difficulty, movesBefore(history, 4)).state),
    );
  });

  it('is refused past the end of its base', () => {
    const store = createStore();
    const r = store.newFork(LINK, { kind: 'history', week: 40, base: history });
    expect(r).toEqual({ ok: false, reason: 'The game cannot be taken up at week 40.' });
    expect(store.getState()).toBeNull();
  });

  it('is saved by its week only, resumes as a fork, and writes a fork code', () => {
    const storage = memoryStorage();
    const store = createStore({ storage });
    store.newFork(LINK, { kind: 'history', week: 3, base: history });
    expect(store.dispatch({ type: 'g7.coordinate' })).toEqual({ ok: true });
    const saved = JSON.parse(storage.getItem(SAVE_KEY)!);
    expect(saved.fork).toEqual({ kind: 'history', week: 3 });

    const again = createStore({ storage });
    expect(again.continueSaved()).toEqual({ ok: true });
    const s = again.getState()!;
    expect(s.fork).toEqual({ kind: 'history', week: 3, base: history });
    expect(s.moves).toHaveLength(movesBefore(history, 3).length + 1);
    const v = verifyResult(resultCodeOf(s, 'Kim'));
    if (!v.valid) throw new Error(v.reason);
    expect(v.fork?.week).toBe(3);
    expect(v.stateHash).toBe(stateHash(s.state));
  });

  it('refuses, with a reason, a save whose moves no longer begin with its base', () => {
    const storage = memoryStorage();
    const store = createStore({ storage });
    store.newFork(LINK, { kind: 'history', week: 4, base: history });
    const saved = JSON.parse(storage.getItem(SAVE_KEY)!);
    // The first moves were the real path's; a tampered save drops one.
    saved.moves = saved.moves.slice(1);
    storage.setItem(SAVE_KEY, JSON.stringify(saved));
    const check = createStore({ storage }).checkSave();
    expect(check.kind).toBe('error');
    saved.fork = { kind: 'game', week: 2, base: 'not moves' };
    storage.setItem(SAVE_KEY, JSON.stringify(saved));
    expect(createStore({ storage }).checkSave()).toEqual({
      kind: 'error',
      error: 'The saved game is damaged (the game it forked from is not valid).',
    });
  });
});

describe('the comparison of a finished fork', () => {
  it('has both timelines, parted from the fork week on', () => {
    const store = createStore();
    store.newFork(LINK, { kind: 'history', week: 4, base: history });
    // Another way: the weeks simply end.
    while (store.getState()!.state.status === 'playing') store.dispatch({ type: 'week.end' });
    const s = store.getState()!;
    const c = compareFork(game.scenario, s)!;
    expect(c.week).toBe(4);
    expect(c.base.label).toBe('The real path');
    expect(stateHash(c.base.state)).toBe(stateHash(forkBaseState(s)!));
    expect(c.base.state.ending?.outcome).toBe('partial');
    // Before week 4 both timelines are one: the same money and stances.
    for (const w of [1, 2, 3])
      expect(c.fork.history.find((r) => r.week === w)).toEqual(
        c.base.history.find((r) => r.week === w),
      );
    expect(c.splits.every((sp) => sp.weeks.every((x) => x.week >= 4))).toBe(true);
    // The real path's joint borrowing in week 4 is a turning point only it has.
    expect(c.onlyBase.some((e) => e.week === 4 && /Joint EU borrowing/.test(e.text))).toBe(true);
    expect(c.base.secured).toBeGreaterThan(c.fork.secured);
  });

  it('is null for a game that is not a fork', () => {
    const store = createStore();
    store.newGame(LINK.scenarioId, LINK.seed, LINK.difficulty);
    expect(compareFork(game.scenario, store.getState()!)).toBeNull();
  });
});
