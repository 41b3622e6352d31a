import { describe, expect, it } from 'vitest';

import { compareFork } from '../../src/app/compare';
import type { Session } from '../../src/app/store';
import type { Stance, WeekRecord } from '../../src/engine';
import { DEFAULT_OPTIONS, movesBefore, realPath } from '../../src/share';
import {
  compareChart,
  forkMarker,
  moneyChart,
  splitCells,
  splitPoints,
  stanceRibbons,
  yRange,
} from '../../src/ui/chart';
import { dotsAlong, overlaps } from '../../src/ui/geometry';
import { S } from '../../src/ui/strings';
import { contrast, HIGH_CONTRAST, NORMAL } from '../../src/ui/theme';
import { endWeeks, newGame, scenario } from '../helpers/game';

// The geometry of a what-if's debrief: the other timeline's line, the marker where the two part,
// the ribbon cells where their stances differed, the turning points only one of them had.

/** Week records with money secured per week (EUR m) and each actor's stance. */
function records(secured: number[], stance: Record<string, Stance[]> = {}): WeekRecord[] {
  return secured.map((s, i) => ({
    week: i + 1,
    w: {},
    stance: Object.fromEntries(Object.entries(stance).map(([id, list]) => [id, list[i]!])),
    secured: s,
    pledged: 0,
    unity: 50,
    market: 0,
    russia: 0,
  }));
}

const plot = { x: 50, y: 100, w: 360, h: 150 };
const target = 70_000;

describe('a what-if money chart', () => {
  // Both timelines share weeks 1-3; the what-if starts in week 4.
  const base = records([0, 0, 10_000, 40_000, 40_000, 45_000, 45_000, 45_000, 80_000, 80_000]);
  const fork = records([0, 0, 10_000, 10_000, 20_000, 20_000, 30_000, 50_000, 50_000, 50_000]);
  const c = compareChart(fork, base, 4, target, plot);
  const xOf = (week: number) => plot.x + ((week - 1) * plot.w) / 9;
  const yOf = (millions: number) => plot.y + plot.h - (millions / 1000 / c.yMax) * plot.h;

  it('draws the what-if every week and the other line from the last shared week on', () => {
    expect(c.secured).toHaveLength(fork.length * 2);
    // Weeks 3..10 of the base: where the lines part, then its own weeks.
    expect(c.base).toHaveLength(8 * 2);
    for (let i = 0; i < 8; i++) {
      const rec = base[i + 2]!;
      expect(c.base[i * 2]).toBeCloseTo(xOf(rec.week));
      expect(c.base[i * 2 + 1]).toBeCloseTo(yOf(rec.secured));
    }
    // The base's first point is the what-if's point of the same week: the two lines meet there.
    expect(c.base.slice(0, 2)).toEqual(c.secured.slice(4, 6));
  });

  it('puts the marker where the what-if starts: the end of the last shared week', () => {
    expect(c.forkX).toBeCloseTo(xOf(3));
    expect(compareChart(fork, base, 1, target, plot).forkX).toBe(plot.x);
    expect(compareChart(fork, base, 1, target, plot).base).toHaveLength(base.length * 2);
  });

  it('fits both lines and the target on one axis', () => {
    // The base's 80 bn is above the target and the what-if: the axis reaches it.
    expect(c.yMax).toBeGreaterThanOrEqual(80);
    for (let i = 1; i < c.base.length; i += 2) expect(c.base[i]).toBeGreaterThanOrEqual(plot.y);
    expect(c.targetY).toBeCloseTo(yOf(target));
  });

  it('spans the weeks of the longer timeline when one ended early', () => {
    const short = fork.slice(0, 6);
    const d = compareChart(short, base, 4, target, plot);
    expect(d.xTicks[d.xTicks.length - 1]!.week).toBe(10);
    expect(d.secured[d.secured.length - 2]).toBeCloseTo(xOf(6));
    expect(d.base[d.base.length - 2]).toBeCloseTo(plot.x + plot.w);
  });

  it('keeps the plain chart as it was', () => {
    const plain = moneyChart(fork, target, plot);
    expect(plain.xTicks).toEqual(c.xTicks);
    expect(plain.secured.filter((_, i) => i % 2 === 0)).toEqual(
      c.secured.filter((_, i) => i % 2 === 0),
    );
  });
});

describe('the fork marker', () => {
  const label = { w: 120, h: 18 };
  const far = { x: 0, y: 0, w: 1, h: 1 };
  const low = plot.y + plot.h - 10; // a target line far under the label

  it('names the fork week', () => {
    expect(S.forkMarker(4)).toBe('What if? from week 4');
  });

  it('runs through the plot with its label at the top, right of the line', () => {
    const m = forkMarker(plot, 100, label, low, far);
    expect(m.segments).toEqual([[plot.y, plot.y + plot.h]]);
    expect(m.label).toEqual({ x: 104, y: plot.y + 2, w: 120, h: 18 });
  });

  it('puts its label left of the line near the right edge', () => {
    const m = forkMarker(plot, 400, label, low, far);
    expect(m.label.x + m.label.w).toBe(396);
  });

  // The target near the top of the plot, its label above its line at the left.
  const targetY = plot.y + 20;
  const targetLabel = { x: plot.x + 4, y: targetY - 19, w: 100, h: 18 };

  it('moves its label under the target label it would cover, and leaves that label a gap', () => {
    const m = forkMarker(plot, 90, label, targetY, targetLabel);
    expect(overlaps(m.label, targetLabel)).toBe(false);
    expect(m.label.y).toBe(targetY + 4);
    expect(m.segments).toEqual([[targetLabel.y + targetLabel.h + 1, plot.y + plot.h]]);
  });

  it('keeps its label off the target line, and its line whole clear of the target label', () => {
    const m = forkMarker(plot, 300, label, targetY, targetLabel);
    expect(m.label.y).toBe(targetY + 4);
    expect(m.segments).toEqual([[plot.y, plot.y + plot.h]]);
    // A target line under the label's place leaves it at the top.
    expect(forkMarker(plot, 300, label, plot.y + 40, far).label.y).toBe(plot.y + 2);
  });
});

describe('the fork label and the money lines', () => {
  const label = { w: 120, h: 18 };
  const targetY = plot.y + 20;
  const targetLabel = { x: plot.x + 4, y: targetY - 19, w: 100, h: 18 };

  it('knows how high a line runs over a stretch of x', () => {
    const poly = [0, 200, 100, 100, 200, 100];
    expect(yRange(poly, 0, 50)).toEqual([150, 200]);
    expect(yRange(poly, 120, 180)).toEqual([100, 100]);
    expect(yRange(poly, 300, 400)).toBeNull();
  });

  it('takes a place clear of the lines, left of the marker if the right is crossed', () => {
    // A line that climbs right after the marker at x = 250 and plateaus just under the target.
    const line = [plot.x, 240, 260, 240, 290, 135, plot.x + plot.w, 135];
    const m = forkMarker(plot, 250, label, targetY, targetLabel, [line]);
    expect(m.label.x + m.label.w).toBe(246);
    expect(m.label.y).toBe(targetY + 4);
    const r = yRange(line, m.label.x, m.label.x + m.label.w)!;
    expect(r[0] > m.label.y + m.label.h || r[1] < m.label.y).toBe(true);
  });

  it('goes lower when the place under the target is taken', () => {
    const line = [plot.x, 130, plot.x + plot.w, 130];
    const m = forkMarker(plot, 100, label, targetY, targetLabel, [line]);
    expect(m.label.y).toBeGreaterThan(130 + 3);
    expect(m.label.y + m.label.h).toBeLessThanOrEqual(plot.y + plot.h);
  });
});

describe('ribbon cells of another stance', () => {
  const history = records([0, 0, 0, 0], {
    a: ['wary', 'wary', 'supportive', 'supportive'],
    b: ['opposed', 'opposed', 'opposed', 'opposed'],
  });
  const rows = stanceRibbons(history, ['a', 'b'], { x: 0, y: 0, w: 140, h: 40 }, 100);

  it('marks exactly the weeks where the other timeline differed', () => {
    const splits = [
      {
        actor: 'a',
        weeks: [
          { week: 3, base: 'wary' as const, fork: 'supportive' as const },
          { week: 4, base: 'conditional' as const, fork: 'supportive' as const },
        ],
      },
    ];
    const marked = splitCells(rows, splits);
    expect(marked.map((c) => c.week)).toEqual([3, 4]);
    expect(marked.every((c) => rows[0]!.cells.includes(c))).toBe(true);
    expect(marked[0]!.x).toBe(100 + 2 * 10);
  });

  it('marks nothing without splits, and nothing for an actor without a row', () => {
    expect(splitCells(rows, [])).toEqual([]);
    expect(splitCells(rows, [{ actor: 'zz', weeks: [{ week: 1 }] }])).toEqual([]);
  });

  it('explains the mark by the other timeline', () => {
    expect(S.splitKey('The real path')).toBe('outlined: another stance on the real path');
    expect(S.splitKey('The game it forked from')).toBe(
      'outlined: another stance in the game it forked from',
    );
  });
});

describe('turning points of one timeline', () => {
  const at = (week: number) => ({ week });

  it('lists up to n in week order', () => {
    const picks = splitPoints([at(7), at(9)], [at(4)], 3);
    expect(picks.map((p) => [p.side, p.point.week])).toEqual([
      ['base', 4],
      ['fork', 7],
      ['fork', 9],
    ]);
  });

  it('keeps the first of each timeline when one has more than n', () => {
    const picks = splitPoints([at(4), at(5), at(6), at(7)], [at(12)], 3);
    expect(picks.map((p) => [p.side, p.point.week])).toEqual([
      ['fork', 4],
      ['fork', 5],
      ['base', 12],
    ]);
    expect(splitPoints([], [at(5), at(6), at(7), at(8)], 3)).toHaveLength(3);
    expect(splitPoints([], [], 3)).toEqual([]);
  });
});

describe('dotted lines', () => {
  it('sets dots at an even spacing along a polyline, across its corners', () => {
    const dots = dotsAlong([0, 0, 10, 0, 10, 10], 4);
    expect(dots).toEqual([0, 0, 4, 0, 8, 0, 10, 2, 10, 6, 10, 10]);
    expect(dotsAlong([5, 5], 4)).toEqual([5, 5]);
    expect(dotsAlong([], 4)).toEqual([]);
  });
});

describe('a real what-if', () => {
  // The real path to week 4, then a week of its own (nothing done) and on to the end.
  const { game } = newGame(123);
  const base = realPath(game, 123, 'standard');
  const moves = movesBefore(base, 4);
  const start = game.replay(123, 'standard', moves);
  if (!start.ok) throw new Error(start.reason);
  let end = start.state;
  while (end.status === 'playing') end = endWeeks(game, end, 1);
  const session: Session = {
    scenarioId: scenario.id,
    seed: 123,
    difficulty: 'standard',
    options: DEFAULT_OPTIONS,
    moves,
    state: end,
    lastRefusal: null,
    saveError: null,
    fork: { kind: 'history', week: 4, base },
  };
  const cmp = compareFork(scenario, session)!;

  it('outlines one ribbon cell per week of another stance', () => {
    const rows = stanceRibbons(
      cmp.fork.history,
      end.actorOrder,
      { x: 0, y: 0, w: 452, h: 272 },
      108,
    );
    const marked = splitCells(rows, cmp.splits);
    expect(marked.length).toBe(cmp.splits.reduce((n, s) => n + s.weeks.length, 0));
    expect(marked.length).toBeGreaterThan(0);
    expect(Math.min(...marked.map((c) => c.week))).toBeGreaterThanOrEqual(4);
  });

  it('draws the other line from week 3, the last both share', () => {
    const c = compareChart(cmp.fork.history, cmp.base.history, cmp.week, target, plot);
    expect(c.base.length).toBe((cmp.base.history.length - 2) * 2);
    expect(c.base.slice(0, 2)).toEqual(c.secured.slice(4, 6));
  });
});

describe("the other line's colour", () => {
  for (const p of [NORMAL, HIGH_CONTRAST]) {
    it(`${p.name}: differs from the what-if's line and stands out from the table`, () => {
      expect(p.base).not.toBe(p.secured);
      expect(contrast(p.base, p.bg)).toBeGreaterThan(3);
    });
  }
});
