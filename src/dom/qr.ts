import { correction, generate } from 'lean-qr/nano';

import { svg } from './h';

// A QR code of a text (the teacher's class link, a student's result code), made in the browser
// (lean-qr's small "nano" build: no network, no canvas). It becomes one SVG path of dark
// modules, so it prints sharp at any size. The one QR helper of the page: the teacher's page
// draws its class link with it too.

export interface QrShape {
  /** modules per side, quiet zone included */
  size: number;
  /** SVG path data: one "M x y h w v 1 h -w z" run per stretch of dark modules in a row */
  d: string;
}

/** The standard quiet zone around a QR code, in modules. */
export const QUIET = 4;

/** Dark modules of a QR code of `text` (medium error correction), as rows of booleans. */
export function qrMatrix(text: string): boolean[][] {
  const code = generate(text, { minCorrectionLevel: correction.M });
  return Array.from({ length: code.size }, (_, y) =>
    Array.from({ length: code.size }, (_, x) => code.get(x, y)),
  );
}

/** The QR code of `text` as one SVG path, with a quiet zone of QUIET modules around it. */
export function qrShape(text: string): QrShape {
  const m = qrMatrix(text);
  const parts: string[] = [];
  m.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start + QUIET} ${y + QUIET}h${x - start}v1h-${x - start}z`);
    }
  });
  return { size: m.length + 2 * QUIET, d: parts.join('') };
}

/** The QR code of `text` as an SVG picture named `label` (black on white, whatever the theme). */
export function qrSvg(text: string, className: string, label: string): SVGElement {
  const q = qrShape(text);
  return svg(
    'svg',
    {
      class: className,
      viewBox: `0 0 ${q.size} ${q.size}`,
      role: 'img',
      'aria-label': label,
      'shape-rendering': 'crispEdges',
    },
    svg('rect', { class: 'qr-light', x: 0, y: 0, width: q.size, height: q.size }),
    svg('path', { class: 'qr-dark', d: q.d }),
  );
}
