import {
  DIFFICULTIES,
  isMove,
  type Difficulty,
  type Game,
  type GameState,
  type Move,
} from '../engine';
import { getScenario, tunedScenario, type Variant } from '../scenarios';
import { cleanLabel, DEFAULT_OPTIONS, type GameOptions } from '../share';

// Autosave keeps only what replay needs (scenario, seed, difficulty, moves), never the state:
// restoring replays the moves through the engine, so a save can never smuggle in a forged state.

/**
 * Where the save lives in localStorage.
 * NOTE: changing this key or the SaveData shape breaks old saves; bump SAVE_VERSION and migrate.
 */
export const SAVE_KEY = 'frozen-assets.save.v1';
export const SAVE_VERSION = 1;

export interface SaveData {
  version: typeof SAVE_VERSION;
  scenarioId: string;
  seed: number;
  difficulty: Difficulty;
  moves: Move[];
  /** a game link's options; saves from before links have none (the defaults) */
  options?: GameOptions;
  /**
   * A fork: the game it took its first moves from. The real path is not saved (its script
   * plays it again); another game's moves are.
   */
  fork?: SavedFork;
}

export type SavedFork =
  { kind: 'history'; week: number } | { kind: 'game'; week: number; base: Move[] };

/** The part of the Web Storage API autosave uses; tests pass a Map-backed fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SaveRead =
  { kind: 'none' } | { kind: 'ok'; data: SaveData } | { kind: 'error'; error: string };

export type SaveRestore =
  { ok: true; data: SaveData; state: GameState } | { ok: false; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a save's text without trusting it; every failure is a sentence a player can read. */
export function parseSave(
  text: string,
): { ok: true; data: SaveData } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The saved game is damaged (it is not valid save data).' };
  }
  if (!isRecord(raw)) return { ok: false, error: 'The saved game is damaged (wrong format).' };
  if (raw.version !== SAVE_VERSION) {
    return {
      ok: false,
      error: `The saved game comes from a different version of the game (save format ${JSON.stringify(raw.version ?? null)}, this page reads format ${SAVE_VERSION}).`,
    };
  }
  const { scenarioId, seed, difficulty, moves } = raw;
  if (typeof scenarioId !== 'string' || !getScenario(scenarioId)) {
    return {
      ok: false,
      error: `The saved game is for a scenario this page does not have (${JSON.stringify(scenarioId ?? null)}).`,
    };
  }
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    return { ok: false, error: 'The saved game is damaged (its seed is not a valid number).' };
  }
  if (typeof difficulty !== 'string' || !DIFFICULTIES.includes(difficulty as Difficulty)) {
    return { ok: false, error: 'The saved game is damaged (unknown difficulty).' };
  }
  if (!Array.isArray(moves)) {
    return { ok: false, error: 'The saved game is damaged (its list of moves is missing).' };
  }
  const bad = moves.findIndex((m) => !isMove(m));
  if (bad >= 0) {
    return { ok: false, error: `The saved game is damaged (move ${bad + 1} is not a valid move).` };
  }
  const opts = raw.options ?? DEFAULT_OPTIONS;
  if (!isRecord(opts) || typeof opts.hints !== 'boolean' || typeof opts.classLabel !== 'string') {
    return { ok: false, error: 'The saved game is damaged (its options are not valid).' };
  }
  // A teacher's variant: checked like one from a link (whole numbers inside the ranges).
  let variant: Variant | undefined;
  if (opts.variant !== undefined) {
    const v: unknown = opts.variant;
    const tuned = isRecord(v) ? tunedScenario(scenarioId, v as Variant) : null;
    if (!tuned?.ok)
      return {
        ok: false,
        error: `The saved game is damaged (its version of the scenario is not valid${tuned ? `: ${tuned.reason}` : ''}).`,
      };
    variant = v as Variant;
  }
  const fork = raw.fork === undefined ? undefined : parseFork(raw.fork);
  if (typeof fork === 'string') return { ok: false, error: fork };
  return {
    ok: true,
    data: {
      version: SAVE_VERSION,
      scenarioId,
      seed,
      difficulty: difficulty as Difficulty,
      moves,
      options: {
        hints: opts.hints,
        classLabel: cleanLabel(opts.classLabel),
        ...(variant ? { variant } : {}),
      },
      ...(fork ? { fork } : {}),
    },
  };
}

/** A saved fork's base, or why the save is damaged. */
function parseFork(raw: unknown): SavedFork | string {
  const damaged = 'The saved game is damaged (the game it forked from is not valid).';
  if (!isRecord(raw) || typeof raw.week !== 'number' || !Number.isInteger(raw.week) || raw.week < 1)
    return damaged;
  if (raw.kind === 'history') return { kind: 'history', week: raw.week };
  if (raw.kind !== 'game' || !Array.isArray(raw.base) || !raw.base.every(isMove)) return damaged;
  return { kind: 'game', week: raw.week, base: raw.base };
}

/** Rebuilds the state by replaying the saved moves; a move the rules now refuse is an error. */
export function replaySave(data: SaveData, game: Game): SaveRestore {
  try {
    const r = game.replay(data.seed, data.difficulty, data.moves);
    if (!r.ok) {
      return {
        ok: false,
        error: `The saved game no longer replays with this version of the rules: move ${r.index + 1} of ${data.moves.length} is refused (${r.reason})`,
      };
    }
    return { ok: true, data, state: r.state };
  } catch {
    return {
      ok: false,
      error: 'The saved game could not be replayed: one of its moves makes no sense to the rules.',
    };
  }
}

/** Reads the save; a blocked storage or a damaged save is an error, never an exception. */
export function readSave(storage: StorageLike | null): SaveRead {
  if (!storage) return { kind: 'none' };
  let text: string | null;
  try {
    text = storage.getItem(SAVE_KEY);
  } catch {
    return { kind: 'error', error: 'The browser blocked access to the saved game.' };
  }
  if (text === null) return { kind: 'none' };
  const parsed = parseSave(text);
  return parsed.ok ? { kind: 'ok', data: parsed.data } : { kind: 'error', error: parsed.error };
}

/** Writes the save; returns an error sentence instead of throwing when storage refuses. */
export function writeSave(storage: StorageLike | null, data: SaveData): string | null {
  if (!storage) return null;
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(data));
    return null;
  } catch {
    return 'Autosave failed: the browser refused to store the game (storage full or blocked).';
  }
}

export function clearSave(storage: StorageLike | null): void {
  try {
    storage?.removeItem(SAVE_KEY);
  } catch {
    // Nothing to do: a storage we cannot touch holds nothing we could use either.
  }
}

/** A storage that forgets on reload: the fallback when the browser's storage is unavailable. */
export function memoryStorage(): StorageLike {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}
