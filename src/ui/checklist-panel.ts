import type * as Phaser from 'phaser';

import { checklistOf, type ChecklistStep, type Session } from '../app/store';
import type { Scenario } from '../engine';
import {
  checklistLayout,
  currentStep,
  panelMetrics,
  type RoutePanel,
  type RouteSteps,
  type StepStatus,
} from './checklist-layout';
import type { ViewContext } from './context';
import { addText } from './draw';
import { pledgingActors, type TableLayout } from './layout';
import { STEP_MARK } from './strings';
import { css, type Palette } from './theme';

// Each route's checklist on the table, from week 1: its name, then every step between tabling it
// and money in Ukraine, each with its status mark (the page's marks: ✓ done, ● holds now,
// ✗ does not hold now, … later) and a word or two; the step to work on next is outlined. Every
// status comes from checklistOf (src/engine/checklist.ts); the page's route cards say the same in
// full sentences. The words are baked with the cards' (baked.ts), so the panels add no draw call
// to a frame; they are drawn again when a status changes, at most once a move or a week.

const STATUS_ORDER: readonly StepStatus[] = ['done', 'met', 'unmet', 'later'];

const markColour = (p: Palette, s: StepStatus): number =>
  s === 'done' ? p.secured : s === 'unmet' ? p.deadline : s === 'later' ? p.muted : p.ink;

/** A route's steps with their statuses now. */
interface LiveRoute extends RouteSteps {
  steps: ChecklistStep[];
}

/** The routes' steps as the layout needs them: the words only, never the statuses. */
const stepsKey = (routes: readonly RouteSteps[]) =>
  JSON.stringify(routes.map((r) => [r.id, r.name, r.steps.map((s) => [s.code, s.short])]));

export class ChecklistPanels {
  /** the panels' backgrounds and the outline of each route's next step */
  readonly shapes: Phaser.GameObjects.Graphics;
  /** the panels' words (the table bakes them with the cards') */
  readonly words: Phaser.GameObjects.Container;
  private readonly marks: Phaser.GameObjects.Text[][] = [];
  private readonly labels: Phaser.GameObjects.Text[][] = [];
  /** what is on show: every step's status, by route */
  private shown = '';

  private constructor(
    scene: Phaser.Scene,
    private readonly ctx: ViewContext,
    private readonly scenario: Scenario,
    /** the panels' places (the baked windows onto their words) */
    readonly panels: readonly RoutePanel[],
    private readonly key: string,
    font: number,
    lineSpacing: number,
  ) {
    this.shapes = scene.add.graphics();
    this.words = scene.add.container(0, 0);
    for (const panel of panels) {
      this.words.add(
        addText(scene, ctx, panel.title.x, panel.title.y, panel.title.lines.join('\n'), {
          size: font,
          bold: true,
          lineSpacing,
        }),
      );
      const marks: Phaser.GameObjects.Text[] = [];
      const labels: Phaser.GameObjects.Text[] = [];
      for (const step of panel.steps) {
        const mark = addText(scene, ctx, step.markX, step.cy, '', { size: font, bold: true });
        const label = addText(scene, ctx, step.labelX, step.cy, step.short, { size: font });
        mark.setOrigin(0, 0.5);
        label.setOrigin(0, 0.5);
        marks.push(mark);
        labels.push(label);
        this.words.add([mark, label]);
      }
      this.marks.push(marks);
      this.labels.push(labels);
    }
  }

  /**
   * The panels for a game on `table`, with their words set from `session`; null when the frame
   * has no room for them (checklist-layout.ts).
   */
  static create(
    scene: Phaser.Scene,
    ctx: ViewContext,
    table: TableLayout,
    scenario: Scenario,
    session: Session,
  ): ChecklistPanels | null {
    const routes = routesOf(scenario, session);
    const font = table.frame.font;
    const probe = addText(scene, ctx, 0, 0, '', { size: font });
    const probeBold = addText(scene, ctx, 0, 0, '', { size: font, bold: true });
    const measure = (text: string, bold: boolean) => {
      const t = bold ? probeBold : probe;
      t.setText(text);
      return t.width;
    };
    const markW = Math.max(...STATUS_ORDER.map((s) => measure(STEP_MARK[s], true)));
    probeBold.setText('Ag');
    const oneLine = probeBold.height;
    const panels = checklistLayout(table, pledgingActors(scenario), routes, measure, {
      font,
      markW,
    });
    probe.destroy();
    probeBold.destroy();
    if (!panels) return null;
    const { lineH } = panelMetrics(font, markW);
    const panelsOn = new ChecklistPanels(
      scene,
      ctx,
      scenario,
      panels,
      stepsKey(routes),
      font,
      lineH - oneLine,
    );
    panelsOn.set(session);
    return panelsOn;
  }

  /**
   * Brings the panels to `session`: 'changed' when a status (or the next step) changed, so the
   * words must be baked again; 'rebuild' when the steps themselves changed (their places too).
   */
  set(session: Session): 'same' | 'changed' | 'rebuild' {
    const routes = routesOf(this.scenario, session);
    if (stepsKey(routes) !== this.key) return 'rebuild';
    const shown = JSON.stringify(routes.map((r) => r.steps.map((s) => s.status)));
    if (shown === this.shown) return 'same';
    this.shown = shown;
    this.draw(routes.map((r) => r.steps));
    return 'changed';
  }

  private draw(routes: readonly ChecklistStep[][]): void {
    const p = this.ctx.palette;
    const g = this.shapes;
    g.clear();
    this.panels.forEach((panel, i) => {
      const steps = routes[i]!;
      g.fillStyle(p.bg, 1);
      g.fillRoundedRect(panel.x, panel.y, panel.w, panel.h, 6);
      g.lineStyle(p.line, p.cardLine, 1);
      g.strokeRoundedRect(panel.x, panel.y, panel.w, panel.h, 6);
      const next = currentStep(steps);
      steps.forEach((step, k) => {
        const mark = this.marks[i]![k]!;
        const label = this.labels[i]![k]!;
        mark.setText(STEP_MARK[step.status]).setColor(css(markColour(p, step.status)));
        label.setColor(css(step.status === 'later' ? p.muted : p.ink));
        if (k === next) {
          const slot = panel.steps[k]!;
          g.lineStyle(p.thickLine, p.accent, 1);
          g.strokeRoundedRect(slot.x, slot.y, slot.w, slot.h, 4);
        }
      });
    });
  }
}

/** Every route's steps now, in the scenario's order (from the engine, through the store). */
function routesOf(scenario: Scenario, session: Session): LiveRoute[] {
  return scenario.routes.map((def) => ({
    id: def.id,
    name: def.name,
    steps: checklistOf(session, def.id),
  }));
}
