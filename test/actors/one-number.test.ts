import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  actorRuntime,
  assessOffer,
  belgiumFear,
  explainActor,
  offerRule,
  offerTally,
  perceive,
} from '../../src/actors';
import {
  legalMoves,
  TERM_KEYS,
  type ActorDef,
  type GameState,
  type OfferTerms,
} from '../../src/engine';
import { newGame, scenario } from '../helpers/game';

// One number per thing (issue 18): the willingness on an actor's card, the one its "Why?"
// states and the one a reply to an offer starts from are the same number, in every state a game
// can reach; where an actor judges offers on something else (its fear, its price), its card
// says so with that number, and the reply starts from it. The states come from random legal
// games (fast-check picks the seed and the moves), the offers from random terms and moods.

/** The card's willingness, as the page writes it (src/dom/actors.ts). */
const card = (w: number) => (w > 0 ? `+${w}` : String(w));

const negotiates = (def: ActorDef) => def.terms.length > 0;

/** Some reachable states: a random legal game, sampled after every few moves. */
function statesOf(seed: number, picks: readonly number[]): GameState[] {
  const { game } = newGame();
  let state = game.start(seed, 'standard');
  const out: GameState[] = [state];
  for (const pick of picks) {
    if (state.status !== 'playing') break;
    const legal = legalMoves(scenario, state);
    // Ends a week one time in three, so that games reach their later weeks.
    const move = pick % 3 === 0 ? { type: 'week.end' as const } : legal[pick % legal.length]!;
    const r = newGame().game.play(state, move);
    if (!r.ok) throw new Error(`legal move refused: ${r.reason}`);
    state = r.state;
    if (pick % 2 === 0) out.push(state);
  }
  return out;
}

/** Terms from the actor's own, picked by a mask. */
function termsOf(def: ActorDef, mask: number, uncapped: boolean): OfferTerms {
  const terms: OfferTerms = {};
  def.terms.forEach((k, i) => {
    if (!(mask & (1 << i))) return;
    if (k === 'guarantee') terms.guarantee = uncapped ? 'uncapped' : 'capped';
    else (terms as Record<string, boolean>)[k] = true;
  });
  if (!Object.keys(terms).length) {
    const k = def.terms[0]!;
    if (k === 'guarantee') terms.guarantee = 'capped';
    else (terms as Record<string, boolean>)[k] = true;
  }
  return terms;
}

const gameArb = fc.record({
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  picks: fc.array(fc.nat({ max: 10_000 }), { minLength: 5, maxLength: 60 }),
  mask: fc.nat({ max: 2 ** TERM_KEYS.length - 1 }),
  uncapped: fc.boolean(),
  mood: fc.integer({ min: -10, max: 10 }),
});

describe('the card, "Why?" and a reply to an offer', () => {
  it('give the same number for the same question, in every state a game reaches', () => {
    let replies = 0;
    fc.assert(
      fc.property(gameArb, ({ seed, picks, mask, uncapped, mood }) => {
        for (const state of statesOf(seed, picks)) {
          for (const def of scenario.actors) {
            const a = state.actors[def.id]!;
            // "Why?" reports the willingness the card shows, whatever moved since the week end.
            if (def.kind !== 'adversary') expect(perceive(scenario, state, def, null).w).toBe(a.w);
            // (A committed actor's "Why?" is why it committed, with no willingness in it.)
            if (def.kind === 'government' && a.stance !== 'committed')
              expect(explainActor(scenario, state, def.id).reason).toContain(`Willingness ${a.w}`);
            const tally = offerTally(scenario, state, def.id);
            if (!negotiates(def) || a.stance === 'committed') {
              expect(tally).toBeNull();
              continue;
            }
            // The card's line on offers starts from the number the actor judges on.
            const rule = offerRule(tally!);
            if (def.kind === 'custodian') {
              const fear = belgiumFear(scenario, state).fear;
              expect(tally!.start).toBe(fear);
              expect(rule).toContain(`its fear (${fear})`);
            } else if (def.kind === 'veto-holder') {
              expect(tally!.needs).toBe(state.hungaryPrice);
              expect(rule).toContain(`its price (${state.hungaryPrice})`);
            } else {
              expect(tally!.start).toBe(a.w);
              expect(rule).toContain(`its willingness (${card(a.w)})`);
            }
            // A reply starts from that same number, and its parts add up to its total.
            const terms = termsOf(def, mask, uncapped);
            const x = assessOffer(scenario, state, def, terms, mood);
            const t = x.tally;
            expect(t.total).toBe(t.start + t.parts.reduce((s, p) => s + p.amount, 0));
            const reply = actorRuntime.offer(scenario, state, def.id, terms, mood);
            replies++;
            if (t.yardstick === 'willingness') {
              expect(t.start).toBe(a.w);
              // What the machine was asked is what the tally says: total against the bar.
              expect(x.score).toBe(t.total);
              expect(x.threshold).toBe(t.needs);
              expect(reply.reason).toMatch(
                new RegExp(
                  `willingness is \\${card(a.w)[0]}?${Math.abs(a.w)}, as on (its|their) card`,
                ),
              );
              expect(reply.reason).toContain(` make ${card(t.total)}, and`);
            } else if (t.yardstick === 'fear') {
              expect(reply.reason).toContain(`fear is ${t.start}, as on its card`);
            } else if (reply.verdict !== 'accept') {
              expect(reply.reason).toContain(`its price, as on its card, is ${state.hungaryPrice}`);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(replies).toBeGreaterThan(500);
  }, 120_000);

  it('tell the day’s mood, refusals and the terms apart, with the bar of the actor’s kind', () => {
    const { game, state } = newGame(3);
    const us = scenario.actors.find((a) => a.kind === 'patron')!;
    const refused = game.play(state, {
      type: 'offer.make',
      actor: us.id,
      terms: { reconstructionRole: true },
    });
    const after = refused.ok ? refused.state : state;
    const x = assessOffer(scenario, after, us, { reconstructionRole: true }, -4);
    // The patron's bar is its own (-10), not the governments' 10.
    expect(x.tally.needs).toBe(-10);
    expect(x.tally.parts).toEqual([
      { code: 'terms', amount: us.likes.reconstructionRole ?? 0 },
      { code: 'mood', amount: -4 },
      { code: 'refusals', amount: -5 * after.actors[us.id]!.refusals },
    ]);
  });
});
