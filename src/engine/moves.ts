import type { Draft } from 'immer';
import { produce } from './immer';
import {
  actorOfKind,
  euRouteDecided,
  findActorDef,
  isCommitted,
  isSeizure,
  moveCost,
  possessive,
  routeDef,
  verb,
} from './queries';
import type { ActorRuntime, ActorUpdate, OfferReply } from './runtime';
import { addPledge, DONORS, entry, nudge } from './state';
import type {
  ActorState,
  GameState,
  Move,
  MoveResult,
  OfferTerms,
  RouteDef,
  RouteTerms,
  Scenario,
  TermKey,
} from './types';
import { malformedMove } from './move-schema';
import { MODE_WORD, ROUTE_EXCLUDES, ROUTE_TERMS, termsNotKept } from './terms';
import { TERM_KEYS } from './types';
import { castBallots, tally } from './votes';
import { diceFor, OFFER_MOOD } from './rng';
import { endWeek, WORKAROUND_LEGAL } from './turn';

// Player moves: each is validated (a refusal carries a reason and never throws) and then applied
// as an Immer recipe. Actor answers come from the runtime, so the engine stays free of XState.

const PRESSURE_STEPS = [12, 8, 5, 3, 2];
/** Extra provocation and market stress of an outright seizure (only routes with `seize` sizes). */
const SEIZURE_PROVOCATION = 2;
const SEIZURE_MARKET = 10;
const MAX_GRACE = 4;
const MOOD = 10;

function describeTerms(terms: OfferTerms): string {
  const parts: string[] = [];
  if (terms.guarantee) parts.push(`${terms.guarantee} guarantees`);
  if (terms.liquidity) parts.push('a liquidity mechanism');
  if (terms.legalShields) parts.push('legal shields');
  if (terms.excludeFrenchBanks) parts.push("French banks' holdings left out");
  if (terms.buyEuropean) parts.push('a "buy European" clause');
  if (terms.nonMilitary) parts.push('non-military use');
  if (terms.reconstructionRole) parts.push('a role in reconstruction');
  if (terms.energyAssurance) parts.push('an energy assurance');
  if (terms.fundsConcession) parts.push('released EU funds');
  if (terms.optOut) parts.push('an opt-out from guarantees');
  if (terms.oversight) parts.push('strict oversight (benchmarks and audits)');
  return parts.join(', ');
}

export { describeTerms };

function offeredKeys(terms: OfferTerms): TermKey[] {
  return TERM_KEYS.filter((k) => terms[k] !== undefined && terms[k] !== false);
}

/** The mood of the day a government meets an offer in (one draw per government and week). */
function offerMood(state: GameState, actor: string): number {
  return diceFor(state.rng, state.week, OFFER_MOOD, state.actorOrder.indexOf(actor)).int(
    -MOOD,
    MOOD,
  );
}

/** Why a move is not allowed now, or null if it is. */
export function validateMove(scenario: Scenario, state: GameState, move: Move): string | null {
  const bad = malformedMove(move);
  if (bad) return bad;
  if (state.status !== 'playing') return 'The game is over.';
  const cost = moveCost(scenario, state, move);
  if (cost > state.capital) {
    return `Not enough political capital: this costs ${cost} and you have ${state.capital} left this week.`;
  }
  const actorCheck = (id: string): string | null => {
    const def = findActorDef(scenario, id);
    if (!def) return `There is no actor called "${id}" in this scenario.`;
    return null;
  };
  switch (move.type) {
    case 'week.end':
      return null;
    case 'actor.sound': {
      const bad = actorCheck(move.actor);
      if (bad) return bad;
      if (findActorDef(scenario, move.actor)?.kind === 'adversary')
        return 'Russia is not at the table: it cannot be sounded out.';
      return null;
    }
    case 'offer.make': {
      const bad = actorCheck(move.actor);
      if (bad) return bad;
      const def = findActorDef(scenario, move.actor)!;
      if (def.terms.length === 0) return `${def.name} does not negotiate terms.`;
      const keys = offeredKeys(move.terms);
      if (keys.length === 0) return 'An offer needs at least one term.';
      const foreign = keys.filter((k) => !def.terms.includes(k));
      if (foreign.length) return `${def.name} has no say over: ${foreign.join(', ')}.`;
      if (
        move.terms.guarantee !== undefined &&
        !['capped', 'uncapped'].includes(move.terms.guarantee)
      )
        return 'A guarantee is either capped or uncapped.';
      if (isCommitted(state, move.actor)) return `${def.name} has already committed.`;
      if (state.actors[move.actor]!.offeredWeek === state.week)
        return `${def.name} has already answered an offer this week${state.actors[move.actor]!.counter ? '; its counter-offer still stands' : ''}.`;
      return promisesOffTable(scenario, state, move.terms);
    }
    case 'counter.accept': {
      const bad = actorCheck(move.actor);
      if (bad) return bad;
      const def = findActorDef(scenario, move.actor)!;
      if (isCommitted(state, move.actor)) return `${def.name} has already committed.`;
      const counter = state.actors[move.actor]!.counter;
      if (!counter || counter.week !== state.week)
        return `${def.name} has no counter-offer standing: one stands until the week ends or a route is tabled or voted on.`;
      return promisesOffTable(scenario, state, counter.terms);
    }
    case 'pressure.public': {
      const bad = actorCheck(move.actor);
      if (bad) return bad;
      const def = findActorDef(scenario, move.actor)!;
      if (def.kind === 'adversary' || def.kind === 'lender')
        return `Public pressure on ${def.name} would achieve nothing.`;
      if (def.pressure?.percent === 0) return def.pressure.why;
      if (isCommitted(state, move.actor)) return `${def.name} has already committed.`;
      return null;
    }
    case 'g7.coordinate':
      if (state.g7Basis >= 2) return 'The G7 has already agreed a common line.';
      return null;
    case 'legal.work': {
      const def = scenario.routes.find((r) => r.id === move.route);
      if (!def) return `There is no route called "${move.route}".`;
      const r = state.routes[def.id]!;
      if (r.legal >= 3) return `${def.name} is already as legally robust as it can be.`;
      if (r.status === 'adopted') return `${def.name} is already adopted.`;
      return null;
    }
    case 'route.table': {
      const def = scenario.routes.find((r) => r.id === move.route);
      if (!def) return `There is no route called "${move.route}".`;
      if (state.week < def.openWeek)
        return `${def.name} cannot be tabled before week ${def.openWeek}, when the legal texts exist.`;
      const r = state.routes[def.id]!;
      if (r.status !== 'draft') return `${def.name} is already on the table.`;
      return validateRouteTerms(scenario, def.id, move.terms);
    }
    case 'vote.call': {
      const def = scenario.routes.find((r) => r.id === move.route);
      if (!def) return `There is no route called "${move.route}".`;
      const r = state.routes[def.id]!;
      if (r.status === 'draft') return `${def.name} must be tabled before a vote.`;
      if (r.status === 'agreed' || r.status === 'adopted') return `${def.name} has already passed.`;
      if (!def.modes.includes(move.mode)) return `${def.name} cannot be decided by ${move.mode}.`;
      if (state.votes.some((v) => v.week === state.week && v.route === def.id))
        return `${def.name} was already put to a vote this week.`;
      return null;
    }
    case 'bridge.request': {
      if (state.bridged[move.source]) return 'That bridge has already been arranged.';
      if (move.source === 'lender') {
        const lender = actorOfKind(scenario, 'lender');
        if (!lender) return 'There is no lender for a bridge in this scenario.';
        if (!euRouteDecided(scenario, state))
          return `${lender.name} needs financing assurances: an EU route must be agreed first.`;
        if (state.ukraineReform === 'failed' && state.actors[lender.id]!.w < 20)
          return `${lender.name} is waiting for Ukraine's reforms before it lends.`;
      }
      return null;
    }
  }
}

export function validateRouteTerms(
  scenario: Scenario,
  routeId: string,
  terms: RouteTerms,
): string | null {
  const def = routeDef(scenario, routeId);
  if (!def.sizes.some((s) => s.size === terms.size))
    return `${def.name} can be sized at ${def.sizes.map((s) => `EUR ${s.size} bn`).join(', ')}.`;
  const allowed = ROUTE_TERMS[def.kind];
  const extra = (Object.keys(terms) as (keyof RouteTerms)[]).filter(
    (k) => k !== 'size' && terms[k] !== undefined && terms[k] !== false && !allowed.includes(k),
  );
  if (extra.length)
    return `${def.name} cannot carry ${describeTerms(pick(terms, extra))}${allowed.length ? `; its terms are ${allowed.map(termName).join(', ')}` : ''}.`;
  return null;
}

const pick = (terms: OfferTerms | RouteTerms, keys: readonly string[]): OfferTerms =>
  Object.fromEntries(keys.map((k) => [k, (terms as Record<string, unknown>)[k]])) as OfferTerms;

/** A term's name in words ("a liquidity mechanism"; the guarantee: "guarantees"). */
const termName = (k: TermKey) => (k === 'guarantee' ? 'guarantees' : describeTerms({ [k]: true }));

/**
 * Why an offer may not promise these terms now: a route on the table does not carry them (or
 * rules them out), and a promise must be one the tabled text keeps. Null when it may.
 */
function promisesOffTable(scenario: Scenario, state: GameState, terms: OfferTerms): string | null {
  for (const def of scenario.routes) {
    const r = state.routes[def.id]!;
    if (r.status === 'draft' || !r.terms) continue;
    const notKept = termsNotKept(def, r.terms, terms);
    if (!notKept.length) continue;
    const words = notKept.map((k) =>
      k === 'guarantee'
        ? `${terms.guarantee} guarantees (its text says ${r.terms!.guarantee ?? 'none'})`
        : ROUTE_EXCLUDES[def.kind].includes(k)
          ? `${describeTerms(pick(terms, [k]))} (it puts the assets to use)`
          : describeTerms(pick(terms, [k])),
    );
    return `${def.name} is on the table without ${words.join(' or ')}: an offer cannot promise what the tabled text leaves out.`;
  }
  return null;
}

/** Writes an actor's decision (from the actor runtime) into a draft of its record. */
function applyUpdate(a: Draft<ActorState>, u: ActorUpdate): void {
  a.machine = u.machine as Draft<ActorState['machine']>;
  a.stance = u.stance;
  a.w = u.w;
  a.own = u.own;
  if (u.lift !== a.lift) a.lift = u.lift as Draft<ActorState['lift']>;
  a.reason = u.reason;
  a.wouldMove = u.wouldMove;
  a.sig = u.sig;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Applies a move, or returns the unchanged state with the reason it was refused. */
export function applyMove(
  scenario: Scenario,
  runtime: ActorRuntime,
  state: GameState,
  move: Move,
): MoveResult {
  const refusal = validateMove(scenario, state, move);
  if (refusal) return { ok: false, state, reason: refusal };
  if (move.type === 'week.end') return { ok: true, state: endWeek(scenario, runtime, state) };

  const cost = moveCost(scenario, state, move);
  // Decisions that need the actors are computed on the current (immutable) state first.
  // An offer meets the other side in the mood of the day: one draw per government and week (it
  // hears one offer a week), whatever else was played.
  // Taking a counter-offer is an offer of its terms, met in the same mood as the offer it
  // answered (the one draw of that government and week).
  const offered =
    move.type === 'offer.make'
      ? move.terms
      : move.type === 'counter.accept'
        ? state.actors[move.actor]!.counter!.terms
        : null;
  const reply =
    offered && (move.type === 'offer.make' || move.type === 'counter.accept')
      ? runtime.offer(scenario, state, move.actor, offered, offerMood(state, move.actor))
      : null;
  // A standing counter-offer is one the actor accepts (the runtime's contract); should one not
  // be, the move is refused rather than made into something else.
  if (move.type === 'counter.accept' && reply?.verdict !== 'accept') {
    const name = findActorDef(scenario, move.actor)!.name;
    return {
      ok: false,
      state,
      reason: `${name} no longer stands by its counter-offer: ${reply?.reason ?? ''}`,
    };
  }
  const sound = move.type === 'actor.sound' ? runtime.sound(scenario, state, move.actor) : null;

  const next = produce(state, (d) => {
    d.capital -= cost;
    d.moves += 1;
    const week = d.week;
    const log = (e: ReturnType<typeof entry>) => d.log.push(e);
    switch (move.type) {
      case 'actor.sound': {
        const a = d.actors[move.actor]!;
        const def = findActorDef(scenario, move.actor)!;
        a.sounded = true;
        a.credibility = clamp(a.credibility + 3, -100, 100);
        // Consulting a government builds a little consensus (once per government).
        if (def.members.length && !state.actors[move.actor]!.sounded)
          d.unity = clamp(d.unity + 2, 0, 100);
        log(
          entry(
            week,
            'move.sound',
            move.actor,
            `You sound out ${def.name}.`,
            sound!.text,
            sound!.wouldMove,
          ),
        );
        break;
      }
      case 'offer.make': {
        const def = findActorDef(scenario, move.actor)!;
        const a = d.actors[move.actor]!;
        const r = reply!;
        log(
          entry(
            week,
            'move.offer',
            move.actor,
            `You offer ${def.name}: ${describeTerms(move.terms)}.`,
          ),
        );
        answerOffer(scenario, d, move.actor, move.terms, r);
        a.offeredWeek = week;
        if (r.verdict !== 'accept') a.refusals += 1;
        // Its counter-offer stands for the rest of the week (counter.accept takes it).
        if (r.verdict === 'counter' && r.counter)
          a.counter = Object.freeze({ terms: Object.freeze({ ...r.counter }), week });
        break;
      }
      case 'counter.accept': {
        const def = findActorDef(scenario, move.actor)!;
        log(
          entry(
            week,
            'move.counter',
            move.actor,
            `You accept ${possessive(def.name)} counter-offer: ${describeTerms(offered!)}.`,
          ),
        );
        answerOffer(scenario, d, move.actor, offered!, reply!);
        d.actors[move.actor]!.counter = null;
        break;
      }
      case 'pressure.public': {
        const def = findActorDef(scenario, move.actor)!;
        const a = d.actors[move.actor]!;
        const amount = Math.trunc(
          (PRESSURE_STEPS[Math.min(a.pressured, PRESSURE_STEPS.length - 1)]! *
            (def.pressure?.percent ?? 100)) /
            100,
        );
        a.pressured += 1;
        nudge(d, move.actor, amount, 'pressure', 'public pressure');
        a.credibility = clamp(a.credibility - 8, -100, 100);
        if (def.members.length) d.unity = clamp(d.unity - 3, 0, 100);
        d.provocation += 1;
        log(
          entry(
            week,
            'move.pressure',
            move.actor,
            `You put ${def.name} under public pressure.`,
            `Holding out gets costlier for ${def.name} at home (+${amount} willingness at the end of the week${def.pressure ? `; ${def.pressure.why}` : ''}), but it trusts you less${def.members.length ? ' and EU unity suffers' : ''}; each new round works less well.`,
          ),
        );
        break;
      }
      case 'g7.coordinate': {
        const strong = scenario.g7Weeks.includes(week);
        d.g7Basis = Math.min(2, d.g7Basis + (strong ? 2 : 1));
        for (const n of scenario.g7Nudges ?? []) nudge(d, n.actor, n.amount, 'g7', n.cause);
        log(
          entry(
            week,
            'move.g7',
            null,
            d.g7Basis >= 2
              ? 'The G7 agrees a common line: each partner will act under its own law, together.'
              : 'The G7 issues a joint statement.',
            strong
              ? "In the week of the G7 ministers' call, one push is enough for a common line."
              : 'Outside a G7 meeting, a statement comes first and a common line needs a second push.',
          ),
        );
        break;
      }
      case 'legal.work': {
        const def = routeDef(scenario, move.route);
        const r = d.routes[def.id]!;
        r.legal += 1;
        for (const n of scenario.legalWorkNudges ?? [])
          nudge(d, n.actor, n.amount, 'legal-work', n.cause);
        log(
          entry(
            week,
            'move.legal',
            null,
            `Lawyers strengthen ${def.name} (legal robustness ${r.legal}/3).`,
            def.kind === 'joint-borrowing' && r.legal >= WORKAROUND_LEGAL
              ? 'National guarantees could now stand in for the budget-headroom change, once guarantors covering three quarters have signed: then a single veto can no longer hold the money.'
              : 'A sounder legal basis calms the ECB, Italy and Belgium and makes court challenges less likely to succeed.',
          ),
        );
        break;
      }
      case 'route.table': {
        const def = routeDef(scenario, move.route);
        const r = d.routes[def.id]!;
        r.status = 'tabled';
        r.terms = move.terms;
        r.tabledWeek = week;
        if (def.kind === 'reparations-loan') d.provocation += 2;
        for (const fx of def.tableEffects ?? []) {
          const applies =
            fx.when === 'uncapped'
              ? move.terms.guarantee === 'uncapped'
              : move.terms.size > Math.min(...def.sizes.map((s) => s.size));
          if (applies) for (const n of fx.nudges) nudge(d, n.actor, n.amount, 'table', n.cause);
        }
        const seize = isSeizure(def, move.terms);
        log(
          entry(
            week,
            'move.table',
            null,
            `You table ${def.name} (EUR ${move.terms.size} bn${describeTerms(move.terms) ? `; ${describeTerms(move.terms)}` : ''})${seize ? ': an outright seizure' : ''}.`,
            seize
              ? 'At this size the assets are taken, not lent against: more money, but Russia’s claim of state immunity and worries about the euro weigh on every vote.'
              : '',
          ),
        );
        // An outright seizure (a scenario option) provokes Moscow more than a loan does.
        if (seize) d.provocation += SEIZURE_PROVOCATION;
        lapseCounters(scenario, state, d);
        breakPromises(scenario, runtime, state, d, def, move.terms);
        break;
      }
      case 'vote.call':
        callVote(scenario, runtime, state, d, move.route, move.mode);
        lapseCounters(scenario, state, d);
        break;
      case 'bridge.request': {
        d.bridged[move.source] = true;
        d.graceWeeks = Math.min(MAX_GRACE, d.graceWeeks + 2);
        if (move.source === 'donors') {
          addPledge(
            d,
            {
              id: `bridge-donors-${week}`,
              actor: DONORS,
              amount: 2000,
              condition: null,
              conditionText: '',
              week,
            },
            1,
          );
          log(
            entry(
              week,
              'money.bridge',
              null,
              'Donors arrange a EUR 2 bn bilateral bridge.',
              scenario.bridgeNote ??
                'Bridge money keeps Ukraine paying for about two more weeks: money that lands a little after 1 April still counts.',
            ),
          );
        } else {
          const board = scenario.imfBoardWeek;
          const lender = actorOfKind(scenario, 'lender')!;
          addPledge(
            d,
            {
              id: `bridge-lender-${week}`,
              actor: lender.id,
              amount: 1400,
              condition: week >= board ? null : 'lender-board',
              conditionText: week >= board ? '' : `after the IMF board (week ${board})`,
              week,
            },
            1,
          );
          log(
            entry(
              week,
              'money.bridge',
              lender.id,
              'The IMF agrees to bridge with a first tranche of about EUR 1.4 bn.',
              'With an EU decision in, the IMF has its financing assurances; its money buys about two more weeks.',
            ),
          );
        }
        break;
      }
    }
  });
  return { ok: true, state: next };
}

/**
 * An actor's answer to terms put to it (an offer, or its own counter-offer taken): its decision
 * written into its record, the reply in the log and, when it accepts, the commitment with its
 * promise, pledge and what the promise costs or earns with others. One path for both moves.
 */
function answerOffer(
  scenario: Scenario,
  d: Draft<GameState>,
  actor: string,
  terms: OfferTerms,
  r: OfferReply,
): void {
  const def = findActorDef(scenario, actor)!;
  const a = d.actors[actor]!;
  const week = d.week;
  applyUpdate(a, r.update);
  if (r.effect) nudge(d, actor, r.effect, 'offer', 'your offer');
  const verdictText = {
    accept: verb(def, 'accepts', 'accept'),
    counter: `${verb(def, 'makes a counter-offer', 'make a counter-offer')}: ${describeTerms(r.counter ?? {})}`,
    reject: verb(def, 'rejects', 'reject'),
  }[r.verdict];
  d.log.push(
    entry(
      week,
      `reply.${r.verdict}`,
      actor,
      `${def.name} ${verdictText}.`,
      r.reason,
      r.wouldChange,
    ),
  );
  if (r.verdict !== 'accept') return;
  d.commitments.push(Object.freeze({ actor, week, terms, route: r.route, condition: r.condition }));
  d.promises.push(Object.freeze({ actor, terms, week, broken: false }));
  a.credibility = clamp(a.credibility + 5, -100, 100);
  if (r.pledge) {
    addPledge(
      d,
      {
        id: `${actor}-${week}`,
        actor,
        amount: r.pledge.amount,
        condition: r.pledge.condition,
        conditionText: r.pledge.conditionText,
        week,
      },
      2,
    );
  }
  // What the scenario says these promises cost or earn with others, felt by others.
  const offered = offeredKeys(terms);
  for (const fx of scenario.offerEffects ?? []) {
    if (!fx.terms.some((k) => offered.includes(k))) continue;
    if (fx.unity) d.unity = clamp(d.unity + fx.unity, 0, 100);
    for (const n of fx.nudges)
      if (n.actor !== actor) nudge(d, n.actor, n.amount, 'offer-effect', n.cause);
    if (fx.text)
      d.log.push(entry(week, 'event.offer-effect', fx.actor ?? null, fx.text, fx.reason ?? ''));
  }
}

/**
 * Counter-offers stop standing when the table changes under them (a route tabled or put to the
 * vote): the route at stake, its terms and the custodian's fear were what they were judged on.
 */
function lapseCounters(scenario: Scenario, before: GameState, d: Draft<GameState>): void {
  for (const id of before.actorOrder) {
    if (!before.actors[id]!.counter) continue;
    d.actors[id]!.counter = null;
    const name = findActorDef(scenario, id)?.name ?? id;
    d.log.push(
      entry(
        d.week,
        'decision.counter-lapse',
        id,
        `${possessive(name)} counter-offer lapses.`,
        'A counter-offer holds only on the table it was made at, and a route tabled or voted on changes that table.',
      ),
    );
  }
}

/** Tabling a route whose terms contradict a promise breaks it, in front of everyone. */
function breakPromises(
  scenario: Scenario,
  runtime: ActorRuntime,
  before: GameState,
  d: Draft<GameState>,
  route: RouteDef,
  terms: RouteTerms,
) {
  for (const p of d.promises) {
    if (p.broken) continue;
    const broken = termsNotKept(route, terms, p.terms);
    if (!broken.length) continue;
    p.broken = true;
    const def = findActorDef(scenario, p.actor)!;
    const a = d.actors[p.actor]!;
    a.credibility = clamp(a.credibility - 20, -100, 100);
    for (const other of Object.values(d.actors)) {
      if (other.id !== p.actor && findActorDef(scenario, other.id)?.members.length)
        other.credibility = clamp(other.credibility - 5, -100, 100);
    }
    const idx = d.commitments.findIndex((c) => c.actor === p.actor);
    if (idx >= 0) d.commitments.splice(idx, 1);
    // Money not yet paid goes with the broken promise.
    for (const pledge of d.pledges) {
      if (pledge.actor !== p.actor || pledge.status === 'withdrawn') continue;
      if (pledge.payableWeek === null || pledge.payableWeek > d.week) pledge.status = 'withdrawn';
    }
    const u = runtime.promiseBroken(scenario, before, p.actor);
    applyUpdate(a, u);
    d.log.push(
      entry(
        d.week,
        'decision.promise-broken',
        p.actor,
        `You broke a promise to ${def.name}; its commitment lapses.`,
        `You promised ${describeTerms(p.terms)}, but the tabled text does not keep ${describeTerms(pick(p.terms, broken))}. Every EU government saw it.`,
        'Only a new offer it can trust would bring it back.',
      ),
    );
  }
}

function callVote(
  scenario: Scenario,
  runtime: ActorRuntime,
  before: GameState,
  d: Draft<GameState>,
  routeId: string,
  mode: 'qmv' | 'unanimity' | 'enhanced',
) {
  const def = routeDef(scenario, routeId);
  const r = d.routes[def.id]!;
  const terms = before.routes[def.id]!.terms!;
  const ballots = castBallots(scenario, runtime, before, def, terms, mode);
  const t = tally(scenario.states, ballots, mode);
  r.attempts += 1;
  d.votes.push(
    Object.freeze({
      week: d.week,
      route: def.id,
      mode,
      passed: t.passed,
      yesStates: t.yesStates,
      yesPop: t.yesPop,
      totalPop: t.totalPop,
      ballots,
      summary: t.summary,
    }),
  );
  const against = ballots.filter((b) => b.vote === 'no');
  const why = [
    ...new Set(against.map((b) => `${findActorDef(scenario, b.actor)?.name}: ${b.reason}`)),
  ];
  d.log.push(
    entry(
      d.week,
      'vote.council',
      null,
      `${def.name} (${MODE_WORD[mode]}) ${t.passed ? 'passes' : 'fails'}: ${t.summary}.`,
      why.length ? `Against: ${why.join(' ')}` : 'Nobody voted against.',
    ),
  );
  if (!t.passed) {
    d.unity = clamp(d.unity - 4, 0, 100);
    return;
  }
  r.mode = mode;
  // States that voted no were overruled; overruling a big holder shakes the Union.
  const overruled = [...new Set(against.map((b) => b.actor))];
  r.overruled = overruled;
  if (overruled.length) d.unity = clamp(d.unity - 6 * overruled.length, 0, 100);
  else d.unity = clamp(d.unity + 5, 0, 100);
  if (def.kind === 'asset-lock') {
    r.status = 'adopted';
    r.adoptedWeek = d.week;
    d.assetLock = true;
    d.hungaryPrice = Math.max(0, d.hungaryPrice - 10);
    d.provocation += 1;
    d.log.push(
      entry(
        d.week,
        'money.lock',
        null,
        'The assets are locked until Russia pays.',
        'The freeze no longer needs unanimous renewal every six months, so no single government can release the assets; Belgium worries less about a sudden release, and Hungary loses a lever.',
      ),
    );
  } else if (def.kind === 'reparations-loan') {
    r.status = 'adopted';
    r.agreedWeek = d.week;
    r.adoptedWeek = d.week;
    d.provocation += 3;
    r.blockers = [{ code: 'coverage', text: 'guarantees covering 75% of the loan' }];
    if (isSeizure(def, terms)) {
      // Taking a central bank's reserves outright makes other holders of euros think twice.
      d.market = clamp(d.market + SEIZURE_MARKET, 0, 100);
      d.provocation += SEIZURE_PROVOCATION;
      d.log.push(
        entry(
          d.week,
          'event.seizure',
          null,
          'Markets ask whether reserves are still safe in euros.',
          'An outright seizure of a central bank’s reserves is a first for Europe: investors and other central banks wonder who could be next, and Moscow promises to answer.',
        ),
      );
    }
    const custodian = actorOfKind(scenario, 'custodian');
    if (custodian && overruled.includes(custodian.id)) {
      d.unity = clamp(d.unity - 20, 0, 100);
      d.market = clamp(d.market + 20, 0, 100);
      r.blockers.push({ code: 'court', text: `${custodian.name} challenges the loan in court` });
      d.log.push(
        entry(
          d.week,
          'event.court',
          custodian.id,
          `${custodian.name} is outvoted and goes to court.`,
          isSeizure(def, terms)
            ? 'Overruling the state that holds the money shakes markets and the Union; against an outright seizure its case is state immunity itself, so the money stays frozen while it fights.'
            : 'Overruling the state that holds the money shakes markets and the Union; the loan is delayed unless its legal basis is solid.',
        ),
      );
    }
  } else if (def.adoptedAtVote) {
    // An Article 122 instrument such as SAFE: law once the Council votes, money after its lag.
    r.status = 'adopted';
    r.agreedWeek = d.week;
    r.adoptedWeek = d.week;
    r.payableWeek = d.week + def.lag;
    r.blockers = [];
    d.log.push(
      entry(
        d.week,
        'money.adopted',
        null,
        `${def.name} is adopted; money from week ${r.payableWeek}.`,
        'Under the emergency clause the Council decides alone: no Parliament consent and no act that needs every government.',
      ),
    );
  } else {
    r.status = 'agreed';
    r.agreedWeek = d.week;
    r.blockers = [
      { code: 'parliament', text: 'European Parliament consent' },
      { code: 'unanimity-act', text: 'the budget-headroom act (unanimity)' },
    ];
  }
}
