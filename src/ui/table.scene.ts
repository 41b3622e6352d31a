import * as Phaser from 'phaser';

import { decisionModel, type Session } from '../app/store';
import type { GameState, Scenario } from '../engine';
import { ActorCard } from './actor-card';
import { BakedLayer } from './baked';
import { chipsOf, diffStates } from './changes';
import { ChecklistPanels } from './checklist-panel';
import { SCENE, VIEW_EVENT, type ViewContext } from './context';
import { DecidesPanel } from './decides-panel';
import { addText, arrowHead, setBackground } from './draw';
import { quadPoint, type Point, type Rect } from './geometry';
import { tableLayout, type Frame, type TableLayout } from './layout';
import { S } from './strings';
import { FONT } from './theme';

// The live table: actors as cards in rings, who-follows-whom lines with their pulses, the
// pledge chips, and in the free corners each route's checklist (checklist-panel.ts). It renders
// from the store's state and holds no rules: every number and status on it comes from the
// engine. The week, the money, the meters and the news are the page's (the status bar and the
// side column right next to the picture), so the picture does not repeat them.
//
// The canvas holds the table and nothing else, so every frame draws all of it, in a handful of
// draw calls: the cards' and the checklists' words are baked into one texture (baked.ts) and
// like parts are drawn together (test/e2e/stage.test.ts counts them).

const PULSE_MS = 900;

export class TableScene extends Phaser.Scene {
  private layout: TableLayout | null = null;
  private scenarioId = '';
  private cards = new Map<string, ActorCard>();
  private tetherGfx: Phaser.GameObjects.Graphics | null = null;
  /** the hub and the cards' words, baked (see BakedLayer) */
  private words: BakedLayer | null = null;
  private activeTethers = new Set<number>();
  private pulses: Phaser.GameObjects.Arc[] = [];
  private readonly tmp: Point = { x: 0, y: 0 };
  private table: Phaser.GameObjects.Container | null = null;
  private empty: Phaser.GameObjects.Text | null = null;
  private lastState: GameState | null = null;
  private barTween: Phaser.Tweens.Tween | null = null;
  private barCards: ActorCard[] = [];
  /** "How it decides" for an actor, drawn over the table while the page has it open */
  private decides: DecidesPanel | null = null;
  /** each route's checklist, in the table's free corners (none in a frame without room) */
  private checklist: ChecklistPanels | null = null;

  constructor(private readonly ctx: ViewContext) {
    super({ key: SCENE.table });
  }

  init(): void {
    this.layout = null;
    this.scenarioId = '';
    this.cards = new Map();
    this.tetherGfx = null;
    this.words = null;
    this.activeTethers = new Set();
    this.pulses = [];
    this.lastState = null;
    this.barTween = null;
    this.barCards = [];
    this.decides = null;
    this.checklist = null;
  }

  create(): void {
    // The canvas takes the table's frame (wide, compact or portrait) before anything is drawn.
    const frame = this.ctx.enter(SCENE.table);
    const p = this.ctx.palette;
    setBackground(this, p.bg);
    this.cameras.main.setZoom(this.ctx.renderScale).centerOn(frame.w / 2, frame.h / 2);
    this.empty = addText(this, this.ctx, frame.w / 2, frame.h / 2, S.noGame, {
      size: FONT.title,
      colour: p.muted,
      align: 'center',
      wrap: frame.w - 40,
    })
      .setOrigin(0.5)
      .setVisible(false);

    const scenario = this.ctx.scenario;
    if (scenario) this.build(scenario, frame);
    // Above everything else on the table.
    this.decides = new DecidesPanel(this, this.ctx, frame);

    this.ctx.follow(this, SCENE.table, (next, prev) => this.onSession(next, prev));
    const onDecides = () => this.drawDecides();
    this.ctx.events.on(VIEW_EVENT.decides, onDecides);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () =>
      this.ctx.events.off(VIEW_EVENT.decides, onDecides),
    );
    this.onSession(this.ctx.session, null);
    this.game.renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, this.restore, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () =>
      this.game.renderer.off(Phaser.Renderer.Events.RESTORE_WEBGL, this.restore, this),
    );
  }

  /** After the WebGL context comes back: the baked words are drawn again too. */
  private restore(): void {
    this.words?.invalidate();
  }

  /** Before each frame: the words are baked again if they changed (once a week end at most). */
  override update(): void {
    this.words?.bake();
  }

  private onSession(next: Session | null, prev: Session | null): void {
    if (!next) {
      this.table?.setVisible(false);
      this.empty?.setVisible(true);
      this.lastState = null;
      this.ctx.keepAwake(200);
      return;
    }
    if (next.state.status === 'over') {
      this.scene.start(SCENE.debrief);
      return;
    }
    const scenario = this.ctx.scenario;
    if (!scenario) return;
    if (scenario.id !== this.scenarioId) {
      // Another scenario: rebuild from scratch (next frame, from the new state).
      this.scene.restart();
      return;
    }
    this.table?.setVisible(true);
    this.empty?.setVisible(false);
    // A refused move changes nothing on the table.
    if (next.state === this.lastState) return;
    // Animate only a step of the same game; a new game or a jump shows the state as it is.
    const sameGame =
      prev !== null &&
      this.lastState !== null &&
      prev.scenarioId === next.scenarioId &&
      prev.seed === next.seed &&
      prev.difficulty === next.difficulty &&
      next.moves.length - prev.moves.length <= 1 &&
      next.moves.length >= prev.moves.length;
    this.render(next.state, sameGame);
    const steps = this.checklist?.set(next);
    if (steps === 'rebuild') {
      this.scene.restart();
      return;
    }
    if (steps === 'changed') this.words?.invalidate();
    this.drawDecides();
    this.ctx.keepAwake(250);
  }

  /** Draws "How it decides" for the actor the page asks for, from the state on show (or hides it). */
  private drawDecides(): void {
    const panel = this.decides;
    if (!panel) return;
    const scenario = this.ctx.scenario;
    const id = this.ctx.decides;
    const state = this.lastState;
    const model =
      id && scenario && state && scenario.id === this.scenarioId
        ? decisionModel(scenario, state, id)
        : null;
    if (model) panel.show(model);
    else if (panel.container.visible) panel.hide();
    this.ctx.keepAwake(300);
  }

  // ---------------------------------------------------------------- build (once per scene)

  private build(scenario: Scenario, frame: Frame): void {
    const p = this.ctx.palette;
    const layout = tableLayout(scenario, frame);
    this.layout = layout;
    this.scenarioId = scenario.id;
    const table = this.add.container(0, 0);
    this.table = table;

    // The two rings: the EU's table and the wider room.
    const rings = this.add.graphics();
    const o = layout.outerRing;
    rings.lineStyle(p.line, p.ring, 1);
    rings.strokeEllipse(o.x, o.y, o.rx * 2, o.ry * 2, 64);
    const i = layout.innerRing;
    rings.fillStyle(p.ring, p.name === 'normal' ? 0.45 : 0.6);
    rings.fillEllipse(i.x, i.y, i.rx * 2, i.ry * 2, 64);
    table.add(rings);

    this.tetherGfx = this.add.graphics();
    table.add(this.tetherGfx);
    this.drawTethers();

    // Pulses travel above the lines but under the cards (they come out of the leader's card).
    const pulseR = Math.round((5 * frame.font) / 14);
    for (let k = 0; k < 8; k++) {
      const dot = this.add.circle(0, 0, pulseR, p.pulse, 1).setVisible(false);
      if (p.name === 'high-contrast') dot.setStrokeStyle(2, 0x000000, 1);
      this.pulses.push(dot);
      table.add(dot);
    }

    // The hub is drawn with the cards' words, above the pulses (see below).
    const hub = layout.hub;
    const hubG = this.add.graphics();
    hubG.fillStyle(p.hub, 1);
    hubG.fillCircle(hub.x, hub.y, hub.r);
    hubG.lineStyle(p.thickLine, p.name === 'normal' ? p.accent : p.ink, 1);
    hubG.strokeCircle(hub.x, hub.y, hub.r);
    const hubText = addText(this, this.ctx, hub.x, hub.y, S.hub, {
      size: frame.hubFont,
      bold: true,
    }).setOrigin(0.5);

    // Layers, so that like parts are drawn together: cards never overlap each other, and chips
    // (which may hang off a card but never over another chip) come last, their outlines and
    // then their words. The cards' words and the hub (which no card overlaps) are baked into
    // one texture (see below).
    const shapes = this.add.container(0, 0);
    const labels = this.add.container(0, 0, [hubG, hubText]);
    const chipShapes = this.add.container(0, 0);
    const chipLabels = this.add.container(0, 0);
    table.add(shapes);
    for (const def of scenario.actors) {
      const slot = layout.cards[def.id];
      if (!slot) continue;
      const card = new ActorCard(this, this.ctx, slot, def.short, frame);
      card.onSelect = (id) => this.ctx.options.onSelectActor(id);
      this.cards.set(def.id, card);
      shapes.add(card.shapes);
      labels.add(card.labels);
    }
    // The routes' checklists: their panels under the cards' shapes (no card covers one), their
    // words baked with the cards'.
    const session = this.ctx.session;
    this.checklist =
      session && session.scenarioId === scenario.id
        ? ChecklistPanels.create(this, this.ctx, layout, scenario, session)
        : null;
    if (this.checklist) {
      shapes.addAt(this.checklist.shapes, 0);
      labels.add(this.checklist.words);
    }
    chipShapes.add([...this.cards.values()].map((c) => c.chipShape));
    chipLabels.add([...this.cards.values()].map((c) => c.chipLabel));
    // The words show through windows onto the baked texture, one the size of each card.
    const windows: Rect[] = [
      { x: hub.x - hub.r - 2, y: hub.y - hub.r - 2, w: 2 * hub.r + 4, h: 2 * hub.r + 4 },
      ...[...this.cards.values()].map(({ slot }) => ({
        x: slot.cx - slot.w / 2,
        y: slot.cy - slot.h / 2,
        w: slot.w,
        h: slot.h,
      })),
      ...(this.checklist?.panels ?? []),
    ];
    const k = this.ctx.renderScale;
    // The whole frame (its sizes are even, as BakedLayer needs).
    const area = { x: 0, y: 0, w: frame.w, h: frame.h };
    this.words = new BakedLayer(this, 'fa-table-words', labels, area, k, windows);
    table.add([...this.words.images, chipShapes, chipLabels]);
  }

  private drawTethers(): void {
    const g = this.tetherGfx;
    const layout = this.layout;
    if (!g || !layout) return;
    const p = this.ctx.palette;
    g.clear();
    const prev = { x: 0, y: 0 };
    const tip = { x: 0, y: 0 };
    layout.tethers.forEach((t, idx) => {
      const active = this.activeTethers.has(idx);
      const colour = active ? p.tetherActive : p.tether;
      g.lineStyle(((active ? p.thickLine + 1 : p.line + 1) * layout.frame.font) / 14, colour, 1);
      g.beginPath();
      const n = 32;
      for (let k = 0; k <= n; k++) {
        quadPoint(t.curve, k / n, this.tmp);
        if (k === 0) g.moveTo(this.tmp.x, this.tmp.y);
        else g.lineTo(this.tmp.x, this.tmp.y);
      }
      g.strokePath();
      // An arrowhead where the line meets the follower: influence flows that way.
      quadPoint(t.curve, Math.max(0, t.t1 - 0.04), prev);
      quadPoint(t.curve, t.t1, tip);
      arrowHead(g, prev, tip, ((active ? 11 : 9) * layout.frame.font) / 14, colour);
    });
  }

  // ---------------------------------------------------------------- render (every update)

  /**
   * Brings the table to `state`. After one step of the same game (`continuing`) the cards and
   * lines that changed are marked, and, with motion on, the changes are animated.
   */
  private render(state: GameState, continuing: boolean): void {
    const layout = this.layout;
    if (!layout) return;
    const hasCard = (id: string) => this.cards.has(id);
    const prev = continuing ? this.lastState : null;
    const animate = prev !== null && this.ctx.motion;
    const changes = prev ? diffStates(prev, state, layout.tethers, hasCard) : null;
    const chips = chipsOf(state, hasCard);
    const changedIds = new Set<string>();
    if (changes) {
      for (const s of changes.stance) changedIds.add(s.id);
      for (const id of [...changes.chipIn, ...changes.chipReal, ...changes.chipChanged]) {
        changedIds.add(id);
      }
    }
    this.setActiveTethers(new Set(changes?.pulses ?? []));
    // Bars still moving from the last update jump to their end before the cards are set.
    this.barTween?.stop();
    this.barTween = null;
    for (const card of this.barCards) card.drawBar(1);
    for (const [id, card] of this.cards) {
      const a = state.actors[id];
      if (!a) continue;
      if (card.set(a, chips.get(id), animate)) this.words?.invalidate();
      card.setChanged(changedIds.has(id));
    }
    this.moveBars([...this.cards.values()].filter((c) => c.barMoving));
    if (animate && changes && changes.pulses.length) this.firePulses(changes.pulses);
    this.lastState = state;
  }

  /** Moves the willingness bars that changed, all with one tween (see ActorCard.drawBar). */
  private moveBars(cards: ActorCard[]): void {
    this.barCards = cards;
    if (!cards.length) return;
    this.ctx.keepAwake(700);
    this.barTween = this.tweens.addCounter({
      from: 0,
      to: 1,
      duration: 600,
      ease: 'Cubic.easeOut',
      onUpdate: (tween) => {
        const t = tween.getValue() ?? 1;
        for (const card of cards) card.drawBar(t);
      },
      onComplete: () => {
        for (const card of cards) card.drawBar(1);
      },
    });
  }

  private setActiveTethers(next: Set<number>): void {
    const same =
      next.size === this.activeTethers.size && [...next].every((i) => this.activeTethers.has(i));
    if (same) return;
    this.activeTethers = next;
    this.drawTethers();
  }

  /** Sends a dot along each line whose follower moved because of its leader. */
  private firePulses(indexes: number[]): void {
    const layout = this.layout;
    if (!layout) return;
    indexes.forEach((idx, k) => {
      const t = layout.tethers[idx];
      const dot = this.pulses.find((d) => !d.visible);
      if (!t || !dot) return;
      const pos: Point = { x: 0, y: 0 };
      quadPoint(t.curve, t.t0, pos);
      dot.setPosition(pos.x, pos.y).setVisible(true).setAlpha(1);
      this.ctx.keepAwake(PULSE_MS * 2 + k * 150 + 200);
      this.tweens.addCounter({
        from: t.t0,
        to: t.t1,
        duration: PULSE_MS,
        delay: k * 150,
        repeat: 1,
        repeatDelay: 120,
        ease: 'Sine.easeInOut',
        onUpdate: (tween) => {
          quadPoint(t.curve, tween.getValue() ?? t.t1, pos);
          dot.setPosition(pos.x, pos.y);
        },
        onComplete: () => dot.setVisible(false),
        onStop: () => dot.setVisible(false),
      });
    });
  }
}
