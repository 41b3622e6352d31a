import { not, or } from 'xstate';

import {
  CONDITION_CODES,
  type ActorDef,
  type ConditionCode,
  type ConditionDef,
  type GameState,
  type RouteKind,
  type Scenario,
} from '../engine';
import { conditionStatus, factsNow } from './conditions';
import { assessOffer, offerRule } from './decide';
import { machineConditions, machineOf, PLEDGE_AT, type AnyMachine, type Facts } from './machines';

// "How it decides": an actor's machine read back as plain data, for the page and the canvas.
// Its states, transitions and guards come from the machine's own config, and each condition is
// judged by the machine's own guard (conditionStatus), so what the player reads is what the
// machine decides on. Only the words for events, states and guard names are written here.

/** How one condition stands now: met, unmet, or not at stake (the route at stake is not its). */
export type ConditionNow = 'met' | 'unmet' | 'not-at-stake';

export interface ConditionModel {
  code: ConditionCode;
  text: string;
  remedy: string;
  redLine: boolean;
  /** it gives way at a willingness (`unless`) that no source reports: the game's what-if */
  whatIf: boolean;
  /** it decides its vote (it stays out), not its commitment */
  ballot: boolean;
  /** the route kinds it concerns; null: every offer */
  routes: RouteKind[] | null;
  now: ConditionNow;
}

/** The bar an offer (or its willingness) must clear, from its willing guard. */
export interface WillingBar {
  /** where it stands, with nothing offered */
  now: number;
  needs: number;
  met: boolean;
  /** the bar in words, with both numbers */
  text: string;
}

export interface TransitionModel {
  from: string;
  /** the event, as the machine names it, and in words */
  event: string;
  eventLabel: string;
  /** the state it goes to; null: it stays where it is (a ballot only says how it votes) */
  to: string | null;
  /**
   * how its guard reads: 'always' (no guard), 'all' (every test and condition holds) or
   * 'any-broken' (some red line is crossed)
   */
  when: 'always' | 'all' | 'any-broken';
  /** guards that are not conditions, in words (its willingness band, a roll) */
  tests: string[];
  /** its willing guard's bar, where one decides it (null: none, or it does not decide) */
  willing: WillingBar | null;
  /** the conditions guarding it, as they stand now */
  conditions: { index: number; text: string; now: ConditionNow }[];
  /** what it announces when it fires, in words (null: nothing) */
  says: string | null;
  /** whether its guard would let it through now; null when it waits on something to come */
  passes: boolean | null;
}

export interface DecisionModel {
  actor: string;
  name: string;
  /** the machine's id: 'stance', 'follower' or 'russia' */
  machine: string;
  /** its states in the machine's order, each with a short label */
  states: { id: string; label: string }[];
  current: string;
  transitions: TransitionModel[];
  /** every condition its machine tests, in the machine's order */
  conditions: ConditionModel[];
  /** the route its conditions were judged for now (null: none in particular) */
  route: RouteKind | null;
}

const EVENT_WORDS: Record<string, string> = {
  percept: 'at each week’s end',
  offer: 'on an offer',
  ballot: 'at a vote',
  'promise.broken': 'when a promise to it is broken',
  'price.rise': 'when its price goes up',
  provoked: 'when provoked',
};

const STATE_WORDS: Record<string, string> = {
  pledged: 'Pledged (conditional)',
};

/** Guards that are not conditions, by the names the machines give them. */
const TEST_WORDS: Record<string, string> = {
  isOpposed: 'its willingness is in the opposed band',
  isWary: 'its willingness is in the wary band',
  isConditional: 'its willingness is in the conditional band',
  isSupportive: 'its willingness is in the supportive band',
  priceUnmet: 'what it was given no longer meets its price',
  cooled: 'it has cooled (its willingness fell below zero)',
  escalates: 'the week’s roll escalates it',
};

const SAYS_WORDS: Record<string, string> = {
  against: 'it votes no',
  'stay-out': 'it stays out (abstains)',
  pledge: 'it pledges (on a condition)',
  'pledge.withdraw': 'it withdraws its pledge',
  escalate: 'it escalates',
};

const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** "a", "a or b", "a, b or c". */
const either = (words: string[]) =>
  words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

// The higher-order guards are functions that carry their parts; or() and not() are told apart
// by their check, compared with xstate's own (never by name: a minified build renames
// functions); any other guard with parts is an and().
const checkOf = (g: unknown) => (g as { check?: unknown }).check;
const OR = checkOf(or([]));
const NOT = checkOf(not('x'));

type Node =
  | { kind: 'and' | 'or' | 'not'; of: Node[] }
  | { kind: 'name'; name: string }
  | { kind: 'cond'; i: number };

/** A guard from the machine's config as a plain tree, its conditions by their index. */
function readGuard(g: unknown, conditions: readonly ConditionDef[]): Node {
  const parts = (g as { guards?: unknown[] }).guards;
  if (typeof g === 'function' && Array.isArray(parts)) {
    const check = checkOf(g);
    const kind = check === OR ? 'or' : check === NOT ? 'not' : 'and';
    return { kind, of: parts.map((p) => readGuard(p, conditions)) };
  }
  if (typeof g === 'string') return { kind: 'name', name: g };
  const ref = g as { type?: string; params?: ConditionDef };
  if (ref.params && (CONDITION_CODES as readonly string[]).includes(ref.type ?? '')) {
    const i = conditions.indexOf(ref.params);
    if (i >= 0) return { kind: 'cond', i };
  }
  return { kind: 'name', name: ref.type ?? 'unknown' };
}

interface Leaves {
  cond: number[];
  /** whether each condition sits under a not() */
  neg: boolean[];
  names: string[];
}

/** The leaves of a guard: its conditions, and its other guards by name. */
function leaves(node: Node, negated = false, out: Leaves = { cond: [], neg: [], names: [] }) {
  if (node.kind === 'cond') {
    out.cond.push(node.i);
    out.neg.push(negated);
  } else if (node.kind === 'name') out.names.push(node.name);
  else for (const p of node.of) leaves(p, negated !== (node.kind === 'not'), out);
  return out;
}

interface ConfigTransition {
  target?: string | string[];
  guard?: unknown;
  actions?: unknown;
}

const targetOf = (t: ConfigTransition): string | null => {
  const raw = [t.target ?? []].flat()[0];
  return raw ? raw.replace(/^[.#](stance\.|follower\.|russia\.)?/, '') : null;
};

const saysOf = (t: ConfigTransition): string | null => {
  const said = [t.actions ?? []]
    .flat()
    .map((a) => (a as { event?: { type?: string } }).event?.type)
    .filter((x): x is string => !!x);
  return said.length ? said.map((s) => SAYS_WORDS[s] ?? s).join(', ') : null;
};

type GuardFn = (args: { context: object; event: object }, params?: unknown) => boolean;
const guardOf = (machine: AnyMachine, name: string) =>
  (machine.implementations.guards as Record<string, GuardFn | undefined>)[name];

/** The willing guard's bar now, for an event of this type; null where it decides nothing. */
function willingBar(
  scenario: Scenario,
  state: GameState,
  def: ActorDef,
  machine: AnyMachine,
  event: string,
  facts: Facts,
): WillingBar | null {
  const willing = guardOf(machine, 'willing');
  if (!willing) return null;
  if (event === 'offer') {
    // Its price, a condition, decides a veto-holder's offers: its bar is always cleared.
    if (def.kind === 'veto-holder') return null;
    const { score, threshold, tally } = assessOffer(scenario, state, def, {});
    const met = willing({ context: {}, event: { type: 'offer', score, threshold, facts } });
    return {
      now: score,
      needs: threshold,
      met,
      // Told from the number on its card: "its willingness (+13) plus the offer must reach 10".
      text: `${tally.yardstick === 'fear' ? 'Its fear within its tolerance' : 'Willing enough'}: ${offerRule(tally)}`,
    };
  }
  if (event === 'percept') {
    // Only a follower's percept has a bar (PLEDGE_AT); whether it is cleared, the guard says.
    if (def.kind !== 'follower') return null;
    const w = state.actors[def.id]?.w ?? 0;
    return {
      now: w,
      needs: PLEDGE_AT,
      met: willing({ context: {}, event: { type: 'percept', w, facts } }),
      text: `Willing enough (its willingness: ${w} now, needs ${PLEDGE_AT} or more)`,
    };
  }
  return null;
}

/** An actor's machine, its states and guards, and how each stands now. */
export function decisionModel(
  scenario: Scenario,
  state: GameState,
  actorId: string,
): DecisionModel | null {
  const def = scenario.actors.find((a) => a.id === actorId);
  const a = state.actors[actorId];
  if (!def || !a) return null;
  const machine = machineOf(def);
  const defs = machineConditions(machine);
  const facts = factsNow(scenario, state, def);
  const status = conditionStatus(def, facts);
  const conditions: ConditionModel[] = defs.map((c) => {
    const s = status.find((x) => x.condition === c);
    return {
      code: c.code,
      text: c.text,
      remedy: c.remedy,
      redLine: !!c.redLine,
      // At -100 it gives way whatever its willingness: a standing fact (SAFE), not a what-if.
      whatIf: c.unless !== undefined && c.unless > -100,
      ballot: !!c.ballot,
      routes: c.routes ? [...c.routes] : null,
      now: !s || !s.atStake ? 'not-at-stake' : s.met ? 'met' : 'unmet',
    };
  });

  const config = machine.config as {
    id?: string;
    states?: Record<string, { on?: Record<string, ConfigTransition | ConfigTransition[]> }>;
  };
  const stateIds = Object.keys(config.states ?? {});
  const transitions: TransitionModel[] = [];
  for (const from of stateIds) {
    const on = config.states?.[from]?.on ?? {};
    for (const [event, value] of Object.entries(on)) {
      for (const t of [value].flat()) {
        const node = t.guard === undefined ? null : readGuard(t.guard, defs);
        const found = node ? leaves(node) : leaves({ kind: 'and', of: [] });
        const anyBroken = node?.kind === 'or' && found.neg.length > 0 && found.neg.every(Boolean);
        const willing = found.names.includes('willing')
          ? willingBar(scenario, state, def, machine, event, facts)
          : null;
        const tests = found.names.filter((n) => n !== 'willing').map((n) => TEST_WORDS[n] ?? n);
        const guarded = found.cond.map((i) => ({
          index: i,
          text: conditions[i]!.text,
          now: conditions[i]!.now,
        }));
        // Whether it would go through now: known only when every part of its guard can be
        // judged now (a week's band or roll waits for the week's end).
        let passes: boolean | null = null;
        if (anyBroken) passes = guarded.some((c) => c.now === 'unmet');
        else if (
          !tests.length &&
          (willing || !found.names.includes('willing') || def.kind === 'veto-holder')
        )
          passes = (willing?.met ?? true) && guarded.every((c) => c.now !== 'unmet');
        transitions.push({
          from,
          event,
          eventLabel: EVENT_WORDS[event] ?? event,
          to: targetOf(t),
          when: !node ? 'always' : anyBroken ? 'any-broken' : 'all',
          tests,
          willing,
          conditions: guarded,
          says: saysOf(t),
          passes,
        });
      }
    }
  }

  return {
    actor: def.id,
    name: def.name,
    machine: config.id ?? '',
    states: stateIds.map((id) => ({ id, label: STATE_WORDS[id] ?? capitalise(id) })),
    current: a.machine.value,
    transitions,
    conditions,
    route: facts.route,
  };
}

/** Transitions alike but for the state they leave from, as one move from several states. */
export interface MoveGroup extends Omit<TransitionModel, 'from'> {
  from: string[];
  /**
   * one of a set of moves on one event that send it to whichever of the same states a test
   * picks (a week's willingness band): drawn and told as one
   */
  band: boolean;
  /** whether it would go through now from where the actor stands (null: not from there, or not known) */
  passes: boolean | null;
}

/** The model's transitions grouped into moves, in the machine's order. */
export function movesOf(model: DecisionModel): MoveGroup[] {
  const groups = new Map<string, MoveGroup>();
  for (const t of model.transitions) {
    const key = JSON.stringify([t.event, t.to, t.when, t.tests, t.willing, t.conditions, t.says]);
    const g = groups.get(key);
    const passes = t.from === model.current ? t.passes : null;
    if (!g) groups.set(key, { ...t, from: [t.from], band: false, passes });
    else {
      g.from.push(t.from);
      if (t.from === model.current) g.passes = passes;
    }
  }
  const moves = [...groups.values()];
  for (const event of new Set(moves.map((m) => m.event))) {
    const same = moves.filter((m) => m.event === event);
    const from = same[0]!.from.join(' ');
    const band =
      same.length > 1 &&
      same.every(
        (m) =>
          m.from.join(' ') === from &&
          m.to !== null &&
          m.from.includes(m.to) &&
          !m.willing &&
          !m.conditions.length,
      );
    if (band) for (const m of same) m.band = true;
  }
  return moves;
}

/**
 * A move in one sentence, the page's and the picture's: when, from where, to where, and what it
 * needs (its needs are listed after it). Moves of a band are told together (bandText).
 */
export function moveText(model: DecisionModel, m: MoveGroup): string {
  const label = (id: string) => model.states.find((s) => s.id === id)?.label ?? id;
  const from =
    m.from.length === model.states.length ? 'from any state' : `from ${either(m.from.map(label))}`;
  const what = [m.to === null ? '' : `to ${label(m.to)}`, m.says ?? '']
    .filter(Boolean)
    .join(', and ');
  const needs = (m.willing ? 1 : 0) + m.conditions.length;
  const tests = m.tests.length ? `, if ${m.tests.join(' and ')}` : '';
  const tail =
    m.when === 'any-broken'
      ? ', if any of these is crossed:'
      : needs
        ? needs === 1 && !tests
          ? ', if this holds:'
          : `${tests}${tests ? ', and' : ','} if all of these hold:`
        : `${tests}.`;
  return `${capitalise(m.eventLabel)} (${from}): ${what || 'nothing changes'}${tail}`;
}

/** The moves of a band (one event, the states a test chooses among) in one sentence. */
export function bandText(model: DecisionModel, moves: MoveGroup[]): string {
  const label = (id: string) => model.states.find((s) => s.id === id)?.label ?? id;
  const first = moves[0]!;
  return `${capitalise(first.eventLabel)} (from ${either(first.from.map(label))}): it moves to the one its willingness gives.`;
}
