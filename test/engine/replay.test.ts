import { describe, expect, it } from 'vitest';

import { digest, stateHash, type GameState, type Move } from '../../src/engine';
import { candidateMoves, legalMoves } from '../../src/engine/legal';
import { playGame } from '../../src/sim/run';
import { policyByName, type Policy } from '../../src/sim/policies';
import { endWeeks, finish, newGame, play, scenario, untilWeek } from '../helpers/game';

// The one idea of the architecture: state = replay(scenario, seed, moves). These tests prove it
// for recorded bot games, across a save/load (JSON) boundary, and for refused moves.

const SEEDS = [1, 2, 3, 17, 4242];

function policy(name: string): Policy {
  const p = policyByName(name);
  if (!p) throw new Error(`no policy ${name}`);
  return p;
}

/** Plays moves one by one from a state, failing on the first refusal. */
function continueWith(state: GameState, moves: readonly Move[]): GameState {
  const { game } = newGame();
  return play(game, state, ...moves);
}

describe('replay: same (seed, moves) gives the same state', () => {
  for (const name of ['random', 'scripted']) {
    it.each(SEEDS)(`%i: a ${name} game replays to the same hash`, (seed) => {
      const { game } = newGame();
      const record = playGame(game, seed, 'standard', policy(name));
      expect(record.state.status).toBe('over');
      expect(record.moves).toContainEqual({ type: 'week.end' });

      const again = playGame(game, seed, 'standard', policy(name));
      expect(again.moves).toEqual(record.moves);
      expect(stateHash(again.state)).toBe(stateHash(record.state));

      const replayed = game.replay(seed, 'standard', record.moves);
      expect(replayed.ok).toBe(true);
      expect(stateHash(replayed.state)).toBe(stateHash(record.state));
      expect(replayed.state).toEqual(record.state);
    });
  }

  it.each(['story', 'hard'] as const)('replays exactly on %s difficulty too', (difficulty) => {
    const { game } = newGame();
    const record = playGame(game, 5, difficulty, policy('random'));
    const replayed = game.replay(5, difficulty, record.moves);
    expect(replayed.ok).toBe(true);
    expect(stateHash(replayed.state)).toBe(stateHash(record.state));
  });

  it('treats a text seed as a stable number', () => {
    const { game } = newGame();
    const a = game.replay('daily-2025-11-24', 'standard', [{ type: 'week.end' }]);
    const b = game.replay('daily-2025-11-24', 'standard', [{ type: 'week.end' }]);
    const c = game.replay('daily-2025-11-25', 'standard', [{ type: 'week.end' }]);
    expect(stateHash(a.state)).toBe(stateHash(b.state));
    expect(a.state.seed).not.toBe(c.state.seed);
  });
});

describe('replay across a save (JSON round trip)', () => {
  for (const name of ['scripted', 'random']) {
    it(`a ${name} game resumed from JSON mid-game ends with the same hash`, () => {
      const { game } = newGame();
      const record = playGame(game, 11, 'standard', policy(name));
      // Cut in the middle of a week in the middle of the game, not at a week boundary.
      let cut = Math.floor(record.moves.length / 2);
      while (cut < record.moves.length - 1 && record.moves[cut]?.type === 'week.end') cut++;
      const head = game.replay(11, 'standard', record.moves.slice(0, cut));
      expect(head.ok).toBe(true);
      expect(head.state.week).toBeGreaterThan(1);
      expect(head.state.status).toBe('playing');

      const saved = JSON.stringify(head.state);
      const loaded = JSON.parse(saved) as GameState;
      expect(stateHash(loaded)).toBe(stateHash(head.state));

      const resumed = continueWith(loaded, record.moves.slice(cut));
      expect(stateHash(resumed)).toBe(stateHash(record.state));
    });
  }

  it("resumes exactly: the world's key lives in the state and is never advanced", () => {
    const { game, state } = newGame(99);
    const mid = endWeeks(game, state, 6);
    const weekAfter = endWeeks(game, mid, 1);
    expect(weekAfter.rng).toEqual(mid.rng);
    expect(mid.rng).toEqual(state.rng);
    const loaded = JSON.parse(JSON.stringify(mid)) as GameState;
    expect(stateHash(finish(game, loaded))).toBe(stateHash(finish(game, mid)));
  });
});

describe('a seed makes one world, whatever is played in it', () => {
  const events = (s: GameState) =>
    s.log.filter((e) => e.code === 'event.random').map((e) => `${e.week}:${e.text}`);
  it.each(SEEDS)('%i: the same random events fire with and without offers made', (seed) => {
    const { game, state } = newGame(seed);
    const idle = endWeeks(game, state, 10);
    let busy = state;
    for (let week = 1; week <= 10; week++) {
      // Offers draw a mood; under one shared stream they would shift every later draw.
      const offer = legalMoves(scenario, busy).find((m) => m.type === 'offer.make');
      if (offer) busy = play(game, busy, offer);
      busy = play(game, busy, { type: 'week.end' });
    }
    expect(busy.log.filter((e) => e.code === 'move.offer').length).toBeGreaterThan(5);
    expect(events(idle).length).toBeGreaterThan(0);
    expect(events(busy)).toEqual(events(idle));
  });
});

describe('different seeds give different games', () => {
  it('the same moves under different seeds lead to different worlds and hashes', () => {
    const { game } = newGame();
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const ends = seeds.map((seed) => finish(game, game.start(seed, 'standard')));
    // Not just the seed field: the week-by-week history of the world differs.
    const histories = new Set(ends.map((s) => digest(s.history)));
    expect(histories.size).toBe(seeds.length);
    const hashes = new Set(ends.map((s) => stateHash(s)));
    expect(hashes.size).toBe(seeds.length);
  });

  it('the same seed twice gives the same first state', () => {
    const { game } = newGame();
    expect(stateHash(game.start(7, 'standard'))).toBe(stateHash(game.start(7, 'standard')));
    expect(stateHash(game.start(7, 'standard'))).not.toBe(stateHash(game.start(8, 'standard')));
  });
});

describe('replay with an illegal move', () => {
  it('stops at the illegal move with its index and reason, without throwing', () => {
    const { game } = newGame();
    const moves: Move[] = [
      { type: 'actor.sound', actor: 'belgium' },
      { type: 'route.table', route: 'reparations', terms: { size: 90, guarantee: 'capped' } },
      { type: 'week.end' },
    ];
    const r = game.replay(1, 'standard', moves);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.index).toBe(1);
    expect(r.reason.length).toBeGreaterThan(0);
    // The state is the one before the refused move: the sounding happened, the week did not end.
    expect(r.state.moves).toBe(1);
    expect(r.state.week).toBe(1);
    expect(stateHash(r.state)).toBe(stateHash(game.replay(1, 'standard', moves.slice(0, 1)).state));
  });

  it('stops at the first move after the end of the game', () => {
    const { game } = newGame();
    const moves: Move[] = Array.from({ length: scenario.weeks + 1 }, () => ({ type: 'week.end' }));
    const r = game.replay(3, 'standard', moves);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.index).toBe(scenario.weeks);
    expect(r.state.status).toBe('over');
  });
});

describe('replaySteps: the one replay, step by step', () => {
  it('yields every move with the state before and after, as playing them one by one does', () => {
    const { game } = newGame();
    const record = playGame(game, 17, 'standard', policy('scripted'));
    let state = game.start(17, 'standard');
    let count = 0;
    for (const step of game.replaySteps(17, 'standard', record.moves)) {
      expect(step.index).toBe(count);
      expect(step.move).toBe(record.moves[count]);
      expect(stateHash(step.before)).toBe(stateHash(state));
      const r = game.play(state, step.move);
      expect(step.ok && r.ok).toBe(true);
      state = r.state;
      expect(stateHash(step.state)).toBe(stateHash(state));
      count++;
    }
    expect(count).toBe(record.moves.length);
    expect(stateHash(state)).toBe(stateHash(record.state));
    expect(stateHash(game.replay(17, 'standard', record.moves).state)).toBe(stateHash(state));
  });

  it('ends with the first refusal, its reason and the state before it', () => {
    const { game } = newGame();
    const moves: Move[] = [
      { type: 'actor.sound', actor: 'belgium' },
      { type: 'route.table', route: 'reparations-loan', terms: { size: 90, guarantee: 'capped' } },
      { type: 'week.end' },
    ];
    const steps = [...game.replaySteps(1, 'standard', moves)];
    expect(steps.map((s) => s.ok)).toEqual([true, false]);
    const refused = steps[1]!;
    if (refused.ok) return;
    expect(refused.index).toBe(1);
    expect(refused.move).toBe(moves[1]);
    expect(refused.state).toBe(refused.before);
    expect(refused.before).toBe(steps[0]!.state);
    const r = game.replay(1, 'standard', moves);
    expect(r).toEqual({ ok: false, state: refused.state, index: 1, reason: refused.reason });
  });

  it('is lazy: it plays a move only when its step is asked for', () => {
    const { game } = newGame();
    const read: number[] = [];
    const moves = new Proxy<Move[]>(
      [{ type: 'week.end' }, { type: 'week.end' }, { type: 'week.end' }],
      {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) read.push(Number(key));
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    const steps = game.replaySteps(4, 'standard', moves);
    expect(read).toEqual([]);
    const first = steps.next();
    expect(first.done).toBe(false);
    if (first.done) return;
    expect(first.value.state.week).toBe(2);
    expect(read).toEqual([0]);
    steps.return();
    expect(steps.next().done).toBe(true);
    expect(read).toEqual([0]);
  });

  it('yields nothing for no moves; replay then gives the first state', () => {
    const { game } = newGame();
    expect([...game.replaySteps(2, 'standard', [])]).toEqual([]);
    const r = game.replay(2, 'standard', []);
    expect(r.ok).toBe(true);
    expect(stateHash(r.state)).toBe(stateHash(game.start(2, 'standard')));
  });
});

describe('refused moves never throw and leave the state untouched', () => {
  function expectRefused(state: GameState, move: Move, pattern?: RegExp) {
    const { game } = newGame();
    let r: ReturnType<typeof game.play> | undefined;
    expect(() => {
      r = game.play(state, move);
    }).not.toThrow();
    expect(r?.ok).toBe(false);
    if (!r || r.ok) return;
    expect(r.state).toBe(state);
    expect(r.reason.trim().length).toBeGreaterThan(0);
    if (pattern) expect(r.reason).toMatch(pattern);
    expect(game.validate(state, move)).toBe(r.reason);
    expect(legalMoves(scenario, state)).not.toContainEqual(move);
  }

  it('an offer to an unknown actor', () => {
    const { state } = newGame();
    expectRefused(state, { type: 'offer.make', actor: 'atlantis', terms: { liquidity: true } });
    expectRefused(state, { type: 'actor.sound', actor: 'atlantis' });
    expectRefused(state, { type: 'pressure.public', actor: 'atlantis' });
  });

  it('an offer with a term the actor has no say over', () => {
    const { state } = newGame();
    expectRefused(state, { type: 'offer.make', actor: 'japan', terms: { guarantee: 'capped' } });
    expectRefused(state, { type: 'offer.make', actor: 'germany', terms: { nonMilitary: true } });
  });

  it('an offer with no terms at all', () => {
    const { state } = newGame();
    expectRefused(state, { type: 'offer.make', actor: 'germany', terms: {} });
    expectRefused(state, { type: 'offer.make', actor: 'germany', terms: { buyEuropean: false } });
  });

  it('a second offer to the same actor in one week', () => {
    const { game, state } = newGame();
    // Japan cannot accept while the US is opposed, so it answers and stays uncommitted.
    const s = play(game, state, {
      type: 'offer.make',
      actor: 'japan',
      terms: { nonMilitary: true },
    });
    expect(s.actors.japan!.stance).not.toBe('committed');
    expectRefused(s, { type: 'offer.make', actor: 'japan', terms: { nonMilitary: true } });
  });

  it('tabling a route before its legal texts exist (week 1)', () => {
    const { state } = newGame();
    expect(state.week).toBe(1);
    for (const def of scenario.routes.filter((r) => r.openWeek > 1)) {
      const terms =
        def.kind === 'reparations-loan'
          ? { size: def.sizes[0]!.size, guarantee: 'capped' as const }
          : { size: def.sizes[0]!.size };
      expectRefused(state, { type: 'route.table', route: def.id, terms });
    }
  });

  it('tabling a route twice, or with a size or terms it does not allow', () => {
    const { game, state } = newGame();
    const s = untilWeek(game, state, 2);
    const rl = { size: 90, guarantee: 'capped' as const };
    expectRefused(s, { type: 'route.table', route: 'reparations', terms: { size: 91 } });
    expectRefused(s, {
      type: 'route.table',
      route: 'eu-borrowing',
      terms: { size: 90, guarantee: 'capped' },
    });
    const tabled = play(game, s, { type: 'route.table', route: 'reparations', terms: rl });
    expectRefused(tabled, { type: 'route.table', route: 'reparations', terms: rl });
  });

  it('voting on a route that has not been tabled (even at a summit, where votes are free)', () => {
    const { game, state } = newGame();
    const summit = untilWeek(game, state, scenario.summitWeeks[0]!);
    for (const def of scenario.routes)
      for (const mode of def.modes)
        expectRefused(summit, { type: 'vote.call', route: def.id, mode }, /tabled/i);
  });

  it('spending more political capital than is left this week', () => {
    const { game, state } = newGame();
    const capital = scenario.difficulty.standard.capitalPerWeek;
    expect(state.capital).toBe(capital);
    const ids = ['belgium', 'germany', 'france', 'italy', 'japan', 'uk', 'us', 'ecb'];
    const spent = play(
      game,
      state,
      ...ids.slice(0, capital).map((actor): Move => ({ type: 'actor.sound', actor })),
    );
    expect(spent.capital).toBe(0);
    expectRefused(spent, { type: 'actor.sound', actor: ids[capital]! }, /capital/i);
    expectRefused(spent, { type: 'g7.coordinate' }, /capital/i);
    // Ending the week is always free.
    expect(legalMoves(scenario, spent)).toEqual([{ type: 'week.end' }]);
  });

  it('any move after the game is over', () => {
    const { game, state } = newGame();
    const over = finish(game, state);
    expect(over.status).toBe('over');
    expect(legalMoves(scenario, over)).toEqual([]);
    for (const move of candidateMoves(scenario)) expectRefused(over, move, /over/i);
  });
});

// Moves arrive from share links and result codes, which anyone can edit: the engine must refuse
// malformed moves with a reason rather than crash or, worse, accept them.
describe('untrusted moves from a decoded link', () => {
  const malformed: [string, unknown][] = [
    ['an unknown move type', { type: 'money.print' }],
    ['a bridge from an unknown source', { type: 'bridge.request', source: 'bank' }],
    ['an offer without terms', { type: 'offer.make', actor: 'germany' }],
    [
      'an offer with a bad guarantee kind',
      { type: 'offer.make', actor: 'germany', terms: { guarantee: 'maybe' } },
    ],
    ['a route tabled without terms', { type: 'route.table', route: 'reparations' }],
    ['a vote by an unknown procedure', { type: 'vote.call', route: 'eu-borrowing', mode: 'coin' }],
    ['legal work on an unknown route', { type: 'legal.work', route: 'nowhere' }],
  ];

  it.each(malformed)('%s is refused with a reason, never thrown', (_label, move) => {
    const { game, state } = newGame();
    // Week 2 with joint borrowing on the table and capital left for a vote outside a summit.
    const s = play(game, untilWeek(game, state, 2), {
      type: 'route.table',
      route: 'eu-borrowing',
      terms: { size: 90 },
    });
    expect(s.capital).toBeGreaterThanOrEqual(2);
    let r: ReturnType<typeof game.play> | undefined;
    expect(() => {
      r = game.play(s, move as Move);
    }).not.toThrow();
    expect(r?.ok).toBe(false);
    expect(r?.state).toBe(s);
    expect(r && !r.ok && r.reason.trim()).toBeTruthy();
  });
});
