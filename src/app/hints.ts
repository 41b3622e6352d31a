import { describeTerms, findActorDef, legalMoves, type Move } from '../engine';
import type { Session } from './store';
import { sessionGame } from './store';

// Hints (a game-link option): one promising move for this week, found by trying the legal
// moves on the current state. The engine is a pure function, so a tried move changes nothing;
// the hint says what would really happen.

/** How many terms an offer gives away: fewer is a cheaper deal. */
const termCount = (m: Move) =>
  m.type === 'offer.make' ? Object.values(m.terms).filter((v) => v !== false).length : 0;

export interface Hint {
  text: string;
  /** the move the hint suggests (null: end the week) */
  move: Move | null;
}

export function hintFor(session: Session): Hint | null {
  if (!session.options.hints || session.state.status !== 'playing') return null;
  const game = sessionGame(session);
  if (!game) return null;
  const { scenario } = game;
  const state = session.state;
  const legal = legalMoves(scenario, state);
  const tryMove = (m: Move) => {
    try {
      const r = game.play(state, m);
      return r.ok ? r.state : null;
    } catch {
      return null;
    }
  };
  const nameOf = (id: string) => findActorDef(scenario, id)?.name ?? id;

  // A vote that would pass now.
  for (const m of legal) {
    if (m.type !== 'vote.call') continue;
    const after = tryMove(m);
    const route = after?.routes[m.route];
    const passed = route?.status === 'agreed' || route?.status === 'adopted';
    if (route && passed && route.status !== state.routes[m.route]?.status) {
      const def = scenario.routes.find((r) => r.id === m.route);
      return { text: `Hint: a vote on ${def?.name ?? m.route} would pass now.`, move: m };
    }
  }
  // The cheapest offer someone would accept now.
  const offers = legal
    .filter((m) => m.type === 'offer.make')
    .sort((a, b) => termCount(a) - termCount(b));
  for (const m of offers) {
    if (m.type !== 'offer.make') continue;
    const after = tryMove(m);
    if (after && after.commitments.length > state.commitments.length)
      return {
        text: `Hint: ${nameOf(m.actor)} would accept an offer of ${describeTerms(m.terms)} now.`,
        move: m,
      };
  }
  // Legal work on a tabled route that is not yet sturdy.
  for (const m of legal) {
    const r = m.type === 'legal.work' ? state.routes[m.route] : undefined;
    if (m.type === 'legal.work' && r?.status === 'tabled' && r.legal < 3) {
      const def = scenario.routes.find((r) => r.id === m.route);
      return {
        text: `Hint: legal work would make ${def?.name ?? m.route} sturdier before a vote.`,
        move: m,
      };
    }
  }
  // Otherwise: learn what the most opposed actor needs.
  const sound = legal
    .filter((m): m is Extract<Move, { type: 'actor.sound' }> => m.type === 'actor.sound')
    .sort((a, b) => (state.actors[a.actor]?.w ?? 0) - (state.actors[b.actor]?.w ?? 0))[0];
  if (sound)
    return {
      text: `Hint: nobody would accept an offer right now. Sound out ${nameOf(sound.actor)} to learn what it needs.`,
      move: sound,
    };
  return { text: 'Hint: nothing more can be done this week. End the week.', move: null };
}
