import { TERM_KEYS, type Move, type RouteState, type TermKey } from '../engine';
import { getScenario, tunedScenario } from '../scenarios';
import { verifyResult, type Verified } from '../share';
import type { Check } from './collect';
import { routeTaken, type ForkSummary } from './forks';

// What the classroom page keeps of one verified game: the figures for the results table and the
// few facts the class charts and debrief questions are built from. It is small and plain data,
// so it can be passed between threads and kept for hundreds of students.

export interface ClassResult extends Omit<
  Verified,
  'valid' | 'stateHash' | 'moves' | 'state' | 'fork'
> {
  /** where a "What if?" game started (absent: a game from the beginning) */
  fork?: ForkSummary;
  /** the route the game took (see routeTaken), null when it tabled none */
  routeTaken: string | null;
  /** the final state's hash: the same seed and moves give the same game */
  gameHash: string;
  /** actions taken (every move but "end the week") */
  actions: number;
  /** each route's status at the end, by route id */
  routes: Record<string, RouteState['status']>;
  /** the first week each actor was committed, by actor id (absent: never) */
  turned: Record<string, number>;
  /** the terms offered to each actor up to the week it turned (or in the whole game) */
  offerTerms: Record<string, string[]>;
  /** how often each actor was put under public pressure */
  pressured: Record<string, number>;
}

/** The week each move was made in: moves before the first "end the week" are in week 1. */
function weeksOf(moves: readonly Move[]): number[] {
  let week = 1;
  return moves.map((m) => {
    const w = week;
    if (m.type === 'week.end') week++;
    return w;
  });
}

/** The classroom's summary of a verified game. */
export function summarise(v: Verified): ClassResult {
  const st = v.state;
  const routes: ClassResult['routes'] = {};
  for (const [id, r] of Object.entries(st.routes)) routes[id] = r.status;

  const turned: Record<string, number> = {};
  for (const rec of st.history)
    for (const [actor, stance] of Object.entries(rec.stance))
      if (stance === 'committed' && turned[actor] === undefined) turned[actor] = rec.week;

  const offered = new Map<string, Set<string>>();
  const pressured: Record<string, number> = {};
  const weeks = weeksOf(v.moves);
  v.moves.forEach((m, i) => {
    if (m.type === 'pressure.public') pressured[m.actor] = (pressured[m.actor] ?? 0) + 1;
    if (m.type !== 'offer.make') return;
    const until = turned[m.actor];
    if (until !== undefined && weeks[i]! > until) return;
    let set = offered.get(m.actor);
    if (!set) offered.set(m.actor, (set = new Set()));
    for (const [term, value] of Object.entries(m.terms))
      if (value !== false && value !== undefined) set.add(term);
  });
  // Terms in the engine's fixed order, so results compare term by term.
  const rank = (t: string) => {
    const i = TERM_KEYS.indexOf(t as TermKey);
    return i < 0 ? TERM_KEYS.length : i;
  };
  const offerTerms: Record<string, string[]> = {};
  for (const [actor, set] of offered)
    offerTerms[actor] = [...set].sort((a, b) => rank(a) - rank(b));

  const tuned = tunedScenario(v.scenario, v.variant);
  const scenario = tuned.ok ? tuned.scenario : getScenario(v.scenario)!;
  const { valid: _valid, stateHash, moves, state: _state, fork, ...fields } = v;
  return {
    ...fields,
    ...(fork ? { fork: { kind: fork.kind, week: fork.week } } : {}),
    routeTaken: routeTaken(scenario, st, moves, fork?.week),
    gameHash: stateHash,
    actions: moves.filter((m) => m.type !== 'week.end').length,
    routes,
    turned,
    offerTerms,
    pressured,
  };
}

/**
 * Entries whose game was already given under another code (the same moves from the same seed,
 * with another name, class tag or coach setting), each mapped to the first such entry. A code
 * proves the moves, not who played them; two students following the same coach can also end
 * up with the same game, so this is shown as a note, not as an accusation.
 */
export function sameGames<E extends { key: string; check: Check<ClassResult> }>(
  entries: readonly E[],
): Map<string, E> {
  return repeats(
    entries,
    (r) => r.gameHash,
    () => true,
  );
}

/**
 * Verified entries whose `keyOf` was already given by an earlier entry, each mapped to that
 * first entry, when `counts(earlier, later)` says the repeat is worth a note. An empty key is
 * never compared.
 */
function repeats<E extends { key: string; check: Check<ClassResult> }>(
  entries: readonly E[],
  keyOf: (r: ClassResult) => string,
  counts: (earlier: ClassResult, later: ClassResult) => boolean,
): Map<string, E> {
  const first = new Map<string, { entry: E; result: ClassResult }>();
  const out = new Map<string, E>();
  for (const e of entries) {
    if (!e.check.valid) continue;
    const key = keyOf(e.check.result);
    if (!key) continue;
    const earlier = first.get(key);
    if (!earlier) first.set(key, { entry: e, result: e.check.result });
    else if (counts(earlier.result, e.check.result)) out.set(e.key, earlier.entry);
  }
  return out;
}

/** Verifies one code by replaying it (see verifyResult) and keeps its summary. Never throws. */
export function checkCode(code: string): Check<ClassResult> {
  let v: ReturnType<typeof verifyResult>;
  try {
    v = verifyResult(code);
  } catch {
    return { valid: false, reason: 'The game could not replay this code.' };
  }
  if (!v.valid) return { valid: false, reason: v.reason };
  return { valid: true, result: summarise(v) };
}

/** A name as compared for "the same name twice": case, accents' case and spaces ignored. */
const nameKey = (name: string) =>
  name.normalize('NFC').toLocaleLowerCase().replace(/\s+/gu, ' ').trim();

/**
 * Entries whose name was already given for another game (another final state), each mapped to
 * the first such entry: a student who played twice, or two students of the same name. Entries
 * without a name are not compared; the same game twice is sameGames' note, not this one.
 */
export function sameNames<E extends { key: string; check: Check<ClassResult> }>(
  entries: readonly E[],
): Map<string, E> {
  return repeats(
    entries,
    (r) => nameKey(r.name),
    (earlier, later) => earlier.gameHash !== later.gameHash,
  );
}

/**
 * The entries with the names to show: the teacher's corrections (by code), or, with `hide`,
 * "Student 1", "Student 2", … in the order the codes were given, the same in every table and
 * chart.
 */
export function withNames<E extends { key: string; check: Check<ClassResult> }>(
  entries: readonly E[],
  names: Readonly<Record<string, string>>,
  hide: boolean,
): E[] {
  let n = 0;
  return entries.map((e) => {
    if (!e.check.valid) return e;
    n++;
    const name = hide ? `Student ${n}` : (names[e.key] ?? e.check.result.name);
    if (name === e.check.result.name) return e;
    return { ...e, check: { valid: true, result: { ...e.check.result, name } } };
  });
}
