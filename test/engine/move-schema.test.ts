import { describe, expect, it } from 'vitest';

import { candidateMoves, isMove, malformedMove } from '../../src/engine';
import { isMove as saveChecks } from '../../src/engine/move-schema';
import { scenarios } from '../../src/scenarios';
import { newGame } from '../helpers/game';

// One schema for a move: every move of every scenario's move space passes it, and what fails
// it gets one plain sentence, both in the engine and in the autosave's check.

describe('the move schema', () => {
  it('accepts every move of every move space', () => {
    for (const s of Object.values(scenarios))
      for (const m of candidateMoves(s)) expect(malformedMove(m), JSON.stringify(m)).toBeNull();
  });

  it.each([
    ['not an object', 42, 'A move must be an object with a type.'],
    ['an unknown type', { type: 'launch.missiles' }, 'Unknown move "launch.missiles".'],
    [
      'an offer with an unknown term',
      { type: 'offer.make', actor: 'germany', terms: { bribe: true } },
      'An offer needs an actor and terms it knows.',
    ],
    [
      'a guarantee of no known kind',
      { type: 'offer.make', actor: 'germany', terms: { guarantee: 'forever' } },
      'An offer needs an actor and terms it knows.',
    ],
    [
      'a tabling without a whole size',
      { type: 'route.table', route: 'reparations', terms: { size: 90.5 } },
      'Tabling needs a route and terms with a size.',
    ],
    [
      'a vote by coin toss',
      { type: 'vote.call', route: 'reparations', mode: 'coin' },
      'A vote needs a route and a voting rule it knows.',
    ],
    [
      'a bridge from nowhere',
      { type: 'bridge.request', source: 'imf' },
      'Unknown source of bridge money.',
    ],
    [
      'a move with a field too many',
      { type: 'week.end', extra: 1 },
      'Ending the week takes nothing else.',
    ],
  ])('refuses %s with a sentence', (_name, move, message) => {
    expect(isMove(move)).toBe(false);
    expect(saveChecks(move)).toBe(false);
    expect(malformedMove(move)).toBe(message);
    // The engine refuses it with the same words, and does not throw.
    const { game, state } = newGame();
    const r = game.play(state, move as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(malformedMove(move));
  });
});
