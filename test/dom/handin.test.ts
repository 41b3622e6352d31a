import { describe, expect, it } from 'vitest';

import { memoryStorage } from '../../src/app/autosave';
import { createStore, resultCodeOf } from '../../src/app/store';
import { handInLines, resultHelp } from '../../src/dom/strings';
import { verifyResult } from '../../src/share';

// "Hand in now": a result code of a game still in play verifies as unfinished at its week, the
// game goes on from the same save, and a later hand-in gives a new code.

const OPTIONS = { hints: false, classLabel: '9C', variant: { weeks: 15 } };

describe('handing in a game before its end', () => {
  it('gives a code that verifies as unfinished at the week of the hand-in', () => {
    const storage = memoryStorage();
    const store = createStore({ storage });
    store.newGame('december-summit', 3434, 'standard', OPTIONS);
    store.dispatch({ type: 'actor.sound', actor: 'belgium' });
    for (let i = 0; i < 7; i++) store.dispatch({ type: 'week.end' });
    const at8 = store.getState()!;
    expect(at8.state.week).toBe(8);
    const code = resultCodeOf(at8, 'Ana');
    const v = verifyResult(code);
    expect(v.valid).toBe(true);
    if (!v.valid) return;
    expect(v.outcome).toBe('unfinished');
    expect(v.week).toBe(8);
    expect(v.name).toBe('Ana');
    expect(v.grade).toBeNull();
    expect(v.variant).toEqual({ weeks: 15 });

    // The game is still saved and playable; a week later the code is another one.
    const again = createStore({ storage });
    expect(again.continueSaved()).toEqual({ ok: true });
    expect(again.dispatch({ type: 'week.end' })).toEqual({ ok: true });
    const later = resultCodeOf(again.getState()!, 'Ana');
    expect(later).not.toBe(code);
    const w = verifyResult(later);
    expect(w.valid && [w.outcome, w.week]).toEqual(['unfinished', 9]);
  });

  it('says the game is not over, at which week, and where the money stands', () => {
    const store = createStore();
    store.newGame('december-summit', 1, 'standard', OPTIONS);
    store.dispatch({ type: 'week.end' });
    const [note, soFar] = handInLines(store.scenario()!, store.getState()!.state);
    expect(note).toBe(
      'Your game is not over: this code shows your game up to week 2. You can keep playing and hand in again later.',
    );
    expect(soFar).toMatch(
      /^So far: EUR \d+\.\d bn secured of the EUR \d+\.\d bn target, in week 2 of 15\.$/,
    );
  });

  it('tells a class how to hand in: paste the code or show its QR code', () => {
    expect(resultHelp('9C')).toMatch(/^Class 9C: hand in this code .*QR code/);
    expect(resultHelp('')).toMatch(/QR code/);
    for (const t of [resultHelp('9C'), resultHelp('')]) expect(t).not.toMatch(/TODO|coming soon/i);
  });
});
