import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';

import { classMismatch, CLASS_LINK, RESULT_CARD } from '../../src/classroom/collect';
import { qrMatrix } from '../../src/dom/qr';
import { cameraProblem, createReader, zxingDecoder, type Pixels } from '../../src/classroom/scan';
import { classTag, gameLink, replayLink, verifyResult } from '../../src/share';
import { flipOne, makeCode, makeForkCode, SCENARIO } from './codes';

// The scan path without a camera: QR codes of real result codes, rendered the way the app
// renders them (lean-qr, src/dom/qr.ts) into RGBA pixels, are read back by the decoder
// the page uses when the browser has no BarcodeDetector (ZXing's reader, zxing-wasm), and
// every code comes back exactly and verifies.

const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
const bytes = readFileSync(wasmPath);
const decode = zxingDecoder({
  wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
});

/**
 * An image of a QR code of `text`: `scale` pixels a module, a quiet zone of 4 modules, dark
 * modules drawn in `ink` on `paper`, placed at (left, top) of a `width` x `height` frame.
 */
function qrImage(
  text: string,
  opts: {
    scale?: number;
    width?: number;
    height?: number;
    left?: number;
    top?: number;
    ink?: number;
    paper?: number;
  } = {},
): Pixels {
  const m = qrMatrix(text);
  const scale = opts.scale ?? 4;
  const side = (m.length + 8) * scale;
  const width = opts.width ?? side;
  const height = opts.height ?? side;
  const left = (opts.left ?? 0) + 4 * scale;
  const top = (opts.top ?? 0) + 4 * scale;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = data[i + 1] = data[i + 2] = opts.paper ?? 255;
    data[i + 3] = 255;
  }
  m.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const p = ((top + y * scale + dy) * width + left + x * scale + dx) * 4;
          data[p] = data[p + 1] = data[p + 2] = opts.ink ?? 0;
        }
    }),
  );
  return { width, height, data };
}

const BASE = 'https://school.example/frozen/';
const codes = [
  makeCode({ seed: 34, name: 'Ana' }),
  makeCode({ seed: 34, policy: 'joint', name: 'Zoë' }),
  makeCode({ seed: 34, policy: 'us-deal', name: '' }),
  makeCode({ seed: 34, name: 'Cleo', classLabel: '9C' }),
  makeForkCode({ seed: 34, week: 4, name: 'Sam' }),
];

describe('reading QR codes of real result codes', () => {
  it('reads back every code exactly, as a code or a replay link, and it verifies', async () => {
    for (const { code, name } of codes) {
      for (const text of [code, replayLink(BASE, code)]) {
        const read = await decode(qrImage(text));
        expect(read).toEqual([text]);
        const v = verifyResult(read[0]!);
        expect(v.valid).toBe(true);
        if (v.valid) expect(v.name).toBe(name);
      }
    }
  });

  it('reads a QR code small in a camera-sized frame, off centre, in grey on grey', async () => {
    const { code } = codes[0]!;
    const frame = qrImage(replayLink(BASE, code), {
      scale: 3,
      width: 640,
      height: 480,
      left: 200,
      top: 90,
      ink: 60,
      paper: 190,
    });
    expect(await decode(frame)).toEqual([replayLink(BASE, code)]);
  });

  it('finds nothing in a blank frame', async () => {
    const blank: Pixels = {
      width: 320,
      height: 240,
      data: new Uint8ClampedArray(320 * 240 * 4).fill(200),
    };
    expect(await decode(blank)).toEqual([]);
  });
});

describe('what the scanner does with what it reads', () => {
  const ana = codes[0]!.code;
  const zoe = codes[1]!.code;
  const nameless = codes[2]!.code;
  const cleo = codes[3]!.code;

  function reader(classLabel = '7B') {
    const list: string[] = [];
    const r = createReader({
      add: (code) => (list.includes(code) ? false : (list.push(code), true)),
      classLabel: () => classLabel,
    });
    return { r, list };
  }

  it('adds each code once, announces it with a count, and ignores the same QR code held up', () => {
    const { r, list } = reader();
    expect(r.take([ana])).toEqual(['Read Ana’s code (1 so far).']);
    expect(r.take([ana])).toEqual([]);
    expect(r.take([])).toEqual([]);
    expect(r.take([replayLink(BASE, zoe)])).toEqual(['Read Zoë’s code (2 so far).']);
    expect(r.take([nameless])).toEqual(['Read a code without a name (3 so far).']);
    expect(r.take([ana])).toEqual(['Ana’s code is already in the list.']);
    expect(r.take([ana])).toEqual([]);
    expect(list).toEqual([ana, zoe, nameless]);
    expect(r.added).toBe(3);
  });

  it('names a code from another class, and still adds it', () => {
    const { r, list } = reader('7B');
    expect(r.take([cleo])).toEqual([
      `Read Cleo’s code (1 so far). ${classMismatch(classTag('9C'), '7B')}`,
    ]);
    expect(list).toEqual([cleo]);
  });

  it('says what a QR code is when it is not a result code, and adds nothing', () => {
    const { r, list } = reader();
    const link = gameLink(BASE, {
      scenarioId: SCENARIO,
      seed: 34,
      difficulty: 'standard',
      options: { hints: false, classLabel: '7B' },
    });
    expect(r.take([link])).toEqual([CLASS_LINK]);
    expect(r.take(['Frozen Assets · The December Summit · standard · seed 34'])).toEqual([
      RESULT_CARD,
    ]);
    expect(r.take(['https://example.org/menu'])).toEqual([
      'That QR code is not a result code of this game.',
    ]);
    expect(r.take([flipOne(ana)])).toEqual([
      expect.stringMatching(/^That QR code holds no usable result code: The code is damaged/),
    ]);
    expect(list).toEqual([]);
  });

  it('tells the teacher what to do when the camera cannot be used', () => {
    const err = (name: string) => new DOMException('x', name);
    expect(cameraProblem(err('NotAllowedError'))).toMatch(/^The camera was not allowed/);
    expect(cameraProblem(err('NotFoundError'))).toMatch(/^No camera was found/);
    expect(cameraProblem(err('NotReadableError'))).toMatch(/another program or tab/);
    expect(cameraProblem(err('NoMediaDevices'))).toMatch(/secure page/);
    expect(cameraProblem(new Error('boom'))).toMatch(/^The camera could not be started \(Error\)/);
  });
});
