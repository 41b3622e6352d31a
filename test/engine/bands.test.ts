import { describe, expect, it } from 'vitest';
import { bandOf } from '../../src/engine';

describe('stance bands', () => {
  it('follows the design bands without a current stance', () => {
    expect([-41, -40, -1, 0, 39, 40].map((w) => bandOf(w))).toEqual([
      'opposed',
      'wary',
      'wary',
      'conditional',
      'conditional',
      'supportive',
    ]);
  });

  it('keeps the current band when the value is only just past the edge (no flip-flopping)', () => {
    expect(bandOf(38, 'supportive')).toBe('supportive');
    expect(bandOf(37, 'supportive')).toBe('conditional');
    expect(bandOf(2, 'wary')).toBe('wary');
    expect(bandOf(3, 'wary')).toBe('conditional');
    expect(bandOf(-42, 'wary')).toBe('wary');
  });

  it('never holds a band across two edges, nor for a committed actor', () => {
    expect(bandOf(-60, 'conditional')).toBe('opposed');
    expect(bandOf(39, 'committed')).toBe('conditional');
  });
});
