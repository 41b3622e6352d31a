import { readFile } from 'node:fs/promises';

import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { gameFor } from '../../src/app/store';
import { encodeResult, movesBefore } from '../../src/share';
import { playGame } from '../../src/sim/run';
import { policyByName } from '../../src/sim/policies';
import { makeCode, SCENARIO } from '../classroom/codes';
import { baseURL, byRole, expectNoSeriousViolations, screenshot, useBrowser } from './helpers';

// Results that stay: the teacher's checked codes survive a reload, later checks add to them
// (the same code twice listed once, the same name on two games flagged), Clear asks first, the
// class goes out as a file and comes back; names are corrected and hidden; a game handed in
// before its end reads "Not finished, week N"; the page offers the game most codes came from,
// and warns before changing a game whose link students already have.

const browser = useBrowser();

/** A game handed in at the start of `week`: the harness's moves up to then, not finished. */
function unfinishedCode(seed: number, week: number, name: string): string {
  const game = gameFor(SCENARIO)!;
  const moves = movesBefore(playGame(game, seed, 'standard', policyByName('joint')!).moves, week);
  const r = game.replay(seed, 'standard', moves);
  if (!r.ok) throw new Error('the game did not replay');
  return encodeResult({
    scenarioId: SCENARIO,
    seed,
    difficulty: 'standard',
    options: { hints: false, classLabel: '7B' },
    name,
    moves,
    state: r.state,
  });
}

async function open(page: Page) {
  await page.goto(`${baseURL()}#teacher`);
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
}

async function checkCodes(page: Page, codes: string[]) {
  await byRole(page, 'textbox', 'Paste result codes').fill(codes.join('\n'));
  await byRole(page, 'button', 'Check the codes').click();
  await expect.poll(() => page.locator('.check-status').innerText()).toMatch(/the class now has/);
}

const rows = (page: Page) => page.locator('table.results tbody tr');
const names = (page: Page) => page.locator('table.results tbody th .name').allInnerTexts();

test('checked codes stay through a reload, add up, are renamed, hidden, exported and cleared', async () => {
  const t = await browser.open();
  const { page } = t;
  await open(page);
  await byRole(page, 'textbox', 'Seed').fill('34');
  await byRole(page, 'textbox', 'Class label').fill('7B');
  const ana = makeCode({ seed: 34, policy: 'scripted', name: 'Ana' }).code;
  const ben = makeCode({ seed: 34, policy: 'us-deal', name: 'Ben Okafor-Lindqvist' }).code;
  const ben2 = makeCode({ seed: 34, policy: 'joint', name: 'Ben Okafor-Lindqvist' }).code;
  const chloe = unfinishedCode(34, 8, 'Chloé');

  await checkCodes(page, [ana, ben]);
  expect(await rows(page).count()).toBe(2);
  expect(await byRole(page, 'textbox', 'Paste result codes').inputValue()).toBe('');

  // A reload: the codes are verified again and shown as they were.
  await page.reload();
  await expect
    .poll(() => page.locator('.check-status').innerText())
    .toMatch(/2 codes kept in this browser for class “7B”, verified again/);
  expect(await names(page)).toEqual(['Ana', 'Ben Okafor-Lindqvist']);

  // A second check adds: Ben's code again (listed once), the same name on another game, and a
  // game handed in at week 8.
  await checkCodes(page, [ben, ben2, chloe]);
  expect(await page.locator('.check-status').innerText()).toMatch(
    /2 new, 1 already in the class; the class now has 4 codes/,
  );
  expect(await rows(page).count()).toBe(4);
  const table = await page.locator('table.results').innerText();
  expect(table).toMatch(/also line 1 of paste 2: listed once/);
  expect(table).toMatch(/The same name twice: also the game on line 2\./);
  const chloeRow = rows(page).filter({ hasText: 'Chloé' });
  expect(await chloeRow.innerText()).toMatch(/Not finished, week 8/);
  expect(await chloeRow.innerText()).toMatch(/This class game/);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.locator('table.results').scrollIntoViewIfNeeded();
  await screenshot(page, 'teacher-persist-1366');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.locator('table.results').scrollIntoViewIfNeeded();
  await screenshot(page, 'teacher-persist-1024');
  // Names wrap between words, never inside one (a word split over two lines has two boxes).
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    const split = await page.evaluate(() =>
      [...document.querySelectorAll('table.results tbody th .name')].flatMap((el) => {
        const text = el.firstChild!;
        const words = [...text.textContent!.matchAll(/[^\s-]+/gu)];
        return words.flatMap((m) => {
          const range = document.createRange();
          range.setStart(text, m.index);
          range.setEnd(text, m.index + m[0].length);
          return range.getClientRects().length > 1 ? [m[0]] : [];
        });
      }),
    );
    expect(split, `words broken at ${width} px`).toEqual([]);
  }

  // Rename Ben's second game; the name stays after a reload and goes into the CSV.
  await byRole(page, 'button', 'Edit the name Ben Okafor-Lindqvist').nth(1).click();
  const field = byRole(page, 'textbox', 'Name for the game on line 2 of paste 2');
  await field.fill('Benedikt');
  await field.press('Enter');
  await expect
    .poll(() => names(page))
    .toEqual(['Ana', 'Ben Okafor-Lindqvist', 'Benedikt', 'Chloé']);
  expect(await page.locator('table.results').innerText()).not.toMatch(/same name twice/);
  await page.reload();
  await expect
    .poll(() => names(page))
    .toEqual(['Ana', 'Ben Okafor-Lindqvist', 'Benedikt', 'Chloé']);
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    byRole(page, 'button', 'Download CSV').click(),
  ]);
  expect(await readFile((await csvDownload.path())!, 'utf8')).toContain('Benedikt');

  // Hide names: the table and the charts say Student 1, 2, …
  await byRole(page, 'checkbox', 'Hide names').check();
  await expect
    .poll(() => names(page))
    .toEqual(['Student 1', 'Student 2', 'Student 3', 'Student 4']);
  const charts = await page.locator('.chart-grid').innerText();
  expect(charts).toContain('Student 3');
  expect(charts).not.toMatch(/Ana|Ben|Chlo/);
  expect(await byRole(page, 'button', /Edit the name/).count()).toBe(0);
  await screenshot(page, 'teacher-persist-hidden', { fullPage: true });
  await expectNoSeriousViolations(page, "the teacher's page with kept results, names hidden");
  await byRole(page, 'checkbox', 'Hide names').uncheck();

  // The class file: downloaded, then added back after the class is cleared.
  const [fileDownload] = await Promise.all([
    page.waitForEvent('download'),
    byRole(page, 'button', 'Download the class file').click(),
  ]);
  const classFile = (await fileDownload.path())!;

  // Clear asks first: "Keep them" keeps them, "Clear the class" clears (also after a reload).
  await byRole(page, 'button', 'Clear the class…').click();
  await byRole(page, 'dialog', 'Clear the class?').waitFor();
  await screenshot(page, 'teacher-persist-clear');
  await byRole(page, 'button', 'Keep them').click();
  expect(await rows(page).count()).toBe(4);
  await byRole(page, 'button', 'Clear the class…').click();
  await byRole(page, 'button', 'Clear the class').click();
  await expect.poll(() => rows(page).count()).toBe(0);
  await page.reload();
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  expect(await rows(page).count()).toBe(0);

  // A malformed file is refused with a reason; the class file brings everything back.
  await byRole(page, 'button', 'Add the codes of a class file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": '),
  });
  await expect
    .poll(() => page.locator('.keep-status').innerText())
    .toMatch(/notes.json could not be added: it is not a class file/);
  await page.locator('input[type=file][accept^=".json"]').setInputFiles(classFile);
  await expect
    .poll(() => names(page))
    .toEqual(['Ana', 'Ben Okafor-Lindqvist', 'Benedikt', 'Chloé']);
  t.expectNoErrors();
});

test('the page offers the game most codes came from, and warns before changing a shared link', async () => {
  const t = await browser.open();
  const { page } = t;
  // Copying answers asynchronously (the clipboard, or selecting the text where it is blocked):
  // the next step waits for its answer, so it never lands in the middle of it.
  const copyLink = async () => {
    const status = page.locator('.class-setup .copy-status').first();
    await status.evaluate((el) => (el.textContent = ''));
    await byRole(page, 'button', 'Copy the link').click();
    await expect.poll(() => status.innerText()).toMatch(/copied|blocked/i);
  };
  await open(page);
  await byRole(page, 'textbox', 'Seed').fill('34');
  await byRole(page, 'textbox', 'Class label').fill('7B');
  const seed12 = ['joint', 'scripted', 'us-deal'].map(
    (policy, i) =>
      makeCode({ seed: 12, policy, name: `Student ${String.fromCharCode(65 + i)}` }).code,
  );
  await checkCodes(page, [...seed12, makeCode({ seed: 34, name: 'Dan' }).code]);
  expect(await page.locator('table.results tr.flagged').count()).toBe(3);
  const offer = page.locator('.adopt-offer');
  expect(await offer.innerText()).toMatch(/3 of the 4 verified codes .* seed 12 not 34/s);
  await offer.scrollIntoViewIfNeeded();
  await screenshot(page, 'teacher-persist-adopt');
  await byRole(page, 'button', 'Use the game these codes came from').click();
  await expect.poll(() => byRole(page, 'textbox', 'Seed').inputValue()).toBe('12');
  expect(await page.locator('table.results tr.flagged').count()).toBe(1);
  expect(await offer.count()).toBe(0);
  expect(await byRole(page, 'textbox', 'The class link').inputValue()).toContain('seed=12');

  // Once the link was copied, changing the seed asks first.
  await copyLink();
  await byRole(page, 'button', 'Pick a random seed').click();
  await byRole(page, 'dialog', 'Change the class game?').waitFor();
  expect(await page.getByRole('dialog').innerText()).toMatch(/Students already have the link/);
  await screenshot(page, 'teacher-persist-warn');
  await byRole(page, 'button', 'Keep the game students have').click();
  await expect.poll(() => byRole(page, 'textbox', 'Seed').inputValue()).toBe('12');
  await byRole(page, 'textbox', 'Seed').fill('99');
  await byRole(page, 'button', 'Change it anyway').click();
  await expect
    .poll(() => byRole(page, 'textbox', 'The class link').inputValue())
    .toContain('seed=99');

  // A class link pasted with the codes sets its game up again.
  const link = (await byRole(page, 'textbox', 'The class link').inputValue()).replace(
    'seed=99',
    'seed=12',
  );
  await copyLink();
  await byRole(page, 'textbox', 'Paste result codes').fill(link);
  await byRole(page, 'button', 'Check the codes').click();
  await expect.poll(() => byRole(page, 'textbox', 'Seed').inputValue()).toBe('12');
  expect(await page.locator('.class-setup .notice').innerText()).toMatch(/class link you pasted/);
  t.expectNoErrors();
});
