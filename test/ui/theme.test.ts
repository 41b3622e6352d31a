import { describe, expect, it } from 'vitest';

import { STANCES } from '../../src/engine';
import {
  dashSegments,
  fitText,
  niceAxis,
  quadPoint,
  quadThrough,
  shapePoints,
} from '../../src/ui/geometry';
import { moneyChart, stanceRibbons } from '../../src/ui/chart';
import { contrast, HIGH_CONTRAST, NORMAL, STANCE_SHAPE } from '../../src/ui/theme';
import { S, STANCE_WORD } from '../../src/ui/strings';
import { newGame, scenario, endWeeks } from '../helpers/game';

describe('stance markers', () => {
  it('pair every stance with its own shape and its own word', () => {
    expect(new Set(STANCES.map((s) => STANCE_SHAPE[s])).size).toBe(STANCES.length);
    expect(new Set(STANCES.map((s) => STANCE_WORD[s])).size).toBe(STANCES.length);
    expect(STANCE_SHAPE).toEqual({
      opposed: 'square',
      wary: 'triangle',
      conditional: 'diamond',
      supportive: 'circle',
      committed: 'star',
    });
  });

  for (const palette of [NORMAL, HIGH_CONTRAST]) {
    it(`${palette.name}: gives each stance a distinct colour that stands out from the card`, () => {
      expect(new Set(STANCES.map((s) => palette.stance[s])).size).toBe(STANCES.length);
      for (const s of STANCES)
        expect(contrast(palette.stance[s], palette.card), s).toBeGreaterThan(3);
    });

    it(`${palette.name}: keeps text readable (WCAG AA) on the table and on cards`, () => {
      for (const bg of [palette.bg, palette.card]) {
        expect(contrast(palette.ink, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(palette.muted, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(palette.accent, bg)).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(palette.accentInk, palette.accent)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('makes high contrast black, white and yellow with thicker lines', () => {
    const bwy = [0x000000, 0xffffff, 0xffd400];
    for (const key of ['bg', 'card', 'cardLine', 'ink', 'muted', 'accent', 'accentInk'] as const) {
      expect(bwy, key).toContain(HIGH_CONTRAST[key]);
    }
    expect(HIGH_CONTRAST.line).toBeGreaterThan(NORMAL.line);
    expect(HIGH_CONTRAST.thickLine).toBeGreaterThan(NORMAL.thickLine);
  });

  it('draws every shape inside the same box, centred', () => {
    for (const s of STANCES) {
      for (const p of shapePoints(STANCE_SHAPE[s], 10)) {
        expect(Math.abs(p.x), s).toBeLessThanOrEqual(12.01);
        expect(Math.abs(p.y), s).toBeLessThanOrEqual(12.01);
      }
    }
  });
});

describe('geometry', () => {
  it('bends a curve through the point it is asked to pass', () => {
    const q = quadThrough({ x: 0, y: 0 }, { x: 50, y: 40 }, { x: 100, y: 0 });
    expect(quadPoint(q, 0.5, { x: 0, y: 0 })).toEqual({ x: 50, y: 40 });
  });

  it('cuts dashes that cover about dash / (dash + gap) of a line', () => {
    const seg = dashSegments([0, 0, 100, 0], 6, 4);
    let on = 0;
    for (let i = 0; i < seg.length; i += 4) on += seg[i + 2]! - seg[i]!;
    expect(on).toBeCloseTo(60, 0);
    expect(seg[0]).toBe(0);
  });

  it('shortens text to a width with an ellipsis, at a word where it can', () => {
    const measure = (s: string) => s.length * 10;
    expect(fitText('short', 100, measure)).toBe('short');
    const cut = fitText('United Kingdom pledges money', 150, measure);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(150);
    expect(cut).toBe('United Kingdom…');
  });

  it('rounds chart axes to friendly steps', () => {
    expect(niceAxis(71.7)).toEqual({ max: 80, step: 20 });
    expect(niceAxis(9)).toEqual({ max: 10, step: 2.5 });
    expect(niceAxis(0)).toEqual({ max: 1, step: 0.25 });
  });
});

describe('debrief charts', () => {
  const { game, state } = newGame(3);
  const later = endWeeks(game, state, 5);
  const plot = { x: 50, y: 100, w: 400, h: 150 };

  it('plots one point per recorded week, left to right, inside the plot', () => {
    const c = moneyChart(later.history, scenario.target, plot);
    expect(c.secured).toHaveLength(later.history.length * 2);
    expect(c.pledged).toHaveLength(later.history.length * 2);
    for (let i = 0; i < c.secured.length; i += 2) {
      expect(c.secured[i]).toBeGreaterThanOrEqual(plot.x);
      expect(c.secured[i]).toBeLessThanOrEqual(plot.x + plot.w);
      if (i) expect(c.secured[i]!).toBeGreaterThan(c.secured[i - 2]!);
    }
    expect(c.yMax * 1000).toBeGreaterThanOrEqual(scenario.target);
    expect(c.targetY).toBeGreaterThanOrEqual(plot.y);
    expect(c.yTicks[0]).toEqual({ y: plot.y + plot.h, bn: 0 });
  });

  it('gives every actor a ribbon row with one cell per week', () => {
    const rows = stanceRibbons(later.history, later.actorOrder, plot, 100);
    expect(rows).toHaveLength(later.actorOrder.length);
    for (const r of rows) expect(r.cells).toHaveLength(later.history.length);
    expect(rows[0]!.cells[0]!.x).toBe(plot.x + 100);
  });
});

describe('strings', () => {
  it('gives every actor a short card name and formats the card numbers', () => {
    for (const a of scenario.actors) expect(a.short.length, a.id).toBeLessThanOrEqual(16);
    expect(S.trust(5)).toBe('trust +5');
    expect(S.pledgeChip(52000)).toBe('EUR 52.0 bn');
    expect(S.donorsChip(2500)).toBe('donors 2.5 bn');
  });
});
