/**
 * The clock that runs Phaser's loop (it stands in for Phaser's RequestAnimationFrame, the
 * loop's `raf`): at each animation frame it starts a task of its own, and that task runs
 * Phaser's step (update and draw). The table hands each drawing to the GPU as soon as it is
 * made (a flush after Phaser's render, start-game.ts).
 *
 * Why not draw in the animation frame itself, as Phaser does: the browser shows a frame at the
 * end of the task that ran its animation-frame callbacks, and before it can show a canvas it
 * may wait for the GPU to finish drawing it (headless Chromium's software GPU always does).
 * Drawn in the callback, the script and that wait were one task: with 4x CPU throttling,
 * 25-85 ms of script and 30-75 ms of waiting, every frame while the table moved. Drawn in a task
 * of its own, they are two tasks: the longest task of three week ends fell from a median of
 * 135 ms to 76 ms. The cost: the next frame shows the drawing, one frame (16 ms) later, and on
 * the software GPU, where each frame waits for the last, a week's end animated at 43 frames a
 * second instead of 46 (alternating loads, not throttled).
 */
export class FrameClock {
  isRunning = false;
  private callback: (time: number) => void = () => {};
  private frame = 0;
  private task: ReturnType<typeof setTimeout> | null = null;

  /** Phaser's loop calls this to run (its other two arguments choose Phaser's own timers). */
  start(callback: (time: number) => void): void {
    if (this.isRunning) return;
    this.callback = callback;
    this.isRunning = true;
    this.frame = requestAnimationFrame(this.onFrame);
  }

  stop(): void {
    this.isRunning = false;
    cancelAnimationFrame(this.frame);
    if (this.task !== null) clearTimeout(this.task);
    this.task = null;
  }

  destroy(): void {
    this.stop();
    this.callback = () => {};
  }

  private readonly onFrame = (): void => {
    if (!this.isRunning) return;
    this.frame = requestAnimationFrame(this.onFrame);
    // One step per frame: a step still waiting (a slow machine) is not asked for twice.
    this.task ??= setTimeout(this.onTask, 0);
  };

  private readonly onTask = (): void => {
    this.task = null;
    if (!this.isRunning) return;
    this.callback(performance.now());
  };
}
