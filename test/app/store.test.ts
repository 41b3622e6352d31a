import { describe, expect, it } from 'vitest';

import {
  memoryStorage,
  parseSave,
  readSave,
  SAVE_KEY,
  type StorageLike,
} from '../../src/app/autosave';
import { createStore, gameFor, type Session } from '../../src/app/store';
import { legalMoves, stateHash, type Move } from '../../src/engine';

const SCENARIO = 'december-summit';

/** A Map-backed storage that can also be told to refuse, like a full or blocked localStorage. */
function fakeStorage(opts: { failWrites?: boolean; failReads?: boolean } = {}) {
  const map = new Map<string, string>();
  const storage: StorageLike = {
    getItem(k) {
      if (opts.failReads) throw new Error('SecurityError');
      return map.get(k) ?? null;
    },
    setItem(k, v) {
      if (opts.failWrites) throw new Error('QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
  return { storage, map };
}

/** Plays a few legal, non-ending moves and a week end, the way a player clicking around would. */
function playSome(store: ReturnType<typeof createStore>, count: number): Move[] {
  const played: Move[] = [];
  for (let i = 0; i < count; i++) {
    const s = store.getState()!;
    const scenario = store.scenario()!;
    const options = legalMoves(scenario, s.state).filter((m) => m.type !== 'week.end');
    const move: Move = options[i % Math.max(1, options.length)] ?? { type: 'week.end' };
    expect(store.dispatch(move)).toEqual({ ok: true });
    played.push(move);
  }
  expect(store.dispatch({ type: 'week.end' })).toEqual({ ok: true });
  played.push({ type: 'week.end' });
  return played;
}

describe('store', () => {
  it('starts a game and records every accepted move', () => {
    const store = createStore();
    const seen: (Session | null)[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(s));
    expect(store.newGame(SCENARIO, 42, 'standard')).toEqual({ ok: true });
    expect(store.getState()!.state.week).toBe(1);

    const played = playSome(store, 2);
    const s = store.getState()!;
    expect(s.moves).toEqual(played);
    expect(s.state.week).toBe(2);
    expect(s.lastRefusal).toBeNull();
    expect(seen.length).toBe(1 + played.length);

    unsubscribe();
    store.dispatch({ type: 'week.end' });
    expect(seen.length).toBe(1 + played.length);
  });

  it('refuses an illegal move with the engine reason and leaves the state alone', () => {
    const store = createStore();
    store.newGame(SCENARIO, 7, 'standard');
    const before = store.getState()!;
    const hash = stateHash(before.state);

    const r = store.dispatch({ type: 'offer.make', actor: 'germany', terms: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(/at least one term/);

    const after = store.getState()!;
    expect(after.state).toBe(before.state);
    expect(stateHash(after.state)).toBe(hash);
    expect(after.moves).toEqual([]);
    expect(after.lastRefusal).toBe(r.reason);

    // The next accepted move clears the refusal.
    expect(store.dispatch({ type: 'actor.sound', actor: 'belgium' }).ok).toBe(true);
    expect(store.getState()!.lastRefusal).toBeNull();
  });

  it('turns a malformed move into a refusal, not a crash', () => {
    const store = createStore();
    store.newGame(SCENARIO, 7, 'standard');
    const bad = { type: 'offer.make', actor: 'germany' } as unknown as Move;
    expect(() => store.dispatch(bad)).not.toThrow();
    expect(store.getState()!.moves).toEqual([]);
  });

  it('rehearses a week end without changing, saving or announcing anything', () => {
    const { storage, map } = fakeStorage();
    const store = createStore({ storage });
    store.rehearse(); // no game yet: nothing to do
    store.newGame(SCENARIO, 42, 'standard');
    playSome(store, 1);
    const before = store.getState()!;
    const hash = stateHash(before.state);
    const saved = [...map.values()];
    let heard = 0;
    store.subscribe(() => heard++);

    store.rehearse();

    expect(store.getState()).toBe(before);
    expect(stateHash(before.state)).toBe(hash);
    expect([...map.values()]).toEqual(saved);
    expect(heard).toBe(0);
    // The real week end afterwards is the one the rules give without a rehearsal.
    const expected = gameFor(SCENARIO)!.play(before.state, { type: 'week.end' });
    expect(store.dispatch({ type: 'week.end' })).toEqual({ ok: true });
    expect(stateHash(store.getState()!.state)).toBe(stateHash(expected.state));
  });

  it('accepts text seeds and digit strings the same way the engine does', () => {
    const store = createStore();
    store.newGame(SCENARIO, '12345', 'story');
    expect(store.getState()!.seed).toBe(12345);
    store.newGame(SCENARIO, 'class 3b', 'story');
    expect(Number.isInteger(store.getState()!.seed)).toBe(true);
    expect(store.newGame('no-such-scenario', 1, 'story').ok).toBe(false);
  });
});

describe('autosave', () => {
  it('round-trips through storage by replaying the moves to the same state hash', () => {
    const { storage, map } = fakeStorage();
    const store = createStore({ storage });
    store.newGame(SCENARIO, 2025, 'hard', { hints: true, classLabel: '7B' });
    playSome(store, 3);
    playSome(store, 2);
    const original = store.getState()!;

    const saved = JSON.parse(map.get(SAVE_KEY)!);
    expect(saved).toEqual({
      version: 1,
      scenarioId: SCENARIO,
      seed: 2025,
      difficulty: 'hard',
      moves: original.moves,
      options: { hints: true, classLabel: '7B' },
    });

    // A fresh page: a new store on the same storage.
    const reloaded = createStore({ storage });
    const check = reloaded.checkSave();
    expect(check.kind).toBe('ok');
    expect(reloaded.continueSaved()).toEqual({ ok: true });
    const restored = reloaded.getState()!;
    expect(restored.moves).toEqual(original.moves);
    expect(restored.options).toEqual({ hints: true, classLabel: '7B' });
    expect(stateHash(restored.state)).toBe(stateHash(original.state));

    // And play goes on from there.
    expect(reloaded.dispatch({ type: 'week.end' }).ok).toBe(true);
  });

  it('reports no save when there is none, and forgets a discarded one', () => {
    const storage = memoryStorage();
    const store = createStore({ storage });
    expect(store.checkSave()).toEqual({ kind: 'none' });
    store.newGame(SCENARIO, 1, 'standard');
    expect(store.checkSave().kind).toBe('ok');
    store.discardSave();
    expect(store.checkSave()).toEqual({ kind: 'none' });
  });

  const corrupt: [string, string, RegExp][] = [
    ['bad JSON', '{"version":1,', /damaged/],
    ['not an object', '[1,2,3]', /damaged/],
    [
      'a wrong version',
      JSON.stringify({
        version: 0,
        scenarioId: SCENARIO,
        seed: 1,
        difficulty: 'standard',
        moves: [],
      }),
      /different version/,
    ],
    [
      'an unknown scenario',
      JSON.stringify({
        version: 1,
        scenarioId: 'atlantis',
        seed: 1,
        difficulty: 'standard',
        moves: [],
      }),
      /scenario/,
    ],
    [
      'a bad difficulty',
      JSON.stringify({
        version: 1,
        scenarioId: SCENARIO,
        seed: 1,
        difficulty: 'nightmare',
        moves: [],
      }),
      /difficulty/,
    ],
    [
      'a non-move in the move list',
      JSON.stringify({
        version: 1,
        scenarioId: SCENARIO,
        seed: 1,
        difficulty: 'standard',
        moves: [{ type: 'week.end' }, { type: 'launch.missiles' }],
      }),
      /move 2 is not a valid move/,
    ],
    [
      'a move list that does not replay',
      JSON.stringify({
        version: 1,
        scenarioId: SCENARIO,
        seed: 1,
        difficulty: 'standard',
        // Week 1 has 3 points of capital: the fourth paid move is refused by the rules.
        moves: [
          { type: 'actor.sound', actor: 'belgium' },
          { type: 'actor.sound', actor: 'germany' },
          { type: 'actor.sound', actor: 'france' },
          { type: 'actor.sound', actor: 'italy' },
        ],
      }),
      /move 4 of 4 is refused \(Not enough political capital/,
    ],
    [
      'a move the engine cannot even read',
      JSON.stringify({
        version: 1,
        scenarioId: SCENARIO,
        seed: 1,
        difficulty: 'standard',
        moves: [{ type: 'offer.make', actor: 'germany', terms: { guarantee: 'forever' } }],
      }),
      // The save's check and the engine's share one move schema: caught before any replay.
      /move 1 is not a valid move/,
    ],
  ];

  it.each(corrupt)('refuses %s with a clear message and does not use it', (_label, text, msg) => {
    const { storage, map } = fakeStorage();
    map.set(SAVE_KEY, text);
    const store = createStore({ storage });
    let check: ReturnType<typeof store.checkSave> | undefined;
    expect(() => (check = store.checkSave())).not.toThrow();
    expect(check?.kind).toBe('error');
    if (check?.kind === 'error') expect(check.error).toMatch(msg);
    const r = store.continueSaved();
    expect(r.ok).toBe(false);
    expect(store.getState()).toBeNull();
  });

  it('survives a storage that throws on read and on write', () => {
    const blockedRead = createStore({ storage: fakeStorage({ failReads: true }).storage });
    const check = blockedRead.checkSave();
    expect(check.kind).toBe('error');

    const full = createStore({ storage: fakeStorage({ failWrites: true }).storage });
    expect(full.newGame(SCENARIO, 1, 'standard').ok).toBe(true);
    expect(full.getState()!.saveError).toMatch(/Autosave failed/);
    expect(full.dispatch({ type: 'week.end' }).ok).toBe(true);
  });

  it('parseSave accepts exactly what the store writes', () => {
    const game = gameFor(SCENARIO)!;
    expect(game.scenario.id).toBe(SCENARIO);
    const { storage } = fakeStorage();
    const store = createStore({ storage });
    store.newGame(SCENARIO, 9, 'story');
    const read = readSave(storage);
    expect(read.kind).toBe('ok');
    expect(parseSave(storage.getItem(SAVE_KEY)!).ok).toBe(true);
  });
});
