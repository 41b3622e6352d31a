import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';

import { actorRuntime, decisionModel } from '../../src/actors';
import { createGame } from '../../src/engine';
import { getScenario } from '../../src/scenarios';
import type { TableProbe } from '../../src/ui/start-game';
import { fixtureBundle } from './build';
import {
  baseURL,
  byRole,
  expectNoSeriousViolations,
  screenshot,
  tabTo,
  useBrowser,
} from './helpers';

// "How it decides" and "Why?": reached by keyboard from an actor's card, drawn on the canvas
// and said on the page, both read from the actor's machine.

const browser = useBrowser();
const scenario = getScenario('december-summit')!;
const SEED = 123;
const DISPLAY_KEY = 'frozen-assets.display.v1';

/** The words the canvas shows now. */
const canvasWords = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const box = document.querySelector('.phaser-table') as
      (HTMLElement & { tableProbe(): TableProbe }) | null;
    return box ? box.tableProbe().texts.map((t) => t.text) : [];
  });

async function start(page: Page, display: Record<string, boolean> = {}) {
  await page.goto(`${baseURL()}#play?scenario=december-summit&seed=${SEED}&difficulty=standard`);
  await page.evaluate(
    ([k, v]) => {
      localStorage.clear();
      localStorage.setItem(k!, v!);
    },
    [
      DISPLAY_KEY,
      JSON.stringify({ projector: false, highContrast: false, reducedMotion: true, ...display }),
    ],
  );
  await page.reload();
  await byRole(page, 'button', /^start/i).click();
  await page.waitForSelector('.phaser-table[data-scene="table"]', { timeout: 30_000 });
}

describe('How it decides', () => {
  test('opens for Belgium by keyboard, mirrors the machine on the page and the canvas, and Escape gives the focus back', async () => {
    const t = await browser.open();
    const { page } = t;
    await start(page);
    const model = decisionModel(
      scenario,
      createGame(scenario, actorRuntime).start(SEED, 'standard'),
      'belgium',
    )!;

    const button = byRole(page, 'button', 'How it decides (Belgium)');
    await tabTo(page, button, { max: 150 });
    await page.keyboard.press('Enter');

    // The page: a region named for Belgium, the focus on its heading.
    const panel = page.getByRole('region', { name: 'How Belgium decides' });
    await panel.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('decides-title');
    // Its states in the machine's order, the current one marked.
    const states = panel.locator('ol.decides-states > li');
    expect(await states.evaluateAll((li) => li.map((x) => x.textContent))).toEqual(
      model.states.map((s) =>
        s.id === model.current ? `${sym(s.id)}${s.label} it stands here` : `${sym(s.id)}${s.label}`,
      ),
    );
    const current = panel.locator('ol.decides-states > li[aria-current="step"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain(
      model.states.find((s) => s.id === model.current)!.label,
    );
    // The offer: to committed, with its three conditions unmet, and the bar.
    const offer = panel.locator('li.move[data-event="offer"]');
    expect(
      await offer
        .locator(':scope > ul.conditions > li')
        .evaluateAll((li) => li.map((x) => x.textContent)),
    ).toEqual([
      expect.stringMatching(/^✗Unmet: Its fear within its tolerance/),
      ...model.conditions.map((c) => `✗Unmet: ${c.text}`),
    ]);
    expect(await offer.textContent()).toContain('to Committed, if all of these hold:');
    // Its conditions, as "Why?" lists them.
    expect(
      await panel
        .locator(':scope > .decides-body > ul.conditions > li .cond-text')
        .allTextContents(),
    ).toEqual(model.conditions.map((c) => c.text));

    // The canvas draws the same machine, and says where it stands.
    await expect
      .poll(() => canvasWords(page))
      .toEqual(expect.arrayContaining(['How Belgium decides', 'now', 'offer']));
    const words = await canvasWords(page);
    for (const s of model.states) expect(words).toContain(s.label);
    for (const c of model.conditions) expect(words).toContain(c.text);
    await screenshot(page, 'decides-belgium');
    await expectNoSeriousViolations(page, 'How it decides');

    // Escape: the panel closes, the focus is back on the button, the canvas shows the table.
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(async () => (await canvasWords(page)).includes('How Belgium decides'))
      .toBe(false);
    t.expectNoErrors();
  });

  test('follows the actor asked for, in high contrast and the projector’s layout', async () => {
    const t = await browser.open();
    const { page } = t;
    await start(page, { highContrast: true, projector: true });
    await byRole(page, 'button', 'How it decides (Japan)').click();
    const panel = page.getByRole('region', { name: 'How Japan decides' });
    await panel.waitFor();
    // The projector's picture spans the page; the panel sits under it.
    expect(await page.locator('.stage-area.wide > #decides-panel').count()).toBe(1);
    await expect.poll(() => canvasWords(page)).toContain('How Japan decides');
    // Close, then open Hungary: the canvas follows.
    await panel.getByRole('button', { name: 'Close (How it decides)' }).click();
    expect(
      await byRole(page, 'button', 'How it decides (Japan)').evaluate(
        (el) => el === document.activeElement,
      ),
    ).toBe(true);
    await byRole(page, 'button', 'How it decides (Hungary)').click();
    await expect.poll(() => canvasWords(page)).toContain('How Hungary decides');
    expect(await canvasWords(page)).not.toContain('How Japan decides');
    // Hungary's opt-out decides its vote: the page says so.
    const hungary = page.getByRole('region', { name: 'How Hungary decides' });
    expect(await hungary.locator('li.move[data-event="ballot"]').textContent()).toContain(
      'it stays out (abstains), if this holds:',
    );
    await screenshot(page, 'decides-hungary-high-contrast');
    t.expectNoErrors();
  });
});

/** The stance sign the page puts before a stance's word. */
const sym = (id: string) =>
  ({ opposed: '■', wary: '▲', conditional: '◆', supportive: '●', committed: '★' })[id] ?? '';

describe('Why?', () => {
  let outDir = '';
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  test('shows the conditions of the actor’s machine: give it others and the page follows', async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'frozen-assets-why-'));
    const bundle = await fixtureBundle('why-entry', 'frozenAssetsWhy', outDir);
    const t = await browser.open();
    const { page } = t;
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle });

    // As the scenario has it: Belgium's three conditions, unmet, and their remedies.
    const belgium = scenario.actors.find((a) => a.id === 'belgium')!;
    const asIs = await page.evaluate(() => window.whyOf('belgium', null));
    expect(asIs.conditions).toEqual(belgium.conditions!.map((c) => `✗Unmet: ${c.text}`));
    for (const c of belgium.conditions!) expect(asIs.move).toContain(c.remedy);

    // Given a red line (it holds: nothing on offer asks the ECB for a backstop) and another
    // condition (unmet: no G7 line yet), the page shows those instead.
    const changed = await page.evaluate(() =>
      window.whyOf('belgium', [
        {
          code: 'no-ecb-backstop',
          redLine: true,
          text: 'A test red line: no ECB backstop',
          remedy: 'Leave the ECB out.',
        },
        {
          code: 'g7-line',
          min: 2,
          text: 'A test condition: a common G7 line',
          remedy: 'Coordinate the G7 twice.',
        },
      ]),
    );
    expect(changed.conditions).toEqual([
      '✓Met: A test red line: no ECB backstop red line',
      '✗Unmet: A test condition: a common G7 line',
    ]);
    expect(changed.move).toBe('What would move it: Coordinate the G7 twice.');
    t.expectNoErrors();
  });
});
