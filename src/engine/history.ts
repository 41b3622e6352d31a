import type { Game } from './game';
import { euRouteDecided } from './queries';
import type { Difficulty, GameState, HistoryStep, Move, Scenario } from './types';

// The path governments really took, played as moves of this game from the scenario's script
// (Scenario.history.script): every week, the first step that is due and that the rules accept,
// again and again, then the week ends. It never reacts to the game beyond its steps'
// conditions, as a replay of the record would not. The same seed gives the same real path.

const END: Move = { type: 'week.end' };
/** More moves than any script plays: a script that never ends its weeks is cut off here. */
const MAX_MOVES = 2000;

function due(scenario: Scenario, state: GameState, step: HistoryStep): boolean {
  if (state.week < step.from || state.week > (step.to ?? step.from)) return false;
  const m = step.move;
  switch (step.when) {
    case 'unsounded':
      return m.type === 'actor.sound' && state.actors[m.actor]?.sounded === false;
    case 'draft':
      return 'route' in m && state.routes[m.route]?.status === 'draft';
    case 'eu-decided':
      return euRouteDecided(scenario, state);
    default:
      return true;
  }
}

/** Whether the scenario has its real path as a script (a what-if has none). */
export const hasHistory = (scenario: Scenario): boolean =>
  (scenario.history.script?.length ?? 0) > 0;

/** The real path's next move in this state: the first step due that the rules accept. */
export function historyMove(game: Game, state: GameState): Move {
  for (const step of game.scenario.history.script ?? [])
    if (due(game.scenario, state, step) && game.validate(state, step.move) === null)
      return step.move;
  return END;
}

/**
 * The real path's moves from the start, to the end of the game or, with `until`, to the start of
 * that week (the moves a fork of history at that week begins with).
 */
export function historyMoves(
  game: Game,
  seed: number,
  difficulty: Difficulty,
  until?: number,
): Move[] {
  let state = game.start(seed, difficulty);
  const moves: Move[] = [];
  while (state.status === 'playing' && (until === undefined || state.week < until)) {
    if (moves.length >= MAX_MOVES) break;
    const move = historyMove(game, state);
    const r = game.play(state, move);
    // historyMove only returns moves the rules accept, and ending the week always is one.
    if (!r.ok) break;
    moves.push(move);
    state = r.state;
  }
  return moves;
}
