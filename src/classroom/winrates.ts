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
import type { WinRateReply, WinRateRequest } from './winrates.worker';

export { PLAYER_TEXT, PLAYERS, WINRATE_GAMES, type Player, type WinCount } from './winrates-play';

// Win rates of a scenario version before a class plays it: the balance harness (src/sim) plays
// it headless at every difficulty with two of its players, a competent one (the `scripted`
// strategy) and one clicking at random, from the same seeds every time. The games run in a few
// workers, in small batches, so the page stays responsive; without workers (or when one fails)
// the rest is played on the page itself, one batch at a time with a pause between batches.

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

export interface WinRunOptions {
  onProgress(done: number, total: number): void;
  cancelled(): boolean;
}

export interface WinRateRunner {
  /** Plays the batches; resolves with their counts in order, or null when cancelled. */
  run(jobs: readonly WinJob[], opts: WinRunOptions): Promise<WinCount[] | null>;
  destroy(): void;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
  let workers: Worker[] | null = null;
  let current: { fail(): void; abort(): void } | null = null;
  let nextId = 0;

  const fail = () => {
    for (const w of workers ?? []) w.terminate();
    workers = [];
    current?.fail();
  };

  const start = (): Worker[] => {
    if (workers) return workers;
    workers = [];
    if (typeof Worker === 'undefined') return workers;
    try {
      for (let i = 0; i < size; i++) {
        const w = new Worker(new URL('./winrates.worker.ts', import.meta.url), {
          type: 'module',
        });
        w.addEventListener('error', (event) => {
          event.preventDefault();
          fail();
        });
        w.addEventListener('messageerror', fail);
        workers.push(w);
      }
    } catch {
      fail();
    }
    return workers;
  };

  const inWorkers = (pool: Worker[], jobs: readonly WinJob[], opts: WinRunOptions) =>
    new Promise<WinCount[] | null>((resolve) => {
      const counts: (WinCount | undefined)[] = new Array(jobs.length);
      const total = jobs.reduce((n, j) => n + j.games, 0);
      const pending = new Map<number, number>();
      let done = 0;
      let at = 0;
      let over = false;
      let watchdog: ReturnType<typeof setTimeout> | undefined;

      const stop = () => {
        over = true;
        clearTimeout(watchdog);
        if (current === run) current = null;
        for (const w of pool) w.removeEventListener('message', onMessage);
      };
      const armWatchdog = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(fail, WATCHDOG_MS);
      };
      const feed = (w: Worker) => {
        if (over) return;
        if (opts.cancelled()) {
          stop();
          return resolve(null);
        }
        if (at >= jobs.length) {
          if (pending.size === 0) {
            stop();
            resolve(counts as WinCount[]);
          }
          return;
        }
        const id = nextId++;
        pending.set(id, at);
        const request: WinRateRequest = { id, job: jobs[at++]! };
        w.postMessage(request);
      };
      function onMessage(this: Worker, event: MessageEvent<WinRateReply>) {
        const index = pending.get(event.data.id);
        if (index === undefined || over) return;
        pending.delete(event.data.id);
        counts[index] = event.data.count;
        done += jobs[index]!.games;
        opts.onProgress(done, total);
        armWatchdog();
        feed(this);
      }

      const run = {
        // The workers failed: play what is left here, on the page.
        fail() {
          if (over) return;
          stop();
          void onPage(jobs, counts, opts, done, total).then(resolve);
        },
        abort() {
          if (over) return;
          stop();
          resolve(null);
        },
      };
      current?.abort();
      current = run;

      opts.onProgress(0, total);
      armWatchdog();
      for (const w of pool) {
        w.addEventListener('message', onMessage);
        feed(w);
      }
    });

  return {
    run(jobs, opts) {
      const pool = start();
      if (pool.length) return inWorkers(pool, jobs, opts);
      current?.abort();
      const total = jobs.reduce((n, j) => n + j.games, 0);
      opts.onProgress(0, total);
      return onPage(jobs, new Array(jobs.length), opts, 0, total);
    },
    destroy() {
      current?.abort();
      for (const w of workers ?? []) w.terminate();
      workers = [];
    },
  };
}

/** Figures already worked out on this page, by version key (the designed ones get reused). */
const known = new Map<string, WinFigures>();

export const knownFigures = (scenarioId: string, variant: Variant): WinFigures | undefined =>
  known.get(versionKey(scenarioId, variant));

export function rememberFigures(figures: Map<string, WinFigures>): void {
  for (const [key, f] of figures) known.set(key, f);
}
