import { describe, expect, test } from 'vitest';

import { verifyResult } from '../../src/share';

// Result codes shared by players before later changes: each must still open and verify, or the
// change broke every code already pasted into a class's results (see src/share/code.ts).
const SHARED = [
  {
    made: 'v1 at commit b45eaa0 (seed 7, standard, class "4B", scripted strategy)',
    code: 'AQCrRAAAAB1huA0FuYQ5E49PE2k9WQGrVZLuBwZm3G444BMdnGfgIR4kXw',
    name: 'Ana',
    seed: 7,
  },
];

describe('codes shared before', () => {
  test.each(SHARED)('$made still verifies', ({ code, name, seed }) => {
    const v = verifyResult(code);
    expect(v.valid, v.valid ? '' : v.reason).toBe(true);
    if (!v.valid) return;
    expect(v.name).toBe(name);
    expect(v.seed).toBe(seed);
    expect(v.scenario).toBe('december-summit');
  });
});
