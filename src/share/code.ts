import { sha256 } from '@noble/hashes/sha2.js';

import { actorRuntime } from '../actors';
import {
  candidateMoves,
  createGame,
  DIFFICULTIES,
  digest,
  hasHistory,
  historyMoves,
  money,
  RULES_REVISION,
  stableStringify,
  stateHash,
  type Difficulty,
  type Game,
  type GameState,
  type Move,
  type Scenario,
} from '../engine';
import {
  getScenario,
  isPlainVariant,
  normaliseVariant,
  TUNE_KEYS,
  TUNE_RANGE,
  tunedScenario,
  variantKey,
  type TuneKey,
  type Variant,
} from '../scenarios';
import { BitReader, BitWriter, fromBase64Url, OutOfBits, toBase64Url } from './bits';
import { classTag, cleanName, type GameOptions } from './options';
import { EARLIER_TAGS } from './rules-history';

// The result code: everything needed to replay a game (scenario, seed, difficulty, options, the
// moves) plus the player's display name and the first 32 bits of the final state's hash, packed
// into bits and written as base64url. A whole 19-week game fits in well under 200 characters.
//
// Layout, high bit first:
//   version 8 | scenario 4 | rules 16 | difficulty 2 | seed 32 | hints 1 | has class 1
//   [| class tag 16] | name length 6 | name (UTF-8) | move count 9 | moves | claimed hash 32
//   | checksum 32
// "rules" is 16 bits of a digest of the rules: the scenario's data and the engine's
// RULES_REVISION (see rulesTag). A code made under other rules (a rebalanced scenario, or an
// earlier version of the game whose rules in code gave other results) is recognised as such
// instead of failing its replay or its hash. A move is one 0 bit for "end
// the week", else a 1 bit and its index in the scenario's fixed move list (candidateMoves), in
// as many bits as that list needs. The checksum is the first 32 bits of SHA-256 over everything
// before it, so a garbled code is refused before any replay. Every code has one spelling only.
//
// What verification proves: these moves, from this seed, give this result. It cannot prove who
// played them: the name, hints and class tag are not part of the game, and anyone can recompute
// a checksum. The teacher's page therefore flags the same game under two names.
//
// Version 2 is version 1 with a teacher's variant after the class tag (src/scenarios/variant.ts):
//   ... | has class 1 [| class tag 16] | tuned values 3 | (key 3 | value, in its range's bits)*
//   | name length 6 | ...
// with keys in TUNE_KEYS order and no value equal to the scenario's own. The rules tag is then
// the tuned scenario's, so a code is checked against exactly the rules it was played under.
// A game as designed is still written as version 1, bit for bit as before.
//
// Version 3 is a fork: a game that took another game's moves up to the start of a week (the real
// path, or any game's), then went its own way. After the class tag:
//   ... | has class 1 [| class tag 16] | tuned 1 [| tuned values as in version 2]
//   | name length 6 | name | base 1 | fork week 6
//   | (base 0, the real path: script tag 16) | (base 1, a game: base move count 9 | base moves)
//   | own move count 9 | own moves | claimed hash 32 | checksum 32
// The real path is not written: its moves are the scenario's script played from the seed
// (engine/history.ts), and the script tag (16 bits of its digest) says which script it was. A
// game's base is written whole, so that the comparison can show both timelines to their ends.
//
// NOTE: changing this format breaks old result codes. Never change a version: add the next one
// beside it, keep reading the old ones so old links still open, and dispatch on the version.

export const CODE_VERSION = 1;
/** The version of codes for a teacher-tuned variant. */
export const VARIANT_CODE_VERSION = 2;
/** The version of codes for a fork of the real path or of another game. */
export const FORK_CODE_VERSION = 3;

/** Scenario ids by their number in the code. Append only: a code carries the index. */
export const SCENARIO_CODES: readonly string[] = [
  'december-summit',
  'washington-talks',
  'london-talks',
];

/** Longest text the decoder looks at; anything longer is refused unread. */
export const MAX_CODE_LENGTH = 1200;
const MAX_MOVES = 511;
const NAME_BYTES = 63;

export interface ResultCodeData {
  scenarioId: string;
  seed: number;
  difficulty: Difficulty;
  hints: boolean;
  /** 16-bit tag of the class label (null: no class) */
  classTag: number | null;
  /** the player's display name, possibly empty; only ever shown as text */
  name: string;
  moves: Move[];
  /** first 8 hex digits of the final state's hash, as the player's game computed it */
  claim: string;
  /** the teacher's tuning the game was played under ({} for the scenario as designed) */
  variant: Variant;
  /** the game this one forked from, if it is a fork (its moves then begin with the base's) */
  fork?: ForkOf;
}

/** Where a forked game came from: its first moves are the base's up to the start of `week`. */
export interface ForkOf {
  /** 'history': the real path (the scenario's script); 'game': another game's moves */
  kind: 'history' | 'game';
  /** the week the fork starts in */
  week: number;
  /** the base game's moves, whole (for the real path, as its script plays them) */
  base: Move[];
}

/** A game's moves up to the start of a week: everything before its (week - 1)th week end. */
export function movesBefore(moves: readonly Move[], week: number): Move[] {
  let ends = 0;
  let i = 0;
  while (ends < week - 1 && i < moves.length) if (moves[i++]!.type === 'week.end') ends++;
  return ends === week - 1 ? moves.slice(0, i) : [...moves];
}

/** 16 bits of a digest of a scenario's script of the real path: which real path a fork took. */
export function scriptTag(scenario: Scenario): number {
  return parseInt(digest(scenario.history.script ?? []).slice(0, 4), 16);
}

/** The real path's moves from this seed, whole (cached: a class's codes share their seed). */
const historyCache = new WeakMap<Game, Map<string, Move[]>>();
export function realPath(game: Game, seed: number, difficulty: Difficulty): Move[] {
  let byKey = historyCache.get(game);
  if (!byKey) historyCache.set(game, (byKey = new Map()));
  const key = `${seed}/${difficulty}`;
  let moves = byKey.get(key);
  if (!moves) byKey.set(key, (moves = historyMoves(game, seed, difficulty)));
  return moves;
}

export type Decoded = { ok: true; data: ResultCodeData } | { ok: false; reason: string };

/** Bits needed to write any index below `count`. */
function bitsFor(count: number): number {
  let bits = 1;
  while (1 << bits < count) bits++;
  return bits;
}

/** A move's identity regardless of key order and of terms given as false. */
function canonical(m: Move): string {
  if (m.type !== 'offer.make' && m.type !== 'route.table') return stableStringify(m);
  const terms = Object.fromEntries(Object.entries(m.terms).filter(([, v]) => v !== false));
  return stableStringify({ ...m, terms });
}

const indexCache = new WeakMap<Scenario, Map<string, number>>();
function moveIndex(scenario: Scenario, moves: readonly Move[]): Map<string, number> {
  let map = indexCache.get(scenario);
  if (!map) {
    map = new Map(moves.map((m, i) => [canonical(m), i]));
    indexCache.set(scenario, map);
  }
  return map;
}

/** Writes a list of moves: its length in 9 bits, then each move (see the layout above). */
function writeMoves(w: BitWriter, scenario: Scenario, moves: readonly Move[]): void {
  if (moves.length > MAX_MOVES) throw new Error('too many moves for a result code');
  const candidates = candidateMoves(scenario);
  const index = moveIndex(scenario, candidates);
  const width = bitsFor(candidates.length);
  w.write(moves.length, 9);
  for (const m of moves) {
    if (m.type === 'week.end') {
      w.write(0, 1);
      continue;
    }
    const i = index.get(canonical(m));
    if (i === undefined) throw new Error(`move not in the move list: ${canonical(m)}`);
    w.write(1, 1).write(i, width);
  }
}

/** Reads a list of moves, or the reason it is not one this game writes. */
function readMoves(r: BitReader, scenario: Scenario): Move[] | string {
  const count = r.read(9);
  const candidates = candidateMoves(scenario);
  const width = bitsFor(candidates.length);
  const moves: Move[] = [];
  for (let i = 0; i < count; i++) {
    if (r.read(1) === 0) {
      moves.push({ type: 'week.end' });
      continue;
    }
    const m = candidates[r.read(width)];
    // "End the week" is written as a single 0 bit, never as an index.
    if (!m || m.type === 'week.end') return `Move ${i + 1} in the code is not a move of this game.`;
    moves.push(m);
  }
  return moves;
}

/** Bits of a tuned value: enough for its key's whole range (TUNE_RANGE). */
const valueBits = (key: TuneKey) => bitsFor(TUNE_RANGE[key].max - TUNE_RANGE[key].min + 1);

function writeVariant(w: BitWriter, variant: Variant): void {
  const keys = TUNE_KEYS.filter((k) => variant[k] !== undefined);
  w.write(keys.length, 3);
  for (const k of keys)
    w.write(TUNE_KEYS.indexOf(k), 3).write(variant[k]! - TUNE_RANGE[k].min, valueBits(k));
}

/** A variant as written, or the reason it cannot be one (checked against the scenario later). */
function readVariant(r: BitReader): Variant | string {
  const count = r.read(3);
  if (count === 0) return 'The code says the scenario was tuned but gives no values.';
  const out: Partial<Record<TuneKey, number>> = {};
  let last = -1;
  for (let i = 0; i < count; i++) {
    const k = r.read(3);
    const key = TUNE_KEYS[k];
    if (key === undefined || k <= last)
      return "The code's tuning of the scenario is not in a form this game writes.";
    last = k;
    const value = r.read(valueBits(key)) + TUNE_RANGE[key].min;
    if (value > TUNE_RANGE[key].max) return 'A tuned value in the code is out of range.';
    out[key] = value;
  }
  return out;
}

const games = new WeakMap<Scenario, Game>();
/** One Game per scenario (tuned scenarios are cached objects too), built on first use. */
function gameOfScenario(scenario: Scenario): Game {
  let g = games.get(scenario);
  if (!g) games.set(scenario, (g = createGame(scenario, actorRuntime)));
  return g;
}

const rulesCache = new WeakMap<Scenario, number>();
/**
 * 16 bits of a digest of the rules a game is played under: the scenario's data (its actors,
 * routes, events and numbers) and the revision of the rules in code (RULES_REVISION). The
 * briefing is presentation, so rewording it does not turn away codes already shared; the real
 * path's script plays the rules without changing them (a fork of it carries its own tag).
 */
export function rulesTag(scenario: Scenario): number {
  let tag = rulesCache.get(scenario);
  if (tag === undefined) {
    const { briefing: _presentation, history, ...rest } = scenario;
    const { script: _played, ...record } = history;
    const rules = { ...rest, history: record };
    tag = parseInt(digest({ revision: RULES_REVISION, rules }).slice(0, 4), 16);
    rulesCache.set(scenario, tag);
  }
  return tag;
}

/** Why a code made under other rules cannot be checked; the same words everywhere. */
function otherRulesReason(scenario: Scenario, tag: number): string {
  return EARLIER_TAGS[scenario.id]?.includes(tag)
    ? 'This code was made with an earlier version of the game. The rules have changed since, so this version cannot check its result.'
    : `This code was made with another version of the game (older or newer), whose rules for ${scenario.title} are not the same. This version cannot check its result.`;
}

function checksum(bytes: Uint8Array): number {
  const h = sha256(bytes);
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

export interface EncodeInput {
  scenarioId: string;
  seed: number;
  difficulty: Difficulty;
  options: GameOptions;
  name?: string;
  moves: readonly Move[];
  /** the final state, whose hash the code claims */
  state: GameState;
  /** the game this one forked from (its moves must begin with the base's up to the week) */
  fork?: ForkOf;
}

/** The result code of a game. Throws only on a programming error (a move not in the list). */
export function encodeResult(input: EncodeInput): string {
  const tuned = tunedScenario(input.scenarioId, input.options.variant);
  const sIndex = SCENARIO_CODES.indexOf(input.scenarioId);
  if (!tuned.ok || sIndex < 0) throw new Error(`no code for scenario ${input.scenarioId}`);
  const scenario = tuned.scenario;
  const variant = normaliseVariant(getScenario(input.scenarioId)!, input.options.variant ?? {});
  const plain = isPlainVariant(variant);
  const fork = input.fork;
  const w = new BitWriter();
  w.write(fork ? FORK_CODE_VERSION : plain ? CODE_VERSION : VARIANT_CODE_VERSION, 8)
    .write(sIndex, 4)
    .write(rulesTag(scenario), 16)
    .write(DIFFICULTIES.indexOf(input.difficulty), 2)
    .write(input.seed >>> 0, 32)
    .write(input.options.hints ? 1 : 0, 1);
  const tag = classTag(input.options.classLabel);
  w.write(tag === null ? 0 : 1, 1);
  if (tag !== null) w.write(tag, 16);
  if (fork) w.write(plain ? 0 : 1, 1);
  if (!plain) writeVariant(w, variant);
  const name = nameBytes(input.name ?? '');
  w.write(name.length, 6).writeBytes(name);
  let own = input.moves;
  if (fork) {
    const prefix = movesBefore(fork.base, fork.week);
    if (prefix.some((m, i) => canonical(m) !== canonical(input.moves[i] ?? { type: 'week.end' })))
      throw new Error('a fork must begin with its base game up to its week');
    w.write(fork.kind === 'history' ? 0 : 1, 1).write(fork.week, 6);
    if (fork.kind === 'history') w.write(scriptTag(scenario), 16);
    else writeMoves(w, scenario, fork.base);
    own = input.moves.slice(prefix.length);
  }
  writeMoves(w, scenario, own);
  w.write(parseInt(stateHash(input.state).slice(0, 8), 16), 32);
  const body = w.finish();
  const out = new Uint8Array(body.length + 4);
  out.set(body);
  const sum = checksum(body);
  out.set([sum >>> 24, (sum >>> 16) & 255, (sum >>> 8) & 255, sum & 255], body.length);
  return toBase64Url(out);
}

/** UTF-8 bytes of a cleaned name, cut at a character boundary to fit the field. */
function nameBytes(raw: string): Uint8Array {
  const enc = new TextEncoder();
  let name = cleanName(raw);
  let bytes = enc.encode(name);
  while (bytes.length > NAME_BYTES) {
    name = cleanName([...name].slice(0, -1).join(''));
    bytes = enc.encode(name);
  }
  return bytes;
}

/**
 * Reads a result code (or a link holding one). Never throws: anything that is not a code this
 * version wrote, untouched, gets a reason a student or teacher can act on.
 */
export function decodeResult(input: string): Decoded {
  if (typeof input !== 'string') return { ok: false, reason: 'This is not a result code.' };
  const text = codeOf(input);
  if (text.length === 0) return { ok: false, reason: 'The result code is empty.' };
  if (text.length > MAX_CODE_LENGTH)
    return { ok: false, reason: 'This is far too long to be a result code.' };
  const bytes = fromBase64Url(text);
  if (!bytes || bytes.length < 12)
    return {
      ok: false,
      reason: 'This is not a result code: it has characters or a length no code has.',
    };
  const version = bytes[0]!;
  if (version !== CODE_VERSION && version !== VARIANT_CODE_VERSION && version !== FORK_CODE_VERSION)
    return {
      ok: false,
      reason: `This code was made by a different version of the game (format ${version}); this version reads formats ${CODE_VERSION} to ${FORK_CODE_VERSION}.`,
    };
  const body = bytes.subarray(0, bytes.length - 4);
  const sum = new BitReader(bytes.subarray(bytes.length - 4)).read(32);
  if (checksum(body) !== sum)
    return {
      ok: false,
      reason:
        'The code is damaged: a character is missing, extra or changed. Copy it again in full.',
    };
  try {
    return decodeBody(body, version);
  } catch (error) {
    if (error instanceof OutOfBits) return { ok: false, reason: 'The code is cut short.' };
    return { ok: false, reason: 'The code could not be read.' };
  }
}

/** The code inside a replay link ("...#r=CODE"), or the text itself, trimmed. */
export function codeOf(text: string): string {
  const t = text.trim();
  const at = t.lastIndexOf('#r=');
  return at >= 0 ? t.slice(at + 3) : t;
}

/** Versions 1 and 2: the same fields, and in version 2 a variant after the class tag. */
function decodeBody(body: Uint8Array, version: number): Decoded {
  const r = new BitReader(body);
  r.read(8); // the version, checked by the caller
  const scenarioId = SCENARIO_CODES[r.read(4)];
  const base = scenarioId === undefined ? undefined : getScenario(scenarioId);
  if (!base) return { ok: false, reason: 'The code names a scenario this game does not have.' };
  const tag = r.read(16);
  const difficulty = DIFFICULTIES[r.read(2)];
  if (!difficulty) return { ok: false, reason: 'The code names an unknown difficulty.' };
  const seed = r.read(32);
  const hints = r.read(1) === 1;
  const classTagValue = r.read(1) === 1 ? r.read(16) : null;
  let variant: Variant = {};
  const isTuned =
    version === VARIANT_CODE_VERSION || (version === FORK_CODE_VERSION && r.read(1) === 1);
  if (isTuned) {
    const read = readVariant(r);
    if (typeof read === 'string') return { ok: false, reason: read };
    if (variantKey(normaliseVariant(base, read)) !== variantKey(read))
      return {
        ok: false,
        reason: "The code's tuning of the scenario is not in a form this game writes.",
      };
    variant = read;
  }
  const tuned = tunedScenario(base.id, variant);
  if (!tuned.ok) return { ok: false, reason: `The code's tuning cannot be used: ${tuned.reason}` };
  const scenario = tuned.scenario;
  if (tag !== rulesTag(scenario)) return { ok: false, reason: otherRulesReason(scenario, tag) };
  const nameLength = r.read(6);
  let name: string;
  try {
    // Cleaned again here: only ever shown as text, and never with control characters.
    name = cleanName(new TextDecoder('utf-8', { fatal: true }).decode(r.readBytes(nameLength)));
  } catch {
    return { ok: false, reason: 'The name in the code is not valid text.' };
  }
  let fork: ForkOf | undefined;
  if (version === FORK_CODE_VERSION) {
    const read = readFork(r, scenario, seed, difficulty);
    if (typeof read === 'string') return { ok: false, reason: read };
    fork = read;
  }
  const own = readMoves(r, scenario);
  if (typeof own === 'string') return { ok: false, reason: own };
  const moves = fork ? [...movesBefore(fork.base, fork.week), ...own] : own;
  const claim = r.read(32).toString(16).padStart(8, '0');
  // Only the zero padding of the last byte may follow.
  if (r.remaining >= 8 || (r.remaining > 0 && r.read(r.remaining) !== 0))
    return { ok: false, reason: 'The code has extra data at its end.' };
  return {
    ok: true,
    data: {
      scenarioId: scenario.id,
      seed,
      difficulty,
      hints,
      classTag: classTagValue,
      name,
      moves,
      claim,
      variant,
      ...(fork ? { fork } : {}),
    },
  };
}

/** A fork's base as written (version 3), or the reason it cannot be one. */
function readFork(
  r: BitReader,
  scenario: Scenario,
  seed: number,
  difficulty: Difficulty,
): ForkOf | string {
  const kind = r.read(1) === 0 ? 'history' : 'game';
  const week = r.read(6);
  if (week < 1 || week > scenario.weeks) return 'The week this game forked at is not in the game.';
  const reaches = (base: Move[]) => base.filter((m) => m.type === 'week.end').length >= week - 1;
  if (kind === 'game') {
    const base = readMoves(r, scenario);
    if (typeof base === 'string') return `In the game it forked from: ${base}`;
    if (!reaches(base)) return `The game it forked from ended before week ${week}.`;
    return { kind, week, base };
  }
  if (!hasHistory(scenario))
    return `${scenario.title} has no real path on record, so nothing can fork from it.`;
  if (r.read(16) !== scriptTag(scenario))
    return 'This game forked from the real path as another version of the game plays it, so this version cannot check its result.';
  const base = realPath(gameOfScenario(scenario), seed, difficulty);
  if (!reaches(base)) return `The real path ended before week ${week}.`;
  return { kind, week, base };
}

// ---------------------------------------------------------------- verification

export type Outcome = 'win' | 'partial' | 'loss' | 'unfinished';

export interface Verified {
  valid: true;
  scenario: string;
  seed: number;
  difficulty: Difficulty;
  hints: boolean;
  classTag: number | null;
  name: string;
  /** the teacher's tuning ({} for the scenario as designed) */
  variant: Variant;
  outcome: Outcome;
  /** EUR bn secured, one decimal */
  securedBn: number;
  grade: string | null;
  score: number | null;
  /** the week the game ended in, or the week it was left in */
  week: number;
  stateHash: string;
  moves: Move[];
  state: GameState;
  /** the game this one forked from, with where that game ended */
  fork?: ForkOf & { baseState: GameState };
}

export interface Rejected {
  valid: false;
  reason: string;
}

/** The game of a scenario id and variant that decoding has already checked. */
function gameOf(scenarioId: string, variant: Variant): Game {
  const tuned = tunedScenario(scenarioId, variant);
  if (!tuned.ok) throw new Error(tuned.reason);
  return gameOfScenario(tuned.scenario);
}

/**
 * Decodes a code and replays its moves with the engine. Valid only if every move is accepted
 * and the final state's hash matches the one the code claims: an edited code is caught.
 */
export function verifyResult(input: string): Verified | Rejected {
  const decoded = decodeResult(input);
  if (!decoded.ok) return { valid: false, reason: decoded.reason };
  const d = decoded.data;
  const game = gameOf(d.scenarioId, d.variant);
  const replay = game.replay(d.seed, d.difficulty, d.moves);
  if (!replay.ok)
    return {
      valid: false,
      reason: `Move ${replay.index + 1} of the code is not allowed at that point of the game, so the code was edited or made up.`,
    };
  const st = replay.state;
  const hash = stateHash(st);
  if (hash.slice(0, 8) !== d.claim)
    return {
      valid: false,
      reason: 'The moves in the code do not lead to the result it claims, so the code was edited.',
    };
  let fork: Verified['fork'];
  if (d.fork) {
    const base = game.replay(d.seed, d.difficulty, d.fork.base);
    if (!base.ok)
      return {
        valid: false,
        reason: `Move ${base.index + 1} of the game this one forked from is not allowed at that point, so the code was edited or made up.`,
      };
    fork = { ...d.fork, baseState: base.state };
  }
  const secured = money(game.scenario, st).secured;
  return {
    valid: true,
    scenario: d.scenarioId,
    seed: d.seed,
    difficulty: d.difficulty,
    hints: d.hints,
    classTag: d.classTag,
    name: d.name,
    variant: d.variant,
    outcome: st.ending?.outcome ?? 'unfinished',
    securedBn: Math.round(secured / 100) / 10,
    grade: st.ending?.grade ?? null,
    score: st.ending?.score ?? null,
    week: st.week,
    stateHash: hash,
    moves: d.moves,
    state: st,
    ...(fork ? { fork } : {}),
  };
}
