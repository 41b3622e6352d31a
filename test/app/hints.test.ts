import { describe, expect, it } from 'vitest';
import { hintFor } from '../../src/app/hints';
import { createStore } from '../../src/app/store';

describe('hints', () => {
  it('say nothing unless the game link turned them on', () => {
    const store = createStore({ storage: null });
    store.newGame('december-summit', 5, 'standard');
    expect(hintFor(store.getState()!)).toBeNull();
  });

  it('suggest an offer that the actor, offered it, really accepts', () => {
    for (const seed of [1, 5, 9]) {
      const store = createStore({ storage: null });
      store.newGame('december-summit', seed, 'standard', { hints: true, classLabel: '' });
      const before = store.getState()!;
      const hint = hintFor(before)!;
      expect(hint.text).toMatch(/^Hint: .+ would accept an offer of .+ now\.$/);
      // Trying moves left the game alone.
      expect(store.getState()).toBe(before);
      expect(hint.move?.type).toBe('offer.make');
      expect(store.dispatch(hint.move!)).toEqual({ ok: true });
      const after = store.getState()!.state;
      expect(after.commitments.length).toBe(before.state.commitments.length + 1);
    }
  });

  it('always has something to say while the game runs, and nothing once it is over', () => {
    const store = createStore({ storage: null });
    store.newGame('december-summit', 3, 'hard', { hints: true, classLabel: '' });
    while (store.getState()!.state.status === 'playing') {
      const hint = hintFor(store.getState()!);
      expect(hint?.text).toMatch(/^Hint: /);
      store.dispatch({ type: 'week.end' });
    }
    expect(hintFor(store.getState()!)).toBeNull();
  });
});
