import { describe, expect, it } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { createGame, type LogEntry } from '../../src/engine';
import { groupWeek, isMinor } from '../../src/dom/feed';
import { getScenario } from '../../src/scenarios';
import { policyByName } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';

// The full log groups each week for reading: an offer and its answer as one line, and the
// smaller changes (stance shifts that make or end no commitment, statements, dates, side
// effects) folded apart. Nothing is lost or reordered.

const scenario = getScenario('december-summit')!;
const game = createGame(scenario, actorRuntime);

describe('the log, grouped by week', () => {
  it('keeps every entry once, in order, and folds only the smaller changes', () => {
    let entries = 0;
    let lines = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const { state } = playGame(game, seed, 'standard', policyByName('scripted')!);
      const weeks = new Map<number, LogEntry[]>();
      for (const e of state.log) weeks.set(e.week, [...(weeks.get(e.week) ?? []), e]);
      for (const week of weeks.values()) {
        const { main, minor } = groupWeek(week);
        const kept = main.flatMap((x) => (x.answer ? [x.entry, x.answer] : [x.entry]));
        expect(kept).toEqual(week.filter((e) => !isMinor(e)));
        expect(minor).toEqual(week.filter(isMinor));
        for (const x of main) {
          expect(isMinor(x.entry)).toBe(false);
          if (x.answer) {
            expect(x.entry.code).toBe('move.offer');
            expect(x.answer.kind).toBe('reply');
            expect(x.answer.actor).toBe(x.entry.actor);
          }
        }
        // A commitment made or ended is never folded away.
        for (const e of minor)
          if (e.code === 'decision.stance') {
            expect(e.data?.['to']).not.toBe('committed');
            expect(e.data?.['from']).not.toBe('committed');
          }
        entries += week.length;
        lines += main.length + (minor.length ? 1 : 0);
      }
    }
    // Fewer lines to read than entries (about 53 for 74 in a scripted game).
    expect(lines).toBeLessThan(entries * 0.8);
  });
});
