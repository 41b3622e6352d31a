import path from 'node:path';

import { expect, test } from 'vitest';

import { baseURL, byRole, SCREENSHOT_DIR, useBrowser } from './helpers';

// Week 1, as a student: each route's card says every step between tabling it and money in
// Ukraine, and how each stands today, before any of them bites.

const browser = useBrowser();

test('in week 1 every route names each step to the money, with how it stands', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${baseURL()}#play?scenario=december-summit&seed=4&difficulty=standard`);
  await byRole(page, 'button', 'Start this game').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
  const card = (name: string) => page.locator('article.route').filter({ hasText: name });

  const loan = card('Reparations Loan').locator('.checklist li');
  expect(await loan.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([
    'table',
    'vote',
    'coverage',
    'court',
    'payout',
  ]);
  const loanText = await card('Reparations Loan').locator('.checklist').innerText();
  expect(loanText).toMatch(/Guarantees from member states cover 75% of the loan\. Now 0%\./);
  expect(loanText).toMatch(/If Belgium is outvoted, it goes to court/);

  const joint = await card('Joint EU borrowing').locator('.checklist').innerText();
  expect(joint).toMatch(/The European Parliament consents/);
  expect(joint).toMatch(/needs every government’s yes/);
  expect(joint).toMatch(/would veto it today|Nobody would veto it today/);
  // Each status is said in words for screen readers, not only by its mark.
  expect(await card('Joint EU borrowing').locator('.checklist .vh').first().textContent()).toMatch(
    /^(Holds now|Later|Does not hold now|Done): $/,
  );

  await card('Reparations Loan').scrollIntoViewIfNeeded();
  await page
    .locator('section.routes')
    .screenshot({ path: path.join(SCREENSHOT_DIR, 'checklist-week-1.png') });
  t.expectNoErrors();
}, 120_000);
