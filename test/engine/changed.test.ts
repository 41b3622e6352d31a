import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { legalMoves, type GameState, type WillCode } from '../../src/engine';
import { newGame, play, scenario } from '../helpers/game';

// Why an actor's willingness moved (issue 18): every week's end leaves, in each actor's record,
// where its willingness came from and went to and the parts that moved it, by code. The parts
// add up to the change, for every actor and every week of any game; and they name real causes.

const { game } = newGame();

const sum = (parts: readonly { amount: number }[]) => parts.reduce((s, p) => s + p.amount, 0);

describe('the change of willingness at a week’s end', () => {
  it('adds up, part by part, for every actor in every week of random games', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.nat({ max: 10_000 }), { maxLength: 90 }),
        (seed, picks) => {
          let state: GameState = game.start(seed, 'standard');
          for (const pick of picks) {
            if (state.status !== 'playing') break;
            const legal = legalMoves(scenario, state);
            const move =
              pick % 4 === 0 ? ({ type: 'week.end' } as const) : legal[pick % legal.length]!;
            const r = game.play(state, move);
            expect(r.ok).toBe(true);
            if (!r.ok) return;
            if (move.type === 'week.end') {
              for (const id of state.actorOrder) {
                const before = state.actors[id]!;
                const after = r.state.actors[id]!;
                const c = after.changed!;
                expect(c.week).toBe(state.week);
                expect(c.from).toBe(before.w);
                expect(c.to).toBe(after.w);
                expect(sum(c.parts), `${id} in week ${state.week}`).toBe(c.to - c.from);
                expect(c.parts.every((p) => p.amount !== 0)).toBe(true);
                checked++;
              }
            } else {
              // Only a week's end moves it: a move leaves the record as it was.
              for (const id of state.actorOrder)
                expect(r.state.actors[id]!.changed).toEqual(state.actors[id]!.changed);
            }
            state = r.state;
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(1000);
  }, 120_000);

  it('names its causes: public pressure, drift, chance and the pull of the leader it follows', () => {
    const { state } = newGame(1);
    const week2 = play(
      game,
      state,
      { type: 'pressure.public', actor: 'italy' },
      { type: 'week.end' },
    );
    const italy = week2.actors.italy!;
    const codes = italy.changed!.parts.map((p) => p.code);
    expect(italy.changed!.parts).toContainEqual({
      code: 'pressure',
      amount: 12,
      cause: 'public pressure',
    });
    expect(codes).toEqual(expect.arrayContaining<WillCode>(['pressure', 'chance']));
    // Italy follows the United States: what stands between its own view and its willingness
    // is that pull, named, and it adds up.
    expect(italy.lift.filter((p) => p.code === 'pull').map((p) => p.cause)).toEqual([
      'United States',
    ]);
    expect(sum(italy.lift)).toBe(italy.w - italy.own);
    // Russia's willingness does not move: nothing is said to have moved it.
    expect(week2.actors.russia!.changed).toEqual({ week: 1, from: -100, to: -100, parts: [] });
  });
});
