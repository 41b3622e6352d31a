import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

import type * as ZXingReader from 'zxing-wasm/reader';

import { h, uid } from '../dom/h';
import { decodeResult } from '../share';
import { classMismatch, codeKey, describeNonCode, looksLikeCode, readCandidates } from './collect';
import './scan.css';

// Reading result QR codes with the laptop's camera on the teacher's page, one student after
// another. A frame is an image (width, height, RGBA bytes); the browser's BarcodeDetector reads
// it where it exists, else ZXing's reader (zxing-wasm, loaded on first use from the build's own
// files: nothing is fetched from elsewhere). Each code read is added to the pasted codes and
// announced; the same code again is not added twice. Checking stays where it is: the codes are
// verified by replaying them, like pasted ones.

/** An image as the canvas gives it: RGBA bytes, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

/** The texts of the QR codes found in an image. */
export type Decode = (image: Pixels) => Promise<string[]>;

/** Emscripten's ways to find the reader's WebAssembly: its bytes, or where to fetch them. */
export type WasmSource =
  { wasmBinary: ArrayBuffer } | { locateFile: (path: string, prefix: string) => string };

/** The reader's WebAssembly as the build ships it (a file beside the page's scripts). */
const BUILT_WASM: WasmSource = {
  locateFile: (path, prefix) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
};

type ZXing = typeof ZXingReader;

/**
 * A decoder with ZXing's reader, loaded on first use (a failed load is tried again next time).
 * Node's tests give the WebAssembly's bytes; the page uses the file the build ships.
 */
export function zxingDecoder(wasm: WasmSource = BUILT_WASM): Decode {
  let ready: Promise<ZXing> | null = null;
  const load = () =>
    (ready ??= import('zxing-wasm/reader').then(async (z) => {
      await z.prepareZXingModule({ overrides: wasm, fireImmediately: true });
      return z;
    })).catch((error: unknown) => {
      ready = null;
      throw error;
    });
  return async (image) => {
    const z = await load();
    // An ImageData-like object is all the reader needs (it reads width, height and data).
    const found = await z.readBarcodes(image as ImageData, {
      formats: ['QRCode'],
      tryHarder: true,
      maxNumberOfSymbols: 4,
    });
    return found.filter((r) => r.isValid && r.text !== '').map((r) => r.text);
  };
}

interface DetectorLike {
  detect(image: ImageData): Promise<{ rawValue: string }[]>;
}
interface DetectorClass {
  new (opts: { formats: string[] }): DetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** A decoder with the browser's own BarcodeDetector, or null where it cannot read QR codes. */
export async function detectorDecoder(): Promise<Decode | null> {
  const Detector = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Detector({ formats: ['qr_code'] });
    return async (image) =>
      (await detector.detect(new ImageData(image.data, image.width, image.height))).map(
        (b) => b.rawValue,
      );
  } catch {
    return null;
  }
}

/** The browser's detector where it reads QR codes, else ZXing's reader. */
export async function bestDecoder(): Promise<Decode> {
  return (await detectorDecoder()) ?? zxingDecoder();
}

// ---- what a QR code read means

export interface Reader {
  /** Takes the texts read in one frame; returns what to announce (nothing for a repeat). */
  take(texts: readonly string[]): string[];
  /** codes added so far */
  readonly added: number;
}

/**
 * Turns what the camera reads into codes and announcements. `add` adds a code to the codes
 * to check and says whether it was new. The QR code held up now is read many times a second:
 * it is looked at once, until another one is read.
 */
export function createReader(opts: { add(code: string): boolean; classLabel(): string }): Reader {
  let last: string | null = null;
  let added = 0;
  const one = (text: string): string => {
    if (!looksLikeCode(text))
      return describeNonCode(text) ?? 'That QR code is not a result code of this game.';
    const decoded = decodeResult(text);
    if (!decoded.ok) return `That QR code holds no usable result code: ${decoded.reason}`;
    const { name, classTag } = decoded.data;
    const whose = name ? `${name}’s code` : 'a code without a name';
    if (!opts.add(codeKey(text))) return `${capital(whose)} is already in the list.`;
    added++;
    const other = classMismatch(classTag, opts.classLabel());
    return `Read ${whose} (${added} so far).${other ? ` ${other}` : ''}`;
  };
  return {
    take(texts) {
      const fresh = texts.filter((t) => t !== last);
      if (fresh.length === 0) return [];
      last = fresh[fresh.length - 1]!;
      return fresh.map(one);
    },
    get added() {
      return added;
    },
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Adds a code on a line of its own to a box of pasted codes (firing "input" as typing would),
 * unless the box already holds it (as a code or a replay link). Whether it was added.
 */
export function addCode(box: HTMLTextAreaElement, code: string): boolean {
  const key = codeKey(code);
  const have = readCandidates(box.value, 'pasted').candidates;
  if (have.some((c) => c.reason === undefined && codeKey(c.text) === key)) return false;
  const kept = box.value.replace(/\s+$/u, '');
  box.value = `${kept}${kept ? '\n' : ''}${key}\n`;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

// ---- the camera

/** What to tell the teacher when the camera cannot be used, from getUserMedia's error. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const paste = 'Paste the codes or read them from a file instead.';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return `The camera was not allowed. To scan, allow the camera for this page (in the address bar) and press “Scan QR codes” again. ${paste}`;
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return `No camera was found on this computer. ${paste}`;
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'The camera could not be started: another program or tab may be using it. Close it and press “Scan QR codes” again.';
    case 'NoMediaDevices':
      return `This browser cannot use a camera on this page (a camera needs a secure page, https). ${paste}`;
    default:
      return `The camera could not be started${name ? ` (${name})` : ''}. ${paste}`;
  }
}

/** Frames are read at most this wide: enough for a QR code held up to a laptop's camera. */
const MAX_FRAME_WIDTH = 960;
/** Pause between two frames read. */
const FRAME_MS = 120;

/** The camera into `video`, and its current frame as pixels. */
async function openCamera(video: HTMLVideoElement) {
  const media = navigator.mediaDevices as MediaDevices | undefined;
  if (!media?.getUserMedia) throw new DOMException('no media devices', 'NoMediaDevices');
  const stream = await media.getUserMedia({
    audio: false,
    video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 } },
  });
  video.srcObject = stream;
  await video.play();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return {
    frame(): Pixels | null {
      const w = video.videoWidth;
      const hgt = video.videoHeight;
      if (!ctx || video.readyState < 2 || !w || !hgt) return null;
      const scale = Math.min(1, MAX_FRAME_WIDTH / w);
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(hgt * scale);
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      return ctx.getImageData(0, 0, canvas.width, canvas.height);
    },
    close() {
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}

export interface ScanOptions {
  /** adds a code to the codes to check; false when it was there already */
  add(code: string): boolean;
  /** the page's class label, to name codes from another class */
  classLabel(): string;
  /** scanning stopped, after `added` codes were added */
  onStop?(added: number): void;
}

/**
 * The "Scan QR codes" button and, while it scans, the camera's picture, a Stop button and what
 * was read. The camera stops with Stop, when the element leaves the page, or on an error.
 */
/** The scanner's controls: start and stop, the camera's picture, and what was read. */
function scanParts() {
  const helpId = uid('scan-help');
  const start = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-describedby': helpId },
    'Scan QR codes',
  );
  const stop = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Stop scanning');
  const video = h('video', {
    class: 'scan-video',
    muted: true,
    playsinline: true,
    hidden: true,
    'aria-label': 'What the camera sees',
  });
  video.muted = true;
  const status = h('p', { class: 'scan-status', role: 'status', 'aria-live': 'polite' });
  const log = h('ul', { class: 'scan-log', 'aria-label': 'QR codes read' });
  const el = h(
    'div',
    { class: 'field scan' },
    h(
      'p',
      { class: 'help', id: helpId },
      'Or scan the QR codes on the students’ screens with this computer’s camera, one after another: each code read is added to the codes above.',
    ),
    h('div', { class: 'inline' }, start, stop),
    h('div', { class: 'scan-live' }, video, h('div', { class: 'scan-messages' }, status, log)),
  );
  return { el, start, stop, video, status, log };
}

export function scanControl(opts: ScanOptions): HTMLElement {
  const { el, start, stop, video, status, log } = scanParts();
  let session = 0;
  let close: (() => void) | null = null;
  let reader: Reader | null = null;

  // The newest message is the status (read out); the ones before it are listed under it.
  let latest: string | null = null;
  const say = (message: string) => {
    if (latest !== null) log.prepend(h('li', null, latest));
    while (log.children.length > 8) log.lastElementChild!.remove();
    status.textContent = latest = message;
  };
  const finish = (message: string | null, focus = true) => {
    session++;
    close?.();
    close = null;
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
    const added = reader?.added ?? 0;
    reader = null;
    if (message !== null) status.textContent = message;
    if (!el.isConnected) return;
    if (focus) start.focus();
    opts.onStop?.(added);
  };

  start.addEventListener('click', () => {
    const id = ++session;
    log.replaceChildren();
    latest = null;
    status.textContent = 'Starting the camera…';
    void (async () => {
      let camera: Awaited<ReturnType<typeof openCamera>>;
      let decode: Decode;
      try {
        [camera, decode] = await Promise.all([openCamera(video), bestDecoder()]);
      } catch (error) {
        if (id === session) status.textContent = cameraProblem(error);
        return;
      }
      if (id !== session || !el.isConnected) return camera.close();
      close = () => camera.close();
      reader = createReader(opts);
      const r = reader;
      video.hidden = false;
      start.hidden = true;
      stop.hidden = false;
      stop.focus();
      status.textContent = 'Scanning: hold a result QR code up to the camera.';
      while (id === session) {
        if (!el.isConnected) return finish(null, false);
        const frame = camera.frame();
        let texts: string[];
        try {
          texts = frame ? await decode(frame) : [];
        } catch {
          if (id === session) finish('The QR reader could not be loaded. Paste the codes instead.');
          return;
        }
        if (id !== session) return;
        for (const message of r.take(texts)) say(message);
        await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
      }
    })();
  });
  stop.addEventListener('click', () => {
    const n = reader?.added ?? 0;
    finish(`Stopped scanning: ${n === 1 ? '1 code' : `${n} codes`} added.`);
  });
  return el;
}
