import { describe, expect, it } from 'vitest';

import { memoryStorage, SAVE_KEY } from '../../src/app/autosave';
import { createStore, resultCodeOf } from '../../src/app/store';
import { verifyResult } from '../../src/share';

// A game from a teacher's variant link: the store plays the tuned scenario, the autosave keeps
// the variant, and the result code verifies against the same tuned rules.

const VARIANT = { target: 500, weeks: 12 };
const OPTIONS = { hints: false, classLabel: '8D', variant: VARIANT };

describe('a session of a tuned scenario', () => {
  it('plays the tuned scenario and ends in its last week', () => {
    const store = createStore({ storage: memoryStorage() });
    expect(store.newGame('december-summit', 5, 'standard', OPTIONS)).toEqual({ ok: true });
    expect(store.scenario()!.weeks).toBe(12);
    expect(store.scenario()!.target).toBe(50_000);
    while (store.getState()!.state.status === 'playing')
      expect(store.dispatch({ type: 'week.end' })).toEqual({ ok: true });
    expect(store.getState()!.state.ending!.week).toBe(12);
    const v = verifyResult(resultCodeOf(store.getState()!, 'Kim'));
    expect(v.valid && v.variant).toEqual(VARIANT);
  });

  it('resumes from the autosave with the variant, and explains a damaged one', () => {
    const storage = memoryStorage();
    const first = createStore({ storage });
    first.newGame('december-summit', 5, 'standard', OPTIONS);
    first.dispatch({ type: 'week.end' });
    const again = createStore({ storage });
    expect(again.continueSaved()).toEqual({ ok: true });
    expect(again.getState()!.options.variant).toEqual(VARIANT);
    expect(again.scenario()!.weeks).toBe(12);

    const raw = JSON.parse(storage.getItem(SAVE_KEY)!) as { options: { variant: unknown } };
    raw.options.variant = { weeks: 2 };
    storage.setItem(SAVE_KEY, JSON.stringify(raw));
    const damaged = createStore({ storage }).checkSave();
    expect(damaged.kind).toBe('error');
    if (damaged.kind === 'error')
      expect(damaged.error).toMatch(
        /^The saved game is damaged \(its version of the scenario is not valid: Weeks until the deadline must be/,
      );
  });

  it('refuses to start a variant that cannot be used, with the reason', () => {
    const store = createStore({ storage: memoryStorage() });
    const r = store.newGame('december-summit', 5, 'standard', {
      ...OPTIONS,
      variant: { follow: 400 },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/follows .* must be a whole number from 0 to 100/);
    expect(store.getState()).toBeNull();
  });
});
