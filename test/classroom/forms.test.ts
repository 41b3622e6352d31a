import { describe, expect, it } from 'vitest';

import { resultCard } from '../../src/app/result-card';
import { gameFor, type Session } from '../../src/app/store';
import {
  checkGroups,
  CLASS_LINK,
  classMismatch,
  describeNonCode,
  groupCandidates,
  NO_CODE,
  placeOf,
  readCandidates,
  RESULT_CARD,
  rowCount,
  shorten,
  withSheetNames,
} from '../../src/classroom/collect';
import { decodeText, nameColumns, readRows, rowName } from '../../src/classroom/csv';
import { checkCode } from '../../src/classroom/results';
import { classTag, gameLink } from '../../src/share';
import { makeCode, SCENARIO } from './codes';

// Collecting codes the way classes hand them in: a Google Form's export (every cell quoted, a
// byte order mark, CRLF, long answers with line breaks, a name and an email column), a sheet's
// CSV, rows copied from a spreadsheet (TSV), and the wrong things students paste: the class
// link, the result card.

const BASE = 'https://school.example/frozen/';
// Codes without a name inside (the student left the name field empty) and with one.
const ana = makeCode({ seed: 34, name: '' });
const dan = makeCode({ seed: 34, policy: 'joint', name: '' });
const cleo = makeCode({ seed: 34, policy: 'us-deal', name: 'Cleo' });
const classLink = gameLink(BASE, {
  scenarioId: SCENARIO,
  seed: 34,
  difficulty: 'standard',
  options: { hints: false, classLabel: '7B' },
});

/** The card a student can copy at the end of a game (src/dom/ending.ts), of a real game. */
function card(): string {
  const game = gameFor(SCENARIO)!;
  const r = game.replay(34, 'standard', [{ type: 'week.end' }, { type: 'week.end' }]);
  if (!r.ok) throw new Error('no state');
  const text = resultCard(game.scenario, { state: r.state } as Session);
  return `${text}\nPlay the same game: ${classLink}`;
}

/** A CSV cell quoted the way a form's "Download responses (.csv)" quotes every cell. */
const q = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** The export of a Google Form: a timestamp, an email, a name, the code, a comment. */
function formsExport(): string {
  const rows = [
    ['Timestamp', 'Email address', 'Your name', 'Paste your result code', 'Anything else?'],
    ['2026/01/12 9:14:03 AM GMT+1', 'ana.bell@school.example', 'Ana Bell', ana.code, ''],
    [
      '2026/01/12 9:15:40 AM GMT+1',
      'ben@school.example',
      'Ben',
      `${dan.code}`,
      'I liked it,\nbut the Hungary week\nwas hard',
    ],
    ['2026/01/12 9:16:02 AM GMT+1', 'zoe@school.example', 'Zoë', classLink, ''],
    ['2026/01/12 9:16:30 AM GMT+1', 'lea@school.example', 'Léa', card(), 'is this it?'],
    ['2026/01/12 9:17:11 AM GMT+1', 'dan.k@school.example', '', dan.code, ''],
    ['2026/01/12 9:18:00 AM GMT+1', 'cleo@school.example', 'Cleo P.', `${cleo.code}\n`, ''],
    ['2026/01/12 9:19:00 AM GMT+1', 'ana.bell@school.example', 'Ana Bell', ana.code, 'again'],
    ['2026/01/12 9:20:00 AM GMT+1', 'max@school.example', 'Max', '', 'forgot'],
  ];
  return '\uFEFF' + rows.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

describe('a Google Form export', () => {
  const text = formsExport();
  const { candidates, headers } = readCandidates(text, 'form.csv');

  it('is read as its rows, a cell with line breaks in one row', () => {
    expect(rowCount(text)).toBe(9);
    expect(text.split(/\r\n|\r|\n/u).filter((l) => l.trim()).length).toBeGreaterThan(9);
    expect(headers).toEqual([
      {
        source: 'form.csv',
        line: 1,
        text: 'Timestamp, Email address, Your name, Paste your result code, Anything else?',
      },
    ]);
  });

  it('gives each code the name in its row, and the place it starts on', () => {
    const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\n/u);
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(candidates.map((c) => [placeOf(c), c.name ?? null, c.reason ?? null])).toEqual([
      ['Line 2 of form.csv', 'Ana Bell', null],
      ['Lines 3–5 of form.csv', 'Ben', null],
      [`Line ${lineOf('zoe@')} of form.csv`, null, CLASS_LINK],
      [`Lines ${lineOf('lea@')}–${lineOf('lea@') + 4} of form.csv`, null, RESULT_CARD],
      [`Line ${lineOf('dan.k@')} of form.csv`, 'dan.k', null],
      [`Lines ${lineOf('cleo@')}–${lineOf('cleo@') + 1} of form.csv`, 'Cleo P.', null],
      [`Line ${lineOf('again')} of form.csv`, 'Ana Bell', null],
      [`Line ${lineOf('forgot')} of form.csv`, null, NO_CODE],
    ]);
    expect(candidates[0]!.text).toBe(ana.code);
    // A link or a card is listed as it was given; a row without either by its cells.
    expect(candidates[2]!.text).toBe(classLink);
    expect(candidates[3]!.text).toMatch(/^Frozen Assets · .* · seed 34$/u);
    expect(candidates[5]!.text).toBe(cleo.code);
    expect(candidates[7]!.text).toBe(
      '2026/01/12 9:20:00 AM GMT+1, max@school.example, Max, forgot',
    );
  });

  it('names verified codes that carry no name; a name inside the code is kept', async () => {
    const entries = await checkGroups(groupCandidates(candidates), checkCode);
    const named = withSheetNames(entries!);
    const names = named.flatMap((e) => (e.check.valid ? [e.check.result.name] : []));
    // Ana's code twice is one entry; Ben's and Dan's codes are the same code, so the first name.
    expect(names).toEqual(['Ana Bell', 'Ben', 'Cleo']);
    const again = named.find((e) => e.check.valid && e.check.result.name === 'Ana Bell')!;
    expect(again.also.map((c) => c.line)).toEqual([candidates[6]!.line]);
    const invalid = named
      .filter((e) => !e.check.valid)
      .map((e) => !e.check.valid && e.check.reason);
    expect(invalid).toEqual([CLASS_LINK, RESULT_CARD, NO_CODE]);
  });
});

describe('other spreadsheets', () => {
  it('reads a sheet’s CSV (quoted only where needed, LF) with first and last name columns', () => {
    const csv = [
      'First name,Last name,Class,Code',
      `Ana,Bell,7B,${ana.code}`,
      `"Dan, Jr.",Kim,7B,"${dan.code}"`,
    ].join('\n');
    const { candidates } = readCandidates(csv, 'sheet.csv');
    expect(candidates.map((c) => [c.line, c.name])).toEqual([
      [2, 'Ana Bell'],
      [3, 'Dan, Jr. Kim'],
    ]);
  });

  it('reads rows copied from a spreadsheet (TSV, a multi-line cell quoted)', () => {
    const tsv = [
      'Nom\tCourriel\tCode',
      `Léa\tlea@ecole.example\t${ana.code}`,
      `"Zoë\n(7B)"\tzoe@ecole.example\t${dan.code}`,
      `\tmax@ecole.example\t${cleo.code}`,
    ].join('\n');
    const { candidates, headers } = readCandidates(tsv, 'pasted');
    expect(headers.map((h) => h.line)).toEqual([1]);
    expect(candidates.map((c) => [placeOf(c), c.name, c.text])).toEqual([
      ['Line 2', 'Léa', ana.code],
      ['Lines 3–4', 'Zoë (7B)', dan.code],
      ['Line 5', 'max', cleo.code],
    ]);
  });

  it('takes a quote never closed as a stray character, not as the start of the whole file', () => {
    const { candidates } = readCandidates(`"${ana.code}\n${dan.code}\n${cleo.code}\n`, 'pasted');
    expect(candidates.map((c) => [c.line, c.text])).toEqual([
      [1, ana.code],
      [2, dan.code],
      [3, cleo.code],
    ]);
  });

  it('reads CR-only line ends and blank rows', () => {
    expect(readRows('a,b\r\r"c\rd",e\r').map((r) => [r.line, r.lines, r.cells])).toEqual([
      [1, 1, ['a', 'b']],
      [3, 2, ['c\nd', 'e']],
    ]);
  });

  it('decodes files as UTF-8, UTF-16 with a byte order mark, or Windows-1252', () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'Zoë,1'].flatMap((ch) => [ch.charCodeAt(0), 0]),
    ]);
    expect(decodeText(utf16)).toBe('Zoë,1');
    expect(decodeText(new TextEncoder().encode('Zoë'))).toBe('Zoë');
    expect(decodeText(new Uint8Array([0x5a, 0x6f, 0xeb]))).toBe('Zoë');
  });

  it('finds name and email columns, and leaves the code, class and teacher columns alone', () => {
    expect(nameColumns(['Timestamp', 'Name', 'Result code'])).toEqual({ name: [1], email: null });
    expect(nameColumns(['Horodateur', 'Adresse e-mail', 'Nom', 'Code'])).toEqual({
      name: [2],
      email: 1,
    });
    expect(nameColumns(['Teacher’s name', 'Class name', 'Student ID', 'Username'])).toEqual({
      name: [],
      email: 3,
    });
    expect(nameColumns(['Timestamp', 'Code'])).toBeNull();
    expect(nameColumns(['Prénom', 'Nom de famille'])).toEqual({ name: [0, 1], email: null });
    expect(rowName(['', 'x@y.example'], { name: [0], email: 1 })).toBe('x');
    expect(rowName(['  Ana\u200b  Bell ', ''], { name: [0], email: 1 })).toBe('Ana Bell');
  });
});

describe('what is not a code', () => {
  it('tells the class link, a result card and other links of the game from a code', () => {
    expect(describeNonCode(classLink)).toBe(CLASS_LINK);
    expect(describeNonCode(card())).toBe(RESULT_CARD);
    expect(describeNonCode(`${BASE}#play?scenario=${SCENARIO}&seed=1`)).toMatch(
      /^This is a link that starts a game, not a result code/,
    );
    expect(describeNonCode(`${BASE}#history?scenario=${SCENARIO}&seed=1`)).toMatch(/real path/);
    expect(describeNonCode(`${BASE}#teacher`)).toMatch(/teacher’s page/);
    expect(describeNonCode(`${BASE}#r=${ana.code}`)).toBeNull();
    expect(describeNonCode(ana.code)).toBeNull();
    expect(describeNonCode('hello teacher')).toBeNull();
  });

  it('lists a pasted result card once, over its lines, and a pasted class link on its own', () => {
    const text = [ana.code, '', card(), classLink, 'Not funded'].join('\n');
    const { candidates } = readCandidates(text, 'pasted');
    expect(candidates.map((c) => [placeOf(c), c.reason ?? null])).toEqual([
      ['Line 1', null],
      ['Lines 3–7', RESULT_CARD],
      ['Line 8', CLASS_LINK],
      ['Line 9', null],
    ]);
    expect(candidates[1]!.text).toMatch(/^Frozen Assets · /);
  });

  it('names a code from another class', () => {
    const tag = classTag('7B');
    expect(classMismatch(tag, '7b ')).toBeNull();
    expect(classMismatch(null, '')).toBeNull();
    expect(classMismatch(classTag('9C'), '7B')).toBe(
      'This code is from another class: it was made with another class label, not “7B”.',
    );
    expect(classMismatch(null, '7B')).toMatch(/without a class label, not for “7B”/);
    expect(classMismatch(tag, '')).toMatch(/this page has no class label/);
  });

  it('shows a skipped header once', () => {
    const header = 'Timestamp,Email address,Your name,Paste your result code here';
    expect(shorten(header, 30, 0)).toBe(`${header.slice(0, 30)}…`);
  });
});
