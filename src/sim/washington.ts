import { belgiumFear } from '../actors';
import {
  guaranteeCoverage,
  isCommitted,
  isSummitWeek,
  type Game,
  type GameState,
  type Move,
  type OfferTerms,
  type RouteTerms,
  type VoteMode,
} from '../engine';
import { BELGIUM_TERMS, firstLegal, GUARANTORS, offer, predictVote, type Policy } from './tactics';

// Washington Opens Talks: strategies for the balance harness (game.md section 11). Each plays one
// answer to "on whose terms?" the way a sensible player would, from what the screen shows
// (stances, vote counts, conditions sounded out). `scripted` is the competent player.

const END: Move = { type: 'week.end' };
const FUND = 'g7-fund';
const JOINT = 'eu-borrowing';
/** The week of the G7 finance ministers (a legal basis in one push). */
const G7_WEEK = 4;

const fundTerms = (size: number): RouteTerms => ({
  size,
  guarantee: 'uncapped',
  liquidity: true,
  legalShields: true,
  excludeFrenchBanks: true,
  buyEuropean: true,
});
const BELGIUM_OFFER: OfferTerms = BELGIUM_TERMS;
const OVERSIGHT_FOR_US: OfferTerms = { guarantee: 'uncapped', oversight: true };

/** A vote the on-screen count says will pass: free at a summit, else once time is short. */
function voteIfPasses(
  game: Game,
  state: GameState,
  route: string,
  modes: VoteMode[],
  from: number,
): Move | null {
  const r = state.routes[route];
  if (!r || r.status !== 'tabled' || !r.terms) return null;
  if (!isSummitWeek(game.scenario, state.week) && state.week < from) return null;
  for (const mode of modes)
    if (predictVote(game.scenario, state, route, mode, r.terms))
      return { type: 'vote.call', route, mode };
  return null;
}

/** Bridge money: the IMF once an EU route is decided, donors when the deadline is close. */
function bridges(state: GameState): Move[] {
  const out: Move[] = [{ type: 'bridge.request', source: 'lender' }];
  if (state.week >= 10) out.push({ type: 'bridge.request', source: 'donors' });
  return out;
}

/** One public push a week: a second one in the same week is mostly lost to the weekly cap. */
const pushedThisWeek = (state: GameState, actor: string) =>
  state.actors[actor]!.pending.some((p) => p.cause === 'public pressure');

/** Kyiv must accept the fund's conditions: lean on it only when that is what holds the money. */
function kyivNudge(state: GameState): Move | null {
  const r = state.routes[FUND]!;
  const ukraine = state.actors.ukraine!;
  const waiting = r.status === 'adopted' && r.payableWeek === null;
  if (!waiting || ukraine.w >= 5 || ukraine.pressured >= 3) return null;
  if (pushedThisWeek(state, 'ukraine')) return null;
  return { type: 'pressure.public', actor: 'ukraine' };
}

/** Congress must not be against when it votes: lean on it if the card shows it wavering. */
function congressNudge(state: GameState): Move | null {
  const congress = state.actors.congress!;
  if (!isCommitted(state, 'us') || state.week < 6 || congress.w >= 8 || congress.pressured >= 3)
    return null;
  if (pushedThisWeek(state, 'congress')) return null;
  return { type: 'pressure.public', actor: 'congress' };
}

/** Japan: non-military use first; benchmarks too (which irk Kyiv) only if that was not enough. */
function japanOffer(game: Game, state: GameState, oversight: boolean): Move | null {
  if (state.g7Basis < 2) return null;
  const japan = state.actors.japan!;
  const terms: OfferTerms =
    oversight && japan.refusals > 0
      ? { nonMilitary: true, oversight: true }
      : { nonMilitary: true };
  return offer(game.scenario, state, 'japan', terms);
}

/** The fund: guarantees, Japan through the G7, Belgium's conditions, a legal review, a vote. */
function fundPlan(game: Game, state: GameState, size: number, withUs: boolean) {
  const sc = game.scenario;
  const route = state.routes[FUND]!;
  const terms = fundTerms(size);
  const fear = belgiumFear(sc, state, terms);
  const coverage = guaranteeCoverage(sc, state);
  return [
    state.week === G7_WEEK && state.g7Basis < 2 && ({ type: 'g7.coordinate' } as const),
    withUs && offer(sc, state, 'us', OVERSIGHT_FOR_US),
    ...GUARANTORS.map(([id, t]) => offer(sc, state, id, t)),
    japanOffer(game, state, true),
    congressNudge(state),
    coverage >= 60 && fear.fear <= fear.threshold && offer(sc, state, 'belgium', BELGIUM_OFFER),
    route.legal < 1 && state.week >= 2 && ({ type: 'legal.work', route: FUND } as const),
    route.status === 'draft' &&
      (isCommitted(state, 'belgium') || state.week >= 8) && {
        type: 'route.table' as const,
        route: FUND,
        terms,
      },
    voteIfPasses(game, state, FUND, ['qmv'], 6),
    kyivNudge(state),
    route.legal < 2 && state.week >= 3 && ({ type: 'legal.work', route: FUND } as const),
    !isCommitted(state, 'belgium') &&
      state.actors.belgium!.pressured < 2 &&
      state.week >= 4 && { type: 'pressure.public' as const, actor: 'belgium' },
    // Without a US guarantee, Italy's uncapped share is needed to cover the fund: press Rome.
    !withUs &&
      !isCommitted(state, 'italy') &&
      state.actors.italy!.pressured < 2 && { type: 'pressure.public' as const, actor: 'italy' },
    !withUs && route.legal < 3 && ({ type: 'legal.work', route: FUND } as const),
    ...bridges(state),
    state.g7Basis < 2 && state.week >= G7_WEEK && ({ type: 'g7.coordinate' } as const),
  ];
}

/**
 * On Washington's terms: the US shares the guarantees in exchange for strict oversight, Congress
 * is promised the same, and the whole G7 lends through the fund.
 */
export const washingtonTermsPolicy: Policy = (game, state) =>
  firstLegal(game, state, fundPlan(game, state, 90, true)) ?? END;

/**
 * On Europe's terms: no US guarantee and no US-written benchmarks (so no Congress vote to wait
 * for, and Kyiv and Paris stay friendly); European guarantors carry the fund alone.
 */
export const europeanTermsPolicy: Policy = (game, state) =>
  firstLegal(game, state, fundPlan(game, state, 140, false)) ?? END;

/** Europe pays alone: the EU's own borrowing, sized up, with Hungary's veto managed early. */
export const europeAlonePolicy: Policy = (game, state) => {
  const sc = game.scenario;
  const route = state.routes[JOINT]!;
  const terms: RouteTerms = { size: 140, optOut: true, buyEuropean: true };
  const hungary = isCommitted(state, 'hungary');
  return (
    firstLegal(game, state, [
      offer(sc, state, 'hungary', { energyAssurance: true, fundsConcession: true }),
      route.status === 'draft' && { type: 'route.table', route: JOINT, terms },
      voteIfPasses(game, state, JOINT, hungary ? ['unanimity', 'enhanced'] : ['enhanced'], 2),
      offer(sc, state, 'swing', { optOut: true, buyEuropean: true }),
      // National guarantees that could replace the budget headroom if Budapest turns again.
      ...GUARANTORS.map(([id, t]) => offer(sc, state, id, t)),
      route.legal < 2 && { type: 'legal.work', route: JOINT },
      ...bridges(state),
      state.g7Basis < 2 && state.week >= G7_WEEK && { type: 'g7.coordinate' },
    ]) ?? END
  );
};

/**
 * Two tracks: the fund (with the US on its terms, or without it on Europe's), and the EU's own
 * borrowing passed early as insurance in case Congress, Kyiv or Japan holds the fund's money.
 */
const twoTracks =
  (withUs: boolean): Policy =>
  (game, state) => {
    const sc = game.scenario;
    const joint = state.routes[JOINT]!;
    const plan = fundPlan(game, state, 90, withUs);
    const hungary = isCommitted(state, 'hungary');
    return (
      firstLegal(game, state, [
        ...plan.slice(0, 3),
        offer(sc, state, 'hungary', { energyAssurance: true, fundsConcession: true }),
        joint.status === 'draft' &&
          state.week >= 2 && {
            type: 'route.table',
            route: JOINT,
            terms: { size: 90, optOut: true, buyEuropean: true },
          },
        voteIfPasses(game, state, JOINT, hungary ? ['unanimity', 'enhanced'] : ['enhanced'], 5),
        ...plan.slice(3),
      ]) ?? END
    );
  };

/** A competent player: two tracks, the fund on Washington's terms. */
export const scriptedPolicy = twoTracks(true);

/**
 * Two tracks on Europe's terms: the fund without a US guarantee or US-written benchmarks, and the
 * EU's own borrowing beside it, so neither Congress nor Japan's share is needed to close the gap.
 */
export const europeanTwoTracksPolicy = twoTracks(false);

/** The scenario's strategies by name (policies.ts adds `random`). */
export const WASHINGTON_POLICIES: Record<string, Policy> = {
  scripted: scriptedPolicy,
  'two-tracks': europeanTwoTracksPolicy,
  'washington-terms': washingtonTermsPolicy,
  'european-terms': europeanTermsPolicy,
  'europe-alone': europeAlonePolicy,
};
