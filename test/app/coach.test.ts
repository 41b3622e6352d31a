import { describe, expect, it } from 'vitest';

import { bestRouteText, coachWords, moveLabel } from '../../src/app/coach';
import { gameFor } from '../../src/app/store';
import { candidateMoves, type GameState, type Move } from '../../src/engine';
import type { Advice, PlanFigure } from '../../src/sim/coach';

// The coach's words (src/app/coach.ts): every suggestion reads as an instruction, says why in
// one sentence taken from what the move changes, and the route question names a route.

const game = gameFor('december-summit')!;
const { scenario } = game;
const start = game.start(7, 'standard');

const figures: PlanFigure[] = [
  { plan: 'g7-loan', value: 0.8, wins: 6, games: 8, routes: { reparations: 5, 'eu-borrowing': 1 } },
  { plan: 'joint', value: 0.5, wins: 3, games: 8, routes: { 'eu-borrowing': 3 } },
];
const adviceOf = (move: Move): Advice => ({ move, plan: 'g7-loan', plans: figures, weighed: true });

describe("the coach's words", () => {
  it('names every kind of move as an instruction', () => {
    const kinds = new Map<string, Move>();
    for (const m of candidateMoves(scenario)) if (!kinds.has(m.type)) kinds.set(m.type, m);
    for (const m of kinds.values()) {
      const label = moveLabel(scenario, m);
      if (m.type === 'route.table') continue; // the log's own words, checked below
      expect(label, m.type).toMatch(/^[A-Z][^]*\.$/);
      expect(label).not.toMatch(/^You /);
    }
    const table = candidateMoves(scenario).find((m) => m.type === 'route.table')!;
    const words = coachWords(game, start, adviceOf(table));
    expect(words.what).toMatch(/^Table /);
  });

  it('says why in one sentence from what the move changes', () => {
    const legal = candidateMoves(scenario).filter((m) => game.validate(start, m) === null);
    for (const m of legal) {
      const w = coachWords(game, start, adviceOf(m));
      expect(w.why, JSON.stringify(m)).toMatch(/[.!?]$/);
      expect(w.odds).toBe(
        'From the start of this week, this plan played to the end without a change of course won 6 of 8 trial games; asking again each week does better.',
      );
    }
    // Pressure says how far it moves the government when the week ends.
    const press = coachWords(game, start, adviceOf({ type: 'pressure.public', actor: 'belgium' }));
    expect(press.why).toMatch(
      /^The willingness of Belgium \(-?\d+ now\) moves by [+-]\d+ when the week ends\.$/,
    );
    // An accepted offer says why it is accepted, in the government's own words.
    const offers = legal.filter((m) => m.type === 'offer.make');
    const taken = offers.find((m) => {
      const r = game.play(start, m);
      return r.ok && r.state.commitments.length > start.commitments.length;
    });
    if (!taken) throw new Error('no offer is accepted in week 1 of seed 7');
    const after = game.play(start, taken).state as GameState;
    const reply = after.log.find((e) => e.kind === 'reply')!;
    expect(coachWords(game, start, adviceOf(taken)).why).toBe(reply.reason);
  });

  it('answers the route question from the trial games', () => {
    expect(bestRouteText(scenario, figures)).toBe(
      'Your best route now: Reparations Loan. Of 16 trial games played on from the start of this week in every way the coach knows, 9 were won; Reparations Loan brought the money in 5 of them, Joint EU borrowing in 4.',
    );
    expect(bestRouteText(scenario, [{ ...figures[1]!, wins: 0, routes: {} }])).toMatch(
      /^No way of playing on from here won any of the 8 trial games/,
    );
  });
});
