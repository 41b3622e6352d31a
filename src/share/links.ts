import { DIFFICULTIES, hasHistory, type Difficulty } from '../engine';
import { getScenario, scenarios, TUNE_KEYS, tunedScenario, type TuneKey } from '../scenarios';
import { MAX_CODE_LENGTH } from './code';
import { cleanLabel, DEFAULT_OPTIONS, MAX_LABEL, type GameOptions } from './options';

// Links live in the URL's fragment (after #): browsers never send it to a server, so a class
// link or a student's result stays on the machine that opens it.
//   #play?scenario=december-summit&seed=123&difficulty=standard&hints=on&class=7B
//     [&target=600&weeks=15&follow=20&fear=5&events=50]   (a teacher's variant, see variant.ts)
//     [&from=4]   (a class prompt: start from the real path at the start of week 4, a fork)
//   #daily?scenario=december-summit&difficulty=standard   (the seed is the day: 20261123)
//   #history?scenario=december-summit&seed=123&difficulty=standard   (the real path as a replay)
//   #r=CODE                                               (a result code: replay it)
//   #teacher                                              (the teacher's page)
// Everything here is untrusted input: parseRoute never throws and refuses with a reason.

export interface GameLink {
  scenarioId: string;
  seed: number;
  difficulty: Difficulty;
  options: GameOptions;
  /** a class prompt: the game starts from the real path at the start of this week */
  from?: number;
}

export type Route =
  | { kind: 'menu' }
  | { kind: 'play'; link: GameLink; daily: boolean }
  | { kind: 'history'; link: GameLink }
  | { kind: 'replay'; code: string }
  | { kind: 'teacher' }
  | { kind: 'invalid'; reason: string };

/** Longest fragment looked at; longer ones are refused unread. */
const MAX_FRAGMENT = MAX_CODE_LENGTH + 16;
const KNOWN_PARAMS = new Set<string>([
  'scenario',
  'seed',
  'difficulty',
  'hints',
  'class',
  'from',
  ...TUNE_KEYS,
]);

/** The day as a seed: 2026-11-23 is 20261123. `today` is an ISO date the page supplies. */
export function dailySeed(today: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  return m ? Number(`${m[1]}${m[2]}${m[3]}`) : null;
}

/**
 * What a fragment asks for. `today` (ISO date) sets the daily challenge's seed; the share layer
 * reads no clock itself.
 */
export function parseRoute(fragment: string, today: string): Route {
  if (typeof fragment !== 'string') return { kind: 'menu' };
  const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (raw === '' || raw === '/') return { kind: 'menu' };
  if (raw.length > MAX_FRAGMENT)
    return { kind: 'invalid', reason: 'This link is far too long to be one of ours.' };
  if (raw.startsWith('r=')) return { kind: 'replay', code: raw.slice(2) };
  if (raw === 'teacher') return { kind: 'teacher' };
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  if (path !== 'play' && path !== 'daily' && path !== 'history')
    return { kind: 'invalid', reason: 'This link does not point to anything in the game.' };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  } catch {
    return { kind: 'invalid', reason: 'This link is garbled.' };
  }
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (!KNOWN_PARAMS.has(key))
      return { kind: 'invalid', reason: 'This link has a part the game does not know.' };
    if (seen.has(key)) return { kind: 'invalid', reason: 'This link gives a setting twice.' };
    seen.add(key);
  }
  const link = readGame(params, path === 'daily' ? dailySeed(today) : undefined);
  if (typeof link === 'string') return { kind: 'invalid', reason: link };
  if (path === 'history') {
    if (link.from !== undefined || link.options.hints || link.options.classLabel)
      return { kind: 'invalid', reason: 'This link has a part the game does not know.' };
    return { kind: 'history', link };
  }
  return { kind: 'play', link, daily: path === 'daily' };
}

/** The game a link describes, or the reason it cannot be played. */
function readGame(params: URLSearchParams, daily: number | null | undefined): GameLink | string {
  const scenarioId = params.get('scenario') ?? Object.keys(scenarios)[0]!;
  if (!getScenario(scenarioId)) return 'This link names a scenario this game does not have.';
  const difficulty = (params.get('difficulty') ?? 'standard') as Difficulty;
  if (!DIFFICULTIES.includes(difficulty)) return 'This link names an unknown difficulty.';
  let seed: number;
  if (daily !== undefined) {
    if (daily === null) return 'The date of today could not be read for the daily challenge.';
    seed = daily;
  } else {
    const text = params.get('seed') ?? '';
    if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff)
      return 'The seed in this link is not a whole number from 0 to 4294967295.';
    seed = Number(text);
  }
  const hints = params.get('hints') ?? 'off';
  if (hints !== 'on' && hints !== 'off') return 'The hints setting in this link is not on or off.';
  const label = params.get('class') ?? '';
  if ([...label].length > MAX_LABEL * 2) return 'The class name in this link is too long.';
  const variant: Partial<Record<TuneKey, number>> = {};
  for (const key of TUNE_KEYS) {
    const text = params.get(key);
    if (text === null) continue;
    if (!/^-?\d{1,4}$/.test(text))
      return `The "${key}" setting in this link is not a whole number.`;
    variant[key] = Number(text);
  }
  const tuned = tunedScenario(scenarioId, variant);
  if (!tuned.ok) return `This link's version of the scenario cannot be played: ${tuned.reason}`;
  const fromText = params.get('from');
  let from: number | undefined;
  if (fromText !== null) {
    if (!hasHistory(tuned.scenario))
      return `${tuned.scenario.title} has no real path on record to start from.`;
    from = Number(fromText);
    if (!/^\d{1,2}$/.test(fromText) || from < 2 || from > tuned.scenario.weeks)
      return `The week to start from in this link is not a week from 2 to ${tuned.scenario.weeks}.`;
  }
  return {
    scenarioId,
    seed,
    difficulty,
    options: {
      ...DEFAULT_OPTIONS,
      hints: hints === 'on',
      classLabel: cleanLabel(label),
      ...(Object.keys(variant).length ? { variant } : {}),
    },
    ...(from !== undefined ? { from } : {}),
  };
}

/** `base` is the page's address without its fragment. */
export function gameLink(base: string, link: GameLink): string {
  const p = new URLSearchParams({
    scenario: link.scenarioId,
    seed: String(link.seed),
    difficulty: link.difficulty,
  });
  if (link.options.hints) p.set('hints', 'on');
  if (link.options.classLabel) p.set('class', link.options.classLabel);
  for (const key of TUNE_KEYS) {
    const value = link.options.variant?.[key];
    if (value !== undefined) p.set(key, String(value));
  }
  if (link.from !== undefined) p.set('from', String(link.from));
  return `${base}#play?${p.toString()}`;
}

/** The real path of a scenario from a seed, as a replay to step through and fork. */
export function historyLink(base: string, link: GameLink): string {
  const p = new URLSearchParams({
    scenario: link.scenarioId,
    seed: String(link.seed),
    difficulty: link.difficulty,
  });
  for (const key of TUNE_KEYS) {
    const value = link.options.variant?.[key];
    if (value !== undefined) p.set(key, String(value));
  }
  return `${base}#history?${p.toString()}`;
}

export function dailyLink(base: string, scenarioId: string, difficulty: Difficulty): string {
  return `${base}#daily?${new URLSearchParams({ scenario: scenarioId, difficulty }).toString()}`;
}

export function replayLink(base: string, code: string): string {
  return `${base}#r=${code}`;
}

export function teacherLink(base: string): string {
  return `${base}#teacher`;
}
