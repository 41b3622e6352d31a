import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { gameFor } from '../../src/app/store';
import { qrMatrix } from '../../src/dom/qr';
import { encodeResult, gameLink, replayLink } from '../../src/share';
import { launchChromium } from '../chromium';
import { baseURL, byRole, newPage, screenshot, useBrowser } from './helpers';

// The teacher scans result QR codes with the camera. No real camera: Chromium's fake capture
// device plays a video file made here of QR codes of real result codes (rendered with the
// app's QR code maker), one after another, with the same code twice, a code from another
// class and the class link among them. Without a camera, or without the permission, the page
// says so.

const W = 640;
const H = 480;
const FPS = 5;

/** A real code of a short game, made in Node. */
function code(name: string, classLabel: string, weeks: number): string {
  const game = gameFor('december-summit')!;
  const moves = Array.from({ length: weeks }, () => ({ type: 'week.end' as const }));
  return encodeResult({
    scenarioId: 'december-summit',
    seed: 3434,
    difficulty: 'standard',
    options: { hints: false, classLabel },
    name,
    moves,
    state: game.replay(3434, 'standard', moves).state,
  });
}

/** One 4:2:0 frame's luma: a QR code of `text` in the middle, or a blank grey frame. */
function luma(text: string | null): Uint8Array {
  const y = new Uint8Array(W * H).fill(170);
  if (text === null) return y;
  const m = qrMatrix(text);
  const scale = Math.floor(Math.min(W, H) / (m.length + 8));
  const side = (m.length + 8) * scale;
  const left = Math.floor((W - side) / 2);
  const top = Math.floor((H - side) / 2);
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) y[(top + r) * W + left + c] = 235;
  m.forEach((row, ry) =>
    row.forEach((dark, rx) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++)
          y[(top + (ry + 4) * scale + dy) * W + left + (rx + 4) * scale + dx] = 20;
    }),
  );
  return y;
}

/** A Y4M video (what Chromium's fake camera plays, looping): each text for 1.2 s, then blank. */
function y4m(texts: string[]): Buffer {
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frames: Buffer[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F${FPS}:1 Ip A1:1 C420jpeg\n`)];
  const add = (y: Uint8Array, n: number) => {
    for (let i = 0; i < n; i++) frames.push(Buffer.from('FRAME\n'), Buffer.from(y), chroma);
  };
  for (const t of texts) {
    add(luma(t), 6);
    add(luma(null), 2);
  }
  return Buffer.concat(frames);
}

const base = () => baseURL();
const ana = code('Ana', '7B', 2);
const ben = code('Ben', '7B', 3);
const cleo = code('Cleo', '9C', 2);

let dir = '';
let camera: Browser | undefined;
const plain = useBrowser();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'frozen-scan-'));
  const classLink = gameLink(base(), {
    scenarioId: 'december-summit',
    seed: 3434,
    difficulty: 'standard',
    options: { hints: false, classLabel: '7B' },
  });
  // A replay link, a bare code, the first again, another class's code, the class link.
  const video = path.join(dir, 'codes.y4m');
  writeFileSync(
    video,
    y4m([replayLink(base(), ana), ben, replayLink(base(), ana), cleo, classLink]),
  );
  // The fake camera plays the file; the fake permission prompt says yes.
  camera = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
});

afterAll(async () => {
  await camera?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openTeacher(page: Page) {
  await page.goto(`${base()}#teacher`);
  await byRole(page, 'heading', 'Classroom: run a class game').waitFor();
  await byRole(page, 'textbox', 'Seed').fill('3434');
  await byRole(page, 'textbox', 'Class label').fill('7B');
}

/** What the scanner said: its status and the messages before it. */
const log = async (page: Page) =>
  `${await page.locator('.scan-status').innerText()}\n${await page.locator('.scan-log').innerText()}`;

test('the teacher scans QR codes one after another and checks them', async () => {
  const t = await newPage(camera!);
  try {
    const { page } = t;
    await openTeacher(page);
    await byRole(page, 'button', 'Scan QR codes').click();
    // The Stop button takes the focus, so a keyboard user can stop at once.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Stop scanning');
    await expect.poll(() => log(page)).toContain('Read Ana’s code (1 so far).');
    await expect.poll(() => log(page)).toContain('Read Ben’s code (2 so far).');
    await expect.poll(() => log(page)).toContain('Ana’s code is already in the list.');
    await expect
      .poll(() => log(page))
      .toContain(
        'Read Cleo’s code (3 so far). This code is from another class: it was made with another class label, not “7B”.',
      );
    await expect.poll(() => log(page)).toMatch(/This is the class link, not a result code/);
    await screenshot(page, 'teacher-scan');
    const pasted = await byRole(page, 'textbox', 'Paste result codes').inputValue();
    expect(pasted.trim().split('\n')).toEqual([ana, ben, cleo]);

    // Stopping checks what was read: three verified codes, Cleo's flagged as another class.
    await byRole(page, 'button', 'Stop scanning').click();
    await expect
      .poll(() => page.locator('.scan-status').innerText())
      .toBe('Stopped scanning: 3 codes added.');
    expect(await page.locator('video.scan-video').isHidden()).toBe(true);
    await expect.poll(() => page.locator('.check-status').innerText()).toMatch(/^Verified 3 codes/);
    const table = await page.locator('table.results').innerText();
    for (const name of ['Ana', 'Ben', 'Cleo']) expect(table).toContain(name);
    expect(table).toMatch(/another class label, not “7B”/);
    await screenshot(page, 'teacher-scan-checked', { fullPage: true });
    t.expectNoErrors();
  } finally {
    await t.close();
  }
});

test('without the permission, the page says how to allow the camera', async () => {
  // The fake permission prompt says no, as a teacher who clicks "Block" would.
  const denied = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream=deny',
  ]);
  const t = await newPage(denied);
  try {
    const { page } = t;
    await openTeacher(page);
    await byRole(page, 'button', 'Scan QR codes').click();
    await expect
      .poll(() => page.locator('.scan-status').innerText())
      .toMatch(/^The camera was not allowed\. To scan, allow the camera/);
    expect(await byRole(page, 'button', 'Scan QR codes').isVisible()).toBe(true);
    t.expectNoErrors();
  } finally {
    await t.close();
    await denied.close();
  }
});

test('without a camera, the page says so', async () => {
  const t = await plain.open();
  const { page } = t;
  await openTeacher(page);
  await byRole(page, 'button', 'Scan QR codes').click();
  await expect
    .poll(() => page.locator('.scan-status').innerText())
    .toMatch(/^No camera was found on this computer/);
  await screenshot(page, 'teacher-scan-no-camera');
  t.expectNoErrors();
});
