import { hasHistory, historyMove } from '../engine';
import { scenarios } from '../scenarios';
import type { Policy } from './tactics';

// The path governments really took (game.md section 11: "the path the governments really took
// (`history`) ends as history did"): the scenario's own script of the moves that stand for what
// happened (Scenario.history.script, with the dates of facts.md), played by the engine's
// historyMove. Only where the real record is clear: a what-if scenario has no script.

const history: Policy = (game, state) => historyMove(game, state);

/** The history player of each scenario whose real path is on record. */
export const HISTORY_POLICIES: Record<string, Policy> = Object.fromEntries(
  Object.values(scenarios)
    .filter(hasHistory)
    .map((s) => [s.id, history]),
);
