import { serveTasks } from './pool';
import { playJob } from './winrates-play';

// A worker that plays the win-rate check's test games off the page's main thread: it receives
// one batch (a version of a scenario, a difficulty, a player, a run of seeds) and answers with
// how many were won. Several of these share the work on a machine with several cores.

serveTasks(playJob);
