import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type Browser } from 'playwright-core';
import { build, preview } from 'vite';

// Browser figures on the production build, in headless Chromium (Debian's package): for each of
// RUNS cold loads, the time to the first paint and to the first usable control (the Start
// button), the time from Start to the table's first canvas frame, the page's frame rate on the
// table over 5 s at rest and while it animates the end of a week, the longest main-thread work when a week ends, and the JS heap after a game.
// Prints medians. Never part of `npm test`.

const RUNS = 5;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

export interface BrowserFigures {
  firstPaintMs: number;
  firstUsableControlMs: number;
  tableFirstFrameMs: number;
  tableFps: number;
  tableAnimatingFps: number;
  weekEndLongestTaskMs: number;
  weekEndInteractionMs: number;
  heapAfterGameMb: number;
  runs: number;
}

/** A page script that counts the frames presented over `ms` and resolves to frames per second. */
function framesPerSecond(ms: number): string {
  return `new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    const tick = (now) => {
      frames++;
      if (now - start < ${ms}) requestAnimationFrame(tick);
      else resolve((frames * 1000) / (now - start));
    };
    requestAnimationFrame(tick);
  })`;
}

async function oneRun(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: /^start$/i }).waitFor({ state: 'visible' });
  const load = (await page.evaluate(
    "({ paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, usable: performance.now() })",
  )) as { paint: number; usable: number };
  // From Start to the table's first drawn frame (the view marks its scene on the box).
  const t0 = (await page.evaluate('performance.now()')) as number;
  await page.getByRole('button', { name: /^start$/i }).click();
  await page.waitForSelector('.phaser-table[data-scene="table"]', { timeout: 60_000 });
  const tableFrame = ((await page.evaluate('performance.now()')) as number) - t0;
  // Frames the browser presents over 5 s with the table on screen.
  // Scripts run in the page are strings: tsx would wrap inline functions with a helper the page
  // does not have.
  const fps = (await page.evaluate(framesPerSecond(5000))) as number;
  // Ending a week: the longest task (Long Tasks API, >= 50 ms) and the click's own duration
  // from input to the next paint (Event Timing API).
  await page.evaluate(`(() => {
    window.__longest = 0;
    window.__event = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.name === 'click' || e.name === 'pointerup') window.__event = Math.max(window.__event, e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
  })()`);
  // Each click starts the table's animations (cards, pulses, gauge: under a second); the frame
  // rate over the 800 ms after it is the rate while the table redraws every frame.
  const endWeek = page.getByRole('button', { name: /end the week/i });
  const animatingFps: number[] = [];
  for (let i = 0; i < 3; i++) {
    await endWeek.click();
    animatingFps.push((await page.evaluate(framesPerSecond(800))) as number);
  }
  const week = (await page.evaluate('({ longest: window.__longest, event: window.__event })')) as {
    longest: number;
    event: number;
  };
  while (await endWeek.count()) await endWeek.click();
  await page.waitForSelector('.phaser-table[data-scene="debrief"]', { timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await context.close();
  return {
    paint: load.paint,
    usable: load.usable,
    tableFrame,
    fps,
    animatingFps: median(animatingFps),
    longest: week.longest,
    event: week.event,
    heapMb: heap.usedSize / 1048576,
  };
}

/** Builds the game, serves it, and measures RUNS cold loads. */
export async function measureBrowser(): Promise<BrowserFigures> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'frozen-assets-bench-'));
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A fresh browser each time: a cold load, with nothing cached.
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--enable-unsafe-swiftshader',
        ],
      });
      try {
        runs.push(await oneRun(browser, url));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
  return {
    firstPaintMs: round(median(runs.map((r) => r.paint))),
    firstUsableControlMs: round(median(runs.map((r) => r.usable))),
    tableFirstFrameMs: round(median(runs.map((r) => r.tableFrame))),
    tableFps: round(median(runs.map((r) => r.fps))),
    tableAnimatingFps: round(median(runs.map((r) => r.animatingFps))),
    weekEndLongestTaskMs: round(median(runs.map((r) => r.longest))),
    weekEndInteractionMs: round(median(runs.map((r) => r.event))),
    heapAfterGameMb: round(median(runs.map((r) => r.heapMb))),
    runs: RUNS,
  };
}
