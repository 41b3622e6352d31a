import { describe, expect, it } from 'vitest';
import { readDisplay, writeDisplay } from '../../src/app/display';
import { commitOrder, resultCard } from '../../src/app/result-card';
import { memoryStorage } from '../../src/app/autosave';
import { createStore } from '../../src/app/store';

describe('result card', () => {
  it('lists commitments in the order they happened, money against the target and the grade', () => {
    const store = createStore({ storage: null });
    store.newGame('december-summit', 4, 'standard');
    store.dispatch({
      type: 'offer.make',
      actor: 'germany',
      terms: { guarantee: 'capped', buyEuropean: true },
    });
    while (store.getState()!.state.status === 'playing') store.dispatch({ type: 'week.end' });
    const session = store.getState()!;
    const scenario = store.scenario()!;
    const order = commitOrder(scenario, session.state);
    expect(order[0]).toBe('germany');
    expect(order).toContain('uk');
    const card = resultCard(scenario, session);
    expect(card).toMatch(/^Frozen Assets · The December Summit · standard · seed 4$/m);
    expect(card).toMatch(/grade [A-F]/);
    expect(card).toMatch(/EUR \d+\.\d of 71\.7 bn/);
    expect(card).toMatch(/Committed: Germany → /);
    // Spoiler-free: no move, term or route names.
    expect(card).not.toMatch(/guarantee|offer|Reparations|borrowing/i);
  });
});

describe('display preferences', () => {
  it('round-trip, and fall back to defaults on damaged data', () => {
    const storage = memoryStorage();
    expect(readDisplay(storage, true)).toEqual({
      highContrast: false,
      projector: false,
      reducedMotion: true,
    });
    writeDisplay(storage, { highContrast: true, projector: true, reducedMotion: false });
    expect(readDisplay(storage, true)).toEqual({
      highContrast: true,
      projector: true,
      reducedMotion: false,
    });
    storage.setItem('frozen-assets.display.v1', '{not json');
    expect(readDisplay(storage, false)).toEqual({
      highContrast: false,
      projector: false,
      reducedMotion: false,
    });
  });
});
