import * as Phaser from 'phaser';

import { compareFork, type Comparison, type Timeline } from '../app/compare';
import { describePath, pathOf } from '../app/path';
import { sessionGame, type Session } from '../app/store';
import {
  moneyYear,
  STANCES,
  type Ending,
  type GameState,
  type LogEntry,
  type Outcome,
  type Scenario,
} from '../engine';
import {
  compareChart,
  forkMarker,
  moneyChart,
  splitCells,
  splitPoints,
  stanceRibbons,
  type MoneyChart,
} from './chart';
import { SCENE, type ViewContext } from './context';
import { addText, drawStance, setBackground, strokeDashed, type TextOptions } from './draw';
import { dotsAlong, fitText, type Rect } from './geometry';
import { BASE_H, BASE_W } from './layout';
import { S, STANCE_WORD } from './strings';
import { FONT } from './theme';

// The debrief: the outcome and grade, the money line week by week (secured solid, pledged
// dashed, the target), a stance ribbon per actor (colour and shape in every cell), and the
// game's turning points. Static: drawn once from the final state.
// A what-if (a fork, app/compare.ts) is drawn beside the game it forked from: a second, smaller
// badge for that one, both secured lines (its own dotted) with a marker where they part, the
// ribbon cells where its stances differed outlined, and the turning points only one of them had.

const LEFT = { x: 16, w: 452 };
const RIGHT = { x: 492, w: 452 };
const TOP = 96;
const PLOT_H = 150;
/** a what-if's headline leaves room for the other timeline's badge, left of the grade's */
const BASE_BADGE = { x: 616, y: 8, w: 180, h: 70 };

export class DebriefScene extends Phaser.Scene {
  private measurer: Phaser.GameObjects.Text | null = null;
  private shownFor: GameState | null = null;

  constructor(private readonly ctx: ViewContext) {
    super({ key: SCENE.debrief });
  }

  init(): void {
    this.shownFor = null;
  }

  create(): void {
    // The debrief is drawn in the wide frame (BASE_W x BASE_H), whatever the table's was.
    this.ctx.enter(SCENE.debrief);
    const p = this.ctx.palette;
    setBackground(this, p.bg);
    this.cameras.main.setZoom(this.ctx.renderScale).centerOn(BASE_W / 2, BASE_H / 2);
    this.measurer = addText(this, this.ctx, 0, 0, '').setVisible(false);
    const session = this.ctx.session;
    const scenario = this.ctx.scenario;
    if (session && scenario && session.state.status === 'over')
      this.build(scenario, session.state, compareFork(scenario, session));

    this.ctx.follow(this, SCENE.debrief, (next: Session | null) => {
      if (!next || next.state.status !== 'over') this.scene.start(SCENE.table);
      else if (next.state !== this.shownFor) this.scene.restart();
    });
  }

  private width(s: string, size = 14, bold = false): number {
    const m = this.measurer;
    if (!m) return s.length * 8;
    m.setFontSize(size)
      .setFontStyle(bold ? 'bold' : 'normal')
      .setText(s);
    return m.width;
  }

  private build(scenario: Scenario, state: GameState, cmp: Comparison | null): void {
    this.shownFor = state;
    const ending = state.ending;
    if (!ending) return;
    this.buildHead(ending, cmp);
    if (cmp) this.buildCompareChart(scenario, cmp);
    else this.buildChart(scenario, state);
    const bottom = this.buildRibbons(scenario, state, cmp);
    this.buildPath(scenario, bottom);
    if (cmp) this.buildSplitPoints(cmp);
    else this.buildTurningPoints(state);
  }

  private outcomeColour(outcome: Outcome): number {
    const p = this.ctx.palette;
    return outcome === 'win' ? p.secured : outcome === 'partial' ? p.summit : p.deadline;
  }

  /** Outcome and grade (and, for a what-if, the other timeline's beside them). */
  private buildHead(ending: Ending, cmp: Comparison | null): void {
    const p = this.ctx.palette;
    const wrap = cmp ? BASE_BADGE.x - LEFT.x - 12 : 770;
    const head = addText(this, this.ctx, LEFT.x, 8, ending.headline, {
      size: FONT.headline,
      bold: true,
      colour: this.outcomeColour(ending.outcome),
      wrap,
    });
    const cut = addText(this, this.ctx, LEFT.x, head.y + head.height + 4, ending.cutDepth, {
      size: FONT.title,
      wrap,
    });
    // Beside a second badge the lines are shorter: one line of the cut at most (the page has it).
    if (cmp && cut.y + cut.height > TOP - 4)
      cut.setText(fitText(ending.cutDepth, wrap, (s) => this.width(s, FONT.title)));
    const badge = this.add.graphics();
    badge.fillStyle(p.card, 1);
    badge.fillRect(806, 8, 138, 70);
    badge.lineStyle(p.thickLine, p.accent, 1);
    badge.strokeRect(806, 8, 138, 70);
    addText(this, this.ctx, 875, 14, S.grade(ending.grade), {
      size: FONT.big,
      bold: true,
    }).setOrigin(0.5, 0);
    addText(this, this.ctx, 875, 52, S.score(ending.score), { colour: p.muted }).setOrigin(0.5, 0);
    if (cmp) this.buildBaseBadge(cmp.base);
  }

  /** The other timeline in a smaller badge: its name, grade, money secured and outcome. */
  private buildBaseBadge(base: Timeline): void {
    const p = this.ctx.palette;
    const b = BASE_BADGE;
    const g = this.add.graphics();
    g.fillStyle(p.card, 1);
    g.fillRect(b.x, b.y, b.w, b.h);
    g.lineStyle(p.line, p.cardLine, 1);
    g.strokeRect(b.x, b.y, b.w, b.h);
    const e = base.state.ending;
    const lines: [string, TextOptions][] = [
      [base.label, { colour: p.muted }],
      [e ? S.grade(e.grade) : S.notFinished, { bold: true }],
      [S.securedBn(base.secured), {}],
    ];
    if (e) lines.push([S.outcome[e.outcome], { colour: this.outcomeColour(e.outcome) }]);
    const top = b.y + 3 + (4 - lines.length) * 8;
    lines.forEach(([text, o], i) => {
      const fitted = fitText(text, b.w - 8, (s) => this.width(s, FONT.body, o.bold));
      addText(this, this.ctx, b.x + b.w / 2, top + i * 16, fitted, o).setOrigin(0.5, 0);
    });
  }

  private buildChart(scenario: Scenario, state: GameState): void {
    const p = this.ctx.palette;
    addText(this, this.ctx, LEFT.x, TOP, S.chartTitle(moneyYear(scenario)), { bold: true });
    const plot = { x: LEFT.x + 34, y: TOP + 30, w: LEFT.w - 46, h: PLOT_H };
    const chart = moneyChart(state.history, scenario.target, plot);
    const g = this.add.graphics();
    this.drawAxes(g, chart, scenario);

    // Pledged: dashed. Secured: solid and thicker, drawn last so it is on top.
    g.lineStyle(p.thickLine, p.pledged, 1);
    strokeDashed(g, chart.pledged, 7, 5);
    this.drawSecured(g, chart.secured);

    // Legend under the week labels.
    const ly = plot.y + plot.h + 24;
    g.lineStyle(p.thickLine + 1, p.secured, 1);
    g.lineBetween(LEFT.x, ly + 9, LEFT.x + 26, ly + 9);
    let lx = LEFT.x + 32;
    addText(this, this.ctx, lx, ly, S.chartSecured);
    lx += this.width(S.chartSecured) + 20;
    g.lineStyle(p.thickLine, p.pledged, 1);
    strokeDashed(g, [lx, ly + 9, lx + 26, ly + 9], 7, 5);
    addText(this, this.ctx, lx + 32, ly, S.chartPledged);
  }

  /** Grid, axes, week labels and the target; returns where the target's label is. */
  private drawAxes(
    g: Phaser.GameObjects.Graphics,
    chart: Pick<MoneyChart, 'plot' | 'yTicks' | 'xTicks' | 'targetY'>,
    scenario: Scenario,
  ): Rect {
    const p = this.ctx.palette;
    const plot = chart.plot;
    for (const t of chart.yTicks) {
      g.lineStyle(1, p.ring, 1);
      g.lineBetween(plot.x, t.y, plot.x + plot.w, t.y);
      addText(this, this.ctx, plot.x - 6, t.y, S.chartBn(t.bn), { colour: p.muted }).setOrigin(
        1,
        0.5,
      );
    }
    g.lineStyle(p.line, p.cardLine, 1);
    g.lineBetween(plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h);
    for (const t of chart.xTicks) {
      addText(this, this.ctx, t.x, plot.y + plot.h + 4, String(t.week), {
        colour: p.muted,
      }).setOrigin(0.5, 0);
    }
    addText(this, this.ctx, plot.x + plot.w, plot.y + plot.h + 24, S.chartWeek, {
      colour: p.muted,
    }).setOrigin(1, 0);

    // Target: a thin accent line with its label.
    g.lineStyle(p.line, p.accent, 1);
    strokeDashed(g, [plot.x, chart.targetY, plot.x + plot.w, chart.targetY], 2, 4);
    const label = addText(
      this,
      this.ctx,
      plot.x + 4,
      chart.targetY - 19,
      S.chartTarget(scenario.target),
      { colour: p.accent },
    );
    return { x: label.x, y: label.y, w: label.width, h: label.height };
  }

  /** The secured line: solid and thick, a dot on every week. */
  private drawSecured(g: Phaser.GameObjects.Graphics, s: readonly number[]): void {
    const p = this.ctx.palette;
    g.lineStyle(p.thickLine + 1, p.secured, 1);
    if (s.length >= 4) {
      g.beginPath();
      g.moveTo(s[0]!, s[1]!);
      for (let i = 2; i + 1 < s.length; i += 2) g.lineTo(s[i]!, s[i + 1]!);
      g.strokePath();
    }
    for (let i = 0; i + 1 < s.length; i += 2) {
      g.fillStyle(p.secured, 1);
      g.fillCircle(s[i]!, s[i + 1]!, p.name === 'normal' ? 3 : 4);
    }
  }

  /** The other timeline's line: round dots in its own colour (the what-if's is solid). */
  private drawBaseLine(g: Phaser.GameObjects.Graphics, poly: readonly number[]): void {
    const p = this.ctx.palette;
    const r = p.name === 'normal' ? 2.5 : 3;
    const dots = dotsAlong(poly, p.name === 'normal' ? 7 : 9);
    g.fillStyle(p.base, 1);
    for (let i = 0; i + 1 < dots.length; i += 2) g.fillCircle(dots[i]!, dots[i + 1]!, r);
  }

  /** A what-if's chart: both timelines' money secured, and where they part. */
  private buildCompareChart(scenario: Scenario, cmp: Comparison): void {
    const p = this.ctx.palette;
    addText(this, this.ctx, LEFT.x, TOP, S.chartSecuredTitle(moneyYear(scenario)), { bold: true });
    const plot = { x: LEFT.x + 34, y: TOP + 30, w: LEFT.w - 46, h: PLOT_H };
    const chart = compareChart(cmp.fork.history, cmp.base.history, cmp.week, scenario.target, plot);
    const g = this.add.graphics();
    const target = this.drawAxes(g, chart, scenario);

    // Where the what-if starts: a thin line across the plot, named beside it.
    const words = S.forkMarker(cmp.week);
    const m = forkMarker(
      plot,
      chart.forkX,
      { w: this.width(words), h: 18 },
      chart.targetY,
      target,
      [chart.secured, chart.base],
    );
    g.lineStyle(p.line, p.ink, 1);
    for (const [y0, y1] of m.segments) g.lineBetween(m.x, y0, m.x, y1);
    addText(this, this.ctx, m.label.x, m.label.y, words);

    // The what-if's line, then the other's dots on top (both show where they run together).
    this.drawSecured(g, chart.secured);
    this.drawBaseLine(g, chart.base);

    // Legend under the week labels: both timelines by name, kept clear of "week".
    const ly = plot.y + plot.h + 24;
    const room = plot.x + plot.w - this.width(S.chartWeek) - 12;
    g.lineStyle(p.thickLine + 1, p.secured, 1);
    g.lineBetween(LEFT.x, ly + 9, LEFT.x + 26, ly + 9);
    g.fillStyle(p.secured, 1);
    g.fillCircle(LEFT.x + 13, ly + 9, p.name === 'normal' ? 3 : 4);
    let lx = LEFT.x + 32;
    addText(this, this.ctx, lx, ly, cmp.fork.label);
    lx += this.width(cmp.fork.label) + 20;
    this.drawBaseLine(g, [lx, ly + 9, lx + 26, ly + 9]);
    const name = fitText(cmp.base.label, room - (lx + 32), (s) => this.width(s));
    addText(this, this.ctx, lx + 32, ly, name);
  }

  /** The ribbons and their key; returns the y below them. */
  private buildRibbons(scenario: Scenario, state: GameState, cmp: Comparison | null): number {
    const p = this.ctx.palette;
    addText(this, this.ctx, RIGHT.x, TOP, S.ribbonTitle, { bold: true });
    const ids = state.actorOrder.filter((id) => state.actors[id]);
    // A what-if's key has one more line: its rows are a little lower.
    const [rowH, maxH] = cmp ? [17, 272] : [18, 290];
    const rect = { x: RIGHT.x, y: TOP + 26, w: RIGHT.w, h: Math.min(rowH * ids.length, maxH) };
    const labelW = 108;
    const rows = stanceRibbons(state.history, ids, rect, labelW);
    const g = this.add.graphics();
    for (const row of rows) {
      const def = scenario.actors.find((a) => a.id === row.id);
      const name = def?.short ?? row.id;
      addText(
        this,
        this.ctx,
        row.labelX,
        row.labelY,
        fitText(name, labelW - 8, (s) => this.width(s)),
        {
          colour: p.ink,
        },
      ).setOrigin(0, 0.5);
      for (const c of row.cells) {
        g.fillStyle(p.stance[c.stance], p.name === 'normal' ? 0.28 : 0.35);
        g.fillRect(c.x + 0.5, c.y + 1, c.w - 1, c.h - 2);
        const r = Math.max(3, Math.min(6, c.w / 2 - 2, c.h / 2 - 3));
        drawStance(g, c.stance, c.x + c.w / 2, c.y + c.h / 2, r, p);
      }
    }
    if (cmp) for (const c of splitCells(rows, cmp.splits)) this.outlineCell(g, c);
    // Week numbers under the first, every fourth and the last column.
    const first = rows[0]?.cells ?? [];
    first.forEach((c, i) => {
      if (i % 4 !== 0 && i !== first.length - 1) return;
      if (i !== first.length - 1 && first.length - 1 - i < 2) return;
      addText(this, this.ctx, c.x + c.w / 2, rect.y + rect.h + 2, String(c.week), {
        colour: p.muted,
      }).setOrigin(0.5, 0);
    });
    const ky = rect.y + rect.h + 24;
    this.drawStanceKey(g, ky);
    if (!cmp) return ky + 28;
    // What the outlines mean, on a line of its own.
    this.outlineCell(g, { x: RIGHT.x, y: ky + 24 + 1, w: 18, h: 17 });
    const key = S.splitKey(cmp.base.label);
    addText(
      this,
      this.ctx,
      RIGHT.x + 24,
      ky + 24,
      fitText(key, RIGHT.w - 24, (s) => this.width(s)),
    );
    return ky + 52;
  }

  /** A ribbon cell where the other timeline's stance differed: outlined in ink. */
  private outlineCell(g: Phaser.GameObjects.Graphics, c: Rect): void {
    const p = this.ctx.palette;
    const w = p.name === 'normal' ? 1.5 : 2;
    g.lineStyle(w, p.ink, 1);
    g.strokeRect(c.x + 1 + w / 2, c.y + 1 + w / 2, c.w - 2 - w, c.h - 2 - w);
  }

  /** Which shape is which: one row, spaced to fit. */
  private drawStanceKey(g: Phaser.GameObjects.Graphics, ky: number): void {
    const p = this.ctx.palette;
    const words = STANCES.map((st) => this.width(STANCE_WORD[st]));
    const used = words.reduce((sum, w) => sum + w + 17, 0);
    const gap = Math.max(6, Math.min(14, (RIGHT.w - used) / (STANCES.length - 1)));
    let kx = RIGHT.x;
    STANCES.forEach((st, i) => {
      drawStance(g, st, kx + 7, ky + 9, 7, p);
      addText(this, this.ctx, kx + 17, ky, STANCE_WORD[st], { colour: p.ink });
      kx += 17 + words[i]! + gap;
    });
  }

  /** The player's moves in one sentence, under the ribbons (every move is listed in the page). */
  private buildPath(scenario: Scenario, top: number): void {
    const session = this.ctx.session;
    const game = session ? sessionGame(session) : null;
    if (!session || !game) return;
    addText(this, this.ctx, RIGHT.x, top, S.pathTitle, { bold: true });
    const line = addText(this, this.ctx, RIGHT.x, top + 20, '', {
      colour: this.ctx.palette.ink,
      wrap: RIGHT.w,
    });
    const text = describePath(pathOf(game, session), scenario.weeks, session.fork?.week);
    line.setText(text);
    // Two lines at most: the page has the rest.
    if (line.height > 40) line.setText(fitText(text, RIGHT.w * 2 - 40, (s) => this.width(s)));
  }

  private buildTurningPoints(state: GameState): void {
    const top = TOP + 30 + PLOT_H + 54;
    addText(this, this.ctx, LEFT.x, top, S.turningTitle, { bold: true });
    const points = (state.ending?.turningPoints ?? []).slice(0, 3);
    if (points.length === 0) {
      addText(this, this.ctx, LEFT.x, top + 24, S.noTurning, {
        colour: this.ctx.palette.muted,
        wrap: LEFT.w,
      });
      return;
    }
    this.drawPoints(
      top + 24,
      points.map((tp) => ({ head: S.turningLine(tp.week, tp.text), reason: tp.reason })),
    );
  }

  /** A what-if's turning points: those only one timeline had, each named by its timeline. */
  private buildSplitPoints(cmp: Comparison): void {
    const top = TOP + 30 + PLOT_H + 54;
    addText(this, this.ctx, LEFT.x, top, S.splitTitle, { bold: true });
    const picks = splitPoints(cmp.onlyFork, cmp.onlyBase, 3);
    if (picks.length === 0) {
      addText(this, this.ctx, LEFT.x, top + 24, S.noSplit(cmp.week), {
        colour: this.ctx.palette.muted,
        wrap: LEFT.w,
      });
      return;
    }
    this.drawPoints(
      top + 24,
      picks.map(({ side, point }: { side: 'fork' | 'base'; point: LogEntry }) => ({
        head: S.splitLine(cmp[side].label, point.week, point.text),
        reason: point.reason,
      })),
      true,
    );
  }

  /**
   * Turning points from `top` down: two lines of each at most, and its reason in one. `strict`
   * (a what-if's longer lines) shortens a head until it wraps to two lines, not only once.
   */
  private drawPoints(
    top: number,
    points: { head: string; reason?: string | null }[],
    strict = false,
  ): void {
    const p = this.ctx.palette;
    let y = top;
    for (const tp of points) {
      if (y > BASE_H - 40) break;
      const head = addText(this, this.ctx, LEFT.x, y, tp.head, { wrap: LEFT.w });
      if (head.height > 40) head.setText(fitText(head.text, LEFT.w * 2 - 40, (s) => this.width(s)));
      for (let room = LEFT.w * 2 - 80; strict && head.height > 40 && room > 0; room -= 40)
        head.setText(fitText(tp.head, room, (s) => this.width(s)));
      y += head.height + 1;
      if (tp.reason && y < BASE_H - 22) {
        const reason = fitText(tp.reason, LEFT.w, (s) => this.width(s));
        addText(this, this.ctx, LEFT.x, y, reason, { colour: p.muted });
        y += 20;
      }
      y += 6;
    }
  }
}
