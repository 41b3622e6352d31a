import type { StorageLike } from '../app/store';
import type { Candidate, Group } from './collect';
import { validateSession, type ClassSession } from './session';

// The results a teacher has checked, kept in this browser per class (never sent anywhere) under
// RESULTS_KEY, and written to / read from a class file. Only the codes are kept, with where
// they came from and the teacher's corrections of names: every code is verified again by
// replaying it when the page opens, so nothing read back is trusted. Whatever is read back is
// validated piece by piece: what can be kept is kept, the rest is reported, and a damaged
// store is set aside (DAMAGED_KEY) before anything overwrites it.

export const RESULTS_KEY = 'frozen-assets.results.v1';
export const DAMAGED_KEY = 'frozen-assets.results.damaged';
/** What a class file says it is. */
export const FILE_FORMAT = 'frozen-assets-class';
/** Longest text kept for one line (codes are at most 1200 characters). */
const MAX_TEXT = 2000;
const MAX_GROUPS = 1000;
const MAX_NAME = 63;

export interface KeptClass {
  /** the distinct codes (and lines without one), in the order they were first given */
  groups: Group[];
  /** the teacher's corrections of names, by code */
  names: Record<string, string>;
  hideNames: boolean;
  /** how many checks added to this class (names the places of later pastes) */
  checks: number;
  /** the class link as it was last copied, printed or opened (changing it warns first) */
  shared: string | null;
}

/** The classes kept, by class label ("" for a class without one). */
export type Kept = Record<string, KeptClass>;

export const emptyClass = (): KeptClass => ({
  groups: [],
  names: {},
  hideNames: false,
  checks: 0,
  shared: null,
});

export type KeptRead =
  | { kind: 'ok'; kept: Kept; problem: string | null }
  | { kind: 'error'; kept: Kept; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const shortText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length <= max;

function readCandidate(v: unknown): Candidate | null {
  if (!isObject(v)) return null;
  const { source, line, text, reason, toLine, name } = v;
  if (!shortText(source, 300) || !shortText(text, MAX_TEXT)) return null;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) return null;
  if (reason !== undefined && !shortText(reason, 300)) return null;
  // A row across lines, and the name a sheet gave a code that carries none (collect.ts).
  if (
    toLine !== undefined &&
    (typeof toLine !== 'number' || !Number.isInteger(toLine) || toLine < line)
  )
    return null;
  if (name !== undefined && !shortText(name, MAX_NAME)) return null;
  return {
    source,
    line,
    text,
    ...(reason !== undefined ? { reason } : {}),
    ...(toLine !== undefined ? { toLine } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}

function readGroup(v: unknown): Group | null {
  if (!isObject(v) || !shortText(v.key, MAX_TEXT)) return null;
  const first = readCandidate(v.first);
  if (!first || !Array.isArray(v.also)) return null;
  const also = v.also.map(readCandidate);
  if (also.some((c) => c === null)) return null;
  return { key: v.key, first, also: also as Candidate[] };
}

/** A kept class checked field by field: what could be read, and how many codes could not. */
export function readClass(v: unknown): { kept: KeptClass; lost: number } | null {
  if (!isObject(v) || !Array.isArray(v.groups)) return null;
  const groups: Group[] = [];
  let lost = 0;
  const seen = new Set<string>();
  for (const g of v.groups.slice(0, MAX_GROUPS)) {
    const group = readGroup(g);
    if (group && !seen.has(group.key)) {
      groups.push(group);
      seen.add(group.key);
    } else if (!group) lost++;
  }
  lost += Math.max(0, v.groups.length - MAX_GROUPS);
  const names: Record<string, string> = {};
  if (isObject(v.names))
    for (const [key, name] of Object.entries(v.names))
      if (seen.has(key) && shortText(name, MAX_NAME)) names[key] = name;
  const checks = typeof v.checks === 'number' && Number.isInteger(v.checks) ? v.checks : 0;
  return {
    kept: {
      groups,
      names,
      hideNames: v.hideNames === true,
      checks: Math.max(0, Math.min(checks, 1e6)),
      shared: shortText(v.shared, 4000) ? v.shared : null,
    },
    lost,
  };
}

const DAMAGED =
  'The results kept in this browser are damaged and could not be read; a copy was set aside. Check the codes again to see the class.';

/** The kept classes. Never throws; a damaged store is copied to DAMAGED_KEY first. */
export function readKept(storage: StorageLike | null): KeptRead {
  if (!storage) return { kind: 'ok', kept: {}, problem: null };
  let text: string | null;
  try {
    text = storage.getItem(RESULTS_KEY);
  } catch {
    return {
      kind: 'error',
      kept: {},
      problem:
        'The browser blocked access to the results kept here; they show while the page is open.',
    };
  }
  if (text === null) return { kind: 'ok', kept: {}, problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isObject(parsed) || parsed.v !== 1 || !isObject(parsed.classes)) {
    setAside(storage, text);
    return { kind: 'error', kept: {}, problem: DAMAGED };
  }
  const kept: Kept = {};
  let lost = 0;
  for (const [label, value] of Object.entries(parsed.classes)) {
    const c = readClass(value);
    if (c && label.length <= 100) {
      kept[label] = c.kept;
      lost += c.lost;
    } else lost++;
  }
  if (lost) setAside(storage, text);
  return {
    kind: 'ok',
    kept,
    problem: lost
      ? `Part of the results kept in this browser was damaged: ${lost === 1 ? 'one entry' : `${lost} entries`} could not be read and ${lost === 1 ? 'was' : 'were'} left out (a copy was set aside). Everything else is shown.`
      : null,
  };
}

function setAside(storage: StorageLike, text: string) {
  try {
    storage.setItem(DAMAGED_KEY, text);
  } catch {
    // nothing more can be done: the message says the store was damaged
  }
}

/** Keeps the classes; returns why it could not, or null. */
export function writeKept(storage: StorageLike | null, kept: Kept): string | null {
  if (!storage) return null;
  const classes: Kept = {};
  // Empty classes are not written, so the store holds only classes with something in them.
  for (const [label, c] of Object.entries(kept))
    if (c.groups.length || c.shared) classes[label] = c;
  try {
    storage.setItem(RESULTS_KEY, JSON.stringify({ v: 1, classes }));
    return null;
  } catch {
    return 'The browser would not keep these results (it may be full or private); they stay while this page is open. Download the class file to keep them.';
  }
}

const placeKey = (c: Candidate) => `${c.source}\u0000${c.line}`;

/**
 * The kept groups with a new check's added: a code already there gets the new places (listed
 * once, with every place it was given); a new code is added at the end.
 */
export function mergeGroups(kept: readonly Group[], incoming: readonly Group[]): Group[] {
  const out = kept.map((g) => ({ ...g, also: [...g.also] }));
  const byKey = new Map(out.map((g) => [g.key, g]));
  for (const g of incoming) {
    const there = byKey.get(g.key);
    if (!there) {
      const fresh = { ...g, also: [...g.also] };
      out.push(fresh);
      byKey.set(g.key, fresh);
      continue;
    }
    const places = new Set([there.first, ...there.also].map(placeKey));
    for (const c of [g.first, ...g.also])
      if (!places.has(placeKey(c))) {
        there.also.push(c);
        places.add(placeKey(c));
      }
  }
  return out;
}

/** Where pasted codes of the next check are said to come from: "pasted", then "paste 2", … */
export const pasteSource = (checks: number): string =>
  checks === 0 ? 'pasted' : `paste ${checks + 1}`;

/** A class file: the class game and its kept codes, names and setting. */
export function classFile(label: string, session: ClassSession, c: KeptClass): string {
  const { shared: _shared, ...rest } = c;
  return JSON.stringify(
    { format: FILE_FORMAT, v: 1, classLabel: label, session: { v: 1, ...session }, ...rest },
    null,
    1,
  );
}

export type FileRead =
  | { ok: true; kept: KeptClass; session: ClassSession | null; lost: number }
  | { ok: false; reason: string };

/** A class file read back, checked like the store; the reason when it is not one. */
export function readClassFile(text: string): FileRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    return { ok: false, reason: 'it is not a class file saved by this page (it is not JSON).' };
  }
  if (!isObject(parsed) || parsed.format !== FILE_FORMAT)
    return { ok: false, reason: 'it is not a class file saved by this page.' };
  if (parsed.v !== 1) return { ok: false, reason: 'it was saved by another version of the page.' };
  const c = readClass(parsed);
  if (!c) return { ok: false, reason: 'its list of codes is damaged.' };
  const session = validateSession(parsed.session);
  return {
    ok: true,
    kept: { ...c.kept, shared: null },
    session: typeof session === 'string' ? null : session,
    lost: c.lost,
  };
}

/** A name as the teacher typed it: trimmed, at most 63 characters; "" puts back the student's. */
export function cleanName(text: string): string {
  return [...text.replace(/\s+/gu, ' ').trim()].slice(0, MAX_NAME).join('');
}
