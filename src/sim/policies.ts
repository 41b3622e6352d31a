import {
  commitmentOf,
  isCommitted,
  isSummitWeek,
  legalMoves,
  routeOfKind,
  type Game,
  type GameState,
  type Move,
  type RouteTerms,
  type Scenario,
  type VoteMode,
} from '../engine';
import { coachPolicy } from './coach';
import { HISTORY_POLICIES } from './history';
import { LONDON_POLICIES } from './london';
import { SEARCH_DEFAULTS, searchPolicy, type SearchOptions } from './search';
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
import { WASHINGTON_POLICIES } from './washington';

// Bots that play the game headless. A policy picks the next move from the state; it may use the
// same information a player sees on screen (stances, vote counts, conditions sounded out).
// The pieces every scenario's strategies share are in tactics.ts, which london.ts and
// washington.ts import instead of this file; re-exported here for the harness and the tests.
export { bridges, firstLegal, GUARANTORS, offer, predictVote, type Policy } from './tactics';

const END: Move = { type: 'week.end' };

/** Uniform over the moves the engine accepts now. */
export const randomPolicy: Policy = (game, state, dice) => {
  const moves = legalMoves(game.scenario, state);
  return moves[dice.int(0, moves.length - 1)] ?? END;
};

/** Repeats one kind of move (optionally at one target) every week it is allowed. */
export function repeatPolicy(spec: string): Policy {
  const [type, target] = spec.split(':');
  return (game, state, dice) => {
    const options = legalMoves(game.scenario, state).filter((m) => {
      if (m.type !== type) return false;
      if (!target) return true;
      return ('actor' in m && m.actor === target) || ('route' in m && m.route === target);
    });
    return options.length ? options[dice.int(0, options.length - 1)]! : END;
  };
}

const LOAN_TERMS: RouteTerms = {
  size: 140,
  guarantee: 'uncapped',
  liquidity: true,
  legalShields: true,
  excludeFrenchBanks: true,
  buyEuropean: true,
};

/** Sounding out governments not yet consulted, while EU unity is short of Parliament's bar. */
export function consultations(scenario: Scenario, state: GameState): Move[] {
  if (state.unity >= 55) return [];
  return scenario.actors
    .filter((a) => a.members.length && !state.actors[a.id]!.sounded)
    .map((a) => ({ type: 'actor.sound', actor: a.id }));
}

function voteIfPasses(
  game: Game,
  state: GameState,
  routeId: string,
  modes: VoteMode[],
): Move | null {
  const r = state.routes[routeId];
  if (!r || r.status !== 'tabled' || !r.terms) return null;
  const summit = isSummitWeek(game.scenario, state.week);
  // Outside a summit a vote costs capital: worth it only when it passes and time is short.
  for (const mode of modes) {
    if (!predictVote(game.scenario, state, routeId, mode, r.terms)) continue;
    if (summit || state.week >= 5) return { type: 'vote.call', route: routeId, mode };
  }
  return null;
}

/**
 * Reparations Loan on Belgium's terms: uncapped guarantees from the large states, then Belgium,
 * then the vote. With Washington: first buy the US off (it holds Rome and Tokyo back), and
 * bring Japan in as another holder and lender.
 */
const loanPlan =
  (withWashington: boolean): Policy =>
  (game, state) => {
    const sc = game.scenario;
    const rl = routeOfKind(sc, 'reparations-loan')!.id;
    const route = state.routes[rl]!;
    const bigThree = ['germany', 'france', 'italy'].every((id) => isCommitted(state, id));
    const pick = firstLegal(game, state, [
      withWashington && offer(sc, state, 'us', { reconstructionRole: true }),
      state.week === 3 && { type: 'g7.coordinate' },
      ...GUARANTORS.map(([id, t]) => offer(sc, state, id, t)),
      bigThree && offer(sc, state, 'belgium', BELGIUM_TERMS),
      !isCommitted(state, 'italy') && route.legal < 3 && { type: 'legal.work', route: rl },
      !isCommitted(state, 'italy') &&
        (!withWashington || isCommitted(state, 'us')) &&
        state.actors.italy!.pressured < 2 && { type: 'pressure.public', actor: 'italy' },
      withWashington &&
        !isCommitted(state, 'us') &&
        state.actors.us!.pressured < 2 && { type: 'pressure.public', actor: 'us' },
      withWashington && offer(sc, state, 'japan', { nonMilitary: true }),
      route.status === 'draft' &&
        isCommitted(state, 'belgium') && {
          type: 'route.table',
          route: rl,
          terms: LOAN_TERMS,
        },
      voteIfPasses(game, state, rl, ['qmv']),
      ...consultations(sc, state),
      route.legal < 3 && { type: 'legal.work', route: rl },
      ...bridges(state),
      state.g7Basis < 2 && { type: 'g7.coordinate' },
    ]);
    return pick ?? END;
  };

export const loanPolicy = loanPlan(false);
export const g7LoanPolicy = loanPlan(true);

export const overrulePolicy = overrulePlan(LOAN_TERMS);

/** Joint EU borrowing with early veto management: pay Hungary before its price rises. */
export const jointPolicy: Policy = (game, state) => {
  const sc = game.scenario;
  const jb = routeOfKind(sc, 'joint-borrowing')!.id;
  const route = state.routes[jb]!;
  const terms: RouteTerms = { size: 140, optOut: true, buyEuropean: true };
  const pick = firstLegal(game, state, [
    offer(sc, state, 'hungary', { energyAssurance: true, fundsConcession: true }),
    state.week === 3 && { type: 'g7.coordinate' },
    route.status === 'draft' && { type: 'route.table', route: jb, terms },
    voteIfPasses(
      game,
      state,
      jb,
      isCommitted(state, 'hungary') ? ['unanimity', 'enhanced'] : ['enhanced'],
    ),
    offer(sc, state, 'swing', { optOut: true, buyEuropean: true }),
    // Early veto management: national guarantees that could replace the budget headroom.
    ...GUARANTORS.map(([id, t]) => offer(sc, state, id, t)),
    route.legal < 2 && { type: 'legal.work', route: jb },
    ...bridges(state),
    state.g7Basis < 2 && { type: 'g7.coordinate' },
  ]);
  return pick ?? END;
};

/** A US deal that unlocks Japan (and Italy), then joint borrowing with the G7 money. */
export const usDealPolicy: Policy = (game, state) => {
  const sc = game.scenario;
  const jb = routeOfKind(sc, 'joint-borrowing')!.id;
  const route = state.routes[jb]!;
  const terms: RouteTerms = { size: 90, optOut: true, buyEuropean: true };
  const pick = firstLegal(game, state, [
    offer(sc, state, 'us', { reconstructionRole: true }),
    // The G7 call (week 3) brings Washington's Treasury to a common line: a second chance.
    sc.g7Weeks.includes(state.week) && state.g7Basis < 2 && { type: 'g7.coordinate' },
    !isCommitted(state, 'us') &&
      state.actors.us!.pressured < 3 && { type: 'pressure.public', actor: 'us' },
    state.week >= 3 && state.g7Basis < 2 && { type: 'g7.coordinate' },
    offer(sc, state, 'japan', { nonMilitary: true }),
    offer(sc, state, 'swing', { optOut: true, buyEuropean: true }),
    route.status === 'draft' && { type: 'route.table', route: jb, terms },
    voteIfPasses(game, state, jb, ['enhanced', 'unanimity']),
    // The deal costs unity; Parliament's consent needs it back: consult the capitals.
    ...consultations(sc, state),
    ...GUARANTORS.map(([id, t]) => offer(sc, state, id, t)),
    route.legal < 2 && { type: 'legal.work', route: jb },
    ...bridges(state),
  ]);
  return pick ?? END;
};

/** A competent player: runs the loan plan, and turns to joint borrowing if Belgium will not move. */
export const scriptedPolicy: Policy = (game, state, dice) => {
  const rl = routeOfKind(game.scenario, 'reparations-loan')!.id;
  const r = state.routes[rl]!;
  const belgiumOut = state.week >= 8 && !isCommitted(state, 'belgium') && r.status === 'draft';
  if (belgiumOut || commitmentOf(state, 'hungary')) return jointPolicy(game, state, dice);
  return g7LoanPolicy(game, state, dice);
};

/** The December Summit's strategies: `scripted` is the competent player of the balance targets. */
export const POLICIES: Record<string, Policy> = {
  random: randomPolicy,
  scripted: scriptedPolicy,
  loan: loanPolicy,
  'g7-loan': g7LoanPolicy,
  overrule: overrulePolicy,
  joint: jointPolicy,
  'us-deal': usDealPolicy,
};

/**
 * Each scenario's strategies by name. Every scenario has `random` and a competent `scripted`
 * player (game.md section 11), and at least three distinct winning strategies.
 */
export const STRATEGIES: Record<string, Record<string, Policy>> = {
  'december-summit': POLICIES,
  'london-talks': { random: randomPolicy, ...LONDON_POLICIES },
  'washington-talks': { random: randomPolicy, ...WASHINGTON_POLICIES },
};

/**
 * The search player of a scenario (search.ts): rollouts of each of its named strategies (not the
 * random player) from the current state, with fresh randomness. Null for a scenario without
 * strategies. A new player each call; its memory is per game.
 */
export function searchPlayer(
  scenarioId: string,
  options: SearchOptions = SEARCH_DEFAULTS,
): Policy | null {
  const plans = plansOf(scenarioId);
  return plans && searchPolicy(plans, options);
}

/** A scenario's named strategies without the random player (what search and coach weigh). */
export function plansOf(scenarioId: string): Record<string, Policy> | null {
  if (!Object.hasOwn(STRATEGIES, scenarioId)) return null;
  return Object.fromEntries(
    Object.entries(STRATEGIES[scenarioId]!).filter(([name]) => name !== 'random'),
  );
}

/** A player that follows the coach's every suggestion (coach.ts); null without strategies. */
export function coachPlayer(
  scenarioId: string,
  options: SearchOptions = SEARCH_DEFAULTS,
): Policy | null {
  const plans = plansOf(scenarioId);
  return plans && coachPolicy(plans, options);
}

/** The players that are not strategies of their own: search, the coach and the real path. */
export const SPECIAL_PLAYERS = ['search', 'coach', 'history'] as const;

/**
 * Resolves a policy name for a scenario (the December Summit when none is given), including
 * "repeat:<move type>[:<actor or route>]", which works in every scenario, "search" and "coach" (every
 * scenario with strategies) and "history" (where the real path is on record, history.ts).
 */
export function policyByName(name: string, scenarioId = 'december-summit'): Policy | null {
  if (name.startsWith('repeat:')) return repeatPolicy(name.slice('repeat:'.length));
  if (name === 'search') return searchPlayer(scenarioId);
  if (name === 'coach') return coachPlayer(scenarioId);
  if (name === 'history')
    return Object.hasOwn(HISTORY_POLICIES, scenarioId) ? HISTORY_POLICIES[scenarioId]! : null;
  const own = Object.hasOwn(STRATEGIES, scenarioId) ? STRATEGIES[scenarioId]! : null;
  return own && Object.hasOwn(own, name) ? own[name]! : null;
}
