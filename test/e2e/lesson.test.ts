import path from 'node:path';

import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { verifyResult } from '../../src/share';
import {
  baseURL,
  byRole,
  endWeek,
  endWeeksUntilOver,
  SCREENSHOT_DIR,
  screenshot,
  useBrowser,
  weekMoved,
} from './helpers';

// A whole lesson, as a teacher would run it: set up and tune a class game, five students play
// (one hands in at week 8, one plays twice, one is on another class), the teacher collects codes
// by pasting and from a Google Forms export (quoted cells across lines, a name column), reloads
// the page between collecting and the debrief, and projects the class with names hidden.
// Nothing is lost on the way.

const browser = useBrowser();

/** A student opens a link and starts its game. */
async function open(page: Page, link: string) {
  await page.goto(link);
  await byRole(page, 'button', 'Start this game').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 15/);
}

/** Plays to the end (one first move, then the weeks), names the result and returns its code. */
async function playToEnd(page: Page, name: string, first?: [string, string]) {
  if (first) {
    await byRole(page, 'combobox', 'Move').selectOption({ label: first[0] });
    await byRole(page, 'combobox', 'Actor').selectOption({ label: first[1] });
    await byRole(page, 'button', 'Confirm move').click();
  }
  await endWeeksUntilOver(page);
  if (name) await byRole(page, 'textbox', /Your name/).fill(name);
  return byRole(page, 'textbox', 'Result code').inputValue();
}

/** Ends weeks until the table shows week `n`. */
async function playUntilWeek(page: Page, n: number) {
  for (;;) {
    const title = await page.locator('#week-title').textContent();
    if (title?.startsWith(`Week ${n} `)) return;
    await endWeek(page);
    await weekMoved(page, title);
  }
}

/** One student in a browser of their own: what `play` returns is their code. */
async function student(play: (page: Page) => Promise<string>): Promise<string> {
  const s = await browser.open();
  await s.page.setViewportSize({ width: 1366, height: 768 });
  const code = await play(s.page);
  s.expectNoErrors();
  await s.close();
  return code;
}

/** A Google Forms export: a quoted comment cell across lines, names in their own column. */
function formsCsv(rows: [name: string, email: string, code: string, comment: string][]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = rows.map(([name, email, code, comment], i) =>
    [q(`2026/12/03 10:0${i}:00 AM GMT+1`), q(name), q(email), q(code), q(comment)].join(','),
  );
  return `${['Timestamp', 'Your name', 'Email address', 'Result code', 'Anything to add?'].map(q).join(',')}\r\n${lines.join('\r\n')}\r\n`;
}

test('a whole lesson: set-up and tuning, five students, collecting, a reload, the debrief', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.setViewportSize({ width: 1366, height: 768 });

  // ---- 1. The teacher sets up and tunes the class game.
  await page.goto(`${baseURL()}#teacher`);
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  await byRole(page, 'textbox', 'Seed').fill('5151');
  await byRole(page, 'textbox', 'Class label').fill('History 9C');
  await page.locator('details.tune > summary').click();
  await byRole(page, 'spinbutton', 'Weeks until the deadline').fill('15');
  await byRole(page, 'spinbutton', 'Money to find').fill('60');
  const linkBox = byRole(page, 'textbox', 'The class link');
  await expect.poll(() => linkBox.inputValue()).toContain('target=600');
  const link = await linkBox.inputValue();
  expect(link).toContain('weeks=15');
  expect(link).toContain('class=History+9C');
  await screenshot(page, 'lesson-1-setup');
  const other = link.replace('class=History+9C', 'class=History+9D');

  // ---- 2. Five students play.
  const ana = await student(async (p) => {
    await open(p, link);
    return playToEnd(p, 'Ana', ['Sound out', 'Belgium']);
  });
  // Ben hands in at week 8 when the bell rings.
  const ben = await student(async (p) => {
    await open(p, link);
    await playUntilWeek(p, 8);
    await byRole(p, 'button', 'Hand in now').click();
    await screenshot(p, 'lesson-2-hand-in');
    await byRole(p, 'textbox', /Your name/).fill('Ben');
    return byRole(p, 'textbox', 'Result code').inputValue();
  });
  // Chloé plays twice: two games under her name.
  const chloe1 = await student(async (p) => {
    await open(p, link);
    return playToEnd(p, 'Chloé');
  });
  const chloe2 = await student(async (p) => {
    await open(p, link);
    return playToEnd(p, 'Chloé', ['Public pressure', 'Hungary']);
  });
  // Dev opened the other class's link; Ed leaves his name out (the form asks for it).
  const dev = await student(async (p) => {
    await open(p, other);
    return playToEnd(p, 'Dev');
  });
  const ed = await student(async (p) => {
    await open(p, link);
    return playToEnd(p, '', ['Sound out', 'Germany']);
  });
  expect(verifyResult(ben)).toMatchObject({ valid: true, outcome: 'unfinished', week: 8 });
  expect(verifyResult(ana)).toMatchObject({ valid: true, name: 'Ana' });

  // ---- 3. Collecting: two codes pasted, the rest from the form's export.
  await byRole(page, 'textbox', 'Paste result codes').fill(`${ana}\n${chloe1}`);
  await byRole(page, 'button', 'Check the codes').click();
  await expect.poll(() => page.locator('table.results tbody tr').count()).toBe(2);
  const csv = formsCsv([
    ['Ben Adeyemi', 'ben@school.example', ben, 'The bell rang,\nI was in week 8.'],
    ['Chloé Martin', 'chloe@school.example', chloe2, ''],
    ['Dev Patel', 'dev@school.example', dev, 'Second try:\n"better"'],
    ['Ed Novak', 'ed@school.example', ed, 'Belgium never moved.\nWhy?\nNo idea.'],
  ]);
  await page.locator('input[type=file][accept*=".csv"]').setInputFiles({
    name: 'Frozen Assets results (Responses).csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`, 'utf8'),
  });
  await expect.poll(() => page.locator('table.results tbody tr').count()).toBe(6);
  const table = await page.locator('table.results').innerText();
  // Ed's code carried no name: the form's name column gives it.
  expect(table).toContain('Ed Novak');
  expect(table).not.toContain('(no name)');
  expect(table).toMatch(/Not finished, week 8/);
  // Chloé twice: the same name on two games is flagged.
  expect(table).toMatch(/same name twice/i);
  // Dev played the other class's game: flagged, not counted in the class.
  expect(table).toMatch(/another class label, not “History 9C”/);
  await screenshot(page, 'lesson-3-collected', { fullPage: true });
  await page
    .locator('section.class-results')
    .screenshot({ path: path.join(SCREENSHOT_DIR, 'lesson-3-class.png') });
  // Nothing makes the page scroll sideways at 1366 pixels (wide tables scroll in their box).
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);

  // ---- 4. A reload between collecting and the debrief: nothing is lost.
  await page.reload();
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  await expect.poll(() => page.locator('table.results tbody tr').count()).toBe(6);
  expect(await page.locator('table.results').innerText()).toContain('Ed Novak');
  expect(await byRole(page, 'textbox', 'Seed').inputValue()).toBe('5151');

  // ---- 5. The debrief: questions, then the projector view with names hidden.
  expect(await page.locator('.questions li').count()).toBeGreaterThanOrEqual(3);
  await byRole(page, 'button', 'Project the class (names hidden)').click();
  const projector = page.locator('dialog.projector-dialog');
  await projector.waitFor();
  await screenshot(page, 'lesson-4-projector-charts');
  await byRole(page, 'button', /Next/).first().click();
  await screenshot(page, 'lesson-5-projector-question');
  const shown = await projector.innerText();
  for (const name of ['Ana', 'Chloé', 'Ben', 'Ed Novak', 'Dev']) expect(shown).not.toContain(name);
  await byRole(page, 'button', 'Close the projector view').click();
  // The pack prints the class's results; with names hidden, the table shows none either.
  await byRole(page, 'checkbox', 'Hide names').check();
  const hidden = await page.locator('table.results').innerText();
  for (const name of ['Ana', 'Chloé', 'Ed Novak']) expect(hidden).not.toContain(name);
  await page
    .locator('section.class-results')
    .screenshot({ path: path.join(SCREENSHOT_DIR, 'lesson-6-names-hidden.png') });
  t.expectNoErrors();
}, 600_000);
