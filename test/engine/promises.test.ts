import { describe, expect, it } from 'vitest';

import {
  money,
  routeOfKind,
  type GameState,
  type Move,
  type OfferTerms,
  type RouteTerms,
} from '../../src/engine';
import { endWeeks, newGame, play, scenario, untilWeek } from '../helpers/game';

// Promises hold at all times, and money is counted once: the exploits a strong player found,
// played through the public API (Game.play and Game.validate).

const loan = routeOfKind(scenario, 'reparations-loan')!;
const joint = routeOfKind(scenario, 'joint-borrowing')!;
const offer = (actor: string, terms: OfferTerms): Move => ({ type: 'offer.make', actor, terms });
const table = (route: string, terms: RouteTerms): Move => ({ type: 'route.table', route, terms });

/** Plays until the move is accepted, ending weeks while the offer is only refused as too early. */
function tabledLoan(seed: number) {
  const { game, state } = newGame(seed);
  const week2 = untilWeek(game, state, loan.openWeek);
  return { game, state: play(game, week2, table(loan.id, { size: 90, guarantee: 'capped' })) };
}

describe('an offer about a route on the table promises only what the route carries', () => {
  it('refuses uncapped guarantees to Belgium while the loan on the table is capped', () => {
    for (const seed of [1, 2, 3]) {
      const { game, state } = tabledLoan(seed);
      const move = offer('belgium', { guarantee: 'uncapped', liquidity: true });
      const why = game.validate(state, move);
      expect(why).toMatch(/capped/);
      const r = game.play(state, move);
      expect(r.ok).toBe(false);
      expect(r.state).toBe(state);
      expect(state.actors.belgium!.stance).not.toBe('committed');
    }
  });

  it('refuses the United States a role in reconstruction once the assets are in a loan on the table', () => {
    const { game, state } = tabledLoan(1);
    const why = game.validate(state, offer('us', { reconstructionRole: true }));
    expect(why).toMatch(/Reparations Loan/);
  });

  it('refuses the swing states an opt-out the joint borrowing on the table does not carry', () => {
    const { game, state } = newGame(1);
    const open = untilWeek(game, state, joint.openWeek);
    const tabled = play(game, open, table(joint.id, { size: joint.sizes[0]!.size }));
    expect(game.validate(tabled, offer('swing', { optOut: true }))).toMatch(/opt-out/);
    // With the opt-out in the text, promising it is fine.
    const withOptOut = play(
      game,
      open,
      table(joint.id, { size: joint.sizes[0]!.size, optOut: true }),
    );
    expect(game.validate(withOptOut, offer('swing', { optOut: true }))).toBeNull();
  });

  it('still lets a promise be made before the route is tabled, and tabling then breaks it', () => {
    const { game, state } = newGame(1);
    const promised = play(game, state, offer('germany', { guarantee: 'uncapped' }));
    expect(promised.promises.map((p) => p.actor)).toEqual(['germany']);
    const open = untilWeek(game, promised, loan.openWeek);
    const after = play(game, open, table(loan.id, { size: 90, guarantee: 'capped' }));
    expect(after.promises[0]!.broken).toBe(true);
    expect(after.commitments.some((c) => c.actor === 'germany')).toBe(false);
    const line = after.log.find((e) => e.kind === 'decision' && e.actor === 'germany');
    expect(line?.reason).toMatch(/does not keep uncapped guarantees/);
  });
});

describe('money is counted once', () => {
  /** The sequence: UK and Canada paid through joint borrowing, then a broken promise. */
  function doublePledge(seed: number): GameState | null {
    const { game, state } = newGame(seed);
    let s = state;
    for (const m of [
      offer('uk', { legalShields: true }),
      offer('canada', { legalShields: true }),
      offer('hungary', { energyAssurance: true, fundsConcession: true }),
    ]) {
      const r = game.play(s, m);
      if (r.ok) s = r.state;
    }
    s = untilWeek(game, s, joint.openWeek);
    const tabled = game.play(s, table(joint.id, { size: 140, optOut: true, buyEuropean: true }));
    if (!tabled.ok) return null;
    const voted = game.play(tabled.state, { type: 'vote.call', route: joint.id, mode: 'enhanced' });
    if (!voted.ok) return null;
    s = endWeeks(game, voted.state, 3);
    if (s.status !== 'playing') return null;
    const loanTabled = game.play(s, table(loan.id, { size: 90, guarantee: 'capped' }));
    if (!loanTabled.ok) return null;
    return endWeeks(game, loanTabled.state, 1);
  }

  it('never lets a pledge be paid again after a broken promise (the issue sequence, 20 seeds)', () => {
    let played = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const end = doublePledge(seed);
      if (!end) continue;
      played++;
      for (const actor of ['uk', 'canada']) {
        const live = end.pledges.filter((p) => p.actor === actor && p.status !== 'withdrawn');
        expect(live.length, `seed ${seed}: ${actor}'s pledges`).toBeLessThanOrEqual(1);
      }
      const lines = money(scenario, end).lines.map((l) => l.label);
      expect(new Set(lines).size, `seed ${seed}: ${lines.join(', ')}`).toBe(lines.length);
    }
    expect(played).toBeGreaterThan(10);
  });
});
