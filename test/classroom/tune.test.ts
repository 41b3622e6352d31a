import { describe, expect, it } from 'vitest';

import { CHECK_NOTE, progressText, readBillions } from '../../src/classroom/tune';
import { getScenario, tunablesOf } from '../../src/scenarios';

const money = tunablesOf(getScenario('december-summit')!).find((t) => t.key === 'target')!;

describe('money to find, typed in EUR bn', () => {
  it('reads whole and one-decimal amounts, kept in the variant’s unit and in EUR m', () => {
    expect(readBillions(money, '60')).toEqual({ ok: true, value: 600, millions: 60_000 });
    expect(readBillions(money, '71.7')).toEqual({ ok: true, value: 717, millions: 71_700 });
    expect(readBillions(money, ' 71,7 ')).toEqual({ ok: true, value: 717, millions: 71_700 });
    expect(readBillions(money, 'EUR 60 bn')).toEqual({ ok: true, value: 600, millions: 60_000 });
    expect(readBillions(money, '60.')).toEqual({ ok: true, value: 600, millions: 60_000 });
    expect(readBillions(money, '35.9')).toEqual({ ok: true, value: 359, millions: 35_900 });
    expect(readBillions(money, '143.4')).toEqual({ ok: true, value: 1434, millions: 143_400 });
  });

  it('says clearly why other text is not an amount, with the range in EUR bn', () => {
    for (const bad of ['', 'sixty', '-5', '1e2', '6 0', '60..1']) {
      const r = readBillions(money, bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok)
        expect(r.message).toBe('Type an amount in EUR bn from 35.9 to 143.4, such as 60 or 71.7.');
    }
    const r = readBillions(money, '71.75');
    expect(r).toEqual({
      ok: false,
      message:
        'Use one decimal at most. Type an amount in EUR bn from 35.9 to 143.4, such as 60 or 71.7.',
    });
    for (const out of ['35.8', '143.5', '600', '717', '1434'])
      expect(readBillions(money, out)).toEqual({
        ok: false,
        message: 'Type an amount in EUR bn from 35.9 to 143.4.',
      });
  });
});

describe('the win-rate check’s progress', () => {
  it('counts games, and gives the time left once a tenth is done', () => {
    expect(progressText(0, 600, 0)).toBe('0 of 600 test games played…');
    expect(progressText(12, 150, 900)).toBe('12 of 150 test games played…');
    expect(progressText(150, 600, 5000)).toBe('150 of 600 test games played · about 15 s left…');
    expect(progressText(599, 600, 20_000)).toBe('599 of 600 test games played · about 1 s left…');
    expect(progressText(600, 600, 20_000)).toBe('600 of 600 test games played…');
    expect(progressText(1, 1, 10)).toBe('1 of 1 test game played…');
  });

  it('says how long it takes, not “a few seconds”', () => {
    expect(CHECK_NOTE).not.toMatch(/few seconds/);
    expect(CHECK_NOTE).toMatch(/about \d+ to \d+ s/);
  });
});
