import * as Phaser from 'phaser';

import { describePath, pathOf } from '../app/path';
import { sessionGame, type Session } from '../app/store';
import { moneyYear, STANCES, type GameState, type Scenario } from '../engine';
import { moneyChart, stanceRibbons } from './chart';
import { SCENE, type ViewContext } from './context';
import { addText, drawStance, setBackground, strokeDashed } from './draw';
import { fitText } from './geometry';
import { BASE_H, BASE_W } from './layout';
import { S, STANCE_WORD } from './strings';
import { FONT } from './theme';

// The debrief: the outcome and grade, the money line week by week (secured solid, pledged
// dashed, the target), a stance ribbon per actor (colour and shape in every cell), and the
// game's turning points. Static: drawn once from the final state.

const LEFT = { x: 16, w: 452 };
const RIGHT = { x: 492, w: 452 };
const TOP = 96;
const PLOT_H = 150;

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
    if (session && scenario && session.state.status === 'over') this.build(scenario, session.state);

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

  private build(scenario: Scenario, state: GameState): void {
    this.shownFor = state;
    const ending = state.ending;
    const p = this.ctx.palette;
    if (!ending) return;

    // Outcome and grade.
    const colour =
      ending.outcome === 'win' ? p.secured : ending.outcome === 'partial' ? p.summit : p.deadline;
    const head = addText(this, this.ctx, LEFT.x, 8, ending.headline, {
      size: FONT.headline,
      bold: true,
      colour,
      wrap: 770,
    });
    addText(this, this.ctx, LEFT.x, head.y + head.height + 4, ending.cutDepth, {
      size: FONT.title,
      wrap: 770,
    });
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

    this.buildChart(scenario, state);
    const bottom = this.buildRibbons(scenario, state);
    this.buildPath(scenario, bottom);
    this.buildTurningPoints(state);
  }

  private buildChart(scenario: Scenario, state: GameState): void {
    const p = this.ctx.palette;
    addText(this, this.ctx, LEFT.x, TOP, S.chartTitle(moneyYear(scenario)), { bold: true });
    const plot = { x: LEFT.x + 34, y: TOP + 30, w: LEFT.w - 46, h: PLOT_H };
    const chart = moneyChart(state.history, scenario.target, plot);
    const g = this.add.graphics();
    // Grid and axes.
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
    addText(this, this.ctx, plot.x + 4, chart.targetY - 19, S.chartTarget(scenario.target), {
      colour: p.accent,
    });

    // Pledged: dashed. Secured: solid and thicker, drawn last so it is on top.
    g.lineStyle(p.thickLine, p.pledged, 1);
    strokeDashed(g, chart.pledged, 7, 5);
    g.lineStyle(p.thickLine + 1, p.secured, 1);
    const s = chart.secured;
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

  /** The ribbons and their key; returns the y below them. */
  private buildRibbons(scenario: Scenario, state: GameState): number {
    const p = this.ctx.palette;
    addText(this, this.ctx, RIGHT.x, TOP, S.ribbonTitle, { bold: true });
    const ids = state.actorOrder.filter((id) => state.actors[id]);
    const rect = { x: RIGHT.x, y: TOP + 26, w: RIGHT.w, h: Math.min(18 * ids.length, 290) };
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
    // Week numbers under the first, every fourth and the last column.
    const first = rows[0]?.cells ?? [];
    first.forEach((c, i) => {
      if (i % 4 !== 0 && i !== first.length - 1) return;
      if (i !== first.length - 1 && first.length - 1 - i < 2) return;
      addText(this, this.ctx, c.x + c.w / 2, rect.y + rect.h + 2, String(c.week), {
        colour: p.muted,
      }).setOrigin(0.5, 0);
    });
    // Which shape is which: one row, spaced to fit.
    const ky = rect.y + rect.h + 24;
    const words = STANCES.map((st) => this.width(STANCE_WORD[st]));
    const used = words.reduce((sum, w) => sum + w + 17, 0);
    const gap = Math.max(6, Math.min(14, (RIGHT.w - used) / (STANCES.length - 1)));
    let kx = RIGHT.x;
    STANCES.forEach((st, i) => {
      drawStance(g, st, kx + 7, ky + 9, 7, p);
      addText(this, this.ctx, kx + 17, ky, STANCE_WORD[st], { colour: p.ink });
      kx += 17 + words[i]! + gap;
    });
    return ky + 28;
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
    const text = describePath(pathOf(game, session), scenario.weeks);
    line.setText(text);
    // Two lines at most: the page has the rest.
    if (line.height > 40) line.setText(fitText(text, RIGHT.w * 2 - 40, (s) => this.width(s)));
  }

  private buildTurningPoints(state: GameState): void {
    const p = this.ctx.palette;
    const top = TOP + 30 + PLOT_H + 54;
    addText(this, this.ctx, LEFT.x, top, S.turningTitle, { bold: true });
    const points = (state.ending?.turningPoints ?? []).slice(0, 3);
    let y = top + 24;
    if (points.length === 0) {
      addText(this, this.ctx, LEFT.x, y, S.noTurning, { colour: p.muted, wrap: LEFT.w });
      return;
    }
    for (const tp of points) {
      if (y > BASE_H - 40) break;
      const head = addText(this, this.ctx, LEFT.x, y, S.turningLine(tp.week, tp.text), {
        wrap: LEFT.w,
      });
      if (head.height > 40) head.setText(fitText(head.text, LEFT.w * 2 - 40, (s) => this.width(s)));
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
