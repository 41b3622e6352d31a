import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { belgiumFear, perceive } from '../../src/actors/perceive';
import {
  actorDef,
  guaranteeCoverage,
  money,
  routeOfKind,
  type GameState,
  type OfferTerms,
  type RouteTerms,
} from '../../src/engine';
import { predictVote } from '../../src/sim/policies';
import {
  endWeeks,
  finish,
  newGame,
  play,
  scenario,
  untilWeek,
  withActor,
  withCommitments,
  withPledges,
  withState,
} from '../helpers/game';

// The three relationships the game is built around (design section 4). Each test compares two
// worlds that differ in one cause, so it fails if the relationship is taken out of the model.

/** Both worlds of a comparison get the same weekly roll, so only the cause under test differs. */
const ROLL = 50;
/** Offers meet a seeded mood of the meeting; the relationships must hold at either extreme. */
const MOODS = [-10, 0, 10];
const japan = actorDef(scenario, 'japan');
const italy = actorDef(scenario, 'italy');
const reparations = routeOfKind(scenario, 'reparations-loan')!;
const jointBorrowing = routeOfKind(scenario, 'joint-borrowing')!;

function usAt(state: GameState, w: number): GameState {
  const stance = w < -40 ? 'opposed' : w >= 40 ? 'supportive' : w < 0 ? 'wary' : 'conditional';
  return withActor(state, 'us', { w, own: w, base: w, stance });
}

describe('alliance pull: Japan, Italy and the swing states follow the US', () => {
  const { state: start } = newGame();
  const usLow = usAt(start, -60);
  const usHigh = usAt(start, 40);

  it("drags Japan's willingness toward the US and names Washington as the reason", () => {
    const low = perceive(scenario, usLow, japan, ROLL);
    const high = perceive(scenario, usHigh, japan, ROLL);
    expect(low.own).toBe(high.own); // Japan's own view is the same in both worlds
    expect(high.w - low.w).toBeGreaterThanOrEqual(30);
    expect(low.w).toBeLessThan(low.own);
    expect(low.text().reason).toMatch(/Washington/);
    expect(low.text().reason).toMatch(/will not move/i);
  });

  it('caps Japan at wary while the US is opposed, however willing Japan is itself', () => {
    const eager = (s: GameState) =>
      withState(withActor(s, 'japan', { w: 90, own: 90, base: 90 }), (d) => {
        d.g7Basis = 2;
      });
    const low = perceive(scenario, eager(usLow), japan, ROLL);
    const high = perceive(scenario, eager(usHigh), japan, ROLL);
    expect(low.cap).toBe('wary');
    expect(high.cap).toBeNull();
    // The machine obeys the cap: after a week Japan sits at wary with the US opposed ...
    const weekLow = actorRuntime.week(scenario, eager(usLow), { actor: {} });
    const weekHigh = actorRuntime.week(scenario, eager(usHigh), { actor: {} });
    expect(['opposed', 'wary']).toContain(weekLow.updates.japan!.stance);
    // ... and is free to rise above it once Washington is not opposed.
    expect(['conditional', 'supportive']).toContain(weekHigh.updates.japan!.stance);
  });

  it('refuses a non-military offer while the US is opposed, even with a G7 legal basis', () => {
    const terms: OfferTerms = { nonMilitary: true };
    const withBasis = (s: GameState) =>
      withState(withActor(s, 'japan', { w: 80, own: 80 }), (d) => {
        d.g7Basis = 2;
      });
    for (const mood of MOODS) {
      const opposed = actorRuntime.offer(scenario, withBasis(usLow), 'japan', terms, mood);
      expect(opposed.verdict, `mood ${mood}`).not.toBe('accept');
      expect(opposed.pledge).toBeNull();
      expect(opposed.reason).toMatch(/US|Washington/);

      const supportive = actorRuntime.offer(scenario, withBasis(usHigh), 'japan', terms, mood);
      expect(supportive.verdict, `mood ${mood}`).toBe('accept');
      expect(supportive.update.stance).toBe('committed');
      expect(supportive.pledge?.amount).toBeGreaterThan(0);
    }

    const usCommitted = withActor(withBasis(usHigh), 'us', { stance: 'committed' });
    expect(actorRuntime.offer(scenario, usCommitted, 'japan', terms).verdict).toBe('accept');

    // Without the G7 legal basis, even a supportive US is not enough.
    const noBasis = withState(withBasis(usHigh), (d) => {
      d.g7Basis = 0;
    });
    expect(actorRuntime.offer(scenario, noBasis, 'japan', terms).verdict).not.toBe('accept');
  });

  it('pulls Italy and the swing states down with the US', () => {
    for (const id of ['italy', 'swing']) {
      const def = actorDef(scenario, id);
      const low = perceive(scenario, usLow, def, ROLL);
      const high = perceive(scenario, usHigh, def, ROLL);
      expect(low.own).toBe(high.own);
      expect(low.w, id).toBeLessThan(high.w);
    }
    expect(perceive(scenario, usLow, italy, ROLL).text().reason).toMatch(/United States|US/);
  });

  it('an opposed US lobbies Rome and the swing states every week; a supportive one does not', () => {
    const lobbying = (s: GameState) =>
      actorRuntime
        .week(scenario, s, { actor: {} })
        .intents.filter((i) => i.type === 'effect' && i.actor === 'us');
    const targets = lobbying(usAt(start, -80)).map((i) => i.type === 'effect' && i.target);
    expect(targets).toContain('italy');
    expect(targets).toContain('swing');
    expect(targets).not.toContain('japan'); // Japan is pulled, not lobbied
    for (const i of lobbying(usAt(start, -80)))
      if (i.type === 'effect') expect(i.amount).toBeLessThan(0);
    expect(lobbying(usHigh)).toEqual([]);
  });
});

describe("liability fear: Belgium's consent", () => {
  const { state: start } = newGame();
  const fear = (s: GameState, extra: Partial<RouteTerms> = {}) =>
    belgiumFear(scenario, s, extra).fear;
  const CAPPED = { guarantee: 'capped' } as const;
  const GUARANTORS = ['mainstream', 'hawks', 'france', 'italy', 'germany'];
  const covered = (ids: string[]) =>
    withCommitments(start, Object.fromEntries(ids.map((id) => [id, CAPPED])));

  it('falls as guarantee coverage rises', () => {
    let prev = { coverage: guaranteeCoverage(scenario, start), fear: fear(start) };
    expect(prev.fear).toBeGreaterThan(0);
    for (let n = 1; n <= GUARANTORS.length; n++) {
      const s = covered(GUARANTORS.slice(0, n));
      const next = { coverage: guaranteeCoverage(scenario, s), fear: fear(s) };
      expect(next.coverage, GUARANTORS[n - 1]).toBeGreaterThan(prev.coverage);
      if (prev.fear > 0) expect(next.fear, GUARANTORS[n - 1]).toBeLessThan(prev.fear);
      prev = next;
    }
    expect(fear(covered(GUARANTORS))).toBeLessThan(fear(start));
  });

  it('counts uncommitted actors for nothing, and uncapped guarantees as full cover', () => {
    const offeredOnly = withState(start, (d) => {
      d.commitments.push({
        actor: 'mainstream',
        week: 1,
        terms: CAPPED,
        route: 'reparations-loan',
        condition: '',
      });
    });
    expect(fear(offeredOnly)).toBe(fear(start)); // a commitment without the committed stance
    const half = covered(['mainstream', 'hawks', 'france']);
    expect(guaranteeCoverage(scenario, half)).toBeGreaterThanOrEqual(50);
    expect(fear(half, { guarantee: 'uncapped' })).toBeLessThan(fear(half, { guarantee: 'capped' }));
  });

  it('falls with a liquidity mechanism, legal shields and other holders joining', () => {
    expect(fear(start, { liquidity: true })).toBeLessThan(fear(start));
    expect(fear(start, { legalShields: true })).toBeLessThan(fear(start));
    const holders = withPledges(start, { uk: { amount: 9000 }, canada: { amount: 3000 } });
    expect(belgiumFear(scenario, holders).holders).toEqual(['uk', 'canada']);
    expect(fear(holders)).toBeLessThan(fear(start));
    const withdrawn = withPledges(start, { uk: { status: 'withdrawn' } });
    expect(fear(withdrawn)).toBe(fear(start));
  });

  it('rises with Russian retaliation and market stress', () => {
    const russia = (level: number) => withState(start, (d) => void (d.russia = level));
    const market = (m: number) => withState(start, (d) => void (d.market = m));
    expect(fear(russia(3))).toBeGreaterThan(fear(russia(1)));
    expect(fear(russia(4))).toBeGreaterThan(fear(russia(3)));
    expect(fear(market(80))).toBeGreaterThan(fear(market(20)));
    const lawsuits = withState(start, (d) => void (d.fear += 10));
    expect(fear(lawsuits)).toBeGreaterThan(fear(start));
  });

  const BE = { state: 'BE', offset: 0 };
  const vote = (s: GameState, terms: RouteTerms) =>
    actorRuntime.vote(scenario, s, 'belgium', BE, reparations, terms, 'qmv');
  const LOAN: RouteTerms = { size: reparations.sizes[0]!.size, guarantee: 'capped' };
  const BIG3 = ['germany', 'france', 'italy'];
  const UNCAPPED = { guarantee: 'uncapped' } as const;
  /** Every condition of Belgium's met: uncapped guarantees from the big three, three holders. */
  const sharedFully = withPledges(
    withCommitments(start, Object.fromEntries(BIG3.map((id) => [id, UNCAPPED]))),
    { uk: { amount: 9000 }, canada: { amount: 3000 }, japan: { amount: 26000 } },
  );
  const FULL: RouteTerms = { ...LOAN, guarantee: 'uncapped', liquidity: true, legalShields: true };

  it('votes no on the loan at the start, naming its unmet conditions', () => {
    expect(vote(start, LOAN).vote).toBe('no');
    expect(vote(start, LOAN).reason).toMatch(/uncapped/i);
    expect(vote(start, LOAN).reason).toMatch(/fear/i);
  });

  it('votes yes with its three conditions met and its fear within tolerance', () => {
    const f = belgiumFear(scenario, sharedFully, FULL);
    expect(f.fear).toBeLessThanOrEqual(f.threshold);
    expect(vote(sharedFully, FULL).vote).toBe('yes');
  });

  it('never consents to capped guarantees, however calm it is (the talks broke on "uncapped")', () => {
    // Two worlds differing in one cause: the same calm world, capped or uncapped.
    const calm = withState(sharedFully, (d) => {
      d.russia = 0;
      d.market = 0;
      d.fear = 0;
    });
    expect(vote(calm, FULL).vote).toBe('yes');
    expect(vote(calm, { ...FULL, guarantee: 'capped' }).vote).toBe('no');
    for (const mood of MOODS) {
      const { guarantee: _, ...rest } = FULL;
      void _;
      expect(
        actorRuntime.offer(scenario, calm, 'belgium', { ...rest, guarantee: 'uncapped' }, mood)
          .verdict,
      ).toBe('accept');
      expect(
        actorRuntime.offer(scenario, calm, 'belgium', { ...rest, guarantee: 'capped' }, mood)
          .verdict,
      ).not.toBe('accept');
    }
  });

  it('needs each condition: take one away and it says no', () => {
    const calm = withState(sharedFully, (d) => void (d.fear = 0));
    expect(vote(calm, FULL).vote).toBe('yes');
    expect(vote(calm, { ...FULL, liquidity: false }).vote).toBe('no');
    // Italy's guarantee capped instead of uncapped: risk is not fully shared.
    const italyCapped = withCommitments(calm, { italy: { guarantee: 'capped' } });
    expect(vote(italyCapped, FULL).vote).toBe('no');
    // Only two other holders joined (France keeps its banks' holdings out).
    const twoHolders = withState(
      withPledges(
        withCommitments(start, {
          germany: UNCAPPED,
          france: { ...UNCAPPED, excludeFrenchBanks: true },
          italy: UNCAPPED,
        }),
        { uk: { amount: 9000 }, canada: { amount: 3000 } },
      ),
      (d) => void (d.fear = 0),
    );
    expect(vote(twoHolders, FULL).vote).toBe('no');
  });

  // A grid of worlds and loan terms: the vote follows its rule exactly, both ways.
  const worlds: [string, GameState][] = [];
  for (const n of [0, 2, 3])
    for (const russia of [1, 3])
      for (const market of [20, 70])
        worlds.push([
          `${n} uncapped guarantors, russia ${russia}, market ${market}`,
          withState(
            withPledges(
              withCommitments(
                start,
                Object.fromEntries(BIG3.slice(0, n).map((id) => [id, UNCAPPED])),
              ),
              { uk: {}, canada: {}, japan: {} },
            ),
            (d) => {
              d.russia = russia;
              d.market = market;
            },
          ),
        ]);
  const loanTerms: RouteTerms[] = [];
  for (const guarantee of ['capped', 'uncapped'] as const)
    for (const liquidity of [false, true])
      for (const legalShields of [false, true])
        loanTerms.push({ size: LOAN.size, guarantee, liquidity, legalShields });
  const consents = (s: GameState, terms: RouteTerms) => {
    const f = belgiumFear(scenario, s, terms);
    const shared =
      terms.guarantee === 'uncapped' &&
      BIG3.every((id) =>
        s.commitments.some((c) => c.actor === id && c.terms.guarantee === 'uncapped'),
      );
    return shared && !!terms.liquidity && f.holders.length >= 3 && f.fear <= f.threshold;
  };

  it('votes yes exactly when its conditions hold and its fear is within its threshold', () => {
    const seen = new Set<string>();
    for (const [label, s] of worlds)
      for (const terms of loanTerms) {
        const expected = consents(s, terms) ? 'yes' : 'no';
        expect(vote(s, terms).vote, `${label}, ${JSON.stringify(terms)}`).toBe(expected);
        seen.add(expected);
      }
    expect([...seen].sort()).toEqual(['no', 'yes']);
  });

  it('accepts an offer exactly when its conditions hold and its fear is within the threshold', () => {
    const offers: OfferTerms[] = [];
    for (const guarantee of [undefined, 'capped', 'uncapped'] as const)
      for (const liquidity of [false, true])
        for (const legalShields of [false, true]) {
          const t: OfferTerms = {};
          if (guarantee) t.guarantee = guarantee;
          if (liquidity) t.liquidity = true;
          if (legalShields) t.legalShields = true;
          if (Object.keys(t).length) offers.push(t);
        }
    const verdicts = new Set<string>();
    for (const [label, s] of worlds)
      for (const terms of offers)
        for (const mood of MOODS) {
          const reply = actorRuntime.offer(scenario, s, 'belgium', terms, mood);
          const ok = consents(s, { size: LOAN.size, ...terms });
          expect(
            reply.verdict === 'accept',
            `${label}, mood ${mood}, ${JSON.stringify(terms)}`,
          ).toBe(ok);
          verdicts.add(reply.verdict === 'accept' ? 'accept' : 'refuse');
        }
    expect([...verdicts].sort()).toEqual(['accept', 'refuse']);
  });

  it('votes for joint borrowing, the alternative its government pushed for', () => {
    const joint: RouteTerms = { size: jointBorrowing.sizes[0]!.size };
    for (const [label, s] of worlds)
      expect(
        actorRuntime.vote(scenario, s, 'belgium', BE, jointBorrowing, joint, 'unanimity').vote,
        label,
      ).toBe('yes');
  });
});

describe('conditional followers: the UK and Canada pay only if the EU uses the assets', () => {
  const uk = actorDef(scenario, 'uk');
  const ukPledges = (s: GameState) => s.pledges.filter((p) => p.actor === 'uk');
  const ukLine = (s: GameState) => money(scenario, s).lines.find((l) => l.label === uk.name);

  it('the UK makes a visible conditional pledge after week 1 that is not yet money', () => {
    const { game, state } = newGame();
    expect(ukPledges(state)).toEqual([]);
    const s = endWeeks(game, state, 1);
    const [p, ...more] = ukPledges(s);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ status: 'conditional', condition: 'eu-route-adopted' });
    expect(p!.amount).toBeGreaterThan(0);
    expect(p!.conditionText.trim()).not.toBe('');
    expect(p!.payableWeek).toBeNull();
    const m = money(scenario, s);
    expect(m.secured).toBe(0);
    expect(m.pledged).toBeGreaterThanOrEqual(p!.amount);
    expect(ukLine(s)?.status).toBe('pledged');
  });

  it('stays a promise when joint borrowing, which uses no assets, is agreed in a real game', () => {
    const { game, state } = newGame(1);
    let s = play(game, state, {
      type: 'offer.make',
      actor: 'hungary',
      terms: { energyAssurance: true, fundsConcession: true },
    });
    expect(s.actors.hungary!.stance).toBe('committed');
    s = play(game, endWeeks(game, s, 1), {
      type: 'route.table',
      route: jointBorrowing.id,
      terms: { size: jointBorrowing.sizes[0]!.size },
    });
    s = untilWeek(game, s, scenario.summitWeeks[0]!);
    const terms = s.routes[jointBorrowing.id]!.terms!;
    const mode = jointBorrowing.modes.find((m) =>
      predictVote(scenario, s, jointBorrowing.id, m, terms),
    );
    expect(mode, 'joint borrowing should pass at the summit once Hungary is paid').toBeDefined();
    s = play(game, s, { type: 'vote.call', route: jointBorrowing.id, mode: mode! });
    expect(s.routes[jointBorrowing.id]!.status).toBe('agreed');
    s = finish(game, s);
    expect(['agreed', 'adopted']).toContain(s.routes[jointBorrowing.id]!.status);
    expect(ukPledges(s).some((p) => p.status === 'real')).toBe(false);
    expect(ukLine(s)?.status).toBe('pledged');
  });

  it('turns real once the EU lends against the assets, not when joint borrowing is agreed (hand-built)', () => {
    const { game, state } = newGame(2);
    const s = endWeeks(game, state, 2);
    expect(ukPledges(s)[0]?.status).toBe('conditional');
    // Two worlds differing in one cause: which route the EU decided.
    const loanAdopted = withState(s, (d) => {
      const r = d.routes[reparations.id]!;
      r.status = 'adopted';
      r.terms = { size: reparations.sizes[0]!.size, guarantee: 'uncapped', liquidity: true };
      r.agreedWeek = d.week;
      r.payableWeek = d.week + reparations.lag;
    });
    const jointAgreed = withState(s, (d) => {
      const r = d.routes[jointBorrowing.id]!;
      r.status = 'agreed';
      r.terms = { size: jointBorrowing.sizes[0]!.size };
      r.agreedWeek = d.week;
    });
    const next = endWeeks(game, loanAdopted, 1);
    expect(ukPledges(next)[0]).toMatchObject({ status: 'real', realWeek: s.week });
    expect(ukPledges(endWeeks(game, jointAgreed, 1))[0]?.status).toBe('conditional');
    expect(ukPledges(endWeeks(game, s, 1))[0]?.status).toBe('conditional');
  });

  it('never becomes real if no EU route is ever decided', () => {
    const { game, state } = newGame(3);
    let s = state;
    while (s.status === 'playing') {
      s = endWeeks(game, s, 1);
      for (const p of s.pledges.filter((x) => x.condition === 'eu-route-adopted'))
        expect(p.status, `week ${s.week}`).not.toBe('real');
    }
    expect(ukPledges(s).length).toBeGreaterThan(0);
    expect(ukLine(s)?.status).toBe('pledged');
    expect(money(scenario, s).secured).toBe(0);
    // Tabling a route is not deciding it.
    const tabled = finish(
      game,
      play(game, untilWeek(game, newGame(3).state, 2), {
        type: 'route.table',
        route: jointBorrowing.id,
        terms: { size: jointBorrowing.sizes[0]!.size },
      }),
    );
    expect(ukPledges(tabled).some((p) => p.status === 'real')).toBe(false);
  });

  it('a broken promise to the UK withdraws its pledge instead of doubling it', () => {
    // Found by the random-game property: the UK accepts an offer in week 1, a loan tabled without
    // the promised legal shields breaks that promise, and the UK later pledges a second time.
    const { game, state } = newGame(1);
    let s = play(game, state, { type: 'offer.make', actor: 'uk', terms: { legalShields: true } });
    expect(ukPledges(s)).toHaveLength(1);
    s = play(game, endWeeks(game, s, 1), {
      type: 'route.table',
      route: reparations.id,
      terms: { size: reparations.sizes[0]!.size, guarantee: 'capped' },
    });
    expect(s.promises.find((p) => p.actor === 'uk')?.broken).toBe(true);
    while (s.status === 'playing') {
      s = endWeeks(game, s, 1);
      const live = ukPledges(s).filter((p) => p.status !== 'withdrawn');
      expect(live.length, `week ${s.week}: ${JSON.stringify(live)}`).toBeLessThanOrEqual(1);
    }
  });
});
