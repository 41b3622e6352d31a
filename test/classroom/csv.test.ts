import { describe, expect, it } from 'vitest';

import { codeKey, type Entry } from '../../src/classroom/collect';
import { CSV_HEADER, csvCell, defuse, resultRows, toCsv } from '../../src/classroom/csv';
import { checkCode, sameGames, type ClassResult } from '../../src/classroom/results';
import { makeCode, SESSION } from './codes';

const NOTE = CSV_HEADER.indexOf('Note');
const LINK = CSV_HEADER.indexOf('Replay link');

describe('CSV cells', () => {
  it('quotes cells with commas, quotes, line breaks, semicolons or outer spaces', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(71.7)).toBe('71.7');
    expect(csvCell(-3)).toBe('-3');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(defuse(bad)).toBe(`'${bad}`);
    expect(defuse('Ana')).toBe('Ana');
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
  });

  it('joins rows with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b,c', null],
      ]),
    ).toBe('a,1\r\n"b,c",\r\n');
  });
});

describe('the results export', () => {
  it('writes one row per code, valid and invalid, flagged and with a safe name', () => {
    const ana = makeCode({ seed: 34, name: '=cmd|calc' });
    const other = makeCode({ seed: 12, name: 'Ben' });
    const entry = (text: string, line: number, also: number[] = []): Entry<ClassResult> => ({
      key: codeKey(text),
      first: { source: 'pasted', line, text },
      also: also.map((l) => ({ source: 'pasted', line: l, text })),
      check: checkCode(text),
    });
    const rows = resultRows(
      [entry(ana.code, 1, [4]), entry(other.code, 2), entry('garbage', 3)],
      SESSION,
      'https://school.example/',
    );
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(4);
    const [, a, o, g] = rows;
    expect(a!.slice(0, 3)).toEqual(['pasted line 1; pasted line 4', 'verified', '=cmd|calc']);
    expect(a![NOTE]).toBe('Found 2 times.');
    expect(a![LINK]).toBe(`https://school.example/#r=${ana.code}`);
    expect(o![1]).toBe('verified, other game');
    expect(o![NOTE]).toBe('Played on another game: seed 12 not 34.');
    expect(g!.slice(0, 3)).toEqual(['pasted line 3', 'invalid', null]);
    expect(g![NOTE]).toMatch(/not a result code/);
    const csv = toCsv(rows);
    expect(csv).toContain(",'=cmd|calc,");
    expect(csv.split('\r\n')).toHaveLength(5);
  });

  it('notes the same game given under two names, in the export and by sameGames', () => {
    const first = makeCode({ seed: 34, policy: 'joint', name: 'Ana' });
    const copy = makeCode({ seed: 34, policy: 'joint', name: 'Zed' });
    const own = makeCode({ seed: 34, policy: 'scripted', name: 'Ben' });
    expect(copy.code).not.toBe(first.code);
    const entries: Entry<ClassResult>[] = [first, own, copy].map((m, i) => ({
      key: codeKey(m.code),
      first: { source: 'codes.txt', line: i + 1, text: m.code },
      also: [],
      check: checkCode(m.code),
    }));
    const twins = sameGames(entries);
    expect([...twins.keys()]).toEqual([copy.code]);
    expect(twins.get(copy.code)!.key).toBe(first.code);
    const rows = resultRows(entries, SESSION, 'https://school.example/');
    expect(rows[3]![NOTE]).toBe('Same moves as the game of Ana (codes.txt line 1).');
    expect(rows[1]![NOTE]).toBe('');
    expect(rows[2]![NOTE]).toBe('');
  });
});
