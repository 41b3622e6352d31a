import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { assessOffer } from '../../src/actors';
import {
  candidateMoves,
  legalMoves,
  malformedMove,
  type GameState,
  type Move,
} from '../../src/engine';
import { newGame, play, scenario } from '../helpers/game';

// A counter-offer is an honest, standing proposal (issue 18): the actor offers back only terms
// it would accept at once, they stand until the week ends (or a route is tabled or voted on),
// and one counter.accept move takes them exactly as an accepted offer of those terms would.

const { game, state: start } = newGame(1);

/** France, asked for uncapped guarantees in week 1 (seed 1), counters with capped ones. */
const ASK_FRANCE: Move = { type: 'offer.make', actor: 'france', terms: { guarantee: 'uncapped' } };
const TAKE_FRANCE: Move = { type: 'counter.accept', actor: 'france' };

describe('a counter-offer', () => {
  const countered = play(game, start, ASK_FRANCE);
  const france = countered.actors.france!;

  it('stands in the actor’s record for the week, with terms it would accept now', () => {
    expect(countered.log.at(-1)?.code).toBe('reply.counter');
    expect(france.counter).toEqual({
      terms: { guarantee: 'capped', excludeFrenchBanks: true, buyEuropean: true },
      week: 1,
    });
    // Judged as the actor judges any offer: with this refusal counted, in the same mood.
    const def = scenario.actors.find((a) => a.id === 'france')!;
    const x = assessOffer(scenario, countered, def, france.counter!.terms);
    expect(x.unmet).toEqual([]);
    expect(x.tally.passes).toBe(true);
    expect(legalMoves(scenario, countered)).toContainEqual(TAKE_FRANCE);
  });

  it('is taken in one move, which commits the actor exactly as an accepted offer would', () => {
    const taken = play(game, countered, TAKE_FRANCE);
    const codes = taken.log.slice(countered.log.length).map((e) => e.code);
    expect(codes).toEqual(['move.counter', 'reply.accept']);
    expect(taken.actors.france!.stance).toBe('committed');
    expect(taken.actors.france!.counter).toBeNull();
    expect(taken.commitments.at(-1)).toMatchObject({
      actor: 'france',
      week: 1,
      terms: france.counter!.terms,
      route: 'reparations-loan',
    });
    expect(taken.promises.at(-1)).toMatchObject({ actor: 'france', terms: france.counter!.terms });
    expect(taken.capital).toBe(countered.capital - 1);
    expect(taken.actors.france!.credibility).toBe(france.credibility + 5);
  });

  it('is refused, with a reason, when none stands', () => {
    const reason = (s: GameState, m: Move) => game.validate(s, m);
    expect(reason(start, TAKE_FRANCE)).toMatch(/^France has no counter-offer standing/);
    // A week's end clears it.
    const next = play(game, countered, { type: 'week.end' });
    expect(next.actors.france!.counter).toBeNull();
    expect(reason(next, TAKE_FRANCE)).toMatch(/no counter-offer standing/);
    // So does a route tabled: the table it was judged on has changed.
    const tabled = play(game, countered, { type: 'week.end' }, { type: 'week.end' }, ASK_FRANCE, {
      type: 'route.table',
      route: 'eu-borrowing',
      terms: { size: 90 },
    });
    expect(tabled.actors.france!.counter).toBeNull();
    expect(
      tabled.log.some((e) => e.code === 'decision.counter-lapse' && e.actor === 'france'),
    ).toBe(true);
    // Taken once, it is gone; an actor that answered an offer hears no second one.
    const taken = play(game, countered, TAKE_FRANCE);
    expect(reason(taken, TAKE_FRANCE)).toBe('France has already committed.');
    expect(reason(countered, ASK_FRANCE)).toBe(
      'France has already answered an offer this week; its counter-offer still stands.',
    );
    // An actor that does not negotiate, or none at all.
    expect(reason(countered, { type: 'counter.accept', actor: 'nobody' })).toMatch(/no actor/);
    expect(malformedMove({ type: 'counter.accept' })).toBe(
      'Accepting a counter-offer needs the actor that made it.',
    );
    // Without a point left, it waits for a point like any move.
    const broke = { ...countered, capital: 0 };
    expect(reason(broke, TAKE_FRANCE)).toMatch(/^Not enough political capital/);
  });

  it('keeps every older move at its place in the move list (result codes store the index)', () => {
    const all = candidateMoves(scenario);
    const first = all.findIndex((m) => m.type === 'counter.accept');
    expect(all.slice(first).every((m) => m.type === 'counter.accept')).toBe(true);
    expect(all.length - first).toBe(scenario.actors.filter((a) => a.terms.length).length);
  });
});

describe('every counter-offer of a random game', () => {
  it('is accepted when taken in the week it was made, whatever else was played first', () => {
    let taken = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.nat({ max: 10_000 }), { maxLength: 120 }),
        (seed, picks) => {
          let state = game.start(seed, 'standard');
          for (const pick of picks) {
            if (state.status !== 'playing') break;
            // Mostly offers (where counters come from), then anything legal.
            const legal = legalMoves(scenario, state);
            const offers = legal.filter((m) => m.type === 'offer.make');
            const move =
              pick % 5 === 0
                ? ({ type: 'week.end' } as const)
                : pick % 5 < 3 && offers.length
                  ? offers[pick % offers.length]!
                  : legal[pick % legal.length]!;
            const r = game.play(state, move);
            expect(r.ok, r.ok ? '' : r.reason).toBe(true);
            state = r.state;
            // Every counter standing now is accepted if taken now.
            for (const id of state.actorOrder) {
              const c = state.actors[id]!.counter;
              if (!c) continue;
              expect(c.week).toBe(state.week);
              const t = game.play(state, { type: 'counter.accept', actor: id });
              if (state.capital === 0) {
                expect(t.ok).toBe(false);
                continue;
              }
              expect(t.ok, t.ok ? '' : t.reason).toBe(true);
              if (!t.ok) continue;
              taken++;
              expect(t.state.log.slice(state.log.length).map((e) => e.code)).toContain(
                'reply.accept',
              );
              expect(t.state.actors[id]!.stance).toBe('committed');
              expect(t.state.commitments.find((x) => x.actor === id)?.terms).toEqual(c.terms);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(taken).toBeGreaterThan(10);
  }, 120_000);
});
