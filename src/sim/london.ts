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
} from '../engine';
import {
  BELGIUM_TERMS,
  bridges,
  firstLegal,
  GUARANTORS,
  offer,
  overrulePlan,
  predictVote,
  type Policy,
} from './tactics';

// The London Talks' strategies (game.md section 11): each plays one lesson of the scenario the
// way a sensible player would, seeing what the screen shows (stances, vote counts, sounded-out
// conditions). `scripted` is the competent player the balance targets speak of.

const END: Move = { type: 'week.end' };
const LOAN = 'assets-loan';
const SAFE = 'safe';
/** Berlin's new government takes office in week 8; before that Germany will not sign. */
const BERLIN_WEEK = 9;
const LOCK = 'art122-lock';
const LAST_SUMMIT = 15;

const loanTerms = (size: number): RouteTerms => ({
  size,
  guarantee: 'uncapped',
  liquidity: true,
  legalShields: true,
  excludeFrenchBanks: true,
  buyEuropean: true,
});
const SAFE_TERMS: RouteTerms = { size: 150, buyEuropean: true, optOut: true };
const BELGIUM_OFFER: OfferTerms = BELGIUM_TERMS;

/** Guarantee offers, Germany's only once its new government sits. */
function guarantors(game: Game, state: GameState): (Move | null)[] {
  return GUARANTORS.filter(([id]) => id !== 'germany' || state.week >= BERLIN_WEEK).map(([id, t]) =>
    offer(game.scenario, state, id, t),
  );
}

/** A vote the on-screen count says will pass: free at a summit, else worth it once time is short. */
function voteIfPasses(game: Game, state: GameState, route: string, from: number): Move | null {
  const r = state.routes[route];
  if (!r || r.status !== 'tabled' || !r.terms) return null;
  if (!predictVote(game.scenario, state, route, 'qmv', r.terms)) return null;
  return isSummitWeek(game.scenario, state.week) || state.week >= from
    ? { type: 'vote.call', route, mode: 'qmv' }
    : null;
}

/** The lock until Russia pays: tabled early, voted in the G7 week when it costs nothing. */
function lockPlan(game: Game, state: GameState): (Move | null | false)[] {
  const lock = state.routes[LOCK]!;
  return [
    lock.status === 'draft' &&
      state.week >= 9 && { type: 'route.table', route: LOCK, terms: { size: 210 } },
    state.week === game.scenario.assetLockWeek &&
      voteIfPasses(game, state, LOCK, game.scenario.assetLockWeek),
  ];
}

/** The asset loan at a size: guarantees, Belgium's conditions, the G7 partners, a vote. */
function loanPlan(
  game: Game,
  state: GameState,
  size: number,
  hold = false,
): (Move | null | false)[] {
  const sc = game.scenario;
  const route = state.routes[LOAN]!;
  const terms = loanTerms(size);
  const fear = belgiumFear(sc, state, terms);
  const ready = isCommitted(state, 'belgium') || guaranteeCoverage(sc, state) >= 75;
  const bigThree = ['germany', 'france', 'italy'].every((id) => isCommitted(state, id));
  // Washington's doubts drag Rome and Tokyo down: until Italy signs, buy Washington's goodwill.
  const lobbying = route.status === 'draft' && !isCommitted(state, 'italy');
  return [
    lobbying && offer(sc, state, 'us', { reconstructionRole: true }),
    state.week === 10 && state.g7Basis < 2 && { type: 'g7.coordinate' },
    ...guarantors(game, state),
    // Belgium wants the other holders in: Japan lends alongside once Washington lets it.
    offer(sc, state, 'japan', { nonMilitary: true }),
    state.actors.us!.stance !== 'opposed' && state.g7Basis < 2 && { type: 'g7.coordinate' },
    bigThree && fear.fear <= fear.threshold && offer(sc, state, 'belgium', BELGIUM_OFFER),
    route.legal < 2 && state.week >= 3 && { type: 'legal.work', route: LOAN },
    ...lockPlan(game, state),
    route.status === 'draft' &&
      ((ready && bigThree && !hold) || state.week >= LAST_SUMMIT) && {
        type: 'route.table',
        route: LOAN,
        terms,
      },
    (ready || state.week >= LAST_SUMMIT) && voteIfPasses(game, state, LOAN, 12),
    !isCommitted(state, 'italy') &&
      state.actors.italy!.pressured < 2 && { type: 'pressure.public', actor: 'italy' },
  ];
}

/** Use, do not seize: a EUR 150 bn loan on the frozen cash with the UK and Canada alongside. */
export const loanPolicy: Policy = (game, state) =>
  firstLegal(game, state, [
    ...loanPlan(game, state, 150),
    ...bridges(state),
    state.g7Basis < 2 && state.week >= 10 && { type: 'g7.coordinate' },
  ]) ?? END;

/** Defence money first: SAFE by qualified majority early, then a smaller loan on the cash. */
export const safePolicy: Policy = (game, state) => {
  const safe = state.routes[SAFE]!;
  return (
    firstLegal(game, state, [
      safe.status === 'draft' && { type: 'route.table', route: SAFE, terms: SAFE_TERMS },
      voteIfPasses(game, state, SAFE, 4),
      ...loanPlan(game, state, 100),
      ...bridges(state),
    ]) ?? END
  );
};

/**
 * Seize outright: a seizure pays out only with Belgium's yes (outvoted, it keeps the money in
 * court), so this player builds everything Belgium asks for first: Washington on side so that
 * Rome (and with it Berlin's guarantee) signs, the assets locked, the text court-proof, and
 * little public pressure to provoke Moscow. It tables the seizure at a summit where both the
 * count and Belgium say yes, and never falls back to a loan.
 */
export const seizurePolicy: Policy = (game, state) => {
  const sc = game.scenario;
  const route = state.routes[LOAN]!;
  const us = state.actors.us!;
  const seize = loanTerms(210);
  const belgiumYes = () => {
    const f = belgiumFear(sc, state, seize);
    return f.fear <= f.threshold;
  };
  return (
    firstLegal(game, state, [
      route.status === 'draft' &&
        !isCommitted(state, 'us') &&
        offer(sc, state, 'us', { reconstructionRole: true }),
      route.legal < 3 && state.week >= 3 && { type: 'legal.work', route: LOAN },
      ...guarantors(game, state),
      ...lockPlan(game, state),
      route.status === 'draft' &&
        isSummitWeek(sc, state.week) &&
        predictVote(sc, state, LOAN, 'qmv', seize) &&
        belgiumYes() && { type: 'route.table', route: LOAN, terms: seize },
      route.status === 'tabled' && { type: 'vote.call', route: LOAN, mode: 'qmv' },
      !isCommitted(state, 'us') &&
        us.pressured < 2 &&
        state.week <= 8 && { type: 'pressure.public', actor: 'us' },
      ...bridges(state),
    ]) ?? END
  );
};

/**
 * Washington first: a role in rebuilding Ukraine stops its lobbying, so Rome signs, and with a
 * G7 legal basis Tokyo lends alongside. Tabling the loan then breaks the promise to Washington
 * (using the assets takes its bargaining chip away), so the loan waits until Japan has signed,
 * and this player never buys Washington a second time.
 */
export const usDealPolicy: Policy = (game, state) => {
  const sc = game.scenario;
  const draft = state.routes[LOAN]!.status === 'draft';
  const usIn = isCommitted(state, 'us');
  return (
    firstLegal(game, state, [
      draft && offer(sc, state, 'us', { reconstructionRole: true }),
      draft && !usIn && state.actors.us!.pressured < 2 && { type: 'pressure.public', actor: 'us' },
      usIn && state.g7Basis < 2 && { type: 'g7.coordinate' },
      offer(sc, state, 'japan', { nonMilitary: true }),
      ...loanPlan(game, state, 100, !isCommitted(state, 'japan')),
      ...bridges(state),
    ]) ?? END
  );
};

/** A competent player: SAFE early, the loan on the cash once Berlin moves, partners alongside. */
export const scriptedPolicy: Policy = (game, state, dice) => {
  const sc = game.scenario;
  const safe = state.routes[SAFE]!;
  const us = state.actors.us!;
  // While Washington lobbies Rome, Italy will not sign and Germany's guarantee waits for it.
  const lobbying = us.stance === 'opposed' && state.week <= 7;
  const m = firstLegal(game, state, [
    lobbying && offer(sc, state, 'us', { reconstructionRole: true }),
    lobbying && us.pressured < 2 && { type: 'pressure.public', actor: 'us' },
    safe.status === 'draft' && { type: 'route.table', route: SAFE, terms: SAFE_TERMS },
    safe.status === 'tabled' && voteIfPasses(game, state, SAFE, 4),
  ]);
  return m ?? loanPolicy(game, state, dice);
};

/**
 * The London Talks' strategies (with `random`, added where they are registered, in policies.ts):
 * `scripted` is the competent player of the balance targets.
 */
export const LONDON_POLICIES: Record<string, Policy> = {
  scripted: scriptedPolicy,
  'asset-loan': loanPolicy,
  'safe-loans': safePolicy,
  seizure: seizurePolicy,
  'us-deal': usDealPolicy,
  overrule: overrulePlan(loanTerms(150)),
};
