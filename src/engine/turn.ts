import type { Draft } from 'immer';
import { produce } from './immer';
import { diceFor, WEEK_DRAWS } from './rng';
import {
  actorOfKind,
  possessive,
  findActorDef,
  guaranteeCoverage,
  isCommitted,
  isSeizure,
  money,
  pledgeReady,
  STANCE_RANK,
} from './queries';
import type { ActorRuntime, Intent, WeekRolls } from './runtime';
import { addPledge, calendarNews, entry, nudge } from './state';
import type {
  Blocker,
  GameState,
  LogEntry,
  PayoutGate,
  RandomEventDef,
  Scenario,
  WeekRecord,
} from './types';
import { scoreGame } from './score';
import { castBallots } from './votes';

// The end of a week: events fire, every actor perceives and decides, money moves, the calendar
// advances. Random draws all happen first and in a fixed order, so a week is a pure function.

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

const FOLLOWER_LAG = 2;
// The legal steps' numbers (the route checklist, engine/checklist.ts, says them to players).
export const PAYOUT_COVERAGE = 75;
export const COURT_PROOF_LEGAL = 3;
export const ACTS_DELAY = 3;
export const PLENARY_EVERY = 4;
export const EP_UNITY = 45;
export const WORKAROUND_LEGAL = 2;

function applyEventEffects(d: Draft<GameState>, ev: RandomEventDef) {
  const e = ev.effects;
  if (e.market) d.market = clamp(d.market + e.market, 0, 100);
  if (e.unity) d.unity = clamp(d.unity + e.unity, 0, 100);
  if (e.russia) d.provocation += e.russia;
  if (e.fear) d.fear += e.fear;
  if (e.hungaryPrice) d.hungaryPrice += e.hungaryPrice;
  if (e.ukraineReform) d.ukraineReform = e.ukraineReform === 'pass' ? 'passed' : 'failed';
  for (const [id, amount] of Object.entries(e.actors ?? {})) {
    nudge(d, id, amount, 'event', ev.title);
  }
  // A lasting shift (a change of government) moves the point the actor drifts back to.
  for (const [id, amount] of Object.entries(e.baselines ?? {})) {
    const a = d.actors[id];
    if (a) a.base = clamp(a.base + amount, -100, 100);
  }
}

function applyIntent(
  scenario: Scenario,
  d: Draft<GameState>,
  intent: Exclude<Intent, { type: 'effect' }>,
) {
  const week = d.week;
  const name = findActorDef(scenario, intent.actor)?.name ?? intent.actor;
  switch (intent.type) {
    case 'pledge': {
      const added = addPledge(
        d,
        {
          id: `${intent.actor}-${week}`,
          actor: intent.actor,
          amount: intent.amount,
          condition: intent.condition,
          conditionText: intent.conditionText,
          week,
        },
        FOLLOWER_LAG,
      );
      if (!added) break;
      d.log.push(
        entry(
          week,
          'money.pledge',
          intent.actor,
          `${name} pledges EUR ${(intent.amount / 1000).toFixed(1)} bn${intent.conditionText ? ` ${intent.conditionText}` : ''}.`,
          intent.reason,
          '',
          { amount: intent.amount },
        ),
      );
      break;
    }
    case 'pledge.withdraw':
      for (const p of d.pledges) {
        if (p.actor === intent.actor && p.status === 'conditional') p.status = 'withdrawn';
      }
      d.log.push(
        entry(week, 'money.withdraw', intent.actor, `${name} withdraws its pledge.`, intent.reason),
      );
      break;
    case 'escalate': {
      d.russia = intent.level;
      const e = entry(week, 'event.actor', intent.actor, intent.text, intent.reason, '', {
        level: intent.level,
      });
      d.log.push(e);
      d.news.push(e);
      break;
    }
    case 'statement':
      d.log.push(
        entry(
          week,
          'decision.statement',
          intent.actor,
          intent.text,
          intent.reason,
          intent.wouldChange,
        ),
      );
      break;
    case 'commitment.lapse': {
      const idx = d.commitments.findIndex((c) => c.actor === intent.actor);
      if (idx >= 0) d.commitments.splice(idx, 1);
      d.log.push(
        entry(
          week,
          'decision.lapse',
          intent.actor,
          `${name} steps back from its commitment.`,
          intent.reason,
        ),
      );
      break;
    }
    case 'meter':
      d.market = clamp(d.market + intent.market, 0, 100);
      d.unity = clamp(d.unity + intent.unity, 0, 100);
      break;
  }
}

/** Whether a route's payout gate holds this week (RouteDef's optional gates). */
export function gateOpen(state: GameState, legal: number, g: PayoutGate, week: number): boolean {
  if (g.ifCommitted !== undefined && !isCommitted(state, g.ifCommitted)) return true;
  if (g.from !== undefined && week < g.from) return false;
  if (g.legal !== undefined && legal < g.legal) return false;
  if (g.actor !== undefined) {
    const a = state.actors[g.actor];
    if (!a || STANCE_RANK[a.stance] < STANCE_RANK[g.stance ?? 'supportive']) return false;
  }
  return true;
}

/** A blocker, frozen when made (like every record pushed into a draft). */
const blocker = (code: Blocker['code'], text: string): Blocker => Object.freeze({ code, text });

const sameList = (a: readonly Blocker[], b: readonly Blocker[]) =>
  a.length === b.length && a.every((x, i) => x.code === b[i]!.code && x.text === b[i]!.text);

/** Moves routes and pledges along their legal steps; returns nothing, writes the draft. */
function progressMoney(
  scenario: Scenario,
  runtime: ActorRuntime,
  before: GameState,
  d: Draft<GameState>,
) {
  const week = d.week;
  // Conditions are read on `before` (the same routes and pledges, not yet written): reading
  // through the draft would make a proxy for every route and pledge, every week.
  for (const def of scenario.routes) {
    const b = before.routes[def.id]!;
    const waitsForPayout =
      def.kind === 'reparations-loan' && b.status === 'adopted' && b.payableWeek === null;
    const inLegalSteps = def.kind === 'joint-borrowing' && b.status === 'agreed';
    if (!waitsForPayout && !inLegalSteps) continue;
    // The draft of the route, taken only to write to it.
    const r = () => d.routes[def.id]!;
    if (waitsForPayout) {
      const coverage = guaranteeCoverage(scenario, before);
      // An outvoted Belgium keeps the cash frozen in court until it consents or the legal basis
      // is beyond challenge.
      // A seizure (only where a size is marked `seize`) is different: its case is state immunity
      // itself, so no drafting makes it court-proof and a later consent to a loan does not cover it.
      const seizure = isSeizure(def, b.terms);
      const custodian = actorOfKind(scenario, 'custodian');
      const inCourt =
        !!custodian &&
        b.overruled.includes(custodian.id) &&
        (seizure ||
          (before.actors[custodian.id]?.stance !== 'committed' && b.legal < COURT_PROOF_LEGAL));
      // Consents and checks the scenario adds (none in the December Summit).
      const gates = def.gates ?? [];
      const shut = gates.filter((g) => !gateOpen(before, b.legal, g, week));
      const blockers: Blocker[] = [
        ...(coverage < PAYOUT_COVERAGE
          ? [
              blocker(
                'coverage',
                `guarantees covering ${PAYOUT_COVERAGE}% of the loan (now ${coverage}%)`,
              ),
            ]
          : []),
        ...(inCourt
          ? [blocker('court', `${custodian!.name} is challenging the loan in court`)]
          : []),
        ...shut.map((g) => blocker('gate', g.label)),
      ];
      if (!sameList(blockers, b.blockers)) r().blockers = blockers;
      for (const g of shut) {
        // A legislature's vote week: say so when it does not consent.
        if (g.from !== week || g.actor === undefined) continue;
        const who = findActorDef(scenario, g.actor)?.name ?? g.actor;
        d.log.push(
          entry(
            week,
            'vote.gate',
            g.actor,
            `${def.name} still waits: ${g.label}.`,
            `${who} is ${before.actors[g.actor]?.stance ?? 'absent'}; the money needs it ${g.stance ?? 'supportive'} or better.`,
            'It can still come round before the deadline: its card says what would move it.',
          ),
        );
      }
      if (blockers.length === 0) {
        const payableWeek = week + def.lag;
        r().payableWeek = payableWeek;
        const open = gates.filter(
          (g) => g.ifCommitted === undefined || isCommitted(before, g.ifCommitted),
        );
        d.log.push(
          entry(
            week,
            'money.payments',
            null,
            `${def.name}: guarantees cover ${coverage}% of the loan; payments can start in week ${payableWeek}.`,
            open.length
              ? `${open.map((g) => g.met).join(' ')} Payments start once guarantees cover three quarters and every consent is in.`
              : 'Payments start once guarantees cover three quarters of the loan and no court holds the cash.',
          ),
        );
      }
    }
    if (inLegalSteps) {
      const consentWeek = Math.max(scenario.epConsentWeek, (b.agreedWeek ?? week) + 2);
      if (week < consentWeek) continue;
      if (b.blockers.some((x) => x.code === 'parliament')) {
        // Parliament sits every few weeks; a divided Union does not carry a majority there.
        if ((week - consentWeek) % PLENARY_EVERY !== 0) continue;
        if (before.unity < EP_UNITY) {
          d.log.push(
            entry(
              week,
              'vote.parliament',
              null,
              `The European Parliament withholds consent to ${def.name} for now.`,
              `With EU unity at ${before.unity} (it needs ${EP_UNITY}), the groups in Parliament will not rally behind it; the next plenary is in ${PLENARY_EVERY} weeks.`,
              'Rebuild unity: consult governments, avoid overruling or shaming them.',
            ),
          );
          continue;
        }
        const route = r();
        route.blockers = b.blockers.filter((x) => x.code !== 'parliament');
        route.consentWeek = week;
        d.log.push(
          entry(
            week,
            'money.consent',
            null,
            `The European Parliament consents to ${def.name}.`,
            "Joint borrowing and enhanced cooperation need Parliament's consent; it came in its plenary window.",
          ),
        );
        continue;
      }
      // The Council's legal acts follow consent after a few weeks of drafting.
      if (week < (b.consentWeek ?? week) + ACTS_DELAY) continue;
      // The budget-headroom change needs every government, unless national guarantees replace it.
      const workaround =
        b.legal >= WORKAROUND_LEGAL && guaranteeCoverage(scenario, before) >= PAYOUT_COVERAGE;
      let blocked = false;
      let blockReason = '';
      if (!workaround) {
        const veto = castBallots(scenario, runtime, before, def, b.terms!, 'unanimity').find(
          (ballot) => ballot.vote === 'no',
        );
        if (veto) {
          blocked = true;
          blockReason = `${findActorDef(scenario, veto.actor)?.name ?? veto.actor}: ${veto.reason}`;
        }
      }
      if (blocked) {
        if (!b.blockers.some((x) => x.code === 'vetoed')) {
          d.log.push(
            entry(
              week,
              'vote.veto',
              null,
              `The budget-headroom act for ${def.name} is vetoed; the money is held.`,
              blockReason,
              `Pay the price, or replace the budget headroom with national guarantees: legal robustness ${WORKAROUND_LEGAL}/3 and guarantees covering ${PAYOUT_COVERAGE}%.`,
            ),
          );
        }
        const vetoed = [blocker('vetoed', 'vetoed: the budget-headroom act needs unanimity')];
        if (!sameList(vetoed, b.blockers)) r().blockers = vetoed;
      } else {
        const route = r();
        route.status = 'adopted';
        route.adoptedWeek = week;
        route.payableWeek = week + def.lag;
        route.blockers = [];
        d.log.push(
          entry(
            week,
            'money.adopted',
            null,
            `${def.name} is adopted; money from week ${route.payableWeek}.`,
            workaround
              ? 'National guarantees replaced the budget-headroom change, so no single veto could hold it.'
              : 'Every government let the budget-headroom act pass.',
          ),
        );
      }
    }
  }
  before.pledges.forEach((pledge, i) => {
    if (pledge.status !== 'conditional') return;
    const met =
      (pledge.condition === 'eu-route-adopted' &&
        (pledgeReady(scenario, before, pledge.actor) ||
          pledgeReady(scenario, d as GameState, pledge.actor))) ||
      (pledge.condition === 'lender-board' && week >= scenario.imfBoardWeek);
    if (!met) return;
    const p = d.pledges[i]!;
    p.status = 'real';
    p.realWeek = week;
    p.payableWeek = week + FOLLOWER_LAG;
    const name = findActorDef(scenario, p.actor)?.name ?? p.actor;
    d.log.push(
      entry(
        week,
        'money.real',
        p.actor,
        `${possessive(name)} pledge becomes real money (EUR ${(p.amount / 1000).toFixed(1)} bn).`,
        `Its condition (${p.conditionText}) is met.`,
        '',
        { amount: p.amount },
      ),
    );
  });
}

/** Resolves the current week and opens the next one (or ends the game). */
export function endWeek(scenario: Scenario, runtime: ActorRuntime, state: GameState): GameState {
  const params = scenario.difficulty[state.difficulty];
  // 1. Draw every random number of the week, one per actor and one per event in a fixed order
  //    (whatever fired before), then fire events.
  const dice = diceFor(state.rng, state.week, WEEK_DRAWS);
  const rolls: WeekRolls = { actor: {} };
  for (const id of state.actorOrder) rolls.actor[id] = dice.int(1, 100);
  const fired: RandomEventDef[] = [];
  for (const ev of scenario.events) {
    const roll = dice.int(1, 100);
    if (state.week < ev.from || state.week > ev.to) continue;
    if (ev.once && state.firedEvents.includes(ev.id)) continue;
    const chance = ev.chance >= 100 ? 100 : Math.floor((ev.chance * params.eventIntensity) / 100);
    if (roll <= chance) fired.push(ev);
  }
  // Most weeks fire no event: then a spread is all it takes (Immer only when there is work).
  const rolled: GameState = { ...state, news: [] };
  const clean = !fired.length
    ? rolled
    : produce(rolled, (d) => {
        for (const ev of fired) {
          d.firedEvents.push(ev.id);
          applyEventEffects(d, ev);
          const e = entry(d.week, 'event.random', null, ev.title, ev.text, '', { event: ev.id });
          d.log.push(e);
          d.news.push(e);
        }
      });
  // 2. Every actor perceives and decides.
  const { updates, intents } = runtime.week(scenario, clean, rolls);
  // 3. Apply decisions, then money, then the calendar.
  // New actor records are built outside Immer: setting a dozen fields on sixteen proxies was
  // measured as the engine's largest single cost.
  const actors: GameState['actors'] = {};
  const decisions: LogEntry[] = [];
  for (const id of clean.actorOrder) {
    const a = clean.actors[id]!;
    const u = updates[id];
    if (!u) {
      actors[id] = a.counter ? { ...a, counter: null } : a;
      continue;
    }
    if (u.stance !== a.stance) {
      const name = findActorDef(scenario, id)?.name ?? id;
      decisions.push(
        entry(
          clean.week,
          'decision.stance',
          id,
          `${name}: ${a.stance} → ${u.stance}.`,
          u.reason,
          u.wouldMove,
          { from: a.stance, to: u.stance },
        ),
      );
    }
    // Every field by name: spreading the record (and the update) was a quarter of this
    // function's own time. The type checker sees to it that no field is left out.
    actors[id] = {
      id: a.id,
      w: u.w,
      own: u.own,
      lift: u.lift,
      changed: Object.freeze({ week: clean.week, from: a.w, to: u.w, parts: u.parts ?? [] }),
      base: a.base,
      stance: u.stance,
      machine: u.machine,
      credibility: a.credibility,
      pending: [],
      pressured: a.pressured,
      refusals: a.refusals,
      offeredWeek: a.offeredWeek,
      // A counter-offer stands for the week it was made in only.
      counter: null,
      sounded: a.sounded,
      reason: u.reason,
      wouldMove: u.wouldMove,
      sig: u.sig,
    };
  }
  // A plain spread: handing Immer a whole new actors tree makes it walk every node of it.
  const withActors: GameState = {
    ...clean,
    actors,
    provocation: 0,
    log: [...clean.log, ...decisions],
    news: [...clean.news, ...decisions],
  };
  // Effects on other actors (lobbying) wait in their records for next week; other intents
  // change the world and go through Immer.
  for (const intent of intents) {
    if (intent.type !== 'effect' || !actors[intent.target]) continue;
    const t = actors[intent.target]!;
    actors[intent.target] = {
      ...t,
      pending: [
        ...t.pending,
        Object.freeze({ amount: intent.amount, code: 'lobbying' as const, cause: intent.cause }),
      ],
    };
  }
  const worldIntents = intents.filter(
    (i): i is Exclude<Intent, { type: 'effect' }> => i.type !== 'effect',
  );
  const decided = worldIntents.length
    ? produce(withActors, (d) => {
        for (const intent of worldIntents) applyIntent(scenario, d, intent);
      })
    : withActors;
  // Legal steps see the actors as they decided this week (a veto cast this week counts).
  // Markets calm down slowly toward their starting level.
  const calmer: GameState = {
    ...decided,
    market: clamp(decided.market - Math.trunc((decided.market - scenario.startMarket) / 5), 0, 100),
  };
  const resolved = moneyInMotion(scenario, decided)
    ? produce(calmer, (d) => progressMoney(scenario, runtime, decided, d))
    : calmer;
  // 4. Book-keeping reads the finished state (reading through a draft is slow), then closes
  //    the week: a record for the charts, the ending or the next week's calendar.
  const m = money(scenario, resolved);
  const record: WeekRecord = {
    week: resolved.week,
    w: {},
    stance: {},
    secured: m.secured,
    pledged: m.pledged,
    unity: resolved.unity,
    market: resolved.market,
    russia: resolved.russia,
  };
  for (const id of resolved.actorOrder) {
    record.w[id] = resolved.actors[id]!.w;
    record.stance[id] = resolved.actors[id]!.stance;
  }
  const won = m.secured >= scenario.target;
  const over = won || resolved.week >= scenario.weeks;
  const history = [...resolved.history, record];
  const ending = over ? scoreGame(scenario, { ...resolved, history }, won) : null;
  if (ending) {
    const last = entry(resolved.week, 'ending.result', null, ending.headline, ending.cutDepth);
    return { ...resolved, history, status: 'over', ending, log: [...resolved.log, last] };
  }
  const news = calendarNews(scenario, resolved.week + 1);
  return {
    ...resolved,
    history,
    week: resolved.week + 1,
    capital: params.capitalPerWeek,
    log: [...resolved.log, ...news],
    news: [...resolved.news, ...news],
  };
}

/** Whether any route or pledge is waiting on a legal step this week. */
function moneyInMotion(scenario: Scenario, state: GameState): boolean {
  for (const id in state.routes) {
    const r = state.routes[id]!;
    if (r.status === 'agreed' || (r.status === 'adopted' && r.payableWeek === null)) return true;
  }
  return state.pledges.some(
    (p) =>
      p.status === 'conditional' &&
      ((p.condition === 'eu-route-adopted' && pledgeReady(scenario, state, p.actor)) ||
        (p.condition === 'lender-board' && state.week >= scenario.imfBoardWeek)),
  );
}
