import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { FrameClock } from '../../src/ui/frame-clock';

// The clock that runs Phaser's loop: one step per animation frame, each in a task of its own
// after the frame's callbacks. Animation frames are driven by hand here; tasks are fake timers.

let frames: Map<number, FrameRequestCallback>;
let nextId = 1;

/** Runs the animation-frame callbacks asked for so far, as the browser does at a frame. */
function animationFrame(): void {
  const due = [...frames.values()];
  frames.clear();
  for (const cb of due) cb(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  frames = new Map();
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    const id = nextId++;
    frames.set(id, cb);
    return id;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('FrameClock', () => {
  it('steps once per animation frame, in a task after the frame, not in it', () => {
    const clock = new FrameClock();
    const step = vi.fn();
    clock.start(step);
    expect(clock.isRunning).toBe(true);
    vi.runAllTimers();
    expect(step).not.toHaveBeenCalled();

    animationFrame();
    expect(step).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(step).toHaveBeenCalledTimes(1);
    expect(typeof step.mock.calls[0]?.[0]).toBe('number');

    animationFrame();
    vi.runAllTimers();
    expect(step).toHaveBeenCalledTimes(2);
  });

  it('does not pile up steps when frames come faster than tasks run', () => {
    const clock = new FrameClock();
    const step = vi.fn();
    clock.start(step);
    animationFrame();
    animationFrame();
    animationFrame();
    vi.runAllTimers();
    expect(step).toHaveBeenCalledTimes(1);
  });

  it('stops: no step after stop, not even one already asked for', () => {
    const clock = new FrameClock();
    const step = vi.fn();
    clock.start(step);
    animationFrame();
    clock.stop();
    expect(clock.isRunning).toBe(false);
    vi.runAllTimers();
    animationFrame();
    vi.runAllTimers();
    expect(step).not.toHaveBeenCalled();
    expect(frames.size).toBe(0);
  });

  it('starts again after a stop, with the new callback; a second start changes nothing', () => {
    const clock = new FrameClock();
    const first = vi.fn();
    const second = vi.fn();
    clock.start(first);
    clock.stop();
    clock.start(second);
    clock.start(first);
    animationFrame();
    vi.runAllTimers();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(frames.size).toBe(1);
  });

  it('forgets its callback when destroyed', () => {
    const clock = new FrameClock();
    const step = vi.fn();
    clock.start(step);
    clock.destroy();
    animationFrame();
    vi.runAllTimers();
    expect(step).not.toHaveBeenCalled();
    expect(clock.isRunning).toBe(false);
  });
});
