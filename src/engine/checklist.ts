import { formatDate, weekStart } from './calendar';
import {
  actorOfKind,
  findActorDef,
  guaranteeCoverage,
  isSeizure,
  lastPayableWeek,
} from './queries';
import type { ActorRuntime } from './runtime';
import {
  ACTS_DELAY,
  COURT_PROOF_LEGAL,
  EP_UNITY,
  gateOpen,
  PAYOUT_COVERAGE,
  PLENARY_EVERY,
  WORKAROUND_LEGAL,
} from './turn';
import { MODE_WORD } from './terms';
import type { GameState, PayoutGate, RouteDef, RouteTerms, Scenario, VoteMode } from './types';
import { castBallots, tally } from './votes';

// Every step between tabling a route and money in Ukraine, from week 1, each with its live
// status: what the rules in turn.ts and moves.ts will ask, said before it bites. Generic: read
// from the route's kind, its data (modes, lag, gates) and the state; it names no scenario.

export interface ChecklistStep {
  /** what the step is, as a code (styling and tests read this, never the words) */
  code:
    'table' | 'vote' | 'coverage' | 'court' | 'gate' | 'parliament' | 'unanimity-act' | 'payout';
  /** done: behind the route; met: would hold now; unmet: would not hold now; later: not yet */
  status: 'done' | 'met' | 'unmet' | 'later';
  /** the step in a word or two, for a view with little room (the canvas's checklist) */
  short: string;
  text: string;
  /** how it stands now, in numbers ("now 40%", "unity 52, needs 45") */
  now: string;
}

const MODE_RULE: Record<VoteMode, string> = {
  qmv: 'a qualified majority (15 states with 65% of the people)',
  unanimity: 'every government',
  enhanced: 'enhanced cooperation (at least 9 states take part, the others stand aside)',
};

const date = (scenario: Scenario, week: number) => formatDate(weekStart(scenario.startDate, week));

/** The terms a vote would be on: the tabled ones, else the smallest size with no extras. */
function termsOf(def: RouteDef, state: GameState): RouteTerms {
  return state.routes[def.id]?.terms ?? { size: def.sizes[0]!.size };
}

function tableStep(scenario: Scenario, def: RouteDef, state: GameState): ChecklistStep {
  const r = state.routes[def.id]!;
  const tabled = r.status !== 'draft';
  return {
    code: 'table',
    status: tabled ? 'done' : state.week >= def.openWeek ? 'met' : 'later',
    short: 'Table',
    text: `Table its text (from week ${def.openWeek}, ${date(scenario, def.openWeek)}).`,
    now: tabled
      ? `Tabled in week ${r.tabledWeek}.`
      : state.week >= def.openWeek
        ? 'It can be tabled now.'
        : `Not before week ${def.openWeek}.`,
  };
}

function voteStep(
  scenario: Scenario,
  runtime: ActorRuntime,
  def: RouteDef,
  state: GameState,
): ChecklistStep {
  const r = state.routes[def.id]!;
  const text = `The Council votes: ${def.modes.map((m) => MODE_RULE[m]).join(', or ')}.`;
  const short = 'Vote';
  if (r.status === 'agreed' || r.status === 'adopted')
    return {
      code: 'vote',
      status: 'done',
      short,
      text,
      now: `Passed in week ${r.agreedWeek ?? r.adoptedWeek}.`,
    };
  // How it would go today under each voting rule the route allows.
  const terms = termsOf(def, state);
  const today = def.modes.map((mode) => {
    const t = tally(scenario.states, castBallots(scenario, runtime, state, def, terms, mode), mode);
    return {
      passed: t.passed,
      text: `by ${MODE_WORD[mode]} it would ${t.passed ? 'pass' : 'fail'} (${t.yesStates} yes)`,
    };
  });
  return {
    code: 'vote',
    status: r.status === 'draft' ? 'later' : today.some((x) => x.passed) ? 'met' : 'unmet',
    short,
    text,
    now: `Today, on ${r.terms ? 'its terms' : 'the smallest size'}: ${today.map((x) => x.text).join('; ')}.`,
  };
}

/** A gate in a word or two: whose yes it waits for, or the legal robustness it needs. */
function gateShort(g: PayoutGate, who: string | undefined): string {
  const legal = g.legal !== undefined ? `legal ${g.legal}/3` : '';
  if (who) return legal ? `${who}, ${legal}` : who;
  return legal ? `Legal ${g.legal}/3` : 'Condition';
}

/** After adoption, a loan against the assets pays once guarantees, courts and gates allow. */
function loanSteps(scenario: Scenario, def: RouteDef, state: GameState): ChecklistStep[] {
  const r = state.routes[def.id]!;
  const adopted = r.status === 'adopted';
  const paying = adopted && r.payableWeek !== null;
  const after = (met: boolean): ChecklistStep['status'] =>
    paying ? 'done' : !adopted ? (met ? 'met' : 'later') : met ? 'met' : 'unmet';
  const coverage = guaranteeCoverage(scenario, state);
  const steps: ChecklistStep[] = [
    {
      code: 'coverage',
      status: after(coverage >= PAYOUT_COVERAGE),
      short: 'Guarantees',
      text: `Guarantees from member states cover ${PAYOUT_COVERAGE}% of the loan.`,
      now: `Now ${coverage}%.`,
    },
  ];
  const custodian = actorOfKind(scenario, 'custodian');
  if (custodian) {
    const committed = state.actors[custodian.id]?.stance === 'committed';
    const seizure = isSeizure(def, r.terms);
    const court =
      r.overruled.includes(custodian.id) &&
      (seizure || (!committed && r.legal < COURT_PROOF_LEGAL));
    steps.push({
      code: 'court',
      status: after(!court),
      short: 'No court case',
      text: `If ${custodian.name} is outvoted, it goes to court: the money waits until it commits or the legal basis is beyond challenge (legal robustness ${COURT_PROOF_LEGAL}/3).`,
      now: `${custodian.name} is ${state.actors[custodian.id]?.stance ?? 'absent'}; legal robustness ${r.legal}/3${r.overruled.includes(custodian.id) ? `; outvoted in week ${r.adoptedWeek}` : ''}.`,
    });
  }
  for (const g of def.gates ?? []) {
    const who = g.actor ? findActorDef(scenario, g.actor) : undefined;
    steps.push({
      code: 'gate',
      status: after(gateOpen(state, r.legal, g, state.week)),
      short: gateShort(g, who?.short),
      text: `${g.label[0]!.toUpperCase()}${g.label.slice(1)}${g.from ? ` (from week ${g.from})` : ''}.`,
      now: who
        ? `${who.name} is ${state.actors[who.id]?.stance ?? 'absent'}.`
        : `Legal robustness ${r.legal}/3.`,
    });
  }
  return steps;
}

/** After the vote, joint borrowing needs Parliament and an act every government must allow. */
function borrowingSteps(
  scenario: Scenario,
  runtime: ActorRuntime,
  def: RouteDef,
  state: GameState,
): ChecklistStep[] {
  const r = state.routes[def.id]!;
  const agreed = r.status === 'agreed' || r.status === 'adopted';
  const from = Math.max(scenario.epConsentWeek, (r.agreedWeek ?? state.week) + 2);
  const consent: ChecklistStep = {
    code: 'parliament',
    status:
      r.consentWeek !== null
        ? 'done'
        : state.unity >= EP_UNITY
          ? agreed
            ? 'met'
            : 'later'
          : 'unmet',
    short: 'Parliament',
    text: `The European Parliament consents: from week ${from} (${date(scenario, from)}) at a plenary every ${PLENARY_EVERY} weeks, if EU unity is at least ${EP_UNITY}.`,
    now:
      r.consentWeek !== null
        ? `Consented in week ${r.consentWeek}.`
        : `EU unity is ${state.unity}.`,
  };
  const veto = castBallots(scenario, runtime, state, def, termsOf(def, state), 'unanimity').find(
    (b) => b.vote === 'no',
  );
  const workaround =
    r.legal >= WORKAROUND_LEGAL && guaranteeCoverage(scenario, state) >= PAYOUT_COVERAGE;
  const vetoer = veto ? (findActorDef(scenario, veto.actor)?.name ?? veto.actor) : null;
  const act: ChecklistStep = {
    code: 'unanimity-act',
    status:
      r.status === 'adopted'
        ? 'done'
        : !vetoer || workaround
          ? r.consentWeek !== null
            ? 'met'
            : 'later'
          : 'unmet',
    short: 'Budget act',
    text: `${ACTS_DELAY} weeks after consent, the act on the EU budget’s headroom needs every government’s yes, unless national guarantees replace it (legal robustness ${WORKAROUND_LEGAL}/3 and guarantees covering ${PAYOUT_COVERAGE}%).`,
    now: vetoer
      ? `${vetoer} would veto it today${workaround ? ', but guarantees already replace it' : ''}.`
      : 'Nobody would veto it today.',
  };
  return [consent, act];
}

/**
 * Every step between tabling a route and its money in Ukraine, with how each stands now.
 * `runtime` is the actors' (for how governments would vote today).
 */
export function routeChecklist(
  scenario: Scenario,
  runtime: ActorRuntime,
  state: GameState,
  routeId: string,
): ChecklistStep[] {
  const def = scenario.routes.find((r) => r.id === routeId);
  const r = state.routes[routeId];
  if (!def || !r) return [];
  const steps = [tableStep(scenario, def, state), voteStep(scenario, runtime, def, state)];
  if (def.kind === 'reparations-loan') steps.push(...loanSteps(scenario, def, state));
  if (def.kind === 'joint-borrowing' && !def.adoptedAtVote)
    steps.push(...borrowingSteps(scenario, runtime, def, state));
  if (def.kind !== 'asset-lock') {
    const by = lastPayableWeek(scenario, state);
    steps.push({
      code: 'payout',
      status: r.payableWeek !== null ? (r.payableWeek <= by ? 'done' : 'unmet') : 'later',
      short: 'Payout',
      text: `Money flows ${def.lag} weeks after the last step; to count, by week ${by} (${date(scenario, by)}).`,
      now: r.payableWeek !== null ? `Money from week ${r.payableWeek}.` : `Week ${state.week} now.`,
    });
  }
  return steps;
}
