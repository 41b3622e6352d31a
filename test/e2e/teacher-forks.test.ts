import { readFile } from 'node:fs/promises';

import { expect, test } from 'vitest';

import { makeCode, makeForkCode } from '../classroom/codes';
import {
  baseURL,
  byRole,
  chooseWithArrows,
  expectNoSeriousViolations,
  screenshot,
  tabTo,
  useBrowser,
} from './helpers';

// A class of "What if?" games in the browser: the teacher sets a prompt (start from the real
// path at week 4), the link, QR code and briefing say it; the students' codes (forks made by the
// harness's players) are checked against it, grouped by the route each took, and exported.

const browser = useBrowser();

test('a teacher prompts a what-if class, checks forks against it and groups them by route', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(`${baseURL()}#teacher`);
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  await byRole(page, 'textbox', 'Seed').fill('34');
  await byRole(page, 'textbox', 'Class label').fill('7B');

  // The prompt, chosen with the keyboard.
  const from = byRole(page, 'combobox', 'Start from');
  await tabTo(page, from);
  await chooseWithArrows(page, from, 'The real path at week 4 (15 Dec 2025)');
  await expect
    .poll(() => byRole(page, 'textbox', 'The class link').inputValue())
    .toMatch(/&from=4$/);
  expect(await page.locator('.qr-box').innerText()).toContain(
    'Start: the real path at week 4, 15 Dec 2025',
  );
  const sheet = await page.locator('.print-sheet').innerText();
  expect(sheet).toContain('Start: the real path at week 4, 15 Dec 2025');
  expect(sheet).toContain('The game starts at week 4 (15 Dec 2025)');
  await screenshot(page, 'teacher-forks-setup');

  const codes = [
    makeForkCode({ seed: 34, week: 4, policy: 'joint', name: 'Ana' }).code,
    makeForkCode({ seed: 34, week: 4, policy: 'us-deal', name: 'Ben' }).code,
    makeForkCode({ seed: 34, week: 4, policy: 'scripted', name: 'Chloé' }).code,
    makeForkCode({ seed: 34, week: 6, policy: 'joint', name: 'Farah' }).code,
    makeCode({ seed: 34, name: 'Hana' }).code,
  ];
  await byRole(page, 'textbox', 'Paste result codes').fill(codes.join('\n'));
  await byRole(page, 'button', 'Check the codes').click();
  await expect.poll(() => page.locator('.check-status').innerText()).toMatch(/Verified 5 codes/);

  // Grouped by route at once (a class of forks): the summary, then a table per route.
  const summary = page.getByRole('table', { name: 'Students by the route they took' });
  const summaryText = await summary.innerText();
  expect(summaryText).toMatch(/Joint EU borrowing\s+4/);
  expect(summaryText).toMatch(/Reparations Loan\s+1/);
  expect(await page.locator('table.results').count()).toBe(2);
  expect(await byRole(page, 'heading', 'Joint EU borrowing: 4 students').count()).toBe(1);
  const results = await page.locator('.route-groups').innerText();
  expect(results).toContain('What-if from week 4 (15 Dec 2025) of the real path');
  expect(results).toContain('what-if from week 6 of the real path, not week 4');
  expect(results).toContain('a game from the beginning, not from the real path at week 4');
  await expectNoSeriousViolations(page, "the teacher's page grouped by route");
  await screenshot(page, 'teacher-forks-grouped', { fullPage: true });

  // One table again, by keyboard; focus stays on the control.
  const group = byRole(page, 'combobox', 'Group by');
  await group.focus();
  await chooseWithArrows(page, group, 'No grouping');
  await expect.poll(() => page.locator('table.results').count()).toBe(1);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-option') ?? '')).toBe(
    'group',
  );
  expect(await page.locator('table.results thead').innerText()).toMatch(/Route taken/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    byRole(page, 'button', 'Download CSV').click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain('Start,Route taken');
  expect(csv).toContain('What-if from week 4 (15 Dec 2025) of the real path,Joint EU borrowing');
  t.expectNoErrors();
});
