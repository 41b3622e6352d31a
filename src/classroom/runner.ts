import { checkGroups, MAX_CODES, TOO_MANY, type Check, type Entry, type Group } from './collect';
import { checkCode, type ClassResult } from './results';
import { createWorkerPool, pause, type ProgressOptions } from './pool';
import type { TeacherTask } from './work.worker';

// Runs the checks for the page. Where the browser allows it, a few workers replay the codes in
// parallel, in small batches, so the page never freezes. Without workers (or when one fails to
// start or stops answering) the rest is checked on the page itself, 25 codes at a time with a
// pause (setTimeout 0) between batches.

export type RunOptions = ProgressOptions;

export interface Runner {
  check(groups: readonly Group[], opts: RunOptions): Promise<Entry<ClassResult>[] | null>;
  destroy(): void;
}

const CHUNK = 25;
/** A worker that has not answered for this long is given up on. */
const WATCHDOG_MS = 10_000;

/** Checks on the page's own thread, in chunks. */
function onPage(groups: readonly Group[], opts: RunOptions) {
  return checkGroups(groups, checkCode, {
    chunk: CHUNK,
    pause,
    onProgress: opts.onProgress,
    cancelled: opts.cancelled,
  });
}

/** A runner with up to `size` workers, started now so they are warm when the codes come. */
export function createRunner(size: number): Runner {
  const pool = createWorkerPool<TeacherTask, Check<ClassResult>[]>({
    size,
    start: () => new Worker(new URL('./work.worker.ts', import.meta.url), { type: 'module' }),
    watchdogMs: WATCHDOG_MS,
    eager: true,
  });

  async function inWorkers(groups: readonly Group[], opts: RunOptions) {
    const checks: (Check<ClassResult> | undefined)[] = new Array(groups.length);
    // The groups that need a replay; the others get their reason at once.
    const toCheck: number[] = [];
    groups.forEach((g, i) => {
      if (g.first.reason !== undefined) checks[i] = { valid: false, reason: g.first.reason };
      else if (toCheck.length >= MAX_CODES) checks[i] = { valid: false, reason: TOO_MANY };
      else toCheck.push(i);
    });
    // Small classes go in small batches, so every worker gets a share.
    const size = Math.max(5, Math.min(CHUNK, Math.ceil(toCheck.length / (pool.size() * 4))));
    const batches: number[][] = [];
    for (let at = 0; at < toCheck.length; at += size) batches.push(toCheck.slice(at, at + size));
    let done = groups.length - toCheck.length;
    opts.onProgress(done, groups.length);
    const outcome = await pool.run(
      batches.map((b) => ({ verify: b.map((i) => groups[i]!.first.text) })),
      {
        onResult(b, results) {
          batches[b]!.forEach((gi, k) => (checks[gi] = results[k]));
          done += batches[b]!.length;
          opts.onProgress(done, groups.length);
        },
        cancelled: opts.cancelled,
      },
    );
    if (outcome === 'cancelled') return null;
    if (outcome === 'done') return groups.map((g, i) => ({ ...g, check: checks[i]! }));
    // The workers failed: check what is left here, on the page.
    const left = groups.filter((_, i) => checks[i] === undefined);
    const before = done;
    const rest = await onPage(left, {
      onProgress: (d) => opts.onProgress(before + d, groups.length),
      cancelled: opts.cancelled,
    });
    if (!rest) return null;
    let k = 0;
    return groups.map((g, i) => ({ ...g, check: checks[i] ?? rest[k++]!.check }));
  }

  return {
    check: (groups, opts) => (pool.size() ? inWorkers(groups, opts) : onPage(groups, opts)),
    destroy: () => pool.destroy(),
  };
}
