import { actorRuntime } from '../actors';
import {
  createGame,
  digest,
  Dice,
  money,
  seedRng,
  stateHash,
  type Difficulty,
  type Game,
  type GameState,
  type Move,
  type Scenario,
} from '../engine';
import type { Policy } from './tactics';

// Plays seeded games headless. Everything here is deterministic: the same arguments give the same
// games, the same report and the same hash; only the timing figure varies.

const MAX_MOVES = 2000;

export interface GameRecord {
  seed: number;
  state: GameState;
  moves: Move[];
}

/** Plays one game to its end with a policy; the policy's own dice are seeded from the game seed. */
export function playGame(
  game: Game,
  seed: number,
  difficulty: Difficulty,
  policy: Policy,
): GameRecord {
  const dice = new Dice(seedRng((seed ^ 0x5bd1e995) >>> 0));
  const moves: Move[] = [];
  const state = playOn(game, game.start(seed, difficulty), policy, dice, moves);
  return { seed, state, moves };
}

/**
 * Plays on from a state with a policy until the game ends (or MAX_MOVES more moves), and returns
 * the last state; a move the engine refuses is replaced by ending the week. The moves played are
 * appended to `moves` when given. The state passed in is never changed (the engine makes new
 * states), so a search can play many games on from the same state.
 */
export function playOn(
  game: Game,
  from: GameState,
  policy: Policy,
  dice: Dice,
  moves?: Move[],
): GameState {
  let state = from;
  for (let n = 0; state.status === 'playing' && n < MAX_MOVES; n++) {
    let move = policy(game, state, dice);
    let r = game.play(state, move);
    if (!r.ok) {
      move = { type: 'week.end' };
      r = game.play(state, move);
    }
    moves?.push(move);
    state = r.state;
  }
  return state;
}

export interface SimOptions {
  scenario: Scenario;
  policy: Policy;
  policyName: string;
  games: number;
  seed: number;
  difficulty: Difficulty;
  /** monotonic milliseconds, injected so this module stays clock-free */
  now?: () => number;
  /**
   * The result code of a played game (src/share's encodeResult, bound by the caller: src/sim
   * may not import src/share). When given, the report lists every game's code in `codes`, in
   * seed order; when not, no code is computed.
   */
  encode?: (record: GameRecord) => string;
}

export interface SimReport {
  scenario: string;
  policy: string;
  difficulty: Difficulty;
  games: number;
  seed: number;
  wins: number;
  partials: number;
  losses: number;
  winRate: number;
  meanSecuredBn: number;
  meanWinWeek: number | null;
  gamesPerSecond: number | null;
  routesInWins: Record<string, number>;
  committedRate: Record<string, number>;
  grades: Record<string, number>;
  hash: string;
  /** the result code of each game, in seed order (only when SimOptions.encode is given) */
  codes?: string[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Plays `games` seeded games (seeds seed, seed+1, ...) and summarises them. */
export function simulate(opts: SimOptions): { report: SimReport; records: GameRecord[] } {
  const game = createGame(opts.scenario, actorRuntime);
  const records: GameRecord[] = [];
  const t0 = opts.now?.();
  for (let i = 0; i < opts.games; i++) {
    records.push(playGame(game, (opts.seed + i) >>> 0, opts.difficulty, opts.policy));
  }
  const t1 = opts.now?.();
  let wins = 0;
  let partials = 0;
  let securedSum = 0;
  let winWeekSum = 0;
  const routesInWins: Record<string, number> = {};
  const committed: Record<string, number> = {};
  const grades: Record<string, number> = {};
  const hashes: string[] = [];
  for (const { state } of records) {
    const e = state.ending!;
    if (e.outcome === 'win') {
      wins++;
      winWeekSum += e.week;
      for (const line of money(opts.scenario, state).lines)
        if (line.status === 'secured')
          routesInWins[line.label] = (routesInWins[line.label] ?? 0) + 1;
    } else if (e.outcome === 'partial') partials++;
    securedSum += e.secured;
    grades[e.grade] = (grades[e.grade] ?? 0) + 1;
    for (const id of state.actorOrder)
      if (state.actors[id]!.stance === 'committed') committed[id] = (committed[id] ?? 0) + 1;
    hashes.push(stateHash(state));
  }
  const n = Math.max(1, records.length);
  const committedRate: Record<string, number> = {};
  for (const id of opts.scenario.actors.map((a) => a.id))
    committedRate[id] = round((committed[id] ?? 0) / n, 3);
  const seconds = t0 !== undefined && t1 !== undefined ? (t1 - t0) / 1000 : null;
  const report: SimReport = {
    scenario: opts.scenario.id,
    policy: opts.policyName,
    difficulty: opts.difficulty,
    games: records.length,
    seed: opts.seed,
    wins,
    partials,
    losses: records.length - wins - partials,
    winRate: round(wins / n, 4),
    meanSecuredBn: round(securedSum / n / 1000, 2),
    meanWinWeek: wins ? round(winWeekSum / wins, 2) : null,
    gamesPerSecond: seconds && seconds > 0 ? Math.round(records.length / seconds) : null,
    routesInWins,
    committedRate,
    grades,
    hash: digest(hashes),
  };
  // After the clock has stopped: encoding never counts towards games per second.
  const encode = opts.encode;
  if (encode) report.codes = records.map((r) => encode(r));
  return { report, records };
}
