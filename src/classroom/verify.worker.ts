import { serveTasks } from './pool';
import { checkCode } from './results';

// A worker that verifies result codes off the page's main thread: it receives a batch of codes
// and answers with their checks (small plain objects). Replaying a game is pure computation, so
// several of these share the work on a machine with several cores (src/classroom/runner.ts).

serveTasks((codes: string[]) => codes.map(checkCode));
