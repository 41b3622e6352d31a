import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { previewMove } from '../../src/app/preview';
import { createStore, gameFor } from '../../src/app/store';
import { legalMoves, stateHash, type Move } from '../../src/engine';

// "If you confirm": the preview is the move applied to the game as it is, so what Confirm brings
// is always what the preview said, whatever the game and the move.

const ID = 'december-summit';
const game = gameFor(ID)!;

describe('the preview of a move', () => {
  it('agrees with the result of confirming it, in any game (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (seed, picks) => {
          const store = createStore();
          store.newGame(ID, seed, 'standard');
          for (const pick of picks) {
            const s = store.getState()!;
            if (s.state.status !== 'playing') break;
            const moves = legalMoves(game.scenario, s.state);
            const move: Move = moves[pick % moves.length]!;
            const p = store.preview(move);
            if (move.type === 'week.end') {
              expect(p).toBeNull();
            } else {
              if (!p?.ok)
                throw new Error(`a legal move was not previewed: ${JSON.stringify(move)}`);
              expect(store.dispatch(move)).toEqual({ ok: true });
              const after = store.getState()!.state;
              expect(stateHash(after)).toBe(stateHash(p.state));
              const unity = p.lines.find((l) => l.kind === 'unity');
              expect(unity?.text ?? null).toBe(
                after.unity === s.state.unity
                  ? null
                  : `EU unity: ${s.state.unity} → ${after.unity}.`,
              );
              continue;
            }
            store.dispatch(move);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('refuses what the rules refuse, with their reason', () => {
    const state = game.start(3, 'standard');
    const move: Move = { type: 'vote.call', route: 'reparations', mode: 'qmv' };
    expect(previewMove(game, state, move)).toEqual({
      ok: false,
      reason: game.validate(state, move),
    });
  });

  it('covers taking a counter-offer: its cost, the reply, the trust it earns, as confirmed', () => {
    const state = game.start(1, 'standard');
    const asked = game.play(state, {
      type: 'offer.make',
      actor: 'france',
      terms: { guarantee: 'uncapped' },
    });
    if (!asked.ok) throw new Error(asked.reason);
    const take: Move = { type: 'counter.accept', actor: 'france' };
    const p = previewMove(game, asked.state, take);
    if (!p?.ok) throw new Error('not previewed');
    expect(p.lines.map((l) => l.kind)).toEqual(['cost', 'trust', 'reply']);
    expect(p.lines[0]!.text).toBe(`Costs 1 of your ${asked.state.capital} points.`);
    expect(p.lines[2]!.text).toBe('France accepts.');
    expect(p.lines[2]!.reason).toMatch(/^France joins the guarantee coalition .*, capped\)/);
    const confirmed = game.play(asked.state, take);
    expect(confirmed.ok && stateHash(confirmed.state)).toBe(stateHash(p.state));
  });

  it('says what a sounding-out costs, not what it reveals (that is what the point buys)', () => {
    const state = game.start(3, 'standard');
    const p = previewMove(game, state, { type: 'actor.sound', actor: 'belgium' });
    if (!p?.ok) throw new Error('not previewed');
    const after = game.play(state, { type: 'actor.sound', actor: 'belgium' });
    const answer = after.ok ? after.state.log.at(-1)!.reason : '';
    expect(answer).not.toBe('');
    expect(JSON.stringify(p.lines)).not.toContain(answer);
    expect(p.lines.map((l) => l.kind)).toEqual(['cost', 'unity', 'trust']);
  });
});
