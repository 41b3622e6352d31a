import type { CDPSession, Page } from 'playwright-core';
import { preview, type InlineConfig, type PreviewServer } from 'vite';

import { launchChromium as launch } from '../test/chromium';
import { ROOT } from './build';
import { median } from './median';

// Browser figures on production builds served by `vite preview` (which gzips like a web server),
// in headless Chromium (test/chromium.ts), every load a cold one: a new browser each time.
//
// - The game (bench/build.ts buildGame): the time to the first paint and to the first usable
//   control (the Start button), from Start to the table's first canvas frame, the frame rate on
//   the table over 5 s at rest and while it animates the end of a week, the longest main-thread
//   task when a week ends, End-the-week's key press to the next paint, the JS heap after a game.
// - The baseline (bench/baseline, a bare Phaser 4 page): the first paint, the first frame of its
//   canvas, the frame rate over 5 s, the JS heap at rest.
// - Both again on a slow laptop and a weak school network (THROTTLING): the load figures and,
//   for the game, the longest task and the frame rate when a week ends.
//
// Load times are from the start of navigation (Start to the table: from the click's event),
// taken in the page (timeShown below), the first paint from its Paint Timing entry. Each figure
// is the median of `runs` loads; the four kinds of load take turns, so a machine that slows down
// for a while slows all of them alike. Never part of `npm test`.

const round = (x: number) => Math.round(x * 10) / 10;

/**
 * A cheap school laptop on a weak school network, through the DevTools protocol: the page's CPU
 * 4x slower (Emulation.setCPUThrottlingRate), 150 ms of latency added to every request,
 * 1.6 Mbit/s (200,000 bytes/s) down and 750 kbit/s up (Network.emulateNetworkConditions, for the
 * page and for its service worker), the HTTP cache off.
 */
export const THROTTLING = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadBytesPerSecond: 200_000,
  uploadBytesPerSecond: 93_750,
  cacheDisabled: true,
} as const;

/** Medians, and every run's figure under the same name in `samples`. */
type Figures<K extends string> = Record<K, number> & {
  /** the canvas's drawing context after the first frame: 'webgl' is expected */
  renderer: string;
  runs: number;
  samples: Record<K, number[]>;
};

export type GameFigures = Figures<
  | 'firstPaintMs'
  | 'firstUsableControlMs'
  | 'tableFirstFrameMs'
  | 'tableFps'
  | 'tableAnimatingFps'
  | 'weekEndLongestTaskMs'
  | 'weekEndLongestScriptMs'
  | 'weekEndInteractionMs'
  | 'heapAfterGameMb'
>;
export type BaselineFigures = Figures<'firstPaintMs' | 'firstFrameMs' | 'fps' | 'heapMb'>;
export type ThrottledGameFigures = Figures<
  | 'firstPaintMs'
  | 'firstUsableControlMs'
  | 'tableFirstFrameMs'
  | 'tableAnimatingFps'
  | 'weekEndLongestTaskMs'
  | 'weekEndLongestScriptMs'
>;
export type ThrottledBaselineFigures = Figures<'firstPaintMs' | 'firstFrameMs'>;

export interface BrowserReport {
  game: GameFigures;
  baseline: BaselineFigures;
  throttled: {
    conditions: typeof THROTTLING;
    game: ThrottledGameFigures;
    baseline: ThrottledBaselineFigures;
  };
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

// Scripts run in the page are strings: tsx would wrap inline functions with a helper the page
// does not have.

/** The first contentful paint, from the start of navigation. */
const FIRST_PAINT = "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN";

/** What the page shows when a load figure is reached, as page expressions. */
const SHOWN = {
  /** the Start button, in the page and visible */
  usable: `[...document.querySelectorAll('button')].some((b) => /^\\s*start\\s*$/i.test(b.textContent) && b.checkVisibility() && b.getBoundingClientRect().width > 0)`,
  /** the game's table (its view marks the scene on its box) */
  table: `document.querySelector('.phaser-table[data-scene="table"]') !== null`,
  /** the baseline's first frame (bench/baseline/main.ts marks the body) */
  frame: `document.body !== null && document.body.dataset.frame !== undefined`,
};
type Shown = keyof typeof SHOWN;

/**
 * Load figures are timed in the page itself, not by the harness, whose round trips to a busy page
 * add tens to hundreds of ms. Installed before the page's first script, a MutationObserver
 * notes when each of `names` is first shown; its time (window.__bench[name], from the start of
 * navigation) is the end of the next frame after that: requestAnimationFrame, then a task. The
 * first click on Start is noted too, with its event's time (window.__bench.click).
 */
const timeShown = (names: readonly Shown[]) => `(() => {
  const marks = (window.__bench = {});
  const tests = { ${names.map((n) => `${n}: () => ${SHOWN[n]}`).join(', ')} };
  const observer = new MutationObserver(check);
  function check() {
    for (const [name, test] of Object.entries(tests)) {
      if (!test()) continue;
      delete tests[name];
      requestAnimationFrame(() => setTimeout(() => { marks[name] = performance.now(); }, 0));
    }
    if (Object.keys(tests).length === 0) observer.disconnect();
  }
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (marks.click === undefined && button && /^\\s*start\\s*$/i.test(button.textContent)) marks.click = event.timeStamp;
  }, true);
})()`;

/** Waits until the page has timed all of `names`, and returns every time it has noted. */
async function shownTimes(page: Page, names: readonly (Shown | 'click')[]) {
  const done = names.map((n) => `window.__bench.${n} !== undefined`).join(' && ');
  await page.waitForFunction(done, undefined, { timeout: 120_000 });
  return (await page.evaluate('window.__bench')) as Partial<Record<Shown | 'click', number>>;
}

/** Which context a canvas draws with (asking for another kind returns null). */
const contextKind = (selector: string) => `(() => {
  const canvas = document.querySelector(${JSON.stringify(selector)});
  if (!canvas) return 'none';
  if (canvas.getContext('webgl2') || canvas.getContext('webgl')) return 'webgl';
  return canvas.getContext('2d') ? '2d' : 'unknown';
})()`;

/**
 * Watches the longest task (Long Tasks API, >= 50 ms), the longest run of the page's own script
 * in a long frame (Long Animation Frames API: one callback, timer or event handler, so one task's
 * script, without the style, layout, paint and wait for the GPU that follow it) and the longest
 * key press or click from input to the next paint (Event Timing API).
 */
const WATCH_TASKS = `(() => {
  window.__longest = 0;
  window.__script = 0;
  window.__event = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask' });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      for (const s of e.scripts) window.__script = Math.max(window.__script, s.duration);
  }).observe({ type: 'long-animation-frame' });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (['keydown', 'keyup', 'click', 'pointerup'].includes(e.name)) window.__event = Math.max(window.__event, e.duration);
  }).observe({ type: 'event', durationThreshold: 16 });
})()`;

interface Tab {
  page: Page;
  cdp: CDPSession;
}

const NETWORK = {
  offline: false,
  latency: THROTTLING.latencyMs,
  downloadThroughput: THROTTLING.downloadBytesPerSecond,
  uploadThroughput: THROTTLING.uploadBytesPerSecond,
};

/**
 * DevTools' network emulation reaches only the target it is sent to, and the game's service
 * worker downloads the whole build after the first load (its offline copy). So every target the
 * page starts is attached paused; service workers get the same network conditions (a pipe of
 * their own, as fast as the page's) before they run. Errors are pushed to `errors`.
 */
async function throttleWorkers(cdp: CDPSession, errors: string[]): Promise<void> {
  let lastId = 0;
  const pending = new Map<number, (error?: string) => void>();
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message) as { id?: number; error?: { message: string } };
    if (reply.id === undefined) return;
    pending.get(reply.id)?.(reply.error?.message);
    pending.delete(reply.id);
  });
  const send = (sessionId: string, method: string, params: object = {}) =>
    new Promise<void>((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, (error) => (error ? reject(new Error(`${method}: ${error}`)) : resolve()));
      const message = JSON.stringify({ id, method, params });
      cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
    });
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    const setUp =
      targetInfo.type === 'service_worker'
        ? send(sessionId, 'Network.enable').then(() =>
            send(sessionId, 'Network.emulateNetworkConditions', NETWORK),
          )
        : Promise.resolve();
    setUp
      .finally(() => send(sessionId, 'Runtime.runIfWaitingForDebugger'))
      .catch((error: unknown) => errors.push(`${targetInfo.type} ${targetInfo.url}: ${error}`));
  });
  // Not "flatten": the messages to the workers go through this session.
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: false,
  });
}

/** A cold page in a new browser: `use` gets it, throttled or not, and the browser closes after. */
async function coldLoad<T>(throttled: boolean, use: (tab: Tab) => Promise<T>): Promise<T> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const errors: string[] = [];
    if (throttled) {
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: THROTTLING.cacheDisabled });
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuSlowdown });
      await throttleWorkers(cdp, errors);
    }
    const figures = await use({ page, cdp });
    if (errors.length) throw new Error(`throttling a worker failed: ${errors.join('; ')}`);
    return figures;
  } finally {
    await browser.close();
  }
}

/** The JS heap in MB after a full garbage collection. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return heap.usedSize / 1048576;
}

/** One load of the game. Throttled, it stops after three week ends (no 5 s rates, no heap). */
async function gameLoad({ page, cdp }: Tab, url: string, throttled: boolean) {
  await page.addInitScript(timeShown(['usable', 'table']));
  await page.goto(url, { timeout: 120_000 });
  const usable = (await shownTimes(page, ['usable'])).usable!;
  const paint = (await page.evaluate(FIRST_PAINT)) as number;
  // From the click on Start to the table's first drawn frame.
  await page.getByRole('button', { name: /^start$/i }).click();
  const { click, table } = await shownTimes(page, ['click', 'table']);
  const renderer = (await page.evaluate(contextKind('.phaser-table canvas'))) as string;
  // Frames the browser presents over 5 s with the table on screen.
  const fps = throttled ? NaN : ((await page.evaluate(framesPerSecond(5000))) as number);
  // The week is ended from the keyboard: the button has the focus, and Enter presses it (it
  // keeps the focus after). A click through Playwright runs Playwright's own script in the page
  // first (finding the button by its role, scrolling, hit-testing): tasks of 58-107 ms with 4x
  // CPU throttling, inside the window these figures watch.
  const endWeek = page.getByRole('button', { name: /end the week/i });
  await endWeek.focus();
  await page.evaluate(WATCH_TASKS);
  // Each week end starts the table's animations (cards, pulses, gauge: under a second); the frame
  // rate over the 800 ms after it is the rate while the table redraws every frame.
  const animatingFps: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Enter');
    animatingFps.push((await page.evaluate(framesPerSecond(800))) as number);
  }
  const title = await page.title();
  if (!/^Week 4\b/.test(title))
    throw new Error(`three week ends should reach week 4; the page says "${title}"`);
  const week = (await page.evaluate(
    '({ longest: window.__longest, script: window.__script, event: window.__event })',
  )) as { longest: number; script: number; event: number };
  let heap = NaN;
  if (!throttled) {
    while (await endWeek.count()) await endWeek.click();
    await page.waitForSelector('.phaser-table[data-scene="debrief"]', { timeout: 60_000 });
    heap = await heapMb(cdp);
  }
  return {
    renderer,
    firstPaintMs: paint,
    firstUsableControlMs: usable,
    tableFirstFrameMs: table! - click!,
    tableFps: fps,
    tableAnimatingFps: median(animatingFps),
    weekEndLongestTaskMs: week.longest,
    weekEndLongestScriptMs: week.script,
    weekEndInteractionMs: week.event,
    heapAfterGameMb: heap,
  };
}

/** One load of the baseline page. Throttled, only its load figures. */
async function baselineLoad({ page, cdp }: Tab, url: string, throttled: boolean) {
  await page.addInitScript(timeShown(['frame']));
  await page.goto(url, { timeout: 120_000 });
  const frame = (await shownTimes(page, ['frame'])).frame!;
  const paint = (await page.evaluate(FIRST_PAINT)) as number;
  const renderer = (await page.evaluate(contextKind('canvas'))) as string;
  const fps = throttled ? NaN : ((await page.evaluate(framesPerSecond(5000))) as number);
  const heap = throttled ? NaN : await heapMb(cdp);
  return { renderer, firstPaintMs: paint, firstFrameMs: frame, fps, heapMb: heap };
}

/** Medians of the named figures over the runs, each run's figures kept in `samples`. */
function summarize<K extends string>(
  runs: Array<Record<K, number> & { renderer: string }>,
  keys: readonly K[],
): Figures<K> {
  const samples = {} as Record<K, number[]>;
  const medians = {} as Record<K, number>;
  for (const k of keys) {
    samples[k] = runs.map((r) => round(r[k]));
    medians[k] = round(median(runs.map((r) => r[k])));
  }
  const renderers = [...new Set(runs.map((r) => r.renderer))];
  return { ...medians, renderer: renderers.join(', '), runs: runs.length, samples };
}

/** vite preview of a build, on a free port; `config` says which build and with what settings. */
async function serve(config: InlineConfig): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    ...config,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`vite preview of ${config.build?.outDir} has no address`);
  return { server, url };
}

/**
 * Serves the built game (gameDir) and baseline (baselineDir) and measures `runs` cold loads of
 * each, plain and throttled. `progress` hears about each load as it ends.
 */
export async function measureBrowser(
  gameDir: string,
  baselineDir: string,
  runs: number,
  progress: (what: string) => void = () => {},
): Promise<BrowserReport> {
  // The game with the project's settings, as `npm run preview` serves it; the baseline with none.
  const game = await serve({ root: ROOT, build: { outDir: gameDir } });
  const baseline = await serve({ configFile: false, base: './', build: { outDir: baselineDir } });
  const loads = {
    game: [] as Awaited<ReturnType<typeof gameLoad>>[],
    baseline: [] as Awaited<ReturnType<typeof baselineLoad>>[],
    throttledGame: [] as Awaited<ReturnType<typeof gameLoad>>[],
    throttledBaseline: [] as Awaited<ReturnType<typeof baselineLoad>>[],
  };
  try {
    for (let i = 0; i < runs; i++) {
      const n = `${i + 1}/${runs}`;
      loads.game.push(await coldLoad(false, (tab) => gameLoad(tab, game.url, false)));
      progress(`game load ${n}`);
      loads.baseline.push(await coldLoad(false, (tab) => baselineLoad(tab, baseline.url, false)));
      progress(`baseline load ${n}`);
      loads.throttledGame.push(await coldLoad(true, (tab) => gameLoad(tab, game.url, true)));
      progress(`throttled game load ${n}`);
      loads.throttledBaseline.push(
        await coldLoad(true, (tab) => baselineLoad(tab, baseline.url, true)),
      );
      progress(`throttled baseline load ${n}`);
    }
  } finally {
    await game.server.close();
    await baseline.server.close();
  }
  const loadKeys = ['firstPaintMs', 'firstUsableControlMs', 'tableFirstFrameMs'] as const;
  return {
    game: summarize(loads.game, [
      ...loadKeys,
      'tableFps',
      'tableAnimatingFps',
      'weekEndLongestTaskMs',
      'weekEndLongestScriptMs',
      'weekEndInteractionMs',
      'heapAfterGameMb',
    ]),
    baseline: summarize(loads.baseline, ['firstPaintMs', 'firstFrameMs', 'fps', 'heapMb']),
    throttled: {
      conditions: THROTTLING,
      game: summarize(loads.throttledGame, [
        ...loadKeys,
        'tableAnimatingFps',
        'weekEndLongestTaskMs',
        'weekEndLongestScriptMs',
      ]),
      baseline: summarize(loads.throttledBaseline, ['firstPaintMs', 'firstFrameMs']),
    },
  };
}
