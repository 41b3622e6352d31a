import * as Phaser from 'phaser';

import type { Session, Store } from '../app/store';
import type { Scenario } from '../engine';
import { FRAMES, type Frame } from './layout';
import { paletteFor, type Palette } from './theme';

// What every scene shares: the store, the display options and a wake-up call for the game loop
// (the table sleeps when nothing moves). Scenes receive it in their constructor.

export interface TableOptions {
  /** no tweens: every change applies at once */
  reducedMotion: boolean;
  /** black, white and yellow, thicker lines */
  highContrast: boolean;
  /** a card was clicked: the page opens that actor's "Why?" */
  onSelectActor(id: string): void;
}

export const SCENE = {
  boot: 'boot',
  preload: 'preload',
  table: 'table',
  debrief: 'debrief',
} as const;

export type MainScene = typeof SCENE.table | typeof SCENE.debrief;

/** Events on ViewContext.events. */
export const VIEW_EVENT = {
  /** (next: Session | null, prev: Session | null) after every store update */
  session: 'session',
  /** (options: TableOptions, changed: { theme: boolean; motion: boolean }) */
  options: 'options',
  /** () the actor whose "How it decides" the table draws (ViewContext.decides) changed */
  decides: 'decides',
} as const;

export class ViewContext {
  readonly events = new Phaser.Events.EventEmitter();
  /** set by the system's prefers-reduced-motion, on top of options.reducedMotion */
  systemReducedMotion = false;
  /** device pixels per base pixel (1 or 2); the cameras zoom by it and text renders at it */
  renderScale: 1 | 2;
  /** the frame the canvas is sized for now (layout.ts): its base size and the table's seats */
  frame: Frame = FRAMES.wide;
  /**
   * Sizes the canvas for a main scene (set by start-game): the table takes the frame that fits
   * the picture's width, the debrief the wide one. A scene calls enter() first thing in create.
   */
  sizeFor: (scene: MainScene) => void = () => {};
  /** the main scene on show, for tests and for the page (data-scene on the wrapper) */
  shown: string = SCENE.boot;
  /** the actor whose "How it decides" the table draws over itself (the page asks), or null */
  decides: string | null = null;

  constructor(
    readonly store: Store,
    public options: TableOptions,
    renderScale: 1 | 2,
    private readonly wakeUp: (ms: number) => void,
    private readonly onShown: (scene: string) => void,
  ) {
    this.renderScale = renderScale;
  }

  get session(): Session | null {
    return this.store.getState();
  }

  get scenario(): Scenario | null {
    return this.store.scenario();
  }

  get palette(): Palette {
    return paletteFor(this.options.highContrast);
  }

  /** Tweens and pulses are on unless the player or the system asked for reduced motion. */
  get motion(): boolean {
    return !this.options.reducedMotion && !this.systemReducedMotion;
  }

  /** The scene that should be showing for a session. */
  target(session: Session | null = this.session): MainScene {
    return session?.state.status === 'over' ? SCENE.debrief : SCENE.table;
  }

  /** Sizes the canvas for `scene` and returns the frame it is drawn in. */
  enter(scene: MainScene): Frame {
    this.sizeFor(scene);
    return this.frame;
  }

  /** Keeps the game loop running for at least `ms` (animations call it with their length). */
  keepAwake(ms: number): void {
    this.wakeUp(ms);
  }

  markShown(scene: string): void {
    this.shown = scene;
    this.onShown(scene);
  }

  /**
   * Wires a main scene to the view: store updates go to `onSession`, a change of display options
   * restarts the scene, both are unhooked when it shuts down; the scene is marked as shown.
   */
  follow(
    scene: Phaser.Scene,
    key: MainScene,
    onSession: (next: Session | null, prev: Session | null) => void,
  ): void {
    const onOptions = () => scene.scene.restart();
    this.events.on(VIEW_EVENT.session, onSession);
    this.events.on(VIEW_EVENT.options, onOptions);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.events.off(VIEW_EVENT.session, onSession);
      this.events.off(VIEW_EVENT.options, onOptions);
    });
    this.markShown(key);
    this.keepAwake(400);
  }
}
