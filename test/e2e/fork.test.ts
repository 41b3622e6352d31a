import { spawnSync } from 'node:child_process';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { verifyResult } from '../../src/share';
import {
  baseURL,
  byRole,
  endWeeksUntilOver,
  ROOT,
  SCREENSHOT_DIR,
  screenshot,
  useBrowser,
} from './helpers';

// "What if?" end to end: a student opens what really happened in the December Summit, steps to
// the week of the European Council (week 4, 15 December 2025), takes over there and plays
// another way to the end, compares both timelines in the debrief, copies the fork's code, and the
// teacher's page and `npm run verify` both check it by replaying it.

const browser = useBrowser();
const SEED = '2468';
const DISPLAY_KEY = 'frozen-assets.display.v1';

async function setDisplay(page: Page, display: Record<string, boolean>) {
  await page.evaluate(
    ([k, v]) => localStorage.setItem(k!, v!),
    [
      DISPLAY_KEY,
      JSON.stringify({ projector: false, highContrast: false, reducedMotion: true, ...display }),
    ],
  );
}

test('history, a fork at the December summit, another path, the comparison, the code verified', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(baseURL());
  await setDisplay(page, {});
  await page.reload();
  await byRole(page, 'textbox', 'Seed').fill(SEED);

  // What really happened, without playing first.
  await byRole(page, 'link', /What really happened/).click();
  await byRole(page, 'heading', 'What really happened: The December Summit').waitFor();
  expect(await page.locator('.replay').innerText()).toContain(`seed ${SEED}`);
  await page.locator('#replay-jump').selectOption({ label: 'Week 4 (15 Dec 2025)' });
  const moves = await page.locator('.replay .path-steps').innerText();
  expect(moves).toMatch(/Joint EU borrowing \(enhanced cooperation\) passes/);
  expect(await page.locator('.on-record').innerText()).toMatch(/19 Dec 2025/);
  await screenshot(page, 'fork-history-week-4', { fullPage: true });

  // Fork there: the table opens at week 4 with the real path's first three weeks behind it.
  await byRole(page, 'button', 'What if? Play on from week 4').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 4 of 19/);
  expect(new URL(page.url()).hash).toBe('');
  // Another way: no joint borrowing this week; the G7 line and pressure on Belgium instead.
  await byRole(page, 'combobox', 'Move').selectOption({ label: 'G7 coordination' });
  await byRole(page, 'button', 'Confirm move').click();
  expect(await page.locator('.refusal').textContent()).toBe('');
  await endWeeksUntilOver(page);

  // The debrief compares both timelines, in the page and on the canvas.
  const compare = page.locator('section.compare');
  await compare.waitFor();
  const text = await compare.innerText();
  expect(text).toMatch(/Two timelines: your what-if and the real path/);
  expect(text).toMatch(/same game until the start of week 4 \(15 Dec 2025\)/);
  const rows = compare.locator('table.compare-outcomes tbody tr');
  expect(await rows.count()).toBe(2);
  expect(await rows.nth(1).innerText()).toMatch(/The real path\s+Partly funded, grade D/);
  expect(await compare.locator('svg polyline.base').count()).toBe(1);
  expect(await compare.locator('svg polyline.secured').count()).toBe(1);
  // The stances table outlines, and says, the weeks the real path had another stance.
  const splits = page.locator('table.stances td.split');
  expect(await splits.count()).toBeGreaterThan(0);
  expect(await splits.first().locator('.vh').textContent()).toMatch(/; the real path: /);
  // The real path's week-4 vote is a turning point only it has.
  expect(text).toMatch(/Only on the real path[\s\S]*Week 4: Joint EU borrowing/);
  // Keyboard: the table of numbers behind the chart opens from the keyboard.
  await compare.locator('summary').focus();
  await page.keyboard.press('Enter');
  expect(await compare.locator('details').getAttribute('open')).not.toBeNull();
  await compare.scrollIntoViewIfNeeded();
  await screenshot(page, 'fork-compare-1366');
  // The canvas draws the same comparison: both timelines' names, the marker, the split points.
  await page.waitForSelector('.phaser-table[data-scene="debrief"]');
  const words = await page.evaluate(() => {
    const box = document.querySelector('.phaser-table') as
      (HTMLElement & { tableProbe(): { texts: { text: string }[] } }) | null;
    return box
      ? box
          .tableProbe()
          .texts.map((x) => x.text)
          .join('\n')
      : '';
  });
  expect(words).toContain('What if? from week 4');
  expect(words).toContain('Where the timelines split');
  expect(words).toMatch(/The real path/);
  await page.locator('.stage').screenshot({
    path: path.join(SCREENSHOT_DIR, 'fork-compare-canvas.png'),
  });

  // The code: a fork of the real path, verified in Node to the same state the browser reached.
  await byRole(page, 'textbox', /Your name/).fill('Ines');
  const code = await byRole(page, 'textbox', 'Result code').inputValue();
  expect(code.length).toBeLessThanOrEqual(200);
  const v = verifyResult(code);
  if (!v.valid) throw new Error(v.reason);
  expect(v.fork).toMatchObject({ kind: 'history', week: 4 });
  expect(v.name).toBe('Ines');
  expect(v.seed).toBe(Number(SEED));

  // The projector setting: the same comparison, larger.
  await setDisplay(page, { projector: true });
  await page.reload();
  await byRole(page, 'button', 'See its ending again').click();
  await page.locator('section.compare').scrollIntoViewIfNeeded();
  await screenshot(page, 'fork-compare-projector');
  await page.waitForSelector('.phaser-table[data-scene="debrief"]');
  await page.locator('.stage').screenshot({
    path: path.join(SCREENSHOT_DIR, 'fork-compare-canvas-projector.png'),
  });

  // The teacher's page checks it like any code, and says it is a what-if of the real path.
  await page.goto(`${baseURL()}#teacher`);
  await byRole(page, 'textbox', 'Paste result codes').fill(code);
  await byRole(page, 'button', 'Check the codes').click();
  await expect.poll(() => page.locator('.check-status').innerText()).toMatch(/Verified 1 code/);
  const results = await page.locator('table.results').innerText();
  expect(results).toMatch(/Ines/);
  expect(results).toMatch(/What-if from week 4 \(15 Dec 2025\) of the real path/);
  await screenshot(page, 'fork-teacher', { fullPage: true });

  // And so does `npm run verify`.
  const cli = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/verify.ts', code], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(cli.status, cli.stderr).toBe(0);
  expect(JSON.parse(cli.stdout)).toMatchObject({
    valid: true,
    name: 'Ines',
    stateHash: v.stateHash,
    fork: { from: 'the real path', week: 4, baseOutcome: 'partial', baseGrade: 'D' },
  });
  t.expectNoErrors();
}, 240_000);

test('a class prompt: the link starts every student from the real path at week 8', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(
    `${baseURL()}#play?scenario=december-summit&seed=55&difficulty=standard&class=8B&from=8`,
  );
  await byRole(page, 'heading', 'You were sent a game').waitFor();
  const invite = await page.locator('.invite').innerText();
  expect(invite).toMatch(/the real path at week 8 \(12 Jan 2026\)/);
  expect(invite).toMatch(/A what-if:/);
  await byRole(page, 'button', 'Start this game').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 8 of 19/);
  expect(await page.locator('#week-title .fork-badge').innerText()).toBe(
    'What-if from week 8 of the real path',
  );
  await endWeeksUntilOver(page);
  await page.locator('section.compare').waitFor();
  const v = verifyResult(await byRole(page, 'textbox', 'Result code').inputValue());
  if (!v.valid) throw new Error(v.reason);
  expect(v.fork).toMatchObject({ kind: 'history', week: 8 });
  expect(v.classTag).not.toBeNull();
  t.expectNoErrors();
}, 240_000);
