import { DIFFICULTIES, type Difficulty } from '../engine';
import { variantKey, type Variant } from '../scenarios';
import {
  BATCH,
  playJob,
  PLAYERS,
  WINRATE_GAMES,
  WINRATE_SEED,
  type Player,
  type WinCount,
  type WinJob,
} from './winrates-play';
import { createWorkerPool, pause, type ProgressOptions } from './pool';
import type { TeacherTask } from './work.worker';

export {
  CHECK_SECONDS,
  PLAYER_TEXT,
  PLAYERS,
  WINRATE_GAMES,
  type Player,
  type WinCount,
} from './winrates-play';

// Win rates of a scenario version before a class plays it: the balance harness (src/sim) plays
// it headless at every difficulty with two of its players, a competent one (the `scripted`
// strategy) and one clicking at random, from the same seeds every time. The games run in a few
// workers (pool.ts), in small batches, so the page stays responsive; without workers (or when one
// fails) the rest is played on the page itself, one batch at a time with a pause between them.

/** A worker that has not answered for this long is given up on. */
const WATCHDOG_MS = 30_000;

/** A version's win rates: games won of games played, by difficulty and player. */
export type WinFigures = Record<Difficulty, Record<Player, WinCount>>;

/** The key of a version of a scenario, for caches and for telling figures apart. */
export const versionKey = (scenarioId: string, variant: Variant): string =>
  `${scenarioId}?${variantKey(variant)}`;

/** A figure as a whole percent, or null when it could not be played. */
export function percent(c: WinCount): number | null {
  return 'error' in c || c.games === 0 ? null : Math.round((100 * c.wins) / c.games);
}

/** The batches that make up the figures of one version. */
export function jobsFor(scenarioId: string, variant: Variant, games = WINRATE_GAMES): WinJob[] {
  const jobs: WinJob[] = [];
  for (const difficulty of DIFFICULTIES)
    for (const player of PLAYERS)
      for (let at = 0; at < games; at += BATCH)
        jobs.push({
          scenarioId,
          variant,
          difficulty,
          player,
          seed: WINRATE_SEED + at,
          games: Math.min(BATCH, games - at),
        });
  return jobs;
}

/** Adds up the batches of one or more versions into figures, by version key. */
export function addUp(
  jobs: readonly WinJob[],
  counts: readonly WinCount[],
): Map<string, WinFigures> {
  const out = new Map<string, WinFigures>();
  jobs.forEach((job, i) => {
    const key = versionKey(job.scenarioId, job.variant);
    let figures = out.get(key);
    if (!figures) {
      figures = {} as WinFigures;
      for (const d of DIFFICULTIES)
        figures[d] = { scripted: { wins: 0, games: 0 }, random: { wins: 0, games: 0 } };
      out.set(key, figures);
    }
    const sum = figures[job.difficulty][job.player];
    const c = counts[i]!;
    if ('error' in sum) return;
    figures[job.difficulty][job.player] =
      'error' in c ? c : { wins: sum.wins + c.wins, games: sum.games + c.games };
  });
  return out;
}

export type WinRunOptions = ProgressOptions;

export interface WinRateRunner {
  /** Plays the batches; resolves with their counts in order, or null when cancelled. */
  run(jobs: readonly WinJob[], opts: WinRunOptions): Promise<WinCount[] | null>;
  destroy(): void;
}

/** Plays batches on the page's own thread, pausing between them. */
async function onPage(
  jobs: readonly WinJob[],
  counts: (WinCount | undefined)[],
  opts: WinRunOptions,
  done: number,
  total: number,
): Promise<WinCount[] | null> {
  for (let i = 0; i < jobs.length; i++) {
    if (counts[i] !== undefined) continue;
    await pause();
    if (opts.cancelled()) return null;
    counts[i] = playJob(jobs[i]!);
    done += jobs[i]!.games;
    opts.onProgress(done, total);
  }
  return counts as WinCount[];
}

/** A runner with up to `size` workers, started on the first run (not before it is needed). */
export function createWinRateRunner(size: number): WinRateRunner {
  const pool = createWorkerPool<TeacherTask, WinCount>({
    size,
    start: () => new Worker(new URL('./work.worker.ts', import.meta.url), { type: 'module' }),
    watchdogMs: WATCHDOG_MS,
  });

  return {
    async run(jobs, opts) {
      const counts: (WinCount | undefined)[] = new Array(jobs.length);
      const total = jobs.reduce((n, j) => n + j.games, 0);
      let done = 0;
      opts.onProgress(0, total);
      if (pool.size()) {
        const outcome = await pool.run(
          jobs.map((play) => ({ play })),
          {
            onResult(index, count) {
              counts[index] = count;
              done += jobs[index]!.games;
              opts.onProgress(done, total);
            },
            cancelled: opts.cancelled,
          },
        );
        if (outcome === 'cancelled') return null;
        if (outcome === 'done') return counts as WinCount[];
      }
      // No workers, or they failed: play what is left here, on the page.
      return onPage(jobs, counts, opts, done, total);
    },
    destroy: () => pool.destroy(),
  };
}

/** Figures already worked out on this page, by version key (the designed ones get reused). */
const known = new Map<string, WinFigures>();

export const knownFigures = (scenarioId: string, variant: Variant): WinFigures | undefined =>
  known.get(versionKey(scenarioId, variant));

export function rememberFigures(figures: Map<string, WinFigures>): void {
  for (const [key, f] of figures) known.set(key, f);
}
