import { describe, expect, it } from 'vitest';

import { chipsOf, diffStates } from '../../src/ui/changes';
import { tableLayout } from '../../src/ui/layout';
import { newGame, scenario, withActor, withPledges, withState } from '../helpers/game';

// What the table animates after a store update, checked on hand-built states.

const layout = tableLayout(scenario);
const hasCard = (id: string) => id in layout.cards;
const tether = (follower: string, leader: string) =>
  layout.tethers.findIndex((t) => t.follower === follower && t.leader === leader);
const { state: start } = newGame(7);

describe('diffStates', () => {
  it('reports a stance change, and nothing else, when only a stance changed', () => {
    const next = withActor(start, 'italy', { stance: 'opposed' });
    const d = diffStates(start, next, layout.tethers, hasCard);
    expect(d.stance).toEqual([{ id: 'italy', from: start.actors.italy!.stance, to: 'opposed' }]);
    expect(d.will).toEqual([]);
    expect(d.pulses).toEqual([]);
    expect(d.chipIn).toEqual([]);
  });

  it('pulses along the line to the US when the US lobbies (opposed leader, follower falls)', () => {
    const prev = withActor(withActor(start, 'us', { stance: 'opposed', w: -60 }), 'italy', {
      w: 0,
    });
    const next = withActor(prev, 'italy', { w: -10 });
    const d = diffStates(prev, next, layout.tethers, hasCard);
    expect(d.will).toEqual(['italy']);
    expect(d.pulses).toEqual([tether('italy', 'us')]);
  });

  it('pulses when a follower moves because its leader moved', () => {
    const prev = withActor(withActor(start, 'us', { stance: 'wary', w: -20 }), 'japan', { w: -10 });
    const next = withActor(withActor(prev, 'us', { w: 10 }), 'japan', { w: 5 });
    const d = diffStates(prev, next, layout.tethers, hasCard);
    expect(d.pulses).toContain(tether('japan', 'us'));
  });

  it('does not pulse when the follower moved on its own', () => {
    const prev = withActor(start, 'germany', { stance: 'supportive', w: 60 });
    const next = withActor(prev, 'france', { w: prev.actors.france!.w + 12 });
    const d = diffStates(prev, next, layout.tethers, hasCard);
    expect(d.will).toEqual(['france']);
    expect(d.pulses).toEqual([]);
  });

  it('pulses from the EU to the UK when an EU route changes status and the UK moves', () => {
    const route = scenario.routes.find((r) => r.kind === 'joint-borrowing')!.id;
    const next = withState(start, (d) => {
      d.routes[route]!.status = 'agreed';
      d.actors.uk!.w += 15;
    });
    const d = diffStates(start, next, layout.tethers, hasCard);
    expect(d.pulses).toEqual([tether('uk', 'eu')]);
    expect(d.money).toBe(true);
  });

  it('drops a chip in for a new pledge, turns it solid when real, removes it when withdrawn', () => {
    const conditional = withPledges(start, {
      uk: { amount: 9000, status: 'conditional', condition: 'eu-route-adopted' },
    });
    expect(diffStates(start, conditional, layout.tethers, hasCard).chipIn).toEqual(['uk']);
    const real = withState(conditional, (d) => {
      d.pledges[d.pledges.length - 1]!.status = 'real';
    });
    const toReal = diffStates(conditional, real, layout.tethers, hasCard);
    expect(toReal.chipReal).toEqual(['uk']);
    expect(toReal.chipIn).toEqual([]);
    const gone = withState(real, (d) => {
      d.pledges[d.pledges.length - 1]!.status = 'withdrawn';
    });
    expect(diffStates(real, gone, layout.tethers, hasCard).chipOut).toEqual(['uk']);
  });
});

describe('chipsOf', () => {
  it('sums live pledges per card, dashed while any waits, and shows donors on Ukraine', () => {
    const s = withPledges(start, {
      imf: { amount: 1400, status: 'conditional', condition: 'lender-board' },
      donors: { amount: 2000 },
    });
    const chips = chipsOf(s, hasCard);
    expect(chips.get('imf')).toEqual({
      host: 'imf',
      amount: 1400,
      conditional: true,
      hosted: false,
    });
    expect(chips.get('ukraine')).toEqual({
      host: 'ukraine',
      amount: 2000,
      conditional: false,
      hosted: true,
    });
    expect(chips.has('donors')).toBe(false);
  });
});
