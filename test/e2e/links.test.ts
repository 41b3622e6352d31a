import { expect, test } from 'vitest';

import { classTag, encodeResult, verifyResult } from '../../src/share';
import { gameFor } from '../../src/app/store';
import {
  baseURL,
  byRole,
  endWeek,
  endWeeksUntilOver,
  SAVE_KEY,
  screenshot,
  useBrowser,
} from './helpers';

// Links are untrusted input: a game link opens the same world for everyone, a result code
// replays week by week, and a tampered, garbled or hostile link gets a clear message and a way
// back, never runs script and never replaces a saved game without asking.

const browser = useBrowser();

const classLink = (extra = '') =>
  `${baseURL()}#play?scenario=december-summit&seed=4242&difficulty=standard&hints=on&class=7B${extra}`;

test('a class link opens the same game with the coach; the ending gives a code that verifies', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(classLink());
  await byRole(page, 'heading', 'You were sent a game').waitFor();
  const facts = await page.locator('.invite .facts').innerText();
  expect(facts).toMatch(/Seed\s+4242/);
  expect(facts).toMatch(/Class\s+7B/);
  expect(facts).toMatch(/Coach\s+on/);
  await screenshot(page, 'invite');
  await byRole(page, 'button', 'Start this game').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
  // The link has done its job: the address no longer holds it.
  expect(new URL(page.url()).hash).toBe('');
  // The link turned the coach on: it can be asked (test/e2e/coach.test.ts asks it).
  await byRole(page, 'button', 'Ask the coach').waitFor();

  await endWeeksUntilOver(page);
  await byRole(page, 'textbox', /Your name/).fill('Ana');
  const code = await byRole(page, 'textbox', 'Result code').inputValue();
  const link = await byRole(page, 'textbox', 'Replay link').inputValue();
  expect(link).toBe(`${baseURL()}#r=${code}`);
  expect(link.length).toBeLessThanOrEqual(200);
  const v = verifyResult(code);
  expect(v.valid).toBe(true);
  if (!v.valid) return;
  expect(v.seed).toBe(4242);
  expect(v.hints).toBe(true);
  expect(v.classTag).toBe(classTag('7B'));
  expect(v.name).toBe('Ana');
  expect(v.moves.every((m) => m.type === 'week.end')).toBe(true);
  expect(await page.locator('.result-card').inputValue()).toContain(
    '#play?scenario=december-summit&seed=4242',
  );
  t.expectNoErrors();
});

test('a replay link steps through the weeks; a damaged code explains itself', async () => {
  const t = await browser.open();
  const { page } = t;
  const game = gameFor('december-summit')!;
  const moves = [
    {
      type: 'offer.make' as const,
      actor: 'germany',
      terms: { guarantee: 'capped' as const, buyEuropean: true },
    },
    { type: 'week.end' as const },
    { type: 'actor.sound' as const, actor: 'belgium' },
    { type: 'week.end' as const },
  ];
  const r = game.replay(77, 'standard', moves);
  const code = encodeResult({
    scenarioId: 'december-summit',
    seed: 77,
    difficulty: 'standard',
    options: { hints: false, classLabel: '' },
    name: 'Zoë',
    moves,
    state: r.state,
  });
  await page.goto(`${baseURL()}#r=${code}`);
  await byRole(page, 'heading', 'Replay: Zoë’s game').waitFor();
  expect(await page.locator('#replay-moves-title').innerText()).toBe('Moves in week 1');
  expect(await page.locator('.replay .path-steps').innerText()).toContain('You offer Germany');
  await byRole(page, 'button', 'Next week →').click();
  expect(await page.locator('#replay-moves-title').innerText()).toBe('Moves in week 2');
  expect(await page.locator('.replay .path-steps').innerText()).toContain('Belgium');
  await screenshot(page, 'replay');
  await byRole(page, 'combobox', 'Go to').selectOption({ label: 'The end' });
  expect(await page.locator('.replay-position').innerText()).toContain('end of the game');

  // One character changed: refused with a reason, and a way back to the menu.
  const broken = code.slice(0, 10) + (code[10] === 'A' ? 'B' : 'A') + code.slice(11);
  await page.goto(`${baseURL()}#r=${broken}`);
  await byRole(page, 'heading', 'This result code cannot be opened').waitFor();
  expect(await page.locator('.link-problem [role=alert]').innerText()).toMatch(/damaged/);
  await byRole(page, 'button', 'Main menu').click();
  await byRole(page, 'button', 'Start').waitFor();
  t.expectNoErrors();
});

test('hostile text in links is shown as text and never runs', async () => {
  const t = await browser.open();
  const { page } = t;
  const payload = encodeURIComponent(
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
  );
  await page.goto(classLink().replace('class=7B', `class=${payload}`));
  await byRole(page, 'heading', 'You were sent a game').waitFor();
  expect(await page.locator('.invite img, .invite script').count()).toBe(0);
  expect(await page.locator('.invite .facts').innerText()).toContain('<img src=x onerror=');

  for (const hash of [
    `#play?seed=12&difficulty=${payload}`,
    `#play?seed=${payload}`,
    `#${payload}`,
    `#r=${payload}`,
    `#play?seed=1&scenario=december-summit&x=${payload}`,
    `#r=${'A'.repeat(5000)}`,
  ]) {
    await page.goto(`${baseURL()}${hash}`);
    await page.locator('.link-problem [role=alert]').waitFor();
    expect((await page.locator('.link-problem [role=alert]').innerText()).length).toBeGreaterThan(
      10,
    );
  }
  // A name with markup inside a valid code is a name, shown as text.
  const game = gameFor('december-summit')!;
  const moves = [{ type: 'week.end' as const }];
  const code = encodeResult({
    scenarioId: 'december-summit',
    seed: 5,
    difficulty: 'standard',
    options: { hints: false, classLabel: '' },
    name: '<img src=x onerror=a()>',
    moves,
    state: game.replay(5, 'standard', moves).state,
  });
  await page.goto(`${baseURL()}#r=${code}`);
  await byRole(page, 'heading', /^Replay: <img src=x onerror=a\(\)>/).waitFor();
  expect(await page.evaluate('window.__pwned')).toBeUndefined();
  t.expectNoErrors();
});

test('a game link never replaces a saved game without asking', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(baseURL());
  await byRole(page, 'textbox', 'Seed').fill('31');
  await byRole(page, 'button', 'Start').click();
  await endWeek(page);
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 2 of 19/);
  const saved = await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY);

  await page.goto(classLink());
  await byRole(page, 'button', 'Start this game').click();
  const dialog = page.getByRole('dialog', { name: 'Replace your saved game?' });
  expect(await dialog.innerText()).toContain('week 2 of 19, seed 31');
  await byRole(page, 'button', 'Keep my saved game').click();
  expect(await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY)).toBe(saved);
  await byRole(page, 'heading', 'You were sent a game').waitFor();

  await byRole(page, 'button', 'Start this game').click();
  await byRole(page, 'button', 'Replace it and start').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
  const now = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY)) ?? '{}');
  expect(now.seed).toBe(4242);
  t.expectNoErrors();
});
