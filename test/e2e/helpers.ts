import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AxeResults, Result as AxeResult } from 'axe-core';
import type { Browser, BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

import type { Move } from '../../src/engine';
import { launchChromium } from '../chromium';

// Shared tools for the browser suite: launching Chromium, pages that collect console
// errors, keyboard-only navigation, screenshots and axe-core.

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');
/** The localStorage key of the autosave (src/app/autosave.ts SAVE_KEY). */
export const SAVE_KEY = 'frozen-assets.save.v1';

/** Where `vite preview` serves the production build (set by global-setup.ts). */
export const baseURL = (): string => inject('baseURL');

/** Launches the suite's headless Chromium (the packaged one, or CHROMIUM_PATH). */
export const launch = launchChromium;

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** console errors and uncaught page errors seen so far (known-harmless ones filtered out) */
  errors: string[];
  /** Fails the test if the page logged any error. */
  expectNoErrors(): void;
  close(): Promise<void>;
}

/** Console messages that are noise from the environment, not from the game. */
function harmless(msg: ConsoleMessage): boolean {
  const text = msg.text();
  if (text.includes('GPU stall due to ReadPixels')) return true;
  const url = msg.location().url ?? '';
  return /favicon/i.test(url) || /favicon/i.test(text);
}

/** A page in a fresh context (own localStorage), collecting console errors and page errors. */
export async function newPage(browser: Browser): Promise<TestPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  // Generous: a slow, shared machine must not fail a wait that would have succeeded.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !harmless(msg)) {
      const where = msg.location().url ? ` (${msg.location().url})` : '';
      errors.push(`console.error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.stack ?? err.message}`));
  page.on('crash', () => errors.push('the page crashed'));
  return {
    context,
    page,
    errors,
    expectNoErrors: () => expect(errors, 'console errors in the page').toEqual([]),
    close: () => context.close(),
  };
}

/** One browser per test file and a fresh page per test, closed after it. */
export function useBrowser(): { open(): Promise<TestPage> } {
  let browser: Browser | undefined;
  let current: TestPage | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open() {
      current = await newPage(browser!);
      return current;
    },
  };
}

// ---- keyboard

/** A short description of the focused element, for error messages. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(body)';
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el.textContent ??
      '';
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> ${label.trim().slice(0, 60)}`;
  });
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab (or Shift+Tab) until `target` has the keyboard focus, the way a keyboard user
 * would reach it. Fails, listing what was focused on the way, if it is not reached.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  opts: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  await target.waitFor({ state: 'visible' });
  const max = opts.max ?? 80;
  const seen: string[] = [];
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) return;
    if (i === max) break;
    await page.keyboard.press(opts.backwards ? 'Shift+Tab' : 'Tab');
    seen.push(await describeFocus(page));
  }
  throw new Error(
    `Could not reach ${target.toString()} with ${opts.backwards ? 'Shift+Tab' : 'Tab'} in ${max} presses. Focus went through:\n  ${seen.join('\n  ')}`,
  );
}

/** The element with this role and exact accessible name (it must be unique on the page). */
export const byRole = (page: Page, role: Parameters<Page['getByRole']>[0], name: string | RegExp) =>
  page.getByRole(role, { name, exact: typeof name === 'string' });

/** Tabs to the control with this role and name and presses a key on it (Enter by default). */
export async function keyboardActivate(
  page: Page,
  role: Parameters<Page['getByRole']>[0],
  name: string | RegExp,
  key: 'Enter' | 'Space' = 'Enter',
): Promise<void> {
  await tabTo(page, byRole(page, role, name));
  await page.keyboard.press(key);
}

/**
 * Picks an option of the focused <select> with the arrow keys (a closed select on Linux/Windows
 * changes its value, and fires change, on each arrow press).
 */
export async function chooseWithArrows(page: Page, select: Locator, label: string): Promise<void> {
  if (!(await isFocused(select))) throw new Error(`${select.toString()} is not focused`);
  const { labels, index } = await select.evaluate((el) => {
    const s = el as HTMLSelectElement;
    return { labels: [...s.options].map((o) => o.label), index: s.selectedIndex };
  });
  const wanted = labels.indexOf(label);
  if (wanted < 0)
    throw new Error(`No option "${label}" in ${select.toString()}: ${labels.join(', ')}`);
  const key = wanted > index ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(wanted - index); i++) await page.keyboard.press(key);
  await expect
    .poll(() => select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.label))
    .toBe(label);
}

// ---- the game's own controls

/**
 * Ends the week with the "End the week" button. With points left the page asks first: this
 * says yes, and "don't ask again", so that later weeks end at once.
 */
export async function endWeek(page: Page): Promise<void> {
  await page.locator('button.end-week').click();
  const dialog = page.locator('dialog[open]');
  if (await dialog.count()) {
    await dialog.getByRole('checkbox', { name: 'Don’t ask again in this game' }).check();
    await dialog.getByRole('button', { name: 'End the week', exact: true }).click();
  }
}

/** Waits until the week heading is no longer `before`, or the game is over. */
export function weekMoved(page: Page, before: string | null): Promise<unknown> {
  return page.waitForFunction(
    (prev) =>
      document.querySelector('#ending-title') !== null ||
      document.querySelector('#week-title')?.textContent !== prev,
    before,
  );
}

/** Ends weeks until the game is over (the ending's heading is on screen). */
export async function endWeeksUntilOver(page: Page, max = 40): Promise<number> {
  let weeks = 0;
  while ((await page.locator('#ending-title').count()) === 0) {
    if (weeks === max) throw new Error(`The game did not end within ${max} weeks.`);
    const before = await page.locator('#week-title').textContent();
    await endWeek(page);
    weeks++;
    await weekMoved(page, before);
  }
  return weeks;
}

// ---- screenshots

/** Saves a PNG under test-results/screenshots/ (git-ignored) and returns its path. */
export async function screenshot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  return file;
}

// ---- axe-core

const AXE_SOURCE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export type AxeViolation = AxeResult;

/** Runs axe-core on the page as it is now and returns every violation. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_SOURCE });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations;
}

/** One readable line per node: rule id, impact, target selector and axe's message. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `[${v.impact ?? 'unknown'}] ${v.id} at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`,
      ),
    )
    .join('\n');
}

/** Fails with a readable list if axe finds any serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => v.id),
    `serious axe violations on ${where}:\n${formatViolations(serious)}`,
  ).toEqual([]);
}

/**
 * Opens the page with an autosave of `moves` (December Summit, standard, no coach, no class)
 * and continues it: the game stands where those moves leave it.
 */
export async function continueGame(
  page: Page,
  seed: number,
  moves: readonly Move[],
): Promise<void> {
  await page.goto(baseURL());
  await page.evaluate(
    ([key, save]) => localStorage.setItem(key!, save!),
    [
      SAVE_KEY,
      JSON.stringify({
        version: 1,
        scenarioId: 'december-summit',
        seed,
        difficulty: 'standard',
        moves,
        options: { hints: false, classLabel: '' },
      }),
    ],
  );
  await page.reload();
  await byRole(page, 'button', 'Continue').click();
}
