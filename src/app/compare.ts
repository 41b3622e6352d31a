import {
  money,
  type GameState,
  type LogEntry,
  type Scenario,
  type Stance,
  type WeekRecord,
} from '../engine';
import { forkBaseState, type Session } from './store';

// Two timelines side by side: a "What if?" game and the game it forked from (the real path or
// another game), from the same seed, so the same world. Both renderers draw this one model: the
// debrief's canvas and the page under it.

export interface Timeline {
  /** what the timeline is, in a few words ("The real path", "Your what-if") */
  label: string;
  state: GameState;
  /** money that reached Ukraine in time, EUR m */
  secured: number;
  history: readonly WeekRecord[];
}

export interface StanceSplit {
  actor: string;
  /** the weeks (at their end) where the two timelines left this actor in different stances */
  weeks: { week: number; base: Stance; fork: Stance }[];
}

export interface Comparison {
  /** the week the what-if started in: before it, both timelines are one */
  week: number;
  base: Timeline;
  fork: Timeline;
  /** turning points from the fork's week on that only one timeline has (same week and words) */
  onlyBase: LogEntry[];
  onlyFork: LogEntry[];
  /** every actor whose stance differed at the end of some week, in the scenario's order */
  splits: StanceSplit[];
}

export const BASE_LABEL = { history: 'The real path', game: 'The game it forked from' } as const;
export const FORK_LABEL = 'Your what-if';

const key = (e: LogEntry) => `${e.week}|${e.text}`;

/** The comparison of a forked game with its base; null for a game that is not a fork. */
export function compareFork(scenario: Scenario, session: Session): Comparison | null {
  const fork = session.fork;
  const baseState = forkBaseState(session);
  if (!fork || !baseState) return null;
  const timeline = (label: string, state: GameState): Timeline => ({
    label,
    state,
    secured: money(scenario, state).secured,
    history: state.history,
  });
  const base = timeline(BASE_LABEL[fork.kind], baseState);
  const mine = timeline(FORK_LABEL, session.state);
  const after = (s: GameState) =>
    (s.ending?.turningPoints ?? []).filter((e) => e.week >= fork.week);
  const baseTurns = after(baseState);
  const forkTurns = after(session.state);
  const baseKeys = new Set(baseTurns.map(key));
  const forkKeys = new Set(forkTurns.map(key));
  const byWeek = new Map(baseState.history.map((r) => [r.week, r]));
  const splits: StanceSplit[] = [];
  for (const def of scenario.actors) {
    const weeks: StanceSplit['weeks'] = [];
    for (const r of session.state.history) {
      const b = byWeek.get(r.week)?.stance[def.id];
      const f = r.stance[def.id];
      if (b && f && b !== f) weeks.push({ week: r.week, base: b, fork: f });
    }
    if (weeks.length) splits.push({ actor: def.id, weeks });
  }
  return {
    week: fork.week,
    base,
    fork: mine,
    onlyBase: baseTurns.filter((e) => !forkKeys.has(key(e))),
    onlyFork: forkTurns.filter((e) => !baseKeys.has(key(e))),
    splits,
  };
}
