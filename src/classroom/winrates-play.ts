import type { Difficulty } from '../engine';
import { tunedScenario, type Variant } from '../scenarios';
import { policyByName } from '../sim/policies';
import { simulate } from '../sim/run';

// One batch of the win-rate check's test games (src/classroom/winrates.ts), played with the
// balance harness. Kept apart from the pool that hands the batches out, so the worker that
// plays them (winrates.worker.ts) holds only this.

/**
 * Games per figure (difficulty x player). A version's 6 figures (300 games) cost 3 to 4 s of one
 * core, most of it the random player's long games; a first check also works out the designed
 * figures, so with two workers it takes about that long, and later checks reuse those.
 */
export const WINRATE_GAMES = 50;
/** The first seed; every figure plays seeds WINRATE_SEED to WINRATE_SEED + WINRATE_GAMES - 1. */
export const WINRATE_SEED = 1;
/** Games per batch a worker plays before it reports. */
export const BATCH = 5;

export const PLAYERS = ['scripted', 'random'] as const;
export type Player = (typeof PLAYERS)[number];

/** How the table names the harness's players. */
export const PLAYER_TEXT: Record<Player, string> = {
  scripted: 'Competent player',
  random: 'Random clicks',
};

/** One batch of games: a version of a scenario, a difficulty, a player and a run of seeds. */
export interface WinJob {
  scenarioId: string;
  variant: Variant;
  difficulty: Difficulty;
  player: Player;
  seed: number;
  games: number;
}

/** Games won of games played, or why none could be played. */
export type WinCount = { wins: number; games: number } | { error: string };

/** Plays one batch with the harness. Never throws. */
export function playJob(job: WinJob): WinCount {
  const tuned = tunedScenario(job.scenarioId, job.variant);
  if (!tuned.ok) return { error: tuned.reason };
  const policy = policyByName(job.player, job.scenarioId);
  if (!policy) return { error: `This scenario has no ${PLAYER_TEXT[job.player].toLowerCase()}.` };
  try {
    const { report } = simulate({
      scenario: tuned.scenario,
      policy,
      policyName: job.player,
      games: job.games,
      seed: job.seed,
      difficulty: job.difficulty,
    });
    return { wins: report.wins, games: report.games };
  } catch {
    return { error: 'The test games stopped with an error.' };
  }
}
