import { actorRuntime } from '../actors';
import {
  createGame,
  normaliseSeed,
  routeChecklist,
  type ChecklistStep,
  type Difficulty,
  type Game,
  type GameState,
  type Move,
  type Scenario,
} from '../engine';
import { tunedScenario, type Variant } from '../scenarios';
import {
  DEFAULT_OPTIONS,
  encodeResult,
  movesBefore,
  realPath,
  type ForkOf,
  type GameLink,
  type GameOptions,
} from '../share';
import {
  clearSave,
  readSave,
  replaySave,
  writeSave,
  SAVE_VERSION,
  type SaveData,
  type SavedFork,
  type StorageLike,
} from './autosave';
import { previewMove, type Preview } from './preview';

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
  offerRule,
  offerTally,
  type ConditionModel,
  type ConditionNow,
  type DecisionModel,
  type FearReport,
  type MoveGroup,
  type Tally,
  type TransitionModel,
  type WillingBar,
} from '../actors';
export type { StorageLike, SaveData } from './autosave';
export type { Preview, PreviewLine } from './preview';

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
  /** a "What if?": the game this one took its first moves from (moves begin with the base's) */
  fork?: ForkOf;
}

export type Result = { ok: true } | { ok: false; reason: string };

export type SaveCheck =
  | { kind: 'none' }
  | {
      kind: 'ok';
      data: SaveData;
      state: GameState;
      scenarioTitle: string;
      /** the game it forked from, whole again (a fork of the real path is played again) */
      fork: ForkOf | null;
    }
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
  /**
   * A "What if?": a new game of the link's scenario and seed that starts from the base game's
   * state at the start of `fork.week` (its moves up to then), for the player to play on.
   */
  newFork(link: GameLink, fork: ForkOf): Result;
  dispatch(move: Move): Result;
  /** The scenario of the running game. */
  scenario(): Scenario | null;
  /** Why the engine would refuse this move now, or null if it would accept it. */
  validate(move: Move): string | null;
  /** What the move would do now, before it is confirmed (null: ending the week, or no game). */
  preview(move: Move): Preview | null;
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
      ...(s.fork ? { fork: savedFork(s.fork) } : {}),
    });

  const checkSave = (): SaveCheck => {
    const read = readSave(storage);
    if (read.kind !== 'ok') return read;
    const game = gameFor(read.data.scenarioId, read.data.options?.variant);
    if (!game) return { kind: 'error', error: 'The saved game is for an unknown scenario.' };
    const r = replaySave(read.data, game);
    if (!r.ok) return { kind: 'error', error: r.error };
    const fork = forkOfSave(game, read.data);
    if (read.data.fork && !fork)
      return {
        kind: 'error',
        error: 'The saved game is damaged: it no longer begins where the game it forked from was.',
      };
    return { kind: 'ok', data: r.data, state: r.state, scenarioTitle: game.scenario.title, fork };
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

    newFork(link, fork) {
      const game = gameFor(link.scenarioId, link.options.variant);
      if (!game) return { ok: false, reason: 'This game’s scenario cannot be played here.' };
      const moves = movesBefore(fork.base, fork.week);
      const r = game.replay(link.seed, link.difficulty, moves);
      if (!r.ok || r.state.status !== 'playing' || r.state.week !== fork.week)
        return { ok: false, reason: `The game cannot be taken up at week ${fork.week}.` };
      const fresh: Session = {
        scenarioId: link.scenarioId,
        seed: link.seed,
        difficulty: link.difficulty,
        options: link.options,
        moves,
        state: r.state,
        lastRefusal: null,
        saveError: null,
        fork,
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

    preview(move) {
      return session ? previewMove(sessionGame(session)!, session.state, move) : null;
    },

    checkSave,

    continueSaved() {
      const check = checkSave();
      if (check.kind === 'none') return { ok: false, reason: 'There is no saved game.' };
      if (check.kind === 'error') return { ok: false, reason: check.error };
      const { fork } = check;
      set({
        scenarioId: check.data.scenarioId,
        seed: check.data.seed,
        difficulty: check.data.difficulty,
        options: check.data.options ?? DEFAULT_OPTIONS,
        moves: check.data.moves,
        state: check.state,
        lastRefusal: null,
        saveError: null,
        ...(fork ? { fork } : {}),
      });
      return { ok: true };
    },

    discardSave: () => clearSave(storage),

    leave: () => set(null),
  };
}

export type { ChecklistStep } from '../engine';

/** Every step between tabling a route and its money, as it stands in the session's game. */
export function checklistOf(session: Session, routeId: string): ChecklistStep[] {
  const game = sessionGame(session);
  return game ? routeChecklist(game.scenario, actorRuntime, session.state, routeId) : [];
}

/** What a save keeps of a fork: the real path is played again from its script. */
function savedFork(fork: ForkOf): SavedFork {
  return fork.kind === 'history'
    ? { kind: 'history', week: fork.week }
    : { kind: 'game', week: fork.week, base: fork.base };
}

/** A saved game's fork, whole again; null if it has none or its moves do not begin with it. */
function forkOfSave(game: Game, data: SaveData): ForkOf | null {
  const saved = data.fork;
  if (!saved) return null;
  const base = saved.kind === 'history' ? realPath(game, data.seed, data.difficulty) : saved.base;
  const prefix = movesBefore(base, saved.week);
  const same = (a: Move, b: Move | undefined) =>
    b !== undefined && JSON.stringify(a) === JSON.stringify(b);
  if (!prefix.every((m, i) => same(m, data.moves[i]))) return null;
  return { kind: saved.kind, week: saved.week, base };
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
    ...(session.fork ? { fork: session.fork } : {}),
  });
}

const baseEnds = new WeakMap<ForkOf, GameState | null>();
/** Where the game a fork came from ended: its base's moves replayed (null if they do not). */
export function forkBaseState(session: Session): GameState | null {
  const fork = session.fork;
  if (!fork) return null;
  if (!baseEnds.has(fork)) {
    const r = sessionGame(session)?.replay(session.seed, session.difficulty, fork.base);
    baseEnds.set(fork, r?.ok ? r.state : null);
  }
  return baseEnds.get(fork) ?? null;
}
