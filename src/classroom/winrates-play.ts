import type { Difficulty } from '../engine';
import { tunedScenario, type Variant } from '../scenarios';
import { policyByName } from '../sim/policies';
import { simulate } from '../sim/run';

// One batch of the win-rate check's test games (src/classroom/winrates.ts), played with the
// balance harness. Kept apart from the pool that hands the batches out, so the worker that
// plays them (work.worker.ts) holds only this and the code checks.

/**
 * Games per figure (difficulty x player): a version's 6 figures are 300 games, most of their
 * time the random player's long games. A first check also works out the designed figures (600
 * games); later checks reuse those.
 */
export const WINRATE_GAMES = 50;

/**
 * How long a first check (600 games) takes in the browser, in seconds, as the teacher's page
 * says before it starts. The low end: test/e2e/pack.test.ts timed one at 6.3 s on the built
 * page in headless Chromium, two workers, on an idle 2-core machine (it prints the figure); the
 * high end: issue 16's report of 14 to 38 s on a busy 2-core machine.
 */
export const CHECK_SECONDS = { low: 6, high: 40 } as const;
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
