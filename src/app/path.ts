import type { Game, LogEntry, Move, MoveType } from '../engine';
import type { Session } from './store';

// The path the player took, for the debrief: every move in order, grouped by week, each with
// what it led to at once (a reply, a vote, money). Built from the engine's step-by-step replay
// (Game.replaySteps): the log only grows, so what a move added is the slice of log it appended.

export interface PathStep {
  move: Move;
  /** the engine's line for the move ("You offer Germany: ...") or, if it logs none, its result */
  text: string;
  /** what followed at once: replies, votes, money (never the week's later events) */
  outcomes: LogEntry[];
}

export interface PathWeek {
  week: number;
  steps: PathStep[];
}

const OUTCOME_KINDS = new Set<LogEntry['kind']>(['reply', 'vote', 'money']);

export function pathOf(game: Game, session: Session): PathWeek[] {
  const weeks: PathWeek[] = [];
  for (const { ok, move, before, state } of game.replaySteps(
    session.seed,
    session.difficulty,
    session.moves,
  )) {
    if (!ok) break;
    if (move.type === 'week.end') continue;
    const added = state.log.slice(before.log.length);
    const outcomes = added.filter((e) => OUTCOME_KINDS.has(e.kind));
    // Votes and bridge requests log only their result: that result is the step's line.
    const line = added.find((e) => e.kind === 'move') ?? outcomes.shift();
    const week = added[0]?.week ?? state.week;
    let w = weeks[weeks.length - 1];
    if (!w || w.week !== week) weeks.push((w = { week, steps: [] }));
    w.steps.push({ move, text: line?.text ?? '', outcomes });
  }
  return weeks;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const COUNTED: Record<Exclude<MoveType, 'week.end'>, (n: number) => string> = {
  'offer.make': (n) => plural(n, 'offer', 'offers'),
  'actor.sound': (n) => plural(n, 'sounding-out', 'soundings-out'),
  'pressure.public': (n) => plural(n, 'round of public pressure', 'rounds of public pressure'),
  'g7.coordinate': (n) => plural(n, 'G7 call', 'G7 calls'),
  'legal.work': (n) => plural(n, 'round of legal work', 'rounds of legal work'),
  'route.table': (n) => plural(n, 'route tabled', 'routes tabled'),
  'vote.call': (n) => plural(n, 'vote called', 'votes called'),
  'bridge.request': (n) => plural(n, 'request for bridge money', 'requests for bridge money'),
  'counter.accept': (n) => plural(n, 'counter-offer accepted', 'counter-offers accepted'),
};

/**
 * One sentence: how many moves, in how many weeks, of which kinds (most used first). A what-if
 * counts only its own moves, from the week it began (`from`).
 */
export function describePath(all: PathWeek[], weeks: number, from = 1): string {
  const path = all.filter((w) => w.week >= from);
  const counts = new Map<Exclude<MoveType, 'week.end'>, number>();
  let total = 0;
  for (const w of path) {
    for (const s of w.steps) {
      if (s.move.type === 'week.end') continue;
      counts.set(s.move.type, (counts.get(s.move.type) ?? 0) + 1);
      total++;
    }
  }
  const own = from > 1 ? `From week ${from}, your own moves: ` : '';
  if (total === 0)
    return from > 1
      ? `From week ${from} you made no moves: every week simply ended.`
      : 'You made no moves: every week simply ended.';
  // A stable sort: equal counts stay in the order first used.
  const kinds = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => COUNTED[t](n));
  return `${own}${plural(total, 'move', 'moves')} in ${path.length} of ${weeks - from + 1} weeks: ${kinds.join(', ')}.`;
}
