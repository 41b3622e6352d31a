import * as v from 'valibot';

import {
  CONDITION_CODES,
  ROUTE_TERMS,
  STANCES,
  TERM_KEYS,
  isoToDays,
  malformedMove,
  weekOf,
} from '../engine';
import type { ActorKind, Difficulty, Move, RouteKind, Scenario, VoteMode } from '../engine';

// A runtime schema mirroring the engine's `Scenario` type, plus the cross-field rules a type
// cannot express (ids that must exist, weeks inside the game, guarantee shares that add up).
// Every error names the exact field path and the reason, e.g.
//   actors[3].baseline: expected an integer between -100 and 100, got "x"

type Issue = v.BaseIssue<unknown>;

// ------------------------------------------------------------------ vocabularies

// Records keyed by every member of a union, so adding a kind to the engine type without adding
// it here is a compile error.
const ACTOR_KIND_SET: Record<ActorKind, true> = {
  government: true,
  custodian: true,
  aligned: true,
  follower: true,
  'veto-holder': true,
  patron: true,
  adversary: true,
  lender: true,
  recipient: true,
};
const ROUTE_KIND_SET: Record<RouteKind, true> = {
  'reparations-loan': true,
  'joint-borrowing': true,
  'asset-lock': true,
};
const VOTE_MODE_SET: Record<VoteMode, true> = { qmv: true, unanimity: true, enhanced: true };

const ACTOR_KINDS = Object.keys(ACTOR_KIND_SET) as ActorKind[];
const ROUTE_KINDS = Object.keys(ROUTE_KIND_SET) as RouteKind[];
const VOTE_MODES = Object.keys(VOTE_MODE_SET) as VoteMode[];

/** Upper bounds that keep data sane (money in EUR millions, populations in units of 100,000). */
const MAX_WEEKS = 52;
const MAX_MONEY = 1_000_000;
const MAX_POP = 10_000;

// ------------------------------------------------------------------ field helpers

function int(min: number, max: number) {
  const m = (i: Issue) => `expected an integer between ${min} and ${max}, got ${i.received}`;
  return v.pipe(v.number(m), v.integer(m), v.minValue(min, m), v.maxValue(max, m));
}

function text(max: number) {
  return v.pipe(
    v.string((i) => `expected a text, got ${i.received}`),
    v.check((s) => s.trim().length > 0, 'must not be empty'),
    v.maxLength(max, (i) => `must be at most ${max} characters long (it has ${i.received})`),
  );
}

function id(pattern: RegExp, what: string) {
  return v.pipe(
    v.string((i) => `expected ${what}, got ${i.received}`),
    v.regex(pattern, (i) => `expected ${what}, got ${i.received}`),
  );
}

const slug = id(/^[a-z][a-z0-9-]{0,39}$/, 'an id of lower-case letters, digits and hyphens');
const stateId = id(/^[A-Z]{2}$/, 'a two-letter upper-case country code');
const sourceId = id(/^[A-Za-z0-9-]{1,20}$/, 'a short source id of letters, digits and hyphens');

function picklist<const T extends string>(options: readonly T[]) {
  const list = options.map((o) => `'${o}'`).join(', ');
  return v.picklist(options, (i) => `expected one of ${list}, got ${i.received}`);
}

function list<T extends v.GenericSchema>(item: T, minItems = 0) {
  const arr = v.array(item, (i) => `expected a list, got ${i.received}`);
  return minItems > 0
    ? v.pipe(arr, v.minLength(minItems, `must have at least ${minItems} item(s)`))
    : v.pipe(arr);
}

const objectMessage = (i: Issue) => `expected an object, got ${i.received}`;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

const isoDate = v.pipe(
  v.string((i) => `expected an ISO date (YYYY-MM-DD), got ${i.received}`),
  v.check(isIsoDate, (i) => `expected a real ISO date (YYYY-MM-DD), got ${i.received}`),
);

const week = int(1, MAX_WEEKS);
const weight = int(-100, 100);
const bool = v.boolean((i) => `expected true or false, got ${i.received}`);

// ------------------------------------------------------------------ the schema

const DifficultyParamsSchema = v.strictObject({
  capitalPerWeek: int(1, 10),
  baselineShift: int(-50, 50),
  belgiumThreshold: int(0, 100),
  eventIntensity: int(0, 300),
  hungaryPrice: int(0, 100),
});

const CalendarEntrySchema = v.strictObject({
  week,
  date: isoDate,
  id: slug,
  title: text(80),
  text: text(400),
});

const EuStateSchema = v.strictObject({
  id: stateId,
  name: text(40),
  pop: int(1, MAX_POP),
});

const NudgeSchema = v.strictObject({ actor: slug, amount: weight, cause: text(80) });

const ActorDefSchema = v.strictObject({
  id: slug,
  name: text(80),
  short: text(16),
  leader: text(120),
  kind: picklist(ACTOR_KINDS),
  agenda: text(160),
  drivers: text(600),
  holds: text(400),
  members: list(v.strictObject({ state: stateId, offset: weight })),
  baseline: weight,
  follows: list(v.strictObject({ actor: slug, pull: int(0, 100) })),
  terms: list(picklist(TERM_KEYS)),
  likes: v.record(picklist(TERM_KEYS), weight, objectMessage),
  guaranteeKey: int(0, 100),
  guaranteeWith: list(slug),
  pledge: int(0, MAX_MONEY),
  pledgeWhatIf: v.optional(text(300)),
  routeAffinity: v.record(picklist(ROUTE_KINDS), weight, objectMessage),
  onSeizure: v.optional(weight),
  pledgeOn: v.optional(v.strictObject({ route: slug, text: text(120) })),
  holderJoins: v.optional(
    v.variant('by', [
      v.strictObject({ by: v.literal('pledge') }),
      v.strictObject({ by: v.literal('commitment'), unless: v.optional(picklist(TERM_KEYS)) }),
    ]),
  ),
  pivotal: v.optional(bool),
  wouldMove: v.optional(text(300)),
  pressure: v.optional(v.strictObject({ percent: int(0, 100), why: text(200) })),
  conditions: v.optional(
    list(
      v.strictObject({
        code: picklist(CONDITION_CODES),
        text: text(200),
        remedy: text(200),
        redLine: v.optional(bool),
        routes: v.optional(list(picklist(ROUTE_KINDS))),
        actors: v.optional(list(slug)),
        min: v.optional(int(0, 10)),
        unless: v.optional(weight),
        ballot: v.optional(bool),
      }),
    ),
  ),
});

const PayoutGateSchema = v.strictObject({
  label: text(120),
  met: text(200),
  actor: v.optional(slug),
  stance: v.optional(picklist(STANCES)),
  legal: v.optional(int(0, 3)),
  from: v.optional(week),
  ifCommitted: v.optional(slug),
});

const RouteDefSchema = v.strictObject({
  id: slug,
  kind: picklist(ROUTE_KINDS),
  name: text(60),
  summary: text(400),
  sizes: list(
    v.strictObject({
      size: int(1, 1000),
      money2026: int(0, MAX_MONEY),
      seize: v.optional(bool),
      whatIf: v.optional(text(300)),
    }),
    1,
  ),
  modes: list(picklist(VOTE_MODES), 1),
  lag: int(0, MAX_WEEKS),
  openWeek: week,
  adoptedAtVote: v.optional(bool),
  countsAsEuDecision: v.optional(bool),
  tableEffects: v.optional(
    list(
      v.strictObject({
        when: picklist(['uncapped', 'above-smallest'] as const),
        nudges: list(NudgeSchema, 1),
      }),
    ),
  ),
  gates: v.optional(list(PayoutGateSchema)),
});

const EventEffectsSchema = v.strictObject({
  market: v.optional(weight),
  unity: v.optional(weight),
  russia: v.optional(int(-4, 4)),
  actors: v.optional(v.record(slug, weight, objectMessage)),
  fear: v.optional(weight),
  hungaryPrice: v.optional(weight),
  ukraineReform: v.optional(picklist(['pass', 'fail'] as const)),
  baselines: v.optional(v.record(slug, weight, objectMessage)),
});

const RandomEventDefSchema = v.strictObject({
  id: slug,
  title: text(80),
  text: text(400),
  chance: int(1, 100),
  from: week,
  to: week,
  once: bool,
  effects: EventEffectsSchema,
});

const HistoryItemSchema = v.strictObject({
  date: isoDate,
  text: text(400),
  sources: list(sourceId, 1),
});

const HistoryStepSchema = v.strictObject({
  from: week,
  to: v.optional(v.union([week, v.literal(99)])),
  when: v.optional(picklist(['unsounded', 'draft', 'eu-decided'] as const)),
  move: v.custom<Move>(
    (m) => malformedMove(m) === null,
    (i) => `expected a move of this game: ${malformedMove(i.input) ?? ''}`,
  ),
});

const SourceSchema = v.strictObject({
  id: sourceId,
  title: text(200),
  url: v.pipe(
    v.string((i) => `expected a web address, got ${i.received}`),
    v.url((i) => `expected a web address, got ${i.received}`),
  ),
  date: text(60),
});

export const ScenarioSchema = v.strictObject({
  formatVersion: v.literal(1, (i) => `expected format version 1, got ${i.received}`),
  id: slug,
  title: text(80),
  summary: text(600),
  startDate: isoDate,
  weeks: int(1, MAX_WEEKS),
  deadline: isoDate,
  target: int(1, MAX_MONEY),
  startUnity: int(0, 100),
  startMarket: int(0, 100),
  startRussia: int(0, 4),
  difficulty: v.strictObject({
    story: DifficultyParamsSchema,
    standard: DifficultyParamsSchema,
    hard: DifficultyParamsSchema,
  }),
  summitWeeks: list(week),
  g7Weeks: list(week),
  epConsentWeek: week,
  imfBoardWeek: week,
  assetLockWeek: week,
  calendar: list(CalendarEntrySchema),
  states: list(EuStateSchema, 1),
  actors: list(ActorDefSchema, 1),
  routes: list(RouteDefSchema, 1),
  events: list(RandomEventDefSchema),
  history: v.strictObject({
    summary: text(1200),
    items: list(HistoryItemSchema),
    ending: v.optional(
      v.strictObject({ outcome: picklist(['win', 'partial', 'loss'] as const), why: text(600) }),
    ),
    script: v.optional(list(HistoryStepSchema, 1)),
  }),
  sources: list(SourceSchema),
  briefing: v.optional(
    v.pipe(
      list(text(400), 4),
      v.maxLength(7, (i) => `expected at most 7 lines, got ${i.received}`),
    ),
  ),
  endings: v.optional(
    v.strictObject({
      full: text(300),
      most: text(300),
      deep: text(300),
      little: text(300),
      none: text(300),
    }),
  ),
  bridgeNote: v.optional(text(300)),
  moneyYear: v.optional(int(2000, 2100)),
  premiseWhatIf: v.optional(text(400)),
  offerEffects: v.optional(
    list(
      v.strictObject({
        terms: list(picklist(TERM_KEYS), 1),
        nudges: list(NudgeSchema),
        unity: v.optional(weight),
        text: v.optional(text(200)),
        reason: v.optional(text(400)),
        actor: v.optional(slug),
      }),
    ),
  ),
  g7Nudges: v.optional(list(NudgeSchema)),
  legalWorkNudges: v.optional(list(NudgeSchema)),
});

// The schema's output must be exactly the engine's Scenario type, both ways round.
type Parsed = v.InferOutput<typeof ScenarioSchema>;
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SchemaMatchesScenario = Assert<Same<Parsed, Scenario>>;
// Keep the difficulty keys in step with the engine's list.
export type DifficultyKeysMatch = Assert<Same<keyof Parsed['difficulty'], Difficulty>>;

// ------------------------------------------------------------------ error formatting

function pathOf(issue: Issue): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(scenario)';
}

function reasonOf(issue: Issue): string {
  if (issue.type === 'strict_object' || issue.type === 'object') {
    if (issue.expected === 'never') return 'unknown field (not part of the scenario format)';
    if (issue.expected?.startsWith('"') && issue.received === 'undefined')
      return 'missing required field';
    return `expected an object, got ${issue.received}`;
  }
  return issue.message;
}

// ------------------------------------------------------------------ cross-field checks

function duplicates(
  items: readonly { id: string }[],
  where: string,
  what: string,
  errors: string[],
): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else errors.push(`${where}[${i}].id: duplicate ${what} "${item.id}" (also ${where}[${seen}])`);
  });
  return new Set(first.keys());
}

function crossCheck(s: Scenario): string[] {
  const errors: string[] = [];
  const inGame = (w: number) => w >= 1 && w <= s.weeks;
  const weekError = (path: string, w: number) =>
    errors.push(`${path}: week ${w} is outside the game (weeks 1 to ${s.weeks})`);

  // Dates and weeks.
  if ((isoToDays(s.startDate) - 4) % 7 !== 0)
    errors.push(`startDate: the game starts on a Monday, and ${s.startDate} is not one`);
  const deadlineWeek = weekOf(s.startDate, s.deadline);
  if (deadlineWeek !== s.weeks)
    errors.push(
      `deadline: ${s.deadline} falls in week ${deadlineWeek}, but the game has ${s.weeks} weeks (the deadline week must be the last)`,
    );
  const summits = new Set<number>();
  s.summitWeeks.forEach((w, i) => {
    if (!inGame(w)) weekError(`summitWeeks[${i}]`, w);
    if (summits.has(w)) errors.push(`summitWeeks[${i}]: week ${w} is listed twice`);
    summits.add(w);
  });
  s.g7Weeks.forEach((w, i) => {
    if (!inGame(w)) weekError(`g7Weeks[${i}]`, w);
  });
  for (const key of ['epConsentWeek', 'imfBoardWeek', 'assetLockWeek'] as const) {
    if (!inGame(s[key])) weekError(key, s[key]);
  }
  duplicates(s.calendar, 'calendar', 'calendar id', errors);
  s.calendar.forEach((c, i) => {
    if (!inGame(c.week)) weekError(`calendar[${i}].week`, c.week);
    const actual = weekOf(s.startDate, c.date);
    if (actual !== c.week)
      errors.push(`calendar[${i}].date: ${c.date} falls in week ${actual}, not week ${c.week}`);
  });

  // EU states and who votes for them.
  const stateIds = duplicates(s.states, 'states', 'state id', errors);
  const actorIds = duplicates(s.actors, 'actors', 'actor id', errors);
  const voter = new Map<string, string>();
  s.actors.forEach((a, i) => {
    a.members.forEach((m, j) => {
      const path = `actors[${i}].members[${j}].state`;
      if (!stateIds.has(m.state)) errors.push(`${path}: unknown member state "${m.state}"`);
      else if (voter.has(m.state))
        errors.push(`${path}: "${m.state}" already votes with ${voter.get(m.state)}`);
      else voter.set(m.state, `actors[${i}] ("${a.id}")`);
    });
  });
  s.states.forEach((st, i) => {
    if (stateIds.has(st.id) && !voter.has(st.id))
      errors.push(`states[${i}].id: no actor votes for "${st.id}" (add it to one actor's members)`);
  });

  // Actor references and guarantees.
  let guaranteeTotal = 0;
  s.actors.forEach((a, i) => {
    a.follows.forEach((f, j) => {
      const path = `actors[${i}].follows[${j}].actor`;
      if (f.actor === a.id) errors.push(`${path}: "${a.id}" cannot follow itself`);
      else if (!actorIds.has(f.actor)) errors.push(`${path}: unknown actor "${f.actor}"`);
    });
    a.guaranteeWith.forEach((g, j) => {
      const path = `actors[${i}].guaranteeWith[${j}]`;
      const partner = s.actors.find((x) => x.id === g);
      if (g === a.id) errors.push(`${path}: "${a.id}" cannot wait for itself`);
      else if (!partner) errors.push(`${path}: unknown actor "${g}"`);
      else if (partner.guaranteeKey <= 0)
        errors.push(`${path}: "${g}" carries no guarantee share (guaranteeKey is 0)`);
    });
    if (a.guaranteeWith.length > 0 && a.guaranteeKey <= 0)
      errors.push(
        `actors[${i}].guaranteeWith: "${a.id}" waits for partners but has no guarantee share`,
      );
    for (const key of Object.keys(a.likes)) {
      if (!a.terms.includes(key as (typeof a.terms)[number]))
        errors.push(`actors[${i}].likes.${key}: "${key}" is not one of this actor's terms`);
    }
    const terms = new Set<string>();
    a.terms.forEach((t, j) => {
      if (terms.has(t)) errors.push(`actors[${i}].terms[${j}]: "${t}" is listed twice`);
      terms.add(t);
    });
    guaranteeTotal += a.guaranteeKey;
  });
  if (guaranteeTotal > 100)
    errors.push(
      `actors: guarantee shares (guaranteeKey) add up to ${guaranteeTotal}%, more than 100%`,
    );

  // Routes.
  const routeIds = duplicates(s.routes, 'routes', 'route id', errors);
  const kinds = new Map<string, number>();
  s.routes.forEach((r, i) => {
    const other = kinds.get(r.kind);
    if (other !== undefined)
      errors.push(`routes[${i}].kind: a "${r.kind}" route already exists (routes[${other}])`);
    else kinds.set(r.kind, i);
    if (!inGame(r.openWeek)) weekError(`routes[${i}].openWeek`, r.openWeek);
    if (r.lag > s.weeks)
      errors.push(`routes[${i}].lag: ${r.lag} weeks is longer than the game (${s.weeks} weeks)`);
    r.sizes.forEach((sz, j) => {
      const prev = r.sizes[j - 1];
      if (prev && sz.size <= prev.size)
        errors.push(
          `routes[${i}].sizes[${j}].size: sizes must grow from smallest to largest without repeats (${sz.size} after ${prev.size})`,
        );
    });
    const modes = new Set<string>();
    r.modes.forEach((m, j) => {
      if (modes.has(m)) errors.push(`routes[${i}].modes[${j}]: "${m}" is listed twice`);
      modes.add(m);
    });
    // The optional route rules apply to one kind each (see the engine's RouteDef).
    if (r.adoptedAtVote && r.kind !== 'joint-borrowing')
      errors.push(`routes[${i}].adoptedAtVote: only a "joint-borrowing" route can use it`);
    r.sizes.forEach((sz, j) => {
      if (sz.seize && r.kind !== 'reparations-loan')
        errors.push(
          `routes[${i}].sizes[${j}].seize: only a "reparations-loan" route can seize the assets`,
        );
    });
    if (r.gates?.length && r.kind !== 'reparations-loan')
      errors.push(`routes[${i}].gates: only a "reparations-loan" route can use them`);
    r.gates?.forEach((g, j) => {
      const path = `routes[${i}].gates[${j}]`;
      for (const key of ['actor', 'ifCommitted'] as const) {
        const ref = g[key];
        if (ref !== undefined && !actorIds.has(ref))
          errors.push(`${path}.${key}: unknown actor "${ref}"`);
      }
      // A gate may open after the last week (a shortened variant): its money then never flows.
      if (g.actor === undefined && g.legal === undefined && g.from === undefined)
        errors.push(`${path}: a gate needs an actor, a legal level or a week`);
    });
  });
  s.actors.forEach((a, i) => {
    if (a.pledgeOn && !s.routes.some((r) => r.id === a.pledgeOn!.route))
      errors.push(`actors[${i}].pledgeOn.route: unknown route "${a.pledgeOn.route}"`);
    a.conditions?.forEach((c, j) => {
      c.actors?.forEach((ref) => {
        if (!actorIds.has(ref))
          errors.push(`actors[${i}].conditions[${j}].actors: unknown actor "${ref}"`);
      });
      if (c.ballot && c.code !== 'opt-out')
        errors.push(`actors[${i}].conditions[${j}].ballot: only an "opt-out" decides a ballot`);
    });
  });
  // Every nudge and every effect's actor names an actor of the scenario.
  const nudgesAt = (path: string, nudges: readonly { actor: string }[] | undefined) =>
    nudges?.forEach((n, j) => {
      if (!actorIds.has(n.actor)) errors.push(`${path}[${j}].actor: unknown actor "${n.actor}"`);
    });
  s.offerEffects?.forEach((fx, i) => {
    nudgesAt(`offerEffects[${i}].nudges`, fx.nudges);
    if (fx.actor !== undefined && !actorIds.has(fx.actor))
      errors.push(`offerEffects[${i}].actor: unknown actor "${fx.actor}"`);
    if ((fx.text === undefined) !== (fx.reason === undefined))
      errors.push(`offerEffects[${i}]: a log line needs both a text and a reason`);
  });
  nudgesAt('g7Nudges', s.g7Nudges);
  nudgesAt('legalWorkNudges', s.legalWorkNudges);
  s.routes.forEach((r, i) =>
    r.tableEffects?.forEach((fx, j) => {
      nudgesAt(`routes[${i}].tableEffects[${j}].nudges`, fx.nudges);
      if (fx.when === 'uncapped' && !ROUTE_TERMS[r.kind].includes('guarantee'))
        errors.push(`routes[${i}].tableEffects[${j}].when: a "${r.kind}" route has no guarantees`);
    }),
  );

  // Random events.
  duplicates(s.events, 'events', 'event id', errors);
  s.events.forEach((e, i) => {
    if (!inGame(e.from)) weekError(`events[${i}].from`, e.from);
    if (!inGame(e.to)) weekError(`events[${i}].to`, e.to);
    if (e.from > e.to)
      errors.push(
        `events[${i}].to: the window ends (week ${e.to}) before it starts (week ${e.from})`,
      );
    for (const target of Object.keys(e.effects.actors ?? {})) {
      if (!actorIds.has(target))
        errors.push(`events[${i}].effects.actors.${target}: unknown actor "${target}"`);
    }
    for (const target of Object.keys(e.effects.baselines ?? {})) {
      if (!actorIds.has(target))
        errors.push(`events[${i}].effects.baselines.${target}: unknown actor "${target}"`);
    }
  });

  // History and sources.
  const sourceIds = duplicates(s.sources, 'sources', 'source id', errors);
  s.history.items.forEach((item, i) => {
    item.sources.forEach((src, j) => {
      if (!sourceIds.has(src))
        errors.push(
          `history.items[${i}].sources[${j}]: unknown source "${src}" (add it to sources)`,
        );
    });
  });

  s.history.script?.forEach(({ from, to, move }, i) => {
    const at = `history.script[${i}]`;
    if (!inGame(from)) weekError(`${at}.from`, from);
    if (to !== undefined && to !== 99 && !inGame(to)) weekError(`${at}.to`, to);
    if (to !== undefined && to < from)
      errors.push(`${at}.to: the step's weeks end (week ${to}) before they start (week ${from})`);
    if ('actor' in move && !actorIds.has(move.actor))
      errors.push(`${at}.move.actor: unknown actor "${move.actor}"`);
    if ('route' in move && !routeIds.has(move.route))
      errors.push(`${at}.move.route: unknown route "${move.route}"`);
  });

  return errors;
}

// ------------------------------------------------------------------ entry point

export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Checks untrusted data against the Scenario format; never throws. */
export function validateScenario(input: unknown): ScenarioValidation {
  const result = v.safeParse(ScenarioSchema, input);
  if (!result.success) {
    const errors = result.issues.map((issue) => `${pathOf(issue)}: ${reasonOf(issue)}`);
    return { ok: false, errors: [...new Set(errors)] };
  }
  const scenario: Scenario = result.output;
  const errors = crossCheck(scenario);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario };
}
