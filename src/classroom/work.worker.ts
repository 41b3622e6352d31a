import { serveTasks } from './pool';
import { checkCode } from './results';
import { playJob, type WinJob } from './winrates-play';

// The teacher's page's one worker, off the page's main thread: it verifies a batch of result codes
// (runner.ts) or plays a batch of the win-rate check's test games (winrates.ts). Both are pure
// computation, so several of these share the work on a machine with several cores. One worker
// for both: each carries the engine, the actors and the scenarios once.

export type TeacherTask = { verify: string[] } | { play: WinJob };

serveTasks((task: TeacherTask) =>
  'verify' in task ? task.verify.map(checkCode) : playJob(task.play),
);
