import { actorOfKind, addDays, formatDate, type Scenario } from '../engine';

import { getScenario } from './registry';
import { validateScenario } from './schema';

// Teacher-tuned variants: a scenario with a few of its lesson-relevant numbers changed (the
// target, the deadline, how strongly a follower follows its leader, how much Belgium fears
// liability, how often events strike). A variant is a handful of integers, so it travels inside
// class links and result codes, and anyone can rebuild exactly the same scenario from it and
// verify a result.

export type TuneKey = 'target' | 'weeks' | 'follow' | 'fear' | 'events';

/** The tuned values; an absent key keeps the scenario's own value. */
export type Variant = Readonly<Partial<Record<TuneKey, number>>>;

export interface Tunable {
  key: TuneKey;
  /** what it changes, named for this scenario ("How strongly Japan follows the United States") */
  label: string;
  /** one line on what moving it does in the game */
  help: string;
  /** the scenario's own value, in the tunable's unit */
  base: number;
  min: number;
  max: number;
  step: number;
  /** the value for people: "EUR 60.0 bn", "15 weeks (deadline 11 Mar 2026)", "+10" */
  show(value: number): string;
}

/**
 * Every tunable's widest range, fixed for all scenarios because codes and links store the value
 * in this many bits (append only: a code carries the key's index in this list).
 */
export const TUNE_KEYS: readonly TuneKey[] = ['target', 'weeks', 'follow', 'fear', 'events'];
export const TUNE_RANGE: Readonly<Record<TuneKey, { min: number; max: number }>> = {
  target: { min: 50, max: 4000 }, // EUR 0.1 bn steps: EUR 5.0 bn to EUR 400.0 bn
  weeks: { min: 4, max: 52 },
  follow: { min: 0, max: 100 }, // percent pull toward the leader
  fear: { min: -30, max: 30 }, // points: more fear lowers the tolerance
  events: { min: 0, max: 300 }, // percent of the designed event chances
};

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const bn = (tenths: number) => `EUR ${(tenths / 10).toFixed(1)} bn`;
const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

function aligned(s: Scenario) {
  const follower = s.actors.find((a) => a.kind === 'aligned' && a.follows.length > 0);
  const leader = follower && s.actors.find((a) => a.id === follower.follows[0]!.actor);
  return follower && leader ? { follower, leader } : null;
}

/** The tunables that mean something in this scenario, with its own values and sensible ranges. */
export function tunablesOf(s: Scenario): Tunable[] {
  const out: Tunable[] = [];
  const target = Math.round(s.target / 100);
  out.push({
    key: 'target',
    label: 'Money to find',
    help: 'The amount that counts as a win. Less makes the game easier; more makes it harder.',
    base: target,
    min: clamp(Math.round(target / 2), TUNE_RANGE.target.min, TUNE_RANGE.target.max),
    max: clamp(target * 2, TUNE_RANGE.target.min, TUNE_RANGE.target.max),
    step: 1,
    show: bn,
  });
  out.push({
    key: 'weeks',
    label: 'Weeks until the deadline',
    help: 'Fewer weeks leave less time to build a deal; the deadline moves with it.',
    base: s.weeks,
    min: clamp(s.weeks - 8, 8, TUNE_RANGE.weeks.max),
    max: clamp(s.weeks + 6, 8, TUNE_RANGE.weeks.max),
    step: 1,
    show: (w) => `${w} weeks (deadline ${formatDate(addDays(s.deadline, (w - s.weeks) * 7))})`,
  });
  const pair = aligned(s);
  if (pair)
    out.push({
      key: 'follow',
      label: `How strongly ${pair.follower.short} follows ${pair.leader.short}`,
      help: `At 0, ${pair.follower.short} decides alone; at 100, it moves only when ${pair.leader.short} does.`,
      base: pair.follower.follows[0]!.pull,
      min: TUNE_RANGE.follow.min,
      max: TUNE_RANGE.follow.max,
      step: 5,
      show: (v) => `${v}%`,
    });
  const belgium = actorOfKind(s, 'custodian');
  if (belgium)
    out.push({
      key: 'fear',
      label: `How much ${belgium.short} fears liability`,
      help: `Above 0, ${belgium.short} needs more protection before it agrees; below 0, less.`,
      base: 0,
      min: -15,
      max: 15,
      step: 1,
      show: (v) => (v === 0 ? 'as designed' : `${signed(v)} points`),
    });
  out.push({
    key: 'events',
    label: 'How often surprises strike',
    help: 'Scales the chance of every random event (lawsuits, market jitters, threats).',
    base: 100,
    min: 0,
    max: 200,
    step: 10,
    show: (v) => `${v}% of the designed chance`,
  });
  return out;
}

/** The variant without keys that equal the scenario's own value (its canonical form). */
export function normaliseVariant(s: Scenario, variant: Variant): Variant {
  const out: Partial<Record<TuneKey, number>> = {};
  for (const t of tunablesOf(s)) {
    const v = variant[t.key];
    if (v !== undefined && v !== t.base) out[t.key] = v;
  }
  return out;
}

export const isPlainVariant = (variant: Variant | undefined): boolean =>
  !variant || Object.keys(variant).length === 0;

/** Why a variant cannot be used with this scenario, or null. */
export function variantProblem(s: Scenario, variant: Variant): string | null {
  const tunables = new Map(tunablesOf(s).map((t) => [t.key, t]));
  for (const [key, value] of Object.entries(variant)) {
    const t = tunables.get(key as TuneKey);
    if (!t) return `"${key}" cannot be tuned in ${s.title}.`;
    if (!Number.isInteger(value) || value < t.min || value > t.max)
      return `${t.label} must be a whole number from ${t.min} to ${t.max} (got ${String(value)}).`;
  }
  return null;
}

function apply(s: Scenario, key: TuneKey, v: number): Scenario {
  switch (key) {
    case 'target':
      return { ...s, target: v * 100 };
    case 'weeks': {
      // The deadline keeps its weekday; whatever falls after the new last week drops out.
      const weeks = v;
      const inGame = (w: number) => w <= weeks;
      return {
        ...s,
        weeks,
        deadline: addDays(s.deadline, (weeks - s.weeks) * 7),
        summitWeeks: s.summitWeeks.filter(inGame),
        g7Weeks: s.g7Weeks.filter(inGame),
        epConsentWeek: Math.min(s.epConsentWeek, weeks),
        imfBoardWeek: Math.min(s.imfBoardWeek, weeks),
        assetLockWeek: Math.min(s.assetLockWeek, weeks),
        calendar: s.calendar.filter((c) => inGame(c.week)),
        events: s.events
          .filter((e) => inGame(e.from))
          .map((e) => (inGame(e.to) ? e : { ...e, to: weeks })),
        routes: s.routes.map((r) =>
          r.openWeek > weeks || r.lag > weeks
            ? { ...r, openWeek: Math.min(r.openWeek, weeks), lag: Math.min(r.lag, weeks) }
            : r,
        ),
      };
    }
    case 'follow': {
      const pair = aligned(s)!;
      return {
        ...s,
        actors: s.actors.map((a) =>
          a.id === pair.follower.id
            ? { ...a, follows: a.follows.map((f, i) => (i === 0 ? { ...f, pull: v } : f)) }
            : a,
        ),
      };
    }
    case 'fear': {
      const difficulty = { ...s.difficulty };
      for (const d of Object.keys(difficulty) as (keyof typeof difficulty)[])
        difficulty[d] = {
          ...difficulty[d],
          belgiumThreshold: clamp(difficulty[d].belgiumThreshold - v, 0, 100),
        };
      return { ...s, difficulty };
    }
    case 'events': {
      const difficulty = { ...s.difficulty };
      for (const d of Object.keys(difficulty) as (keyof typeof difficulty)[])
        difficulty[d] = {
          ...difficulty[d],
          eventIntensity: Math.round((difficulty[d].eventIntensity * v) / 100),
        };
      return { ...s, difficulty };
    }
  }
}

export type Tuned = { ok: true; scenario: Scenario } | { ok: false; reason: string };

const tunedCache = new Map<string, Tuned>();

/** A stable text key of a variant ("" when plain), for caches and comparisons. */
export function variantKey(variant: Variant | undefined): string {
  if (!variant) return '';
  return TUNE_KEYS.filter((k) => variant[k] !== undefined)
    .map((k) => `${k}=${variant[k]}`)
    .join('&');
}

/**
 * The scenario with a variant applied, checked like any scenario (a variant that produced
 * invalid data is refused with the validator's field and reason). The same id and variant
 * always give the same object, so per-scenario caches (move lists, rules tags) keep working.
 */
export function tunedScenario(id: string, variant?: Variant): Tuned {
  const base = getScenario(id);
  if (!base) return { ok: false, reason: `There is no scenario called "${id}".` };
  // Views ask on every update: a plain game, or the same variant object, is answered at once.
  if (!variant || Object.keys(variant).length === 0) return { ok: true, scenario: base };
  const known = byObject.get(variant);
  if (known?.id === id) return known.tuned;
  const tuned = tuneOnce(base, variant);
  byObject.set(variant, { id, tuned });
  return tuned;
}

const byObject = new WeakMap<Variant, { id: string; tuned: Tuned }>();

function tuneOnce(base: Scenario, variant: Variant): Tuned {
  const id = base.id;
  const problem = variantProblem(base, variant);
  if (problem) return { ok: false, reason: problem };
  const canonical = normaliseVariant(base, variant);
  if (isPlainVariant(canonical)) return { ok: true, scenario: base };
  const key = `${id}?${variantKey(canonical)}`;
  const cached = tunedCache.get(key);
  if (cached) return cached;
  let s = base;
  for (const k of TUNE_KEYS) {
    const v = canonical[k];
    if (v !== undefined) s = apply(s, k, v);
  }
  const checked = validateScenario(s);
  const result: Tuned = checked.ok
    ? { ok: true, scenario: checked.scenario }
    : { ok: false, reason: `This version of ${base.title} is not valid: ${checked.errors[0]}` };
  tunedCache.set(key, result);
  return result;
}

/** One line per tuned value, for briefings and teacher pages ("Money to find: EUR 60.0 bn"). */
export function describeVariant(id: string, variant: Variant | undefined): string[] {
  const base = getScenario(id);
  if (!base || !variant) return [];
  return tunablesOf(base)
    .filter((t) => variant[t.key] !== undefined && variant[t.key] !== t.base)
    .map((t) => `${t.label}: ${t.show(variant[t.key]!)} (designed: ${t.show(t.base)})`);
}
