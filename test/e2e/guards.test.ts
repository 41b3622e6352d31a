import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

import { actorRuntime } from '../../src/actors';
import { gameFor } from '../../src/app/store';
import { createGame, moveCost, type GameState, type Move } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import { encodeResult } from '../../src/share';
import { policyByName } from '../../src/sim/policies';
import { playGame } from '../../src/sim/run';
import { baseURL, byRole, endWeek, SAVE_KEY, screenshot, useBrowser } from './helpers';

// The guard rails a new player leans on: the skip link on every screen, one move per confirm,
// the question before a week ends with points left, Back and Forward, and numbers on the page
// that match the state they describe.

const browser = useBrowser();

const SCENARIO = 'december-summit';
const linkTo = (seed: number) =>
  `${baseURL()}#play?scenario=${SCENARIO}&seed=${seed}&difficulty=standard`;

async function startGame(page: Page, seed: number) {
  await page.goto(linkTo(seed));
  await byRole(page, 'button', 'Start this game').click();
  await expect.poll(() => page.locator('#week-title').textContent()).toMatch(/^Week 1 of 19/);
}

/** The saved game's moves, replayed in Node: the state the page shows. */
async function savedState(page: Page): Promise<{ moves: Move[]; state: GameState }> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), SAVE_KEY);
  const save = JSON.parse(raw!) as { seed: number; moves: Move[] };
  const game = gameFor(SCENARIO)!;
  const r = game.replay(save.seed, 'standard', save.moves);
  if (!r.ok) throw new Error(r.reason);
  return { moves: save.moves, state: r.state };
}

const capitalText = (page: Page) =>
  page.locator('.meter', { hasText: 'Political capital' }).locator('.meter-value').innerText();

test('the skip link moves the focus into the page on every screen and never changes the address', async () => {
  const t = await browser.open();
  const { page } = t;
  // A finished game to reach the ending and a replay.
  const scenario = getScenario(SCENARIO)!;
  const record = playGame(
    createGame(scenario, actorRuntime),
    5,
    'standard',
    policyByName('scripted', SCENARIO)!,
  );
  const code = encodeResult({
    scenarioId: SCENARIO,
    seed: 5,
    difficulty: 'standard',
    options: { hints: false, classLabel: '' },
    name: 'Ana',
    moves: record.moves,
    state: record.state,
  });
  const screens: { name: string; open(): Promise<void>; heading: RegExp }[] = [
    { name: 'menu', open: () => page.goto(baseURL()).then(() => {}), heading: /December Summit/ },
    {
      name: 'invitation',
      open: () => page.goto(linkTo(7)).then(() => {}),
      heading: /December Summit/,
    },
    {
      name: 'table',
      open: async () => {
        await startGame(page, 7);
        await page.reload();
        await byRole(page, 'button', 'Continue').click();
        await page.locator('#week-title').waitFor();
      },
      heading: /^Week 1 of 19/,
    },
    {
      name: 'ending',
      open: async () => {
        const save = {
          version: 1,
          scenarioId: SCENARIO,
          seed: 5,
          difficulty: 'standard',
          moves: record.moves,
        };
        await page.evaluate(
          ([k, v]) => localStorage.setItem(k!, v!),
          [SAVE_KEY, JSON.stringify(save)],
        );
        await page.goto(baseURL());
        await page.reload();
        await byRole(page, 'button', 'See its ending again').click();
        await page.locator('#ending-title').waitFor();
      },
      heading: /./,
    },
    {
      name: 'replay',
      open: () => page.goto(`${baseURL()}#r=${code}`).then(() => {}),
      heading: /Replay/,
    },
    {
      name: 'teacher',
      open: () => page.goto(`${baseURL()}#teacher`).then(() => {}),
      heading: /Classroom/,
    },
    {
      name: 'bad link',
      open: () => page.goto(`${baseURL()}#nonsense`).then(() => {}),
      heading: /cannot be opened/,
    },
  ];
  for (const screen of screens) {
    await screen.open();
    await page.locator('main h2').first().waitFor();
    const address = page.url();
    const heading = await page.locator('main h2').first().innerText();
    expect(heading, screen.name).toMatch(screen.heading);
    // From the top of the page, the first Tab reaches the skip link.
    // Focus at the start of the document, as after a fresh load.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent), screen.name).toBe(
      'Skip to main content',
    );
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('main')!.contains(document.activeElement)),
      )
      .toBe(true);
    expect(page.url(), screen.name).toBe(address);
    expect(await page.locator('main h2').first().innerText(), screen.name).toBe(heading);
  }
  t.expectNoErrors();
});

test('a double click or a held Enter on "Confirm move" makes one move', async () => {
  const t = await browser.open();
  const { page } = t;
  await startGame(page, 11);
  await byRole(page, 'combobox', 'Move').selectOption({ label: 'Sound out' });
  await byRole(page, 'button', 'Confirm move').dblclick();
  await expect.poll(() => page.locator('.narrator').innerText()).toContain('You sound out');
  await page.waitForTimeout(300);
  expect((await savedState(page)).moves).toHaveLength(1);
  expect(await capitalText(page)).toBe('2 of 3 left this week');

  await byRole(page, 'button', 'Confirm move').focus();
  await page.keyboard.down('Enter');
  for (let i = 0; i < 5; i++) await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await page.waitForTimeout(300);
  expect((await savedState(page)).moves).toHaveLength(2);
  expect(await capitalText(page)).toBe('1 of 3 left this week');
  // One point left: the narrator says "1 point", as the state has it.
  await byRole(page, 'button', 'End the week').click();
  await byRole(page, 'button', 'Keep playing this week').click();
  expect(await page.locator('#week-title').innerText()).toMatch(/^Week 1 of 19/);
  t.expectNoErrors();
});

test('ending a week with points left asks once; quick clicks and a held Enter end one week', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.setViewportSize({ width: 1366, height: 768 });
  await startGame(page, 12);
  // The picture is up: the dialog below opens over it.
  await page.waitForSelector('.phaser-table[data-scene="table"]');
  const button = page.locator('button.end-week');

  // "Keep playing" keeps the week and its points.
  await button.click();
  const dialog = byRole(page, 'dialog', 'End the week with points left?');
  expect(await dialog.innerText()).toContain('You still have 3 points of political capital');
  await byRole(page, 'button', 'Keep playing this week').click();
  expect(await page.locator('#week-title').innerText()).toMatch(/^Week 1 of 19/);
  expect(await capitalText(page)).toBe('3 of 3 left this week');

  // Yes, and don't ask again: the week ends and the focus goes to the new week's summary.
  await button.click();
  await dialog.getByRole('checkbox', { name: 'Don’t ask again in this game' }).check();
  await dialog.getByRole('button', { name: 'End the week', exact: true }).click();
  await expect.poll(() => page.locator('#week-title').innerText()).toMatch(/^Week 2 of 19/);
  // Clicks on the dialog stay in the dialog: none reached a card of the picture under it.
  expect(await page.locator('.actor [aria-expanded="true"]').count()).toBe(0);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.classList.contains('latest')))
    .toBe(true);
  expect(await page.locator('.latest').innerText()).toMatch(/Week 2 begins .*You have 3 points\./s);

  // Six quick clicks (one burst, as a double click counts) end one week, not six.
  await button.click({ clickCount: 6 });
  await expect.poll(() => page.locator('#week-title').innerText()).toMatch(/^Week 3 of 19/);
  await page.waitForTimeout(500);
  expect(await page.locator('#week-title').innerText()).toMatch(/^Week 3 of 19/);

  // Enter held on the button: the focus moves to the summary, so the repeats end nothing.
  await button.focus();
  await page.keyboard.down('Enter');
  for (let i = 0; i < 6; i++) await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await expect.poll(() => page.locator('#week-title').innerText()).toMatch(/^Week 4 of 19/);
  await page.waitForTimeout(500);
  expect(await page.locator('#week-title').innerText()).toMatch(/^Week 4 of 19/);
  expect((await savedState(page)).state.week).toBe(4);
  t.expectNoErrors();
});

test('Back and Forward keep the set-up form in step; the menu opens at its top; Back leaves a game for the menu', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.goto(baseURL());
  const difficulty = byRole(page, 'combobox', 'Difficulty');
  await difficulty.selectOption('story');
  await page.goto('about:blank');
  await page.goBack();
  await difficulty.waitFor();
  const form = () =>
    page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>(
        'select[aria-describedby*="difficulty"]',
      )!;
      const help = document.getElementById(select.getAttribute('aria-describedby')!)!.textContent!;
      const link = document.querySelector('.share-link output')!.textContent!;
      return {
        value: select.value,
        help: help.split(':')[0]!.toLowerCase(),
        link: /difficulty=(\w+)/.exec(link)![1],
      };
    });
  const shown = await form();
  expect(shown.help).toBe(shown.value);
  expect(shown.link).toBe(shown.value);

  // Within the page the form keeps what was chosen: the teacher's page and back.
  await difficulty.selectOption('hard');
  await page.getByRole('link', { name: 'Open the teacher’s page' }).click();
  await byRole(page, 'heading', /Classroom/).waitFor();
  await page.goBack();
  await difficulty.waitFor();
  expect(await form()).toEqual({ value: 'hard', help: 'hard', link: 'hard' });

  // A game from the menu: Back returns to the menu (the game saved), Forward resumes it.
  await byRole(page, 'button', 'Start').click();
  await page.locator('#week-title').waitFor();
  await endWeek(page);
  await expect.poll(() => page.locator('#week-title').innerText()).toMatch(/^Week 2 of 19/);
  await page.goBack();
  await byRole(page, 'button', 'Continue').waitFor();
  expect(await page.locator('.saved').innerText()).toContain('week 2 of 19');
  await page.goForward();
  await expect.poll(() => page.locator('#week-title').innerText()).toMatch(/^Week 2 of 19/);

  // After a reload the menu opens at its top with "Continue" in view, even when scrolled.
  await byRole(page, 'button', /^Main menu/).click();
  await byRole(page, 'button', 'Continue').waitFor();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.reload();
  await byRole(page, 'button', 'Continue').waitFor();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await byRole(page, 'button', 'Continue').isVisible()).toBe(true);
  const box = await byRole(page, 'button', 'Continue').boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  t.expectNoErrors();
});

test('the move panel says what the state says: costs, points, refusals', async () => {
  const t = await browser.open();
  const { page } = t;
  await startGame(page, 21);
  const scenario = gameFor(SCENARIO)!.scenario;
  const move = byRole(page, 'combobox', 'Move');
  const confirm = byRole(page, 'button', 'Confirm move');
  const note = page.locator('.check-note');

  // A move the rules refuse now: the note says why and the button does not look ready.
  await move.selectOption({ label: 'Table a route' });
  expect(await note.isVisible()).toBe(true);
  expect(await confirm.getAttribute('aria-disabled')).toBe('true');
  await confirm.click({ force: true });
  await expect.poll(() => page.locator('.refusal').innerText()).toMatch(/^Refused: /);
  // A move it accepts: no note, the button looks ready.
  await move.selectOption({ label: 'Sound out' });
  expect(await note.isVisible()).toBe(false);
  expect(await confirm.getAttribute('aria-disabled')).toBe('false');
  // The refusal does not outlive the week.
  await endWeek(page);
  await expect.poll(() => page.locator('#week-title').innerText()).toMatch(/^Week 2 of 19/);
  expect(await page.locator('.refusal').innerText()).toBe('');

  // The vote's help and its cost line agree with the rules, week by week (the summit is free).
  await move.selectOption({ label: 'Call a vote' });
  for (let week = 2; week <= 4; week++) {
    const { state } = await savedState(page);
    expect(state.week).toBe(week);
    const route = await byRole(page, 'combobox', 'Route').inputValue();
    const mode = await byRole(page, 'combobox', 'Voting rule').inputValue();
    const cost = moveCost(scenario, state, { type: 'vote.call', route, mode } as Move);
    const help = await page.locator('.move-form .help').first().innerText();
    const preview = await page.locator('.preview').innerText();
    if (cost === 0) {
      expect(preview).toMatch(/^Free this week/);
      expect(help).toMatch(/free this week/);
    } else {
      expect(preview).toMatch(new RegExp(`^Costs ${cost} points?;`));
      expect(help).toContain(`it costs ${cost} point`);
    }
    expect(preview).toContain(`you have ${state.capital} points left`);
    await endWeek(page);
    await expect
      .poll(() => page.locator('#week-title').innerText())
      .toMatch(new RegExp(`^Week ${week + 1} of 19`));
  }
  t.expectNoErrors();
});

test('at 1366x768 the move panel fits: its terms inside it, nothing cut off or hidden', async () => {
  const t = await browser.open();
  const { page } = t;
  await page.setViewportSize({ width: 1366, height: 768 });
  await startGame(page, 31);
  await endWeek(page);
  await expect.poll(() => page.locator('#week-title').innerText()).toMatch(/^Week 2 of 19/);
  const move = byRole(page, 'combobox', 'Move');
  const cases: [string, string | null][] = [
    ['Sound out', null],
    ['Make an offer', 'Belgium'],
    ['Make an offer', 'France'],
    ['Table a route', null],
    ['Call a vote', null],
    ['Bridge finance', null],
  ];
  for (const [label, actor] of cases) {
    await move.selectOption({ label });
    if (actor) await byRole(page, 'combobox', 'Actor').selectOption({ label: actor });
    // Polled: the panel's sticky class follows its size one frame later (a ResizeObserver).
    const problems = () =>
      page.evaluate(() => {
        const side = document.querySelector<HTMLElement>('.col-side')!;
        const panel = side.getBoundingClientRect();
        const out: string[] = [];
        for (const el of side.querySelectorAll<HTMLElement>(
          'fieldset, .field, select, button, .check, p',
        )) {
          const r = el.getBoundingClientRect();
          if (r.width === 0) continue;
          if (r.left < panel.left - 0.5 || r.right > panel.right + 0.5)
            out.push(
              `${el.tagName} ${el.className} ${r.left}-${r.right} outside ${panel.left}-${panel.right}`,
            );
        }
        // A select's chosen option fits its box (the IMF's label was cut).
        const ctx = document.createElement('canvas').getContext('2d')!;
        for (const s of side.querySelectorAll('select')) {
          ctx.font = getComputedStyle(s).font;
          const text = s.selectedOptions[0]?.label ?? '';
          const room = s.clientWidth - 40; // padding and the arrow
          if (ctx.measureText(text).width > room) out.push(`select "${text}" is cut`);
        }
        // Nothing in a scroll box of its own: the panel is sticky only while it fits the window.
        const style = getComputedStyle(side);
        if (style.overflowY !== 'visible')
          out.push(`the panel scrolls inside (${style.overflowY})`);
        const fits = side.offsetHeight + 16 <= innerHeight;
        if ((style.position === 'sticky') !== fits)
          out.push(
            `position ${style.position} for a panel ${side.offsetHeight}px tall in ${innerHeight}px`,
          );
        return out;
      });
    await expect.poll(problems, { message: `${label} ${actor ?? ''}` }).toEqual([]);
    await screenshot(
      page,
      `panel-1366-${label.replaceAll(' ', '-').toLowerCase()}${actor ? `-${actor.toLowerCase()}` : ''}`,
    );
  }
  t.expectNoErrors();
});
