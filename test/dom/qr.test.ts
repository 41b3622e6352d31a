import { describe, expect, it } from 'vitest';

import { qrMatrix, qrShape, QUIET } from '../../src/dom/qr';

const LINK =
  'https://school.example/frozen/#play?scenario=december-summit&seed=4294967295&difficulty=standard&hints=on&class=History%2C+Tuesday';

/** The 7x7 finder pattern: a dark ring, a light ring and a dark 3x3 centre. */
function finderAt(m: boolean[][], x0: number, y0: number): boolean {
  for (let y = 0; y < 7; y++)
    for (let x = 0; x < 7; x++) {
      const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
      if (m[y0 + y]![x0 + x] !== (ring !== 2)) return false;
    }
  return true;
}

describe('the QR code of the class link', () => {
  it('is a valid QR symbol size with finder patterns in three corners', () => {
    const m = qrMatrix(LINK);
    const n = m.length;
    expect((n - 17) % 4).toBe(0);
    expect(m.every((row) => row.length === n)).toBe(true);
    expect(finderAt(m, 0, 0)).toBe(true);
    expect(finderAt(m, n - 7, 0)).toBe(true);
    expect(finderAt(m, 0, n - 7)).toBe(true);
    expect(finderAt(m, n - 7, n - 7)).toBe(false);
  });

  it('draws exactly the dark modules as one path inside a quiet zone', () => {
    const m = qrMatrix(LINK);
    const { size, d } = qrShape(LINK);
    expect(size).toBe(m.length + 2 * QUIET);
    const painted = new Set<string>();
    for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(w); i++)
        painted.add(`${Number(x) + i - QUIET},${Number(y) - QUIET}`);
    }
    const dark = new Set<string>();
    m.forEach((row, y) => row.forEach((on, x) => on && dark.add(`${x},${y}`)));
    expect(painted).toEqual(dark);
    expect(qrShape(LINK).d).toBe(d);
  });

  it('grows with the link', () => {
    expect(qrMatrix('x').length).toBeLessThan(qrMatrix(LINK).length);
  });
});
