import { actorRuntime } from '../actors';
import {
  createGame,
  normaliseSeed,
  type Difficulty,
  type Game,
  type GameState,
  type Move,
  type Scenario,
} from '../engine';
import { tunedScenario, type Variant } from '../scenarios';
import { DEFAULT_OPTIONS, encodeResult, type GameOptions } from '../share';
import {
  clearSave,
  readSave,
  replaySave,
  writeSave,
  SAVE_VERSION,
  type SaveData,
  type StorageLike,
} from './autosave';

// A tiny vanilla store (zustand's shape, without the dependency): one session at a time, moves
// go to the engine, every accepted move is recorded and autosaved. Views subscribe and dispatch.

// The views may not import src/actors, so what they need from it is re-exported here.
export {
  TERM_NAMES,
  RUSSIA_LEVELS,
  belgiumFear,
  decisionModel,
  bandText,
  movesOf,
  moveText,
  explainActor,
  type ConditionModel,
  type ConditionNow,
  type DecisionModel,
  type FearReport,
  type MoveGroup,
  type TransitionModel,
  type WillingBar,
} from '../actors';
export type { StorageLike, SaveData } from './autosave';

export interface Session {
  scenarioId: string;
  /** the seed as the engine uses it (text seeds are normalised to a number) */
  seed: number;
  difficulty: Difficulty;
  /** hints and class label, from a game link (the engine never sees them) */
  options: GameOptions;
  /** every accepted move, in order: state = replay(scenario, seed, moves) */
  moves: readonly Move[];
  state: GameState;
  /** the engine's reason for the last refused move, cleared by the next accepted one */
  lastRefusal: string | null;
  /** why the last autosave failed, if it did */
  saveError: string | null;
}

export type Result = { ok: true } | { ok: false; reason: string };

export type SaveCheck =
  | { kind: 'none' }
  | { kind: 'ok'; data: SaveData; state: GameState; scenarioTitle: string }
  | { kind: 'error'; error: string };

export type Listener = (session: Session | null) => void;

export interface Store {
  getState(): Session | null;
  subscribe(listener: Listener): () => void;
  newGame(
    scenarioId: string,
    seed: number | string,
    difficulty: Difficulty,
    options?: GameOptions,
  ): Result;
  dispatch(move: Move): Result;
  /** The scenario of the running game. */
  scenario(): Scenario | null;
  /** Why the engine would refuse this move now, or null if it would accept it. */
  validate(move: Move): string | null;
  /** Looks at the autosave and replays it, without starting it. */
  checkSave(): SaveCheck;
  /** Resumes the autosaved game; a save that does not replay is refused with a reason. */
  continueSaved(): Result;
  discardSave(): void;
  /** Leaves the table (the game stays autosaved). */
  leave(): void;
  /**
   * Works out the running game's week end on the side and forgets it; nothing changes. The
   * first real week end then finds the rules' code compiled and the actors' machines ready
   * (their XState scopes and the steps this week takes): with 4x CPU throttling that first
   * click cost 65 ms, most of it done once per page. For an idle moment.
   */
  rehearse(): void;
}

const games = new WeakMap<Scenario, Game>();

/**
 * One Game per scenario (and teacher's variant), built on first use, binding the scenario and
 * the actors; null for an unknown scenario or a variant that cannot be used.
 */
export function gameFor(scenarioId: string, variant?: Variant): Game | null {
  const tuned = tunedScenario(scenarioId, variant);
  if (!tuned.ok) return null;
  let game = games.get(tuned.scenario);
  if (!game) {
    game = createGame(tuned.scenario, actorRuntime);
    games.set(tuned.scenario, game);
  }
  return game;
}

/** The Game of a session: its scenario as the link or the teacher tuned it. */
export const sessionGame = (s: Pick<Session, 'scenarioId' | 'options'>): Game | null =>
  gameFor(s.scenarioId, s.options.variant);

export interface StoreOptions {
  /** where autosaves go; null turns autosave off */
  storage?: StorageLike | null;
}

export function createStore(options: StoreOptions = {}): Store {
  const storage = options.storage ?? null;
  const listeners = new Set<Listener>();
  let session: Session | null = null;

  const set = (next: Session | null) => {
    session = next;
    for (const l of [...listeners]) l(session);
  };

  const save = (s: Session): string | null =>
    writeSave(storage, {
      version: SAVE_VERSION,
      scenarioId: s.scenarioId,
      seed: s.seed,
      difficulty: s.difficulty,
      moves: [...s.moves],
      options: s.options,
    });

  const checkSave = (): SaveCheck => {
    const read = readSave(storage);
    if (read.kind !== 'ok') return read;
    const game = gameFor(read.data.scenarioId, read.data.options?.variant);
    if (!game) return { kind: 'error', error: 'The saved game is for an unknown scenario.' };
    const r = replaySave(read.data, game);
    if (!r.ok) return { kind: 'error', error: r.error };
    return { kind: 'ok', data: r.data, state: r.state, scenarioTitle: game.scenario.title };
  };

  return {
    getState: () => session,

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    newGame(scenarioId, seed, difficulty, options = DEFAULT_OPTIONS) {
      const tuned = tunedScenario(scenarioId, options.variant);
      if (!tuned.ok) return { ok: false, reason: tuned.reason };
      const game = gameFor(scenarioId, options.variant)!;
      const n = normaliseSeed(typeof seed === 'string' && /^\d+$/.test(seed) ? Number(seed) : seed);
      const fresh: Session = {
        scenarioId,
        seed: n,
        difficulty,
        options,
        moves: [],
        state: game.start(n, difficulty),
        lastRefusal: null,
        saveError: null,
      };
      fresh.saveError = save(fresh);
      set(fresh);
      return { ok: true };
    },

    dispatch(move) {
      const s = session;
      if (!s) return { ok: false, reason: 'No game is running.' };
      const game = sessionGame(s)!;
      let result: ReturnType<Game['play']>;
      try {
        result = game.play(s.state, move);
      } catch (err) {
        // A bug in the rules must not take the page down; it is reported, and the move refused.
        console.error('The engine threw on a move', move, err);
        result = {
          ok: false,
          state: s.state,
          reason: 'The rules could not make sense of that move.',
        };
      }
      if (!result.ok) {
        set({ ...s, lastRefusal: result.reason });
        return { ok: false, reason: result.reason };
      }
      const next: Session = {
        ...s,
        moves: [...s.moves, move],
        state: result.state,
        lastRefusal: null,
      };
      next.saveError = save(next);
      set(next);
      return { ok: true };
    },

    scenario: () => (session ? (sessionGame(session)?.scenario ?? null) : null),

    rehearse() {
      if (session?.state.status !== 'playing') return;
      try {
        sessionGame(session)!.play(session.state, { type: 'week.end' });
      } catch {
        // The real week end will report it.
      }
    },

    validate(move) {
      if (!session) return 'No game is running.';
      try {
        return sessionGame(session)!.validate(session.state, move);
      } catch {
        return 'The rules could not make sense of that move.';
      }
    },

    checkSave,

    continueSaved() {
      const check = checkSave();
      if (check.kind === 'none') return { ok: false, reason: 'There is no saved game.' };
      if (check.kind === 'error') return { ok: false, reason: check.error };
      set({
        scenarioId: check.data.scenarioId,
        seed: check.data.seed,
        difficulty: check.data.difficulty,
        options: check.data.options ?? DEFAULT_OPTIONS,
        moves: check.data.moves,
        state: check.state,
        lastRefusal: null,
        saveError: null,
      });
      return { ok: true };
    },

    discardSave: () => clearSave(storage),

    leave: () => set(null),
  };
}

/** The session's result code (see src/share/code.ts), with the player's display name. */
export function resultCodeOf(session: Session, name = ''): string {
  return encodeResult({
    scenarioId: session.scenarioId,
    seed: session.seed,
    difficulty: session.difficulty,
    options: session.options,
    name,
    moves: session.moves,
    state: session.state,
  });
}
