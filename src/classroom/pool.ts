// A few module workers sharing a list of tasks, for the teacher's page: verifying result codes
// and playing the win-rate check's games (both in work.worker.ts). Each worker
// gets one task at a time and the next as soon as it answers, so a fast worker does more. One
// run at a time: a new run, or destroy(), ends the one before. A worker that cannot load, that
// throws, or that stays silent for `watchdogMs` fails the run, and the caller finishes what is
// left on the page itself.

/** What the page sends a worker, and what it answers (serveTasks below). */
export interface TaskRequest<T> {
  id: number;
  task: T;
}
export interface TaskReply<R> {
  id: number;
  result: R;
}

export type PoolOutcome = 'done' | 'cancelled' | 'failed';

/** How a long job on the teacher's page reports progress and hears that it should stop. */
export interface ProgressOptions {
  onProgress(done: number, total: number): void;
  cancelled(): boolean;
}

/** A pause between batches done on the page (setTimeout 0), so it can repaint and take input. */
export const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface PoolRunOptions<R> {
  /** hears each task's result as it comes, by the task's index */
  onResult(index: number, result: R): void;
  cancelled(): boolean;
}

export interface WorkerPool<T, R> {
  /** How many workers run (started on first call, or at once with `eager`); 0 without any. */
  size(): number;
  run(tasks: readonly T[], opts: PoolRunOptions<R>): Promise<PoolOutcome>;
  destroy(): void;
}

export interface PoolSpec {
  /** how many workers to start */
  size: number;
  /** starts one worker (written at the caller, so the bundler sees the worker's file) */
  start(): Worker;
  /** a worker that has not answered for this long is given up on */
  watchdogMs: number;
  /** start the workers now, so they are warm when the work comes */
  eager?: boolean;
}

export function createWorkerPool<T, R>(spec: PoolSpec): WorkerPool<T, R> {
  let workers: Worker[] | null = null;
  /** the run in progress: how it ends when the workers fail or a newer run begins */
  let current: { end(outcome: PoolOutcome): void } | null = null;
  let nextId = 0;

  const fail = () => {
    for (const w of workers ?? []) w.terminate();
    workers = [];
    current?.end('failed');
  };

  const start = (): Worker[] => {
    if (workers) return workers;
    workers = [];
    if (typeof Worker === 'undefined') return workers;
    try {
      for (let i = 0; i < spec.size; i++) {
        const w = spec.start();
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
    return workers;
  };
  if (spec.eager) start();

  const run = (tasks: readonly T[], opts: PoolRunOptions<R>) =>
    new Promise<PoolOutcome>((resolve) => {
      const pool = start();
      const pending = new Map<number, number>();
      let at = 0;
      let over = false;
      let watchdog: ReturnType<typeof setTimeout> | undefined;

      const end = (outcome: PoolOutcome) => {
        if (over) return;
        over = true;
        clearTimeout(watchdog);
        if (current === me) current = null;
        for (const w of pool) w.removeEventListener('message', onMessage);
        resolve(outcome);
      };
      const me = { end };
      const armWatchdog = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(fail, spec.watchdogMs);
      };
      const feed = (w: Worker) => {
        if (over) return;
        if (opts.cancelled()) return end('cancelled');
        if (at >= tasks.length) {
          if (pending.size === 0) end('done');
          return;
        }
        const id = nextId++;
        pending.set(id, at);
        const request: TaskRequest<T> = { id, task: tasks[at++]! };
        w.postMessage(request);
      };
      function onMessage(this: Worker, event: MessageEvent<TaskReply<R>>) {
        const index = pending.get(event.data.id);
        if (index === undefined || over) return;
        pending.delete(event.data.id);
        opts.onResult(index, event.data.result);
        armWatchdog();
        feed(this);
      }

      current?.end('cancelled');
      current = me;
      if (pool.length === 0) return end('failed');
      armWatchdog();
      for (const w of pool) {
        w.addEventListener('message', onMessage);
        feed(w);
      }
    });

  return {
    size: () => start().length,
    run,
    destroy() {
      current?.end('cancelled');
      for (const w of workers ?? []) w.terminate();
      workers = [];
    },
  };
}

/** The worker's side: answers each task with `work(task)`. */
export function serveTasks<T, R>(work: (task: T) => R): void {
  self.addEventListener('message', (event: MessageEvent<TaskRequest<T>>) => {
    const reply: TaskReply<R> = { id: event.data.id, result: work(event.data.task) };
    self.postMessage(reply);
  });
}
