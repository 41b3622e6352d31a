import type { StorageLike } from '../app/store';
import { DIFFICULTIES, hasHistory, type Difficulty, type Scenario } from '../engine';
import {
  getScenario,
  normaliseVariant,
  scenarios,
  TUNE_KEYS,
  tunablesOf,
  tunedScenario,
  variantKey,
  type Tunable,
  type TuneKey,
  type Variant,
} from '../scenarios';
import { classTag, cleanLabel, gameLink, MAX_LABEL } from '../share';
import type { ForkSummary } from './forks';

// The class game a teacher sets up: scenario, seed, difficulty, options and the teacher's tuning
// of the scenario (its variant, src/scenarios/variant.ts). It is what the class
// link carries and what every collected result is compared with. It is remembered in the
// browser (never sent anywhere) under CLASS_KEY; whatever is read back is validated, and a
// damaged value is reported and ignored.

export const CLASS_KEY = 'frozen-assets.class.v1';
export const MAX_SEED = 0xffffffff;

export interface ClassSession {
  scenarioId: string;
  seed: number;
  difficulty: Difficulty;
  hints: boolean;
  /** cleaned class label, "" for none */
  classLabel: string;
  /** the teacher's tuning, in its canonical form (no value equal to the designed one); {} for none */
  variant: Variant;
  /**
   * A class prompt: students start from the real path at the start of this week (2 to the
   * scenario's weeks) and try another way. Absent: they play from the beginning.
   */
  from?: number;
}

export type SessionRead =
  { kind: 'none' } | { kind: 'ok'; session: ClassSession } | { kind: 'error'; reason: string };

/** A fresh class game on the first scenario, standard difficulty, without the coach. */
export function defaultSession(seed: number): ClassSession {
  return {
    scenarioId: Object.keys(scenarios)[0]!,
    seed: seed >>> 0,
    difficulty: 'standard',
    hints: false,
    classLabel: '',
    variant: {},
  };
}

/** A seed typed by the teacher: a whole number from 0 to 4294967295, or the reason it is not. */
export function parseSeed(
  text: string,
): { ok: true; seed: number } | { ok: false; reason: string } {
  const t = text.trim();
  if (!/^\d{1,10}$/.test(t) || Number(t) > MAX_SEED)
    return { ok: false, reason: 'The seed must be a whole number from 0 to 4294967295.' };
  return { ok: true, seed: Number(t) };
}

/** The link students open: the same scenario, seed, difficulty and options for everyone. */
export function sessionLink(base: string, s: ClassSession): string {
  return gameLink(base, {
    scenarioId: s.scenarioId,
    seed: s.seed,
    difficulty: s.difficulty,
    options: { hints: s.hints, classLabel: s.classLabel, variant: s.variant },
    ...(s.from !== undefined ? { from: s.from } : {}),
  });
}

/** The class's version of its scenario: the teacher's tuning, else the scenario as designed. */
export function sessionScenario(s: Pick<ClassSession, 'scenarioId' | 'variant'>): Scenario {
  const tuned = tunedScenario(s.scenarioId, s.variant);
  return tuned.ok ? tuned.scenario : getScenario(s.scenarioId)!;
}

/** The weeks a class prompt can start from: 2 to the last week, where there is a real path. */
export function promptWeeks(scenario: Scenario): number[] {
  if (!hasHistory(scenario)) return [];
  return Array.from({ length: Math.max(0, scenario.weeks - 1) }, (_, i) => i + 2);
}

/**
 * The session with a prompt its scenario can take: a prompt past the last week (the scenario
 * or its tuned length changed) or on a scenario without a real path is dropped.
 */
export function fitPrompt(s: ClassSession): ClassSession {
  if (s.from === undefined || promptWeeks(sessionScenario(s)).includes(s.from)) return s;
  const { from: _dropped, ...rest } = s;
  return rest;
}

/**
 * A stored variant checked key by key against the scenario: the canonical variant, or why it
 * cannot be used. Absent (settings saved before tuning existed) is the scenario as designed.
 */
function readVariant(value: unknown, scenarioId: string): Variant | string {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'its tuning of the scenario is not a set of values';
  const out: Partial<Record<TuneKey, number>> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!TUNE_KEYS.includes(key as TuneKey))
      return `its tuning of the scenario has a value the game does not know ("${key.slice(0, 20)}")`;
    if (typeof v !== 'number') return 'its tuning of the scenario has a value that is not a number';
    out[key as TuneKey] = v;
  }
  const tuned = tunedScenario(scenarioId, out);
  if (!tuned.ok) return `its tuning of the scenario cannot be used (${tuned.reason})`;
  return normaliseVariant(getScenario(scenarioId)!, out);
}

/** Checks an unknown value (parsed JSON) field by field; returns the session or why not. */
export function validateSession(value: unknown): ClassSession | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'it is not a set of settings';
  const v = value as Record<string, unknown>;
  if (v.v !== 1) return 'it was saved by another version of the page';
  if (typeof v.scenarioId !== 'string' || !getScenario(v.scenarioId))
    return 'it names a scenario this game does not have';
  if (typeof v.seed !== 'number' || !Number.isInteger(v.seed) || v.seed < 0 || v.seed > MAX_SEED)
    return 'its seed is not a whole number from 0 to 4294967295';
  if (typeof v.difficulty !== 'string' || !DIFFICULTIES.includes(v.difficulty as Difficulty))
    return 'it names an unknown difficulty';
  if (typeof v.hints !== 'boolean') return 'its coach setting is not on or off';
  if (typeof v.classLabel !== 'string' || [...v.classLabel].length > MAX_LABEL)
    return 'its class label is not a short text';
  const variant = readVariant(v.variant, v.scenarioId);
  if (typeof variant === 'string') return variant;
  if (
    v.from !== undefined &&
    !promptWeeks(sessionScenario({ scenarioId: v.scenarioId, variant })).includes(v.from as number)
  )
    return 'its week to start from is not a week of the scenario’s real path';
  return {
    scenarioId: v.scenarioId,
    seed: v.seed,
    difficulty: v.difficulty as Difficulty,
    hints: v.hints,
    classLabel: cleanLabel(v.classLabel),
    variant,
    ...(v.from !== undefined ? { from: v.from as number } : {}),
  };
}

/** The remembered class game, if any. Never throws. */
export function readSession(storage: StorageLike | null): SessionRead {
  if (!storage) return { kind: 'none' };
  let text: string | null;
  try {
    text = storage.getItem(CLASS_KEY);
  } catch {
    return {
      kind: 'error',
      reason: 'The browser blocked access to the remembered class settings.',
    };
  }
  if (text === null) return { kind: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      kind: 'error',
      reason: 'The remembered class settings are damaged, so the defaults are shown instead.',
    };
  }
  const session = validateSession(parsed);
  if (typeof session === 'string')
    return {
      kind: 'error',
      reason: `The remembered class settings were ignored: ${session}. The defaults are shown instead.`,
    };
  return { kind: 'ok', session };
}

/** Remembers the class game; returns why it could not, or null. */
export function writeSession(storage: StorageLike | null, s: ClassSession): string | null {
  if (!storage) return null;
  try {
    storage.setItem(CLASS_KEY, JSON.stringify({ v: 1, ...s }));
    return null;
  } catch {
    return 'The browser would not remember these settings; they stay while this page is open.';
  }
}

/** What a verified game needs to be compared with the class game. */
export interface GameIdentity {
  scenario: string;
  seed: number;
  difficulty: Difficulty;
  hints: boolean;
  classTag: number | null;
  /** the tuning the game was played with ({} or absent: as designed) */
  variant?: Variant;
  /** where a "What if?" game started (absent: from the beginning) */
  fork?: ForkSummary;
}

const onOff = (b: boolean) => (b ? 'on' : 'off');

/** A tuned value in few words: "EUR 60.0 bn", "12 weeks", "as designed". */
function valueText(t: Tunable, value: number): string {
  return t.key === 'weeks' ? `${value} weeks` : t.show(value);
}

/**
 * How a game's version of a scenario differs from the class's, or null when it is the same
 * ("another version of the scenario (as designed, not the class's tuned version)").
 */
export function versionDifference(
  scenarioId: string,
  game: Variant | undefined,
  cls: Variant,
): string | null {
  const scenario = getScenario(scenarioId);
  if (!scenario) return null;
  const g = normaliseVariant(scenario, game ?? {});
  const c = normaliseVariant(scenario, cls);
  if (variantKey(g) === variantKey(c)) return null;
  const what = 'another version of the scenario';
  if (Object.keys(g).length === 0) return `${what} (as designed, not the class's tuned version)`;
  const changes = tunablesOf(scenario)
    .filter((t) => g[t.key] !== c[t.key])
    .map(
      (t) =>
        `${t.label}: ${valueText(t, g[t.key] ?? t.base)}, not ${valueText(t, c[t.key] ?? t.base)}`,
    );
  return `${what} (${changes.join('; ')})`;
}

/**
 * How a verified game differs from the class game, in short phrases ("seed 12 not 34"), empty
 * when it is the class game. The class label travels in codes only as a 16-bit tag; the
 * version of the scenario is compared only when the scenario is the same.
 */
export function differences(game: GameIdentity, s: ClassSession): string[] {
  const out: string[] = [];
  if (game.scenario !== s.scenarioId) {
    const title = (id: string) => getScenario(id)?.title ?? id;
    out.push(`scenario “${title(game.scenario)}” not “${title(s.scenarioId)}”`);
  } else {
    const version = versionDifference(s.scenarioId, game.variant, s.variant);
    if (version) out.push(version);
    const start = startDifference(game.fork, s.from);
    if (start) out.push(start);
  }
  if (game.seed !== s.seed) out.push(`seed ${game.seed} not ${s.seed}`);
  if (game.difficulty !== s.difficulty)
    out.push(`difficulty ${game.difficulty} not ${s.difficulty}`);
  if (game.hints !== s.hints) out.push(`coach ${onOff(game.hints)} not ${onOff(s.hints)}`);
  const tag = classTag(s.classLabel);
  if (game.classTag !== tag) {
    if (tag === null) out.push('made for a class, and this game has no class label');
    else if (game.classTag === null) out.push(`no class label, not “${s.classLabel}”`);
    else out.push(`another class label, not “${s.classLabel}”`);
  }
  return out;
}

/**
 * How a game's start differs from the class prompt, or null when it matches: a game from the
 * beginning when the class starts from the real path at a week, a fork of another game or of
 * another week, or a fork when the class plays from the beginning.
 */
export function startDifference(
  fork: ForkSummary | undefined,
  from: number | undefined,
): string | null {
  const what = (f: ForkSummary) =>
    f.kind === 'history'
      ? `what-if from week ${f.week} of the real path`
      : `what-if from week ${f.week} of another game`;
  if (from === undefined) return fork ? `${what(fork)}, not a game from the beginning` : null;
  if (!fork) return `a game from the beginning, not from the real path at week ${from}`;
  if (fork.kind === 'history' && fork.week !== from) return `${what(fork)}, not week ${from}`;
  if (fork.kind === 'game') return `${what(fork)}, not from the real path at week ${from}`;
  return null;
}

/** The flag text shown beside a result, or null when it is the class game. */
export function flagText(game: GameIdentity, s: ClassSession): string | null {
  const d = differences(game, s);
  return d.length ? `Played on another game: ${d.join('; ')}.` : null;
}
