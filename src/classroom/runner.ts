import { checkGroups, MAX_CODES, TOO_MANY, type Check, type Entry, type Group } from './collect';
import { checkCode, type ClassResult } from './results';
import type { VerifyReply, VerifyRequest } from './verify.worker';

// Runs the checks for the page. Where the browser allows it, a few workers replay the codes in
// parallel, in small batches, so the page never freezes. Without workers (or when one fails to
// start or stops answering) the rest is checked on the page itself, 25 codes at a time with a
// pause (setTimeout 0) between batches.

export interface RunOptions {
  onProgress(done: number, total: number): void;
  cancelled(): boolean;
}

export interface Runner {
  check(groups: readonly Group[], opts: RunOptions): Promise<Entry<ClassResult>[] | null>;
  destroy(): void;
}

const CHUNK = 25;
/** A worker that has not answered for this long is given up on. */
const WATCHDOG_MS = 10_000;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
  let workers: Worker[] = [];
  /** the run in progress: what it does when the workers fail, and how to end it */
  let current: { fail(): void; abort(): void } | null = null;

  const fail = () => {
    for (const w of workers) w.terminate();
    workers = [];
    current?.fail();
  };

  if (typeof Worker !== 'undefined') {
    try {
      for (let i = 0; i < size; i++) {
        const w = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
        // A worker that cannot load (no module workers, a blocked file) reports it here.
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
  }

  let nextId = 0;

  const inWorkers = (groups: readonly Group[], opts: RunOptions) =>
    new Promise<Entry<ClassResult>[] | null>((resolve) => {
      const checks: (Check<ClassResult> | undefined)[] = new Array(groups.length);
      // The groups that need a replay; the others get their reason at once.
      const toCheck: number[] = [];
      groups.forEach((g, i) => {
        if (g.first.reason !== undefined) checks[i] = { valid: false, reason: g.first.reason };
        else if (toCheck.length >= MAX_CODES) checks[i] = { valid: false, reason: TOO_MANY };
        else toCheck.push(i);
      });
      // Small classes go in small batches, so every worker gets a share.
      const batch = Math.max(5, Math.min(CHUNK, Math.ceil(toCheck.length / (workers.length * 4))));
      const pending = new Map<number, number[]>();
      let done = groups.length - toCheck.length;
      let at = 0;
      let over = false;
      let watchdog: ReturnType<typeof setTimeout> | undefined;

      const stop = () => {
        over = true;
        clearTimeout(watchdog);
        if (current === run) current = null;
        for (const w of workers) w.removeEventListener('message', onMessage);
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
        if (at >= toCheck.length) {
          if (pending.size === 0) {
            stop();
            resolve(groups.map((g, i) => ({ ...g, check: checks[i]! })));
          }
          return;
        }
        const indexes = toCheck.slice(at, at + batch);
        at += indexes.length;
        const id = nextId++;
        pending.set(id, indexes);
        const request: VerifyRequest = { id, codes: indexes.map((i) => groups[i]!.first.text) };
        w.postMessage(request);
      };
      function onMessage(this: Worker, event: MessageEvent<VerifyReply>) {
        const indexes = pending.get(event.data.id);
        if (!indexes || over) return;
        pending.delete(event.data.id);
        indexes.forEach((gi, k) => (checks[gi] = event.data.checks[k]));
        done += indexes.length;
        opts.onProgress(done, groups.length);
        armWatchdog();
        feed(this);
      }

      const run = {
        // The workers failed: check what is left here, on the page.
        fail() {
          if (over) return;
          stop();
          const left = groups.filter((_, i) => checks[i] === undefined);
          const before = done;
          void onPage(left, {
            onProgress: (d) => opts.onProgress(before + d, groups.length),
            cancelled: opts.cancelled,
          }).then((rest) => {
            if (!rest) return resolve(null);
            let k = 0;
            resolve(groups.map((g, i) => ({ ...g, check: checks[i] ?? rest[k++]!.check })));
          });
        },
        abort() {
          if (over) return;
          stop();
          resolve(null);
        },
      };
      current?.abort();
      current = run;

      opts.onProgress(done, groups.length);
      armWatchdog();
      for (const w of [...workers]) {
        w.addEventListener('message', onMessage);
        feed(w);
      }
    });

  return {
    check(groups, opts) {
      return workers.length ? inWorkers(groups, opts) : onPage(groups, opts);
    },
    destroy() {
      current?.abort();
      for (const w of workers) w.terminate();
      workers = [];
    },
  };
}
