import { describe, expect, it } from 'vitest';

import { groupCandidates, readCandidates } from '../../src/classroom/collect';
import { createRunner } from '../../src/classroom/runner';
import { flipOne, makeCode } from './codes';

describe('the runner without workers (as in Node, or a browser without them)', () => {
  it('checks on the page thread in batches, with progress to the end', async () => {
    const codes = Array.from({ length: 30 }, (_, i) =>
      makeCode({ seed: 34, name: `Student ${i}` }),
    ).map((m) => m.code);
    const text = [...codes, flipOne(codes[0]!), 'nonsense'].join('\n');
    const groups = groupCandidates(readCandidates(text, 'pasted').candidates);
    const runner = createRunner(2);
    const progress: number[] = [];
    const entries = await runner.check(groups, {
      onProgress: (done) => progress.push(done),
      cancelled: () => false,
    });
    runner.destroy();
    expect(entries).toHaveLength(32);
    expect(entries!.filter((e) => e.check.valid)).toHaveLength(30);
    expect(progress).toEqual([25, 32]);
  });

  it('stops when cancelled', async () => {
    const text = Array.from({ length: 60 }, (_, i) => makeCode({ seed: 34, name: `S${i}` }).code);
    const groups = groupCandidates(readCandidates(text.join('\n'), 'pasted').candidates);
    let cancel = false;
    let checked = 0;
    const entries = await createRunner(1).check(groups, {
      onProgress: (done) => {
        checked = done;
        cancel = true;
      },
      cancelled: () => cancel,
    });
    expect(entries).toBeNull();
    expect(checked).toBe(25);
  });
});
