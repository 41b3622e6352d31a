import type { StorageLike } from '../app/store';
import { DIFFICULTIES, type Difficulty } from '../engine';
import { getScenario, scenarios } from '../scenarios';
import { classTag, cleanLabel, gameLink, MAX_LABEL } from '../share';

// The class game a teacher sets up: scenario, seed, difficulty and options. It is what the class
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
}

export type SessionRead =
  { kind: 'none' } | { kind: 'ok'; session: ClassSession } | { kind: 'error'; reason: string };

/** A fresh class game on the first scenario, standard difficulty, without hints. */
export function defaultSession(seed: number): ClassSession {
  return {
    scenarioId: Object.keys(scenarios)[0]!,
    seed: seed >>> 0,
    difficulty: 'standard',
    hints: false,
    classLabel: '',
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
    options: { hints: s.hints, classLabel: s.classLabel },
  });
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
  if (typeof v.hints !== 'boolean') return 'its hints setting is not on or off';
  if (typeof v.classLabel !== 'string' || [...v.classLabel].length > MAX_LABEL)
    return 'its class label is not a short text';
  return {
    scenarioId: v.scenarioId,
    seed: v.seed,
    difficulty: v.difficulty as Difficulty,
    hints: v.hints,
    classLabel: cleanLabel(v.classLabel),
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
}

const onOff = (b: boolean) => (b ? 'on' : 'off');

/**
 * How a verified game differs from the class game, in short phrases ("seed 12 not 34"), empty
 * when it is the class game. The class label travels in codes only as a 16-bit tag.
 */
export function differences(game: GameIdentity, s: ClassSession): string[] {
  const out: string[] = [];
  if (game.scenario !== s.scenarioId) {
    const title = (id: string) => getScenario(id)?.title ?? id;
    out.push(`scenario “${title(game.scenario)}” not “${title(s.scenarioId)}”`);
  }
  if (game.seed !== s.seed) out.push(`seed ${game.seed} not ${s.seed}`);
  if (game.difficulty !== s.difficulty)
    out.push(`difficulty ${game.difficulty} not ${s.difficulty}`);
  if (game.hints !== s.hints) out.push(`hints ${onOff(game.hints)} not ${onOff(s.hints)}`);
  const tag = classTag(s.classLabel);
  if (game.classTag !== tag) {
    if (tag === null) out.push('made for a class, and this game has no class label');
    else if (game.classTag === null) out.push(`no class label, not “${s.classLabel}”`);
    else out.push(`another class label, not “${s.classLabel}”`);
  }
  return out;
}

/** The flag text shown beside a result, or null when it is the class game. */
export function flagText(game: GameIdentity, s: ClassSession): string | null {
  const d = differences(game, s);
  return d.length ? `Played on another game: ${d.join('; ')}.` : null;
}
