import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import {
  actorDef,
  createGame,
  routeOfKind,
  type GameState,
  type RouteTerms,
  type Scenario,
} from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { newGame, play, scenario, withActor, withCommitments, withState } from '../helpers/game';

// The governments behave as the real ones said they would (facts.md, review notes). Each test
// compares two worlds that differ in one cause, so it fails if that cause is taken out.

const london = getScenario('london-talks')!;
const member = (s: Scenario, actor: string) => actorDef(s, actor).members[0]!;
const ballot = (
  s: Scenario,
  state: GameState,
  actor: string,
  kind: 'reparations-loan' | 'joint-borrowing' | 'asset-lock',
  terms: RouteTerms,
  mode: 'qmv' | 'unanimity' | 'enhanced' = 'qmv',
) => actorRuntime.vote(s, state, actor, member(s, actor), routeOfKind(s, kind)!, terms, mode);

describe('a commitment is to one route and its terms', () => {
  const state = createGame(london, actorRuntime).start(1, 'standard');
  const loan = routeOfKind(london, 'reparations-loan')!;
  const use: RouteTerms = { size: 150, guarantee: 'uncapped', liquidity: true, legalShields: true };
  const seize: RouteTerms = { ...use, size: loan.sizes.find((s) => s.seize)!.size };
  const germanyIn = withCommitments(state, {
    germany: { guarantee: 'uncapped', buyEuropean: true },
  });

  it('Germany, committed to a loan, backs the loan but never a seizure (its red line)', () => {
    expect(ballot(london, germanyIn, 'germany', 'reparations-loan', use).vote).toBe('yes');
    const v = ballot(london, germanyIn, 'germany', 'reparations-loan', seize);
    expect(v.vote).toBe('no');
    expect(v.reason).toMatch(/red line/i);
    expect(v.reason).toMatch(/seizure/i);
  });

  it('France, Belgium and the ECB hold the same red line; the hawks do not', () => {
    for (const id of ['france', 'belgium', 'ecb']) {
      const def = actorDef(london, id);
      expect(
        def.conditions?.some((c) => c.code === 'no-seizure' && c.redLine),
        id,
      ).toBe(true);
    }
    expect(actorDef(london, 'hawks').conditions ?? []).toEqual([]);
    const all = withCommitments(state, {
      france: { guarantee: 'uncapped', excludeFrenchBanks: true, buyEuropean: true },
    });
    expect(ballot(london, all, 'france', 'reparations-loan', seize).vote).toBe('no');
  });

  it("the swing states' opt-out for joint borrowing carries nothing to the loan", () => {
    const { state: s0 } = newGame(1);
    const rl = routeOfKind(scenario, 'reparations-loan')!;
    const terms: RouteTerms = { size: 210, guarantee: 'uncapped', liquidity: true };
    const cz = { state: 'CZ', offset: -15 };
    const optedOut = withCommitments(s0, { swing: { optOut: true, buyEuropean: true } });
    const vote = (s: GameState) => actorRuntime.vote(scenario, s, 'swing', cz, rl, terms, 'qmv');
    // Committed to joint borrowing with an opt-out or not committed at all: the same vote.
    expect(vote(optedOut)).toEqual(vote(s0));
    expect(vote(optedOut).reason).not.toMatch(/committed/);
    const jb = routeOfKind(scenario, 'joint-borrowing')!;
    const joint: RouteTerms = { size: 90, optOut: true };
    expect(
      actorRuntime.vote(scenario, optedOut, 'swing', cz, jb, joint, 'unanimity').reason,
    ).toMatch(/committed|stays out/);
  });
});

describe('public pressure moves those it can move', () => {
  const { game, state } = newGame(1);

  it('cannot move the independent ECB, nor Ukraine, which blocks nothing', () => {
    for (const actor of ['ecb', 'ukraine']) {
      const why = game.validate(state, { type: 'pressure.public', actor });
      expect(why, actor).toMatch(actor === 'ecb' ? /independent/ : /blocks nothing/);
    }
    // A government of the Council can be pressed.
    expect(game.validate(state, { type: 'pressure.public', actor: 'italy' })).toBeNull();
  });

  it('two rounds on Washington in week 1 leave it opposed', () => {
    const pressed = play(
      game,
      state,
      { type: 'pressure.public', actor: 'us' },
      { type: 'pressure.public', actor: 'us' },
    );
    const after = play(game, pressed, { type: 'week.end' });
    expect(state.actors.us!.stance).toBe('opposed');
    expect(after.actors.us!.stance).toBe('opposed');
    // The same two rounds on a Council government move it by the full steps.
    const italy = play(
      game,
      state,
      { type: 'pressure.public', actor: 'italy' },
      { type: 'pressure.public', actor: 'italy' },
    );
    const usGain = pressed.actors.us!.pending.reduce((s, p) => s + p.amount, 0);
    const italyGain = italy.actors.italy!.pending.reduce((s, p) => s + p.amount, 0);
    expect(italyGain).toBe(20);
    expect(usGain).toBeLessThanOrEqual(5);
  });
});

describe('Hungary bargains as it did', () => {
  const { state } = newGame(1);
  const joint = (optOut: boolean): RouteTerms => ({ size: 90, ...(optOut ? { optOut } : {}) });

  it('stays out of joint borrowing with an opt-out, and blocks it without one', () => {
    const withOpt = ballot(scenario, state, 'hungary', 'joint-borrowing', joint(true), 'unanimity');
    const without = ballot(
      scenario,
      state,
      'hungary',
      'joint-borrowing',
      joint(false),
      'unanimity',
    );
    expect(withOpt.vote).toBe('abstain');
    expect(withOpt.reason).toMatch(/obligation/);
    expect(without.vote).toBe('no');
  });

  it('abstains on SAFE in the London Talks, as in May 2025', () => {
    const s = createGame(london, actorRuntime).start(1, 'standard');
    const safe = london.routes.find((r) => r.id === 'safe')!;
    const v = actorRuntime.vote(
      london,
      s,
      'hungary',
      member(london, 'hungary'),
      safe,
      { size: 150 },
      'qmv',
    );
    expect(v.vote).toBe('abstain');
  });

  it('objects to the asset lock on legal grounds', () => {
    const v = ballot(scenario, state, 'hungary', 'asset-lock', { size: 210 });
    expect(v.vote).toBe('no');
    expect(v.reason).toMatch(/unlawful|court/);
    expect(v.reason).not.toMatch(/energy/);
  });
});

describe('Japan moves only behind Washington', () => {
  const { state } = newGame(1);
  const ready = withState(withActor(state, 'japan', { w: 90, own: 90 }), (d) => {
    d.g7Basis = 2;
  });

  it('refuses while the US is opposed and accepts once it is not, all else equal', () => {
    const opposed = withActor(ready, 'us', { stance: 'opposed', w: -60 });
    const wary = withActor(ready, 'us', { stance: 'wary', w: -20 });
    const offer = { nonMilitary: true };
    expect(actorRuntime.offer(scenario, opposed, 'japan', offer).verdict).not.toBe('accept');
    expect(actorRuntime.offer(scenario, opposed, 'japan', offer).reason).toMatch(/Washington/);
    expect(actorRuntime.offer(scenario, wary, 'japan', offer).verdict).toBe('accept');
  });
});
