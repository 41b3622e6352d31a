import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { qrMatrix, QUIET } from '../../src/dom/qr';
import { gameLink, verifyResult } from '../../src/share';
import {
  baseURL,
  byRole,
  endWeek,
  endWeeksUntilOver,
  expectNoSeriousViolations,
  SAVE_KEY,
  screenshot,
  tabTo,
  useBrowser,
  weekMoved,
} from './helpers';

// "Hand in now": a student of a tuned class game hands in at week 8 (a code of the game so far,
// with its QR code), keeps playing, hands in again a week later (another code), finds the saved
// game's tuned briefing on the main menu, and ends the game with the QR code on the ending.
// Each QR picture must draw exactly the modules of the QR code of the code on screen; the
// teacher's scanner reads such QR codes back to the code (test/classroom/scan.test.ts).

const browser = useBrowser();
const QR_NAME = 'QR code of your result code';
const VARIANT = { weeks: 15, target: 600 };

/** Ends weeks until the week heading reads `week`. */
async function playTo(page: Page, week: number) {
  for (;;) {
    const title = (await page.locator('#week-title').textContent()) ?? '';
    if (title.startsWith(`Week ${week} `)) return;
    await endWeek(page);
    await weekMoved(page, title);
  }
}

/**
 * The modules a QR picture draws, read back from its SVG path, as rows of booleans: they must
 * be exactly those of the QR code of `code` made here in Node.
 */
async function qrModules(page: Page, scope: string): Promise<boolean[][]> {
  const img = page.locator(scope).getByRole('img', { name: QR_NAME, exact: true });
  // The QR maker loads with the first result shown: wait for its picture.
  await img.waitFor();
  expect(await img.count()).toBe(1);
  const { size, d, width } = await img.evaluate((el) => ({
    size: Number(el.getAttribute('viewBox')!.split(' ')[2]),
    d: el.querySelector('.qr-dark')!.getAttribute('d')!,
    width: el.getBoundingClientRect().width,
  }));
  // Big enough to scan from a screen: at least 2 CSS pixels a module.
  expect(width / size).toBeGreaterThanOrEqual(2);
  const n = size - 2 * QUIET;
  const m = Array.from({ length: n }, () => Array.from({ length: n }, () => false));
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g))
    for (let i = 0; i < Number(w); i++) m[Number(y) - QUIET]![Number(x) + i - QUIET] = true;
  return m;
}

/** Opens "Hand in now" from the keyboard, names the student, and reads the code. */
async function handIn(page: Page, name: string | null): Promise<string> {
  await tabTo(page, byRole(page, 'button', 'Hand in now'), { backwards: true });
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog[open]');
  await byRole(page, 'heading', 'Hand in your game so far').waitFor();
  if (name !== null) await dialog.getByRole('textbox', { name: /Your name/ }).fill(name);
  const code = await dialog.getByRole('textbox', { name: 'Result code', exact: true }).inputValue();
  expect(await qrModules(page, 'dialog[open]')).toEqual(qrMatrix(code));
  expect(await dialog.getByRole('textbox', { name: 'Replay link' }).inputValue()).toBe(
    `${baseURL()}#r=${code}`,
  );
  return code;
}

test('a student hands in at week 8, keeps playing, hands in again and finishes', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.setViewportSize({ width: 1366, height: 768 });
  const link = gameLink(baseURL(), {
    scenarioId: 'december-summit',
    seed: 3434,
    difficulty: 'standard',
    options: { hints: false, classLabel: 'History 9C', variant: VARIANT },
  });
  await page.goto(link);
  await byRole(page, 'button', 'Start this game').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 15/);
  await playTo(page, 8);

  // ---- hand in at week 8: the game so far, not finished
  const first = await handIn(page, 'Ana');
  const dialog = page.locator('dialog[open]');
  const text = await dialog.innerText();
  expect(text).toContain(
    'Your game is not over: this code shows your game up to week 8. You can keep playing and hand in again later.',
  );
  expect(text).toMatch(
    /So far: EUR \d+\.\d bn secured of the EUR 60\.0 bn target, in week 8 of 15/,
  );
  expect(text).toContain('Class History 9C: hand in this code');
  expect(text).not.toMatch(/TODO|coming soon/i);
  const v = verifyResult(first);
  expect(v.valid).toBe(true);
  if (!v.valid) return;
  expect([v.outcome, v.week, v.name, v.variant]).toEqual(['unfinished', 8, 'Ana', VARIANT]);
  await expectNoSeriousViolations(page, 'the hand-in dialog');
  await screenshot(page, 'handin-week-8');

  // ---- the game goes on: the dialog closes onto the table, the game is still saved
  await byRole(page, 'button', 'Keep playing').click();
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hand in now');
  expect(await page.evaluate((k) => localStorage.getItem(k) !== null, SAVE_KEY)).toBe(true);
  await playTo(page, 9);
  const second = await handIn(page, null);
  expect(
    await page
      .locator('dialog[open]')
      .getByRole('textbox', { name: /Your name/ })
      .inputValue(),
  ).toBe('Ana');
  expect(second).not.toBe(first);
  const w = verifyResult(second);
  expect(w.valid && [w.outcome, w.week, w.name]).toEqual(['unfinished', 9, 'Ana']);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);

  // ---- the main menu shows the saved game's tuned briefing, not the designed one
  await byRole(page, 'button', 'Main menu (your game is saved)').click();
  await byRole(page, 'heading', 'Saved game').waitFor();
  const briefing = await page.locator('.briefing-card').innerText();
  expect(briefing).toMatch(/your saved class game/i);
  expect(briefing).toContain('EUR 60.0 bn');
  expect(briefing).toContain('You have 15 weeks');
  expect(briefing).not.toContain('EUR 71.7 bn');
  const saved = await page.locator('.saved').innerText();
  expect(saved).toContain('week 9 of 15');
  expect(saved).toContain('Class History 9C');
  expect(saved).toContain('Money to find: EUR 60.0 bn');
  await screenshot(page, 'handin-menu', { fullPage: true });

  // ---- the ending: its result code has a QR code too
  await byRole(page, 'button', 'Continue').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 9 of 15/);
  await endWeeksUntilOver(page);
  const endCode = await byRole(page, 'textbox', 'Result code').inputValue();
  expect(await qrModules(page, '.ending')).toEqual(qrMatrix(endCode));
  const end = verifyResult(endCode);
  expect(end.valid && end.outcome).not.toBe('unfinished');
  expect(end.valid && end.name).toBe('Ana');
  expect(await page.locator('.result-card-block').innerText()).toContain('show its QR code');
  await page.locator('.result-card-block').scrollIntoViewIfNeeded();
  await screenshot(page, 'handin-ending');
  t.expectNoErrors();
});
