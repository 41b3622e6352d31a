import * as Phaser from 'phaser';

import { RUSSIA_LEVELS, type Session } from '../app/store';
import {
  moneyYear,
  findActorDef,
  formatDate,
  money,
  STANCES,
  weekStart,
  type GameState,
  type Scenario,
} from '../engine';
import { ActorCard } from './actor-card';
import { BakedLayer } from './baked';
import { TEXTURE } from './boot.scene';
import { chipsOf, diffStates } from './changes';
import { SCENE, type ViewContext } from './context';
import { addText, arrowHead, drawStance, setBackground, strokeDashed } from './draw';
import { fitText, overlaps, quadPoint, type Point, type Rect } from './geometry';
import { AREA, BASE_H, BASE_W, tableLayout, type TableLayout } from './layout';
import { S, STANCE_WORD } from './strings';
import { css, FONT } from './theme';

// The live table: actors as cards in rings, who-follows-whom lines, the calendar strip, the
// money gauge, the risk meters and this week's news. It renders from the store's state and
// holds no rules: every number on it comes from the engine.

const PULSE_MS = 900;
const PANEL_X = AREA.panel.x + 6;
const PANEL_W = AREA.panel.w - 12;
const GAUGE = { x: PANEL_X, y: AREA.panel.y + 62, w: PANEL_W, h: 22 };
const METERS_Y = AREA.panel.y + 134;
const METER_STEP = 40;
const METER_BAR_W = 76;
const KEY_Y = AREA.panel.y + 262;

// While the table animates, a frame draws only the table (with the panel while the money gauge
// fills); the calendar and the news keep the pixels of the last full frame (the canvas keeps its
// drawing buffer, start-game.ts). Every change of state draws a full frame. In headless
// Chromium's software WebGL a full frame is 114 draw calls and 7.5 ms of GPU time, the table
// alone 57 and 5.4 ms (83 and 7.1 with the panel). The regions hold everything that moves:
// cards and their borders, chips, pulses, and the gauge with its target line.
const TABLE_REGION: Rect = { x: 6, y: 54, w: 737, h: 425 };
const TABLE_AND_PANEL_REGION: Rect = { x: 6, y: 54, w: 948, h: 425 };
/** Where the cards' words are baked: the table region, even-sized (see BakedLayer). */
const WORDS_AREA: Rect = { x: 6, y: 54, w: 738, h: 426 };

interface Meter {
  value: Phaser.GameObjects.Text;
  fill: Phaser.GameObjects.Rectangle;
  w: number;
}

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
  private calendarNow: Phaser.GameObjects.Rectangle | null = null;
  private weekTexts: Phaser.GameObjects.Text[] = [];
  private shownWeek = 0;
  private weekTitle: Phaser.GameObjects.Text | null = null;
  private weekDate: Phaser.GameObjects.Text | null = null;
  private secured: Phaser.GameObjects.Rectangle | null = null;
  private pledged: Phaser.GameObjects.TileSprite | null = null;
  private targetLine: Phaser.GameObjects.Rectangle | null = null;
  private moneyText: Phaser.GameObjects.Text | null = null;
  private pledgedText: Phaser.GameObjects.Text | null = null;
  private moneyKey = '';
  private meters: Meter[] = [];
  private newsLines: Phaser.GameObjects.Text[] = [];
  private newsKey = '';
  private table: Phaser.GameObjects.Container | null = null;
  private empty: Phaser.GameObjects.Text | null = null;
  private lastState: GameState | null = null;
  /** What the panel is still to show (see render) and the task that will show it. */
  private panelState: { scenario: Scenario; state: GameState; animate: boolean } | null = null;
  private panelTask: ReturnType<typeof setTimeout> | null = null;
  private gauge = { secured: 0, pledged: 0, scale: 1 };
  private gaugeTween: Phaser.Tweens.Tween | null = null;
  private barTween: Phaser.Tweens.Tween | null = null;
  private barCards: ActorCard[] = [];
  /** the calendar, panel and news objects, with their bounds (drawn when they touch a region) */
  private surround: { obj: Phaser.GameObjects.GameObject; box: Rect }[] = [];
  /** the part of the canvas the next frame draws: null for all of it */
  private region: Rect | null = null;
  private fullFrame = true;

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
    this.weekTexts = [];
    this.shownWeek = 0;
    this.meters = [];
    this.newsLines = [];
    this.newsKey = '';
    this.moneyKey = '';
    this.lastState = null;
    this.panelState = null;
    this.panelTask = null;
    this.gauge = { secured: 0, pledged: 0, scale: 1 };
    this.gaugeTween = null;
    this.barTween = null;
    this.barCards = [];
    this.surround = [];
    this.region = null;
    this.fullFrame = true;
  }

  create(): void {
    const p = this.ctx.palette;
    setBackground(this, p.bg);
    this.cameras.main.setZoom(this.ctx.renderScale).centerOn(BASE_W / 2, BASE_H / 2);
    this.empty = addText(this, this.ctx, BASE_W / 2, BASE_H / 2, S.noGame, {
      size: FONT.title,
      colour: p.muted,
      align: 'center',
      wrap: 520,
    })
      .setOrigin(0.5)
      .setVisible(false);

    const scenario = this.ctx.scenario;
    if (scenario) this.build(scenario);

    this.ctx.follow(this, SCENE.table, (next, prev) => this.onSession(next, prev));
    this.onSession(this.ctx.session, null);
    // Whatever comes next (another scene, this one rebuilt) starts from a cleared canvas.
    this.setClearing(true);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.setClearing(true);
      if (this.panelTask !== null) clearTimeout(this.panelTask);
      this.panelTask = null;
    });
    this.game.renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, this.restore, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () =>
      this.game.renderer.off(Phaser.Renderer.Events.RESTORE_WEBGL, this.restore, this),
    );
  }

  /** The next frame draws the whole canvas. */
  private drawAll(): void {
    this.fullFrame = true;
  }

  /** After the WebGL context comes back: the baked words are drawn again too. */
  private restore(): void {
    this.words?.invalidate();
    this.drawAll();
  }

  private setClearing(on: boolean): void {
    (
      this.game.renderer as unknown as { config: { clearBeforeRender: boolean } }
    ).config.clearBeforeRender = on;
  }

  /** Before each frame: the whole canvas after a change, else only the parts that move. */
  override update(): void {
    this.words?.bake();
    const full = this.fullFrame;
    this.fullFrame = false;
    const gauge = this.gaugeTween !== null;
    // The frame after the gauge's last step still draws the panel, then it is left alone.
    if (this.gaugeTween && !this.gaugeTween.isPlaying()) this.gaugeTween = null;
    const region = full || !this.layout ? null : gauge ? TABLE_AND_PANEL_REGION : TABLE_REGION;
    if (region === this.region && !full) return;
    this.region = region;
    const cam = this.cameras.main;
    const k = this.ctx.renderScale;
    const r = region ?? { x: 0, y: 0, w: BASE_W, h: BASE_H };
    cam.setViewport(r.x * k, r.y * k, r.w * k, r.h * k).centerOn(r.x + r.w / 2, r.y + r.h / 2);
    // A full frame is cleared to the background by the renderer; a region paints its own.
    cam.setBackgroundColor(region ? css(this.ctx.palette.bg) : 'rgba(0,0,0,0)');
    this.setClearing(!region);
    for (const { obj, box } of this.surround) {
      obj.cameraFilter = region && !overlaps(box, region) ? cam.id : 0;
    }
  }

  /** The bounds of the calendar, panel and news objects (texts change size with the state). */
  private measureSurround(): void {
    for (const item of this.surround) {
      const o = item.obj as Partial<Phaser.GameObjects.Components.GetBounds>;
      // Graphics have no bounds: their whole area stands in for them.
      const b = o.getBounds?.();
      if (b) item.box = { x: b.x - 2, y: b.y - 2, w: b.width + 4, h: b.height + 4 };
    }
  }

  private onSession(next: Session | null, prev: Session | null): void {
    this.drawAll();
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
    // render (through renderPanel) measures the calendar, panel and news once they are drawn.
    this.render(scenario, next.state, sameGame);
    this.ctx.keepAwake(250);
  }

  // ---------------------------------------------------------------- build (once per scene)

  private build(scenario: Scenario): void {
    const p = this.ctx.palette;
    const measurer = addText(this, this.ctx, 0, 0, '', { bold: true }).setVisible(false);
    const layout = tableLayout(scenario, (t) => (measurer.setText(t), measurer.width));
    measurer.destroy();
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
    for (let k = 0; k < 8; k++) {
      const dot = this.add.circle(0, 0, 5, p.pulse, 1).setVisible(false);
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
      size: FONT.headline,
      bold: true,
    }).setOrigin(0.5);

    // Three layers, so that like parts are drawn together: cards never overlap each other, and
    // chips (which may hang off a card) come last, lower cards' chips over higher ones. The
    // words and the hub (which no card overlaps) are baked into one texture (see below).
    const shapes = this.add.container(0, 0);
    const labels = this.add.container(0, 0, [hubG, hubText]);
    const chipLayer = this.add.container(0, 0);
    table.add(shapes);
    for (const def of scenario.actors) {
      const slot = layout.cards[def.id];
      if (!slot) continue;
      const card = new ActorCard(this, this.ctx, slot, def.short);
      card.onSelect = (id) => this.ctx.options.onSelectActor(id);
      this.cards.set(def.id, card);
      shapes.add(card.shapes);
      labels.add(card.labels);
    }
    const sorted = [...this.cards.values()].sort((a, b) => a.slot.cy - b.slot.cy);
    chipLayer.add(sorted.map((c) => c.chip));
    // The words show through windows onto the baked texture, one the size of each card.
    const windows: Rect[] = [
      { x: hub.x - hub.r - 2, y: hub.y - hub.r - 2, w: 2 * hub.r + 4, h: 2 * hub.r + 4 },
      ...[...this.cards.values()].map(({ slot }) => ({
        x: slot.cx - slot.w / 2,
        y: slot.cy - slot.h / 2,
        w: slot.w,
        h: slot.h,
      })),
    ];
    const k = this.ctx.renderScale;
    this.words = new BakedLayer(this, 'fa-table-words', labels, WORDS_AREA, k, windows);
    table.add([...this.words.images, chipLayer]);

    const first = table.list.length;
    this.buildCalendar(table);
    const panel = table.list.length;
    this.buildPanel(table);
    const news = table.list.length;
    this.buildNews(table);
    const grow = (a: Rect): Rect => ({ x: a.x - 4, y: a.y - 4, w: a.w + 8, h: a.h + 8 });
    this.surround = table.list.slice(first).map((obj, i) => ({
      obj,
      // The calendar's labels hang under its cells; the news has its rule above it.
      box: grow(
        first + i < panel
          ? { ...AREA.calendar, h: AREA.calendar.h + 4 }
          : first + i < news
            ? AREA.panel
            : { ...AREA.news, y: AREA.news.y - 4, h: AREA.news.h + 4 },
      ),
    }));
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
      g.lineStyle(active ? p.thickLine + 1 : p.line + 0.5, colour, 1);
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
      arrowHead(g, prev, tip, active ? 11 : 9, colour);
    });
  }

  private buildCalendar(table: Phaser.GameObjects.Container): void {
    const p = this.ctx.palette;
    const cal = this.layout!.calendar;
    const g = this.add.graphics();
    table.add(g);
    for (const c of cal.cells) {
      g.fillStyle(p.card, 1);
      g.fillRect(c.x + 1, c.y, c.w - 2, c.h);
      const marked = c.summit || c.deadline;
      const colour = c.deadline ? p.deadline : c.summit ? p.summit : p.cardLine;
      g.lineStyle(marked ? p.thickLine : p.line, colour, 1);
      g.strokeRect(c.x + 1, c.y, c.w - 2, c.h);
      if (c.event && !marked) {
        // Other dated events: a small dot in the corner (the page's calendar says what).
        g.fillStyle(p.muted, 1);
        g.fillCircle(c.x + c.w - 7, c.y + 6, 2.5);
      }
    }
    this.calendarNow = this.add
      .rectangle(0, 0, 10, 10, p.accent, 1)
      .setOrigin(0, 0)
      .setStrokeStyle(p.thickLine, p.ink, 1);
    table.add(this.calendarNow);
    for (const c of cal.cells) {
      const t = addText(this, this.ctx, c.x + c.w / 2, c.y + c.h / 2, String(c.week), {
        bold: true,
      }).setOrigin(0.5);
      this.weekTexts.push(t);
      table.add(t);
    }
    for (const m of cal.months) {
      table.add(addText(this, this.ctx, m.x, cal.labelY, m.label, { colour: p.muted }));
    }
    for (const tag of cal.tags) {
      const colour =
        tag.kind === 'deadline' ? p.deadline : tag.kind === 'summit' ? p.summit : p.ink;
      table.add(
        addText(this, this.ctx, tag.x, cal.labelY, tag.label, { bold: true, colour }).setOrigin(
          0.5,
          0,
        ),
      );
    }
  }

  private buildPanel(table: Phaser.GameObjects.Container): void {
    const p = this.ctx.palette;
    const x = PANEL_X;
    const w = PANEL_W;
    const bg = this.add.graphics();
    bg.fillStyle(p.card, 1);
    bg.fillRect(AREA.panel.x, AREA.panel.y, AREA.panel.w, AREA.panel.h);
    bg.lineStyle(p.line, p.cardLine, 1);
    bg.strokeRect(AREA.panel.x, AREA.panel.y, AREA.panel.w, AREA.panel.h);
    table.add(bg);

    this.weekTitle = addText(this, this.ctx, x, AREA.panel.y + 6, '', {
      size: FONT.title,
      bold: true,
    });
    this.weekDate = addText(this, this.ctx, x + w, AREA.panel.y + 8, '', {
      colour: p.muted,
    }).setOrigin(1, 0);
    table.add([this.weekTitle, this.weekDate]);

    // Money: secured solid, pledged hatched, the target as an upright line.
    table.add(
      addText(this, this.ctx, x, GAUGE.y - 22, S.moneyTitle(moneyYear(this.ctx.scenario)), {
        bold: true,
      }),
    );
    const track = this.add
      .rectangle(GAUGE.x, GAUGE.y, GAUGE.w, GAUGE.h, p.track, 1)
      .setOrigin(0, 0)
      .setStrokeStyle(p.line, p.cardLine, 1);
    this.secured = this.add.rectangle(GAUGE.x, GAUGE.y, 0, GAUGE.h, p.secured, 1).setOrigin(0, 0);
    this.pledged = this.add
      .tileSprite(GAUGE.x, GAUGE.y, 1, GAUGE.h, TEXTURE.hatch)
      .setOrigin(0, 0)
      .setTint(p.pledged);
    this.targetLine = this.add
      .rectangle(GAUGE.x, GAUGE.y - 4, p.thickLine + 1, GAUGE.h + 8, p.ink, 1)
      .setOrigin(0.5, 0);
    this.moneyText = addText(this, this.ctx, x, GAUGE.y + GAUGE.h + 4, '', { bold: true });
    this.pledgedText = addText(this, this.ctx, x, GAUGE.y + GAUGE.h + 22, '', {
      colour: p.muted,
    });
    table.add([
      track,
      this.secured,
      this.pledged,
      this.targetLine,
      this.moneyText,
      this.pledgedText,
    ]);

    // Risk meters: the label, then a short bar with its value beside it.
    const labels = [S.unity, S.market, S.russia];
    labels.forEach((label, k) => {
      const y = METERS_Y + k * METER_STEP;
      table.add(addText(this, this.ctx, x, y, label, { colour: p.ink }));
      const value = addText(this, this.ctx, x + w, y + 19, '', { colour: p.muted }).setOrigin(1, 0);
      const trackM = this.add
        .rectangle(x, y + 28, METER_BAR_W, 8, p.track, 1)
        .setOrigin(0, 0.5)
        .setStrokeStyle(p.name === 'normal' ? 0 : 1, p.ink, 1);
      const fill = this.add
        .rectangle(x, y + 28, 0, 8, k === 0 ? p.meterGood : p.meterBad, 1)
        .setOrigin(0, 0.5);
      table.add([value, trackM, fill]);
      this.meters.push({ value, fill, w: METER_BAR_W });
    });

    // The key: shape, colour and word for every stance; what the lines and chips mean.
    const key = this.add.graphics();
    table.add(key);
    STANCES.forEach((st, k) => {
      const ky = KEY_Y + k * 18;
      drawStance(key, st, x + 7, ky + 9, 7, p);
      table.add(addText(this, this.ctx, x + 32, ky, STANCE_WORD[st], { colour: p.ink }));
    });
    let ly = KEY_Y + STANCES.length * 18 + 2;
    key.lineStyle(p.line + 0.5, p.tether, 1);
    key.lineBetween(x, ly + 9, x + 18, ly + 9);
    arrowHead(key, { x: x + 14, y: ly + 9 }, { x: x + 24, y: ly + 9 }, 8, p.tether);
    table.add(addText(this, this.ctx, x + 32, ly, S.keyFollows, { colour: p.ink }));
    for (const conditional of [true, false]) {
      ly += 21;
      const colour = conditional ? p.pledged : p.secured;
      key.lineStyle(p.thickLine, colour, 1);
      const box = [x, ly + 2, x + 24, ly + 2, x + 24, ly + 16, x, ly + 16, x, ly + 2];
      if (conditional) strokeDashed(key, box, 4, 3);
      else key.strokeRect(x, ly + 2, 24, 14);
      const label = conditional ? S.keyPledgeIf : S.keyPledgeReal;
      const t = addText(this, this.ctx, x + 32, ly, label, { colour: p.ink });
      t.setText(fitText(label, w - 32, (s) => (t.setText(s), t.width)));
      table.add(t);
    }
  }

  private buildNews(table: Phaser.GameObjects.Container): void {
    const p = this.ctx.palette;
    const a = AREA.news;
    const bg = this.add.graphics();
    bg.lineStyle(p.line, p.cardLine, 1);
    bg.lineBetween(a.x, a.y - 3, a.x + a.w, a.y - 3);
    table.add(bg);
    table.add(addText(this, this.ctx, a.x, a.y, S.news, { bold: true }));
    for (let k = 0; k < 3; k++) {
      const t = addText(this, this.ctx, a.x + 92, a.y + k * 18, '', { colour: p.ink });
      this.newsLines.push(t);
      table.add(t);
    }
  }

  // ---------------------------------------------------------------- render (every update)

  /**
   * Brings the table to `state`. After one step of the same game (`continuing`) the cards and
   * lines that changed are marked, and, with motion on, the changes are animated.
   */
  private render(scenario: Scenario, state: GameState, continuing: boolean): void {
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
    this.panelState = { scenario, state, animate };
    // A step of the game animates: the cards change first, and the calendar, the money panel
    // and the news follow in a task of their own (a frame later at most). With 4x CPU
    // throttling the whole update was one task of 74-111 ms.
    if (!animate) this.renderPanel();
    else this.panelTask ??= setTimeout(() => this.renderPanel(), 0);
  }

  /** The calendar, the money panel, the meters and the news, for the state the cards show. */
  private renderPanel(): void {
    if (this.panelTask !== null) clearTimeout(this.panelTask);
    this.panelTask = null;
    const p = this.panelState;
    this.panelState = null;
    if (!p || !this.layout) return;
    this.renderWeek(p.scenario, p.state);
    this.renderMoney(p.scenario, p.state, p.animate);
    this.renderMeters(p.state);
    this.renderNews(p.scenario, p.state);
    this.measureSurround();
    this.drawAll();
    this.ctx.keepAwake(250);
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

  private renderWeek(scenario: Scenario, state: GameState): void {
    const week = state.week;
    if (week === this.shownWeek) return;
    this.shownWeek = week;
    this.weekTitle?.setText(S.weekOf(week, scenario.weeks));
    this.weekDate?.setText(formatDate(weekStart(scenario.startDate, week)).replace(/ \d{4}$/, ''));
    const p = this.ctx.palette;
    const cell = this.layout!.calendar.cells[week - 1];
    if (cell && this.calendarNow) {
      this.calendarNow
        .setPosition(cell.x + 1, cell.y)
        .setSize(cell.w - 2, cell.h)
        .setVisible(true);
    } else this.calendarNow?.setVisible(false);
    // Only the cells whose colour changes: setColor draws a text again and uploads its texture.
    this.weekTexts.forEach((t, i) => {
      const w = i + 1;
      const colour = css(w === week ? p.accentInk : w < week ? p.muted : p.ink);
      if (t.style.color !== colour) t.setColor(colour);
    });
  }

  private renderMoney(scenario: Scenario, state: GameState, animate: boolean): void {
    const m = money(scenario, state);
    const key = `${m.secured}:${m.pledged}:${m.late}`;
    if (key === this.moneyKey) return;
    this.moneyKey = key;
    this.moneyText?.setText(S.moneySecured(m.secured, scenario.target));
    const extra = [m.pledged ? S.moneyPledged(m.pledged) : '', m.late ? S.moneyLate(m.late) : '']
      .filter(Boolean)
      .join('; ');
    this.pledgedText?.setText(extra);
    const scale = Math.max(scenario.target, m.secured + m.pledged);
    const from = { ...this.gauge };
    const to = { secured: m.secured, pledged: m.pledged, scale };
    this.gauge = to;
    this.gaugeTween?.stop();
    this.gaugeTween = null;
    const draw = (g: { secured: number; pledged: number; scale: number }) => {
      const ws = Math.round((g.secured / g.scale) * GAUGE.w);
      const wp = Math.round((g.pledged / g.scale) * GAUGE.w);
      this.secured?.setSize(ws, GAUGE.h);
      const target = GAUGE.x + Math.round((scenario.target / g.scale) * GAUGE.w);
      // With nothing pledged the hatch stays drawn, one pixel wide under the target line, so
      // its shader is ready (compiled with the first frame) before the first pledge lands.
      if (wp > 0) this.pledged?.setPosition(GAUGE.x + ws, GAUGE.y).setSize(wp, GAUGE.h);
      else this.pledged?.setPosition(target, GAUGE.y).setSize(1, GAUGE.h);
      this.targetLine?.setX(target);
    };
    if (!animate) {
      draw(to);
      return;
    }
    // The gauge fills toward its new level: money arriving is the effect of the last move.
    const live = { ...from, scale: from.scale || scale };
    this.ctx.keepAwake(900);
    this.gaugeTween = this.tweens.add({
      targets: live,
      secured: to.secured,
      pledged: to.pledged,
      scale: to.scale,
      duration: 700,
      ease: 'Cubic.easeOut',
      onUpdate: () => draw(live),
      onComplete: () => draw(to),
    });
  }

  private renderMeters(state: GameState): void {
    const top = RUSSIA_LEVELS.length - 1;
    const values: [number, string][] = [
      [state.unity / 100, S.outOf100(state.unity)],
      [state.market / 100, S.outOf100(state.market)],
      [state.russia / top, S.russiaLevel(state.russia, top, RUSSIA_LEVELS[state.russia] ?? '')],
    ];
    values.forEach(([frac, text], k) => {
      const m = this.meters[k];
      if (!m) return;
      if (m.value.text !== text) m.value.setText(text);
      m.fill.setSize(Math.round(Math.max(0, Math.min(1, frac)) * m.w), 8);
    });
  }

  private renderNews(scenario: Scenario, state: GameState): void {
    const items = state.news.slice(-3);
    const key = `${state.week}:${state.news.length}:${items.map((n) => n.text).join('|')}`;
    if (key === this.newsKey) return;
    this.newsKey = key;
    const max = AREA.news.w - 92;
    this.newsLines.forEach((t, k) => {
      const item = items[k];
      const text = item
        ? S.newsLine(item.week, newsText(scenario, item.text, item.actor))
        : k === 0 && items.length === 0
          ? S.noNews
          : '';
      t.setText(text);
      if (t.width > max) t.setText(fitText(text, max, (s) => (t.setText(s), t.width)));
    });
  }
}

/** A news line's text; an empty one falls back to the actor's name. */
function newsText(scenario: Scenario, text: string, actor: string | null): string {
  if (text) return text;
  return actor ? (findActorDef(scenario, actor)?.name ?? actor) : '';
}
