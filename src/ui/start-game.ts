import * as Phaser from 'phaser';

import { askedDecides, DECIDES_EVENT } from '../app/stage-events';
import type { Session, Store } from '../app/store';
import { BAKED } from './baked';
import { BootScene } from './boot.scene';
import { SCENE, ViewContext, VIEW_EVENT, type MainScene, type TableOptions } from './context';
import { DebriefScene } from './debrief.scene';
import { FrameClock } from './frame-clock';
import { BASE_W, FRAMES, frameFor, renderScaleFor, shownWidth, type Frame } from './layout';
import { PreloadScene } from './preload.scene';
import { TableScene } from './table.scene';
import { css, paletteFor } from './theme';

// The Phaser view's single entry point (the Phaser template's StartGame factory). The canvas is
// a picture of the game for eyes and pointers; the page's DOM stays the accessible, keyboard
// path, so the canvas is hidden from assistive technology and never takes focus.

export type { TableOptions } from './context';

export interface TableView {
  /** the Phaser game (tests check game.renderer.type and the first frame) */
  game: Phaser.Game;
  /** change display options at any time; the table redraws itself */
  setOptions(options: Partial<TableOptions>): void;
  /** stop everything, remove the canvas and every listener */
  destroy(): void;
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** What the view's probe reports: the scene on show, its frame and every word it shows. */
export interface TableProbe {
  scene: string;
  frame: { name: string; w: number; h: number };
  /** each word on the canvas, with its size in base pixels */
  texts: { text: string; px: number }[];
}

/**
 * Mounts the table into `parent` (any block element; the view adds a box that fills its width,
 * shaped like the frame it draws: wide, compact or portrait, layout.ts) and keeps it in step
 * with the store until destroy(). The box carries a `tableProbe()` method for the browser
 * tests: what the canvas shows, in words.
 */
export function startTable(parent: HTMLElement, store: Store, options: TableOptions): TableView {
  const box = document.createElement('div');
  box.className = 'phaser-table';
  box.setAttribute('aria-hidden', 'true');
  box.dataset.scene = 'boot';
  Object.assign(box.style, {
    position: 'relative',
    width: '100%',
    maxHeight: '100vh',
    minWidth: '0',
    overflow: 'hidden',
    // The canvas inside must not make the box (or a flex or grid parent) any wider.
    contain: 'size layout',
  });
  parent.appendChild(box);

  const dpr = () => window.devicePixelRatio || 1;
  const boxWidth = () => box.clientWidth || BASE_W;
  const maxHeight = () => window.innerHeight || Infinity;
  /** The table's frame fits the picture's width (layout.ts frameFor); the debrief is wide. */
  const frameOf = (scene: MainScene): Frame =>
    scene === SCENE.debrief ? FRAMES.wide : frameFor(boxWidth(), maxHeight());
  const scaleOf = (frame: Frame) =>
    renderScaleFor(shownWidth(frame, boxWidth(), maxHeight()), dpr(), frame.w);

  // ---- the idle governor: the table is mostly still, so the loop sleeps when nothing moves
  // and anything that could change the picture wakes it for a while.
  let awakeUntil = 0;
  let destroyed = false;
  let game: Phaser.Game | null = null;
  let wakeAsked = false;
  const wake = (ms: number) => {
    awakeUntil = Math.max(awakeUntil, performance.now() + ms);
    // Before boot the loop has nothing to run yet; Phaser starts it itself.
    if (!game || destroyed || !game.loop.started || game.loop.running || wakeAsked) return;
    // Phaser's wake() draws a frame on the spot: asked from a click or a store update, that
    // frame ran inside the event's task (10 ms of it with 4x CPU throttling) and drew the table
    // as it was before the update. The loop starts at the next animation frame instead, in a
    // task of its own as every step does (frame-clock.ts).
    wakeAsked = true;
    const loop = game.loop;
    requestAnimationFrame(() =>
      setTimeout(() => {
        wakeAsked = false;
        if (!destroyed && !loop.running) loop.wake();
      }, 0),
    );
  };

  const firstFrame = frameOf(
    store.getState()?.state.status === 'over' ? SCENE.debrief : SCENE.table,
  );
  const ctx = new ViewContext(store, { ...options }, scaleOf(firstFrame), wake, (scene) => {
    box.dataset.scene = scene;
  });
  /**
   * Shapes the box and sizes the canvas for `frame`; says whether anything changed (the scene
   * on show must then be built again).
   */
  const applyFrame = (frame: Frame): boolean => {
    box.style.aspectRatio = `${frame.w} / ${frame.h}`;
    box.dataset.frame = frame.name;
    const k = scaleOf(frame);
    const changed = frame !== ctx.frame || k !== ctx.renderScale;
    ctx.frame = frame;
    ctx.renderScale = k;
    // Before boot the game takes its size from its config (ctx.frame); a change then is made
    // when the first main scene enters.
    const [w, h] = [frame.w * k, frame.h * k];
    if (game?.isBooted) {
      // Phaser fits the canvas to the size of the box it last measured; the box has just taken
      // the frame's shape, so it is measured again first (else the canvas kept the old shape's
      // height until the next change of the window).
      const moved = game.scale.getParentBounds();
      if (game.scale.width !== w || game.scale.height !== h) game.scale.setGameSize(w, h);
      else if (moved) game.scale.refresh();
    }
    return changed;
  };
  ctx.frame = firstFrame;
  applyFrame(firstFrame);
  ctx.sizeFor = (scene) => {
    applyFrame(frameOf(scene));
  };
  // "How it decides": the page names the actor on the parent (app/stage-events.ts).
  ctx.decides = askedDecides(parent);
  const onDecides = () => {
    ctx.decides = askedDecides(parent);
    ctx.events.emit(VIEW_EVENT.decides);
    wake(400);
  };
  parent.addEventListener(DECIDES_EVENT, onDecides);
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(REDUCED_MOTION) : null;
  ctx.systemReducedMotion = media?.matches ?? false;

  game = new Phaser.Game({
    type: Phaser.AUTO,
    parent: box,
    backgroundColor: css(paletteFor(options.highContrast).bg),
    banner: false,
    autoFocus: false,
    disableContextMenu: false,
    // Measured in headless Chromium's software GPU (bench/browser.ts), which is close to a cheap
    // laptop's: without multisampling a frame costs half as much, and one texture per batch
    // means a single shader instead of one compiled on the spot for every new count of
    // textures in a batch (each compile stalled a frame by tens of milliseconds).
    render: {
      roundPixels: true,
      antialias: true,
      antialiasGL: false,
      maxTextures: 1,
      powerPreference: 'low-power',
      // Every frame draws the whole canvas (the table is all of it), so the browser need not
      // keep the last frame's pixels for the next one.
      preserveDrawingBuffer: false,
    },
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      width: ctx.frame.w * ctx.renderScale,
      height: ctx.frame.h * ctx.renderScale,
      // The box has its own size; Phaser must not restyle the page's html and body.
      expandParent: false,
    },
    input: {
      // The page owns the keyboard; wheel and touch keep scrolling the page.
      keyboard: false,
      gamepad: false,
      mouse: { preventDefaultWheel: false },
      touch: { capture: false },
      // Only presses on the canvas itself: with window events on, a click on a dialog over the
      // picture (say, "End the week?") reached the card under it and opened that actor.
      windowEvents: false,
    },
    audio: { noAudio: true },
    scene: [new BootScene(ctx), new PreloadScene(ctx), new TableScene(ctx), new DebriefScene(ctx)],
    callbacks: {
      postBoot: (g) => {
        g.canvas.setAttribute('aria-hidden', 'true');
        g.canvas.tabIndex = -1;
      },
    },
  });
  const theGame = game;
  awakeUntil = performance.now() + 2000;
  // Each step in a task of its own, after the animation frame (frame-clock.ts). Phaser starts
  // its loop once its textures are ready, so normally after this; if it has started, it moves.
  const loop = theGame.loop;
  const running = loop.running;
  if (running) loop.sleep();
  (loop as { raf: object }).raf = new FrameClock();
  if (running) loop.wake();

  theGame.events.on(Phaser.Core.Events.POST_RENDER, () => {
    // The drawing's commands go to the GPU process now, not when the browser shows the frame,
    // so that a GPU can start on them while the page goes on. (Headless Chromium's software
    // GPU still draws only when the frame is shown: there the gain is the task of its own.)
    (theGame.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer>).gl?.flush();
    const main = ctx.shown === 'table' || ctx.shown === 'debrief';
    if (destroyed || !main || performance.now() <= awakeUntil) return;
    // Nor while a tween runs: on a slow machine Phaser's clock falls behind the wall clock, and
    // the loop went to sleep with a pulse still on its line (seen on a busy machine).
    if (theGame.scene.getScenes(true).some((s) => s.tweens.getTweens().length > 0)) return;
    theGame.loop.sleep();
  });

  // A tap can arrive both as touch and as mouse events: the same card picked again within a
  // moment is one selection, not two.
  let userSelect = options.onSelectActor;
  let lastPick = { id: '', at: 0 };
  ctx.options = {
    ...ctx.options,
    onSelectActor: (id) => {
      const now = performance.now();
      if (id === lastPick.id && now - lastPick.at < 400) return;
      lastPick = { id, at: now };
      userSelect(id);
    },
  };

  // ---- the store: every update goes to the scenes, and wakes the loop to draw it. The scenes
  // hear of it after the next frame, in a task of their own: a move's click runs the rules, the
  // page updates in the next task (dom/shell.ts) and is painted in the frame after, then the
  // table updates (texts drawn again, tweens set up) and the frames after that animate it. With
  // 4x CPU throttling all of it in the click's task took 100-142 ms. Updates that come faster
  // reach the scenes as one, from the state they last showed to the latest.
  let shown: Session | null = store.getState();
  let latest = shown;
  let queued = false;
  const unsubscribe = store.subscribe((next) => {
    latest = next;
    if (queued) return;
    queued = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        queued = false;
        if (destroyed) return;
        const before = shown;
        shown = latest;
        ctx.events.emit(VIEW_EVENT.session, latest, before);
        wake(300);
      }, 0),
    );
  });

  // ---- the page around the canvas.
  const onPointer = () => {
    // While the loop sleeps Phaser does not notice the canvas moving on the page; refresh its
    // bounds before it maps this pointer event.
    if (theGame.isBooted && !theGame.loop.running) theGame.scale.updateBounds();
    wake(400);
  };
  box.addEventListener('pointerdown', onPointer, { capture: true });
  box.addEventListener('pointermove', onPointer, { capture: true, passive: true });

  const resize =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          theGame.scale.dirty = true;
          wake(700);
          // Another width may call for another frame (a phone turned, a window narrowed, the
          // projector's full-width picture) or another render scale: the scene on show is then
          // built again for it.
          const main = ctx.shown === SCENE.table || ctx.shown === SCENE.debrief;
          const scene = main ? (ctx.shown as MainScene) : ctx.target();
          if (applyFrame(frameOf(scene)) && theGame.isBooted) {
            ctx.events.emit(VIEW_EVENT.options, ctx.options, { theme: true, motion: false });
          }
        })
      : null;
  resize?.observe(box);

  const onMotionPreference = () => {
    const before = ctx.motion;
    ctx.systemReducedMotion = media?.matches ?? false;
    wake(300);
    if (before !== ctx.motion) {
      ctx.events.emit(VIEW_EVENT.options, ctx.options, { theme: false, motion: true });
    }
  };
  media?.addEventListener('change', onMotionPreference);

  // ---- the tests' probe: the words of the scene on show (those baked into a texture too).
  const probe = (): TableProbe => {
    const texts: TableProbe['texts'] = [];
    const walk = (list: readonly Phaser.GameObjects.GameObject[], shown: boolean) => {
      for (const obj of list) {
        const visible = shown && ((obj as { visible?: boolean }).visible ?? true);
        if (obj instanceof Phaser.GameObjects.Container) {
          // A baked source is hidden, yet its words are on show through its images.
          walk(obj.list, visible || (shown && obj.name === BAKED));
        } else if (obj instanceof Phaser.GameObjects.Text && visible && obj.text.trim()) {
          texts.push({ text: obj.text, px: parseFloat(String(obj.style.fontSize)) });
        }
      }
    };
    const scene = ctx.shown === SCENE.table || ctx.shown === SCENE.debrief ? ctx.shown : null;
    if (scene) walk(theGame.scene.getScene(scene)?.children.list ?? [], true);
    const f = ctx.frame;
    return { scene: ctx.shown, frame: { name: f.name, w: f.w, h: f.h }, texts };
  };
  Object.defineProperty(box, 'tableProbe', { value: probe });

  return {
    game: theGame,
    setOptions(o) {
      if (o.onSelectActor) userSelect = o.onSelectActor;
      const before = { theme: ctx.options.highContrast, motion: ctx.motion };
      ctx.options = {
        ...ctx.options,
        ...(o.highContrast !== undefined ? { highContrast: o.highContrast } : {}),
        ...(o.reducedMotion !== undefined ? { reducedMotion: o.reducedMotion } : {}),
      };
      const changed = {
        theme: before.theme !== ctx.options.highContrast,
        motion: before.motion !== ctx.motion,
      };
      wake(400);
      // The scene on show rebuilds itself from the state: new colours, and no half-run tweens.
      if (changed.theme || changed.motion)
        ctx.events.emit(VIEW_EVENT.options, ctx.options, changed);
    },
    destroy() {
      if (destroyed) return;
      unsubscribe();
      resize?.disconnect();
      media?.removeEventListener('change', onMotionPreference);
      parent.removeEventListener(DECIDES_EVENT, onDecides);
      box.removeEventListener('pointerdown', onPointer, { capture: true });
      box.removeEventListener('pointermove', onPointer, { capture: true });
      ctx.events.removeAllListeners();
      destroyed = true;
      theGame.events.once(Phaser.Core.Events.DESTROY, () => box.remove());
      theGame.destroy(true);
      // Phaser destroys on its next step, so a sleeping loop must run once more to get there.
      if (theGame.loop.started && !theGame.loop.running) theGame.loop.wake();
    },
  };
}
