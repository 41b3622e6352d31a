import { seedRng } from './rng';
import type { Draft } from 'immer';
import type { ActorRuntime } from './runtime';
import type {
  ActorState,
  Difficulty,
  GameState,
  LogCode,
  LogEntry,
  LogKind,
  NudgeCode,
  Pledge,
  RouteState,
  Scenario,
} from './types';
import { formatDate } from './calendar';

/**
 * Queues an effect on an actor for the end of the week, if the scenario has that actor. Added
 * objects are frozen (as log entries are) so that Immer need not walk them when it finalizes.
 */
export function nudge(
  d: Draft<GameState>,
  id: string,
  amount: number,
  code: NudgeCode,
  cause: string,
): void {
  d.actors[id]?.pending.push(Object.freeze({ amount, code, cause }));
}

/** Whose the donors' bridge money is: no actor of the scenario, so the money panel names it. */
export const DONORS = 'donors';
export const DONORS_NAME = 'Donor countries';

/**
 * Adds a pledge made in `week`: real at once without a condition (its money payable `lag` weeks
 * later), else conditional until the condition is met. Frozen, like every record added to a draft.
 * Returns false, adding nothing, when the actor already has a live pledge.
 */
export function addPledge(
  d: Draft<GameState>,
  p: Pick<Pledge, 'id' | 'actor' | 'amount' | 'condition' | 'conditionText' | 'week'>,
  lag: number,
): boolean {
  // Money is counted once: an actor with a live pledge (conditional, or real even if already
  // paid) pledges nothing more, whatever its machine asks; only a withdrawn pledge frees it.
  if (d.pledges.some((x) => x.actor === p.actor && x.status !== 'withdrawn')) return false;
  d.pledges.push(
    Object.freeze({
      ...p,
      status: p.condition ? 'conditional' : 'real',
      realWeek: p.condition ? null : p.week,
      payableWeek: p.condition ? null : p.week + lag,
    }),
  );
  return true;
}

/**
 * A log line; every entry says why, and actor decisions say what would change them. Frozen when
 * made: nothing edits a log line, and Immer skips frozen objects added to a draft (walking each
 * new line for drafts inside it was a tenth of a game's time).
 */
export function entry(
  week: number,
  code: LogCode,
  actor: string | null,
  text: string,
  reason = '',
  wouldChange = '',
  data?: LogEntry['data'],
): LogEntry {
  const kind = code.slice(0, code.indexOf('.')) as LogKind;
  return Object.freeze(
    data
      ? { week, kind, code, actor, text, reason, wouldChange, data: Object.freeze(data) }
      : { week, kind, code, actor, text, reason, wouldChange },
  );
}

/** News for the start of a week: the fixed calendar entries that fall in it. */
export function calendarNews(scenario: Scenario, week: number): LogEntry[] {
  return scenario.calendar
    .filter((c) => c.week === week)
    .map((c) => entry(week, 'calendar.entry', null, `${formatDate(c.date)}: ${c.title}`, c.text));
}

/** The state of week 1 for a scenario, seed and difficulty. */
export function createInitialState(
  scenario: Scenario,
  seed: number,
  difficulty: Difficulty,
  runtime: ActorRuntime,
): GameState {
  const params = scenario.difficulty[difficulty];
  const actors: Record<string, ActorState> = {};
  for (const def of scenario.actors) {
    const base = Math.max(-100, Math.min(100, def.baseline + params.baselineShift));
    actors[def.id] = {
      id: def.id,
      w: base,
      own: base,
      lift: [],
      changed: null,
      base,
      stance: 'wary',
      machine: { value: 'wary', context: {} },
      credibility: 0,
      pending: [],
      pressured: 0,
      refusals: 0,
      offeredWeek: 0,
      counter: null,
      sounded: false,
      reason: '',
      wouldMove: '',
      sig: '',
    };
  }
  const routes: Record<string, RouteState> = {};
  for (const def of scenario.routes) {
    routes[def.id] = {
      id: def.id,
      status: 'draft',
      terms: null,
      legal: 0,
      tabledWeek: null,
      agreedWeek: null,
      consentWeek: null,
      adoptedWeek: null,
      payableWeek: null,
      blockers: [],
      mode: null,
      overruled: [],
      attempts: 0,
    };
  }
  const news = calendarNews(scenario, 1);
  const state: GameState = {
    v: 1,
    scenario: scenario.id,
    difficulty,
    seed: seed >>> 0,
    rng: seedRng(seed),
    week: 1,
    capital: params.capitalPerWeek,
    unity: scenario.startUnity,
    market: scenario.startMarket,
    russia: scenario.startRussia,
    provocation: 0,
    fear: 0,
    hungaryPrice: params.hungaryPrice,
    g7Basis: 0,
    assetLock: false,
    graceWeeks: 0,
    bridged: { lender: false, donors: false },
    ukraineReform: 'pending',
    actors,
    actorOrder: scenario.actors.map((a) => a.id),
    routes,
    pledges: [],
    promises: [],
    commitments: [],
    firedEvents: [],
    news,
    log: [...news],
    votes: [],
    history: [],
    moves: 0,
    status: 'playing',
    ending: null,
  };
  // Each actor's machine starts from the world as it is in week 1.
  for (const def of scenario.actors) {
    const u = runtime.init(scenario, state, def.id);
    Object.assign(state.actors[def.id]!, u);
  }
  return state;
}
