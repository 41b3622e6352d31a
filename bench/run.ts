import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { measureBrowser, type BrowserReport } from './browser';
import { buildBaseline, buildEngineBench, buildGame } from './build';
import type { EngineReport } from './engine';
import { measureBundle, type FileSize, type Size } from './bundle';

// Benchmarks: the engine (games per second, median of 5 runs after a cold one; the time to
// replay one game), the verification of result codes, the bytes of the production build (bench/bundle.ts), and the
// built game next to a bare Phaser 4 page in headless Chromium, plain and throttled
// (bench/browser.ts), and the figures behind the teacher pack's game length (bench/lesson.ts).
// Prints figures only; never part of `npm test`.
//   --json    one JSON object on stdout instead of the table
//   --engine  no browser (engine, result codes and bytes only)
//   --quick   3 loads of each kind instead of 5 (medians of 3: for a quick look only)

const run = promisify(execFile);
const startedAt = performance.now();
const json = process.argv.includes('--json');
const engineOnly = process.argv.includes('--engine');
const LOADS = process.argv.includes('--quick') ? 3 : 5;
const seconds = (from: number, to = performance.now()) => Math.round((to - from) / 100) / 10;
/** Tells how far the browser part has got, on a terminal only (it takes minutes). */
const progress = (what: string) => {
  if (process.stderr.isTTY) process.stderr.write(`bench: ${what} (${seconds(startedAt)} s)\n`);
};
// The engine, bundled as shipped, in a Node process of its own (bench/engine.ts).
const engineDir = await mkdtemp(path.join(tmpdir(), 'frozen-assets-engine-'));
let measured: EngineReport;
try {
  const { stdout } = await run(process.execPath, [await buildEngineBench(engineDir)], {
    maxBuffer: 1 << 20,
  });
  measured = JSON.parse(stdout) as EngineReport;
} finally {
  await rm(engineDir, { recursive: true, force: true });
}
const { verify } = measured;
progress('measured the engine');

const engineDoneAt = performance.now();

// The production builds: the game's bytes, then both pages in the browser.
const gameDir = await mkdtemp(path.join(tmpdir(), 'frozen-assets-bench-'));
const baselineDir = await mkdtemp(path.join(tmpdir(), 'frozen-assets-baseline-'));
let bundle: Awaited<ReturnType<typeof measureBundle>>;
let browser: BrowserReport | null = null;
let buildsDoneAt: number;
try {
  await buildGame(gameDir);
  bundle = await measureBundle(gameDir);
  if (!engineOnly) await buildBaseline(baselineDir);
  buildsDoneAt = performance.now();
  progress('built the game and the baseline');
  if (!engineOnly) browser = await measureBrowser(gameDir, baselineDir, LOADS, progress);
} finally {
  await rm(gameDir, { recursive: true, force: true });
  await rm(baselineDir, { recursive: true, force: true });
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
/** The issue's target: the first usable control within 1.2x the baseline's first frame. */
const TARGET = 1.2;
const ratios = browser && {
  target: { firstUsableControlVsBaselineFirstFrame: TARGET },
  plain: {
    firstUsableControlVsBaselineFirstFrame: ratio(
      browser.game.firstUsableControlMs,
      browser.baseline.firstFrameMs,
    ),
    firstPaintVsBaselineFirstPaint: ratio(browser.game.firstPaintMs, browser.baseline.firstPaintMs),
    tableFirstFrameVsBaselineFirstFrame: ratio(
      browser.game.tableFirstFrameMs,
      browser.baseline.firstFrameMs,
    ),
    tableFpsVsBaselineFps: ratio(browser.game.tableFps, browser.baseline.fps),
  },
  throttled: {
    firstUsableControlVsBaselineFirstFrame: ratio(
      browser.throttled.game.firstUsableControlMs,
      browser.throttled.baseline.firstFrameMs,
    ),
    firstPaintVsBaselineFirstPaint: ratio(
      browser.throttled.game.firstPaintMs,
      browser.throttled.baseline.firstPaintMs,
    ),
    tableFirstFrameVsBaselineFirstFrame: ratio(
      browser.throttled.game.tableFirstFrameMs,
      browser.throttled.baseline.firstFrameMs,
    ),
  },
};

const finishedAt = performance.now();
const result = {
  engine: measured.engine,
  verify,
  bundle,
  /** the game in the browser: medians of `runs` cold loads (each run's figure in `samples`) */
  browser: browser?.game ?? null,
  /** the bare Phaser 4 page, measured the same way in the same run */
  baseline: browser?.baseline ?? null,
  /** game and baseline again, with a 4x slower CPU and a weak network (`conditions`) */
  throttled: browser?.throttled ?? null,
  /** game / baseline */
  ratios,
  runtimeSeconds: {
    total: seconds(startedAt, finishedAt),
    engine: seconds(startedAt, engineDoneAt),
    builds: seconds(engineDoneAt, buildsDoneAt),
    browser: seconds(buildsDoneAt, finishedAt),
  },
};

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const row = (label: string, s: Size, note = '') =>
  `  ${label.padEnd(40)}${kB(s.raw).padStart(12)}${kB(s.gzip).padStart(12)}${note ? `  ${note}` : ''}`;
const count = (files: FileSize[], kind?: FileSize['kind']) => {
  const n = files.filter((f) => !kind || f.kind === kind).length;
  return `${n} file${n === 1 ? '' : 's'}`;
};
const first = new Set(bundle.firstScreen.files.map((f) => f.file));
const bundleLines = [
  `Bundle (production build; kB = 1000 bytes; gzip: level 9, file by file)`,
  `  ${''.padEnd(40)}${'raw'.padStart(12)}${'gzip'.padStart(12)}`,
  row('first screen, JavaScript', bundle.firstScreen.js, count(bundle.firstScreen.files, 'js')),
  row('first screen, CSS', bundle.firstScreen.css, count(bundle.firstScreen.files, 'css')),
  row('first screen, HTML', bundle.firstScreen.html, count(bundle.firstScreen.files, 'html')),
  row('first screen, all', bundle.firstScreen.all, count(bundle.firstScreen.files)),
  row('total, JavaScript', bundle.total.js, count(bundle.total.files, 'js')),
  row('total, all files', bundle.total.all, count(bundle.total.files)),
  '  files (* = first screen; the rest is loaded on demand):',
  ...[...bundle.total.files]
    .sort((a, b) => b.raw - a.raw)
    .map((f) => row(`${first.has(f.file) ? '*' : ' '} ${f.file}`, f)),
];

/** "608.6 ms (560.1-702.3)": the median and the range of the runs. */
const ms = (mid: number, samples: number[]) =>
  `${mid} ms (${Math.min(...samples)}-${Math.max(...samples)})`;
const times = (r: number) => `${r.toFixed(2)}x`;

function browserLines(b: BrowserReport, r: NonNullable<typeof ratios>): string[] {
  const g = b.game;
  const base = b.baseline;
  const tg = b.throttled.game;
  const tb = b.throttled.baseline;
  const c = b.throttled.conditions;
  const met = (x: number) => (x <= TARGET ? 'met' : 'NOT met');
  const pair = (label: string, game: string, baseline: string) =>
    `  ${label.padEnd(36)}${game.padEnd(26)}${baseline}`;
  return [
    `Browser: headless Chromium, cold loads (a new browser each); every figure is the median of ${g.runs} loads, (min-max) after it;`,
    '  times from the start of navigation (Start to table: from the click), taken in the page when it shows them',
    `Game (built game; canvas: ${g.renderer})`,
    `  first paint                 ${ms(g.firstPaintMs, g.samples.firstPaintMs)}`,
    `  first usable control        ${ms(g.firstUsableControlMs, g.samples.firstUsableControlMs)}`,
    `  Start to table's 1st frame  ${ms(g.tableFirstFrameMs, g.samples.tableFirstFrameMs)}`,
    `  frames per second, table    ${g.tableFps} at rest, ${g.tableAnimatingFps} animating a week's end`,
    `  longest task, week end      ${ms(g.weekEndLongestTaskMs, g.samples.weekEndLongestTaskMs)} (0: none of 50 ms or more)`,
    `    its longest script        ${ms(g.weekEndLongestScriptMs, g.samples.weekEndLongestScriptMs)} (the page's own code in one task, without style, layout, paint, GPU)`,
    `  End the week (key) to paint ${ms(g.weekEndInteractionMs, g.samples.weekEndInteractionMs)}`,
    `  JS heap after a whole game  ${g.heapAfterGameMb} MB`,
    `Baseline (bare Phaser 4 page, one scene, one text; same build, same method; canvas: ${base.renderer})`,
    `  first paint                 ${ms(base.firstPaintMs, base.samples.firstPaintMs)}`,
    `  first frame of the canvas   ${ms(base.firstFrameMs, base.samples.firstFrameMs)}`,
    `  frames per second           ${base.fps}`,
    `  JS heap at rest             ${base.heapMb} MB`,
    `Throttled: CPU ${c.cpuSlowdown}x slower; network +${c.latencyMs} ms latency, ${(c.downloadBytesPerSecond * 8) / 1e6} Mbit/s down, ${(c.uploadBytesPerSecond * 8) / 1000} kbit/s up (page and service worker); cache off`,
    pair('', 'game', 'baseline'),
    pair(
      'first paint',
      ms(tg.firstPaintMs, tg.samples.firstPaintMs),
      ms(tb.firstPaintMs, tb.samples.firstPaintMs),
    ),
    pair(
      'first usable control / first frame',
      ms(tg.firstUsableControlMs, tg.samples.firstUsableControlMs),
      ms(tb.firstFrameMs, tb.samples.firstFrameMs),
    ),
    pair("Start to table's 1st frame", ms(tg.tableFirstFrameMs, tg.samples.tableFirstFrameMs), ''),
    pair(
      'longest task, week end',
      ms(tg.weekEndLongestTaskMs, tg.samples.weekEndLongestTaskMs),
      '',
    ),
    pair(
      '  its longest script',
      ms(tg.weekEndLongestScriptMs, tg.samples.weekEndLongestScriptMs),
      '',
    ),
    pair('frames per second, week end', `${tg.tableAnimatingFps}`, ''),
    `Game / baseline (medians)              plain     throttled`,
    `  first usable control / first frame   ${times(r.plain.firstUsableControlVsBaselineFirstFrame).padEnd(10)}${times(r.throttled.firstUsableControlVsBaselineFirstFrame).padEnd(10)}target <= ${TARGET}x: ${met(r.plain.firstUsableControlVsBaselineFirstFrame)} plain, ${met(r.throttled.firstUsableControlVsBaselineFirstFrame)} throttled`,
    `  first paint / first paint            ${times(r.plain.firstPaintVsBaselineFirstPaint).padEnd(10)}${times(r.throttled.firstPaintVsBaselineFirstPaint)}`,
    `  Start-to-table / first frame         ${times(r.plain.tableFirstFrameVsBaselineFirstFrame).padEnd(10)}${times(r.throttled.tableFirstFrameVsBaselineFirstFrame)}`,
    `  frames per second at rest            ${times(r.plain.tableFpsVsBaselineFps)}`,
  ];
}

if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const t = result.runtimeSeconds;
  process.stdout.write(
    [
      'Engine (bundled as shipped, one core, headless; median of 5 runs of 300 games after a cold run)',
      `  scripted policy  ${result.engine.gamesPerSecond} games/s  (runs: ${result.engine.gamesPerSecondRuns.join(', ')}; cold run ${result.engine.gamesPerSecondCold})`,
      `  random policy    ${result.engine.randomPolicyGamesPerSecond} games/s  (runs: ${result.engine.randomPolicyGamesPerSecondRuns.join(', ')})`,
      `  replay of one ${result.engine.replayMoves}-move game: ${result.engine.replayMs} ms (median of 25)`,
      'Verifying result codes (one core, by replay; median of 5 runs)',
      `  one code ${verify.oneCodeMs} ms, 30 codes ${verify.codes30Ms} ms, 300 codes ${verify.codes300Ms} ms`,
      ...bundleLines,
      ...(browser && ratios ? browserLines(browser, ratios) : []),
      `Bench took ${t.total} s (engine ${t.engine} s, builds ${t.builds} s, browser ${t.browser} s)`,
    ].join('\n') + '\n',
  );
  // The figures behind the teacher pack's "how long a game takes" (bench/lesson.ts).
  if (!engineOnly) await import('./lesson');
}
