import { cleanName, replayLink } from '../share';
import type { Entry } from './collect';
import { routeName, startText } from './forks';
import { sameGames, type ClassResult } from './results';
import { flagText, sessionScenario, type ClassSession } from './session';

// The class's results as CSV for a spreadsheet: one row per distinct code, valid or not. Text
// cells are quoted when needed and defused against formula injection: a spreadsheet would run a
// cell that starts with = + - @ (or a tab or carriage return) as a formula, so such a cell gets a
// leading apostrophe. Numbers stay numbers.

export type Cell = string | number | null;

/** A text cell made safe to open in a spreadsheet. */
export function defuse(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/** One cell as CSV: numbers as they are, text defused and quoted when it must be. */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = defuse(cell);
  return /[",\r\n;]|^\s|\s$/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** Rows as CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_HEADER = [
  'Where',
  'Status',
  'Name',
  'Outcome',
  'EUR bn secured',
  'Grade',
  'Score',
  'Week',
  'Actions',
  'Start',
  'Route taken',
  'Note',
  'Code as given',
  'Replay link',
] as const;

const OUTCOME_WORD = {
  win: 'funded',
  partial: 'partly funded',
  loss: 'not funded',
  unfinished: 'not finished',
} as const;

/** Where a code was found: "pasted line 3; results.csv line 7". */
function whereText(e: Entry<ClassResult>): string {
  return [e.first, ...e.also]
    .map((c) => (c.source === 'pasted' ? `pasted line ${c.line}` : `${c.source} line ${c.line}`))
    .join('; ');
}

/** The rows of the export: a header, then one row per entry in the order checked. */
export function resultRows(
  entries: readonly Entry<ClassResult>[],
  session: ClassSession,
  base: string,
): Cell[][] {
  const rows: Cell[][] = [[...CSV_HEADER]];
  const twins = sameGames(entries);
  for (const e of entries) {
    const dup = e.also.length ? `Found ${e.also.length + 1} times.` : '';
    if (!e.check.valid) {
      rows.push([
        whereText(e),
        'invalid',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        [e.check.reason, dup].filter(Boolean).join(' '),
        e.first.text,
        null,
      ]);
      continue;
    }
    const r = e.check.result;
    const scenario = sessionScenario({ scenarioId: r.scenario, variant: r.variant });
    const flag = flagText(r, session);
    const twin = twins.get(e.key);
    const same = twin?.check.valid
      ? `Same moves as the game of ${twin.check.result.name || '(no name)'} (${whereText(twin).split('; ')[0]}).`
      : '';
    rows.push([
      whereText(e),
      flag ? 'verified, other game' : 'verified',
      r.name,
      OUTCOME_WORD[r.outcome],
      r.securedBn,
      r.grade,
      r.score,
      r.week,
      r.actions,
      startText(r.fork, scenario),
      routeName(scenario, r.routeTaken),
      [flag, same, dup].filter(Boolean).join(' '),
      e.first.text,
      replayLink(base, e.key),
    ]);
  }
  return rows;
}

// ---- reading: rows of a CSV or TSV file, or of rows pasted from a spreadsheet

/** One row as read: its cells, the line it starts on and how many lines it spans. */
export interface Row {
  /** 1-based line the row starts on */
  line: number;
  /** lines the row spans (more than one when a quoted cell holds line breaks) */
  lines: number;
  /** the row as given, trimmed */
  text: string;
  cells: string[];
}

const DELIMITERS = new Set([',', ';', '\t']);

/** Length of the line break at `i` (CRLF, LF or CR), 0 when there is none. */
function breakAt(src: string, i: number): number {
  if (src[i] === '\r') return src[i + 1] === '\n' ? 2 : 1;
  return src[i] === '\n' ? 1 : 0;
}

/**
 * One row from `start`. A cell that starts with a double quote runs to its closing quote, line
 * breaks included ("" inside is one "); with `lineBound` a line break ends the row even inside
 * quotes (how a quote that is never closed is read).
 */
function rowAt(src: string, start: number, lineBound: boolean) {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let breaks = 0;
  let i = start;
  while (i < src.length) {
    const c = src[i]!;
    const br = breakAt(src, i);
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else if (br && lineBound) break;
      else if (br) {
        cell += '\n';
        breaks++;
        i += br;
      } else {
        cell += c;
        i++;
      }
      continue;
    }
    if (br) break;
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (DELIMITERS.has(c)) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
    i++;
  }
  cells.push(cell.trim());
  return { cells, end: i, next: i + breakAt(src, i), breaks, unclosed: quoted && breaks > 0 };
}

/**
 * The rows of a CSV or TSV text (RFC 4180, read leniently, as spreadsheets and forms write it
 * and as teachers paste it): cells split at commas, semicolons and tabs outside double quotes,
 * a quoted cell may hold line breaks (a form's long answer), CRLF, LF and CR all end a row, a
 * byte order mark is dropped and blank rows are left out. A quote that is never closed is a
 * stray character: its cell runs to the end of its line.
 */
export function readRows(text: string): Row[] {
  const src = text.replace(/^\uFEFF/u, '');
  const rows: Row[] = [];
  let pos = 0;
  let line = 1;
  while (pos < src.length) {
    let r = rowAt(src, pos, false);
    if (r.unclosed && r.next >= src.length) r = rowAt(src, pos, true);
    if (r.cells.some((c) => c !== ''))
      rows.push({ line, lines: r.breaks + 1, text: src.slice(pos, r.end).trim(), cells: r.cells });
    line += r.breaks + 1;
    pos = r.next;
  }
  return rows;
}

/**
 * A file's bytes as text: UTF-8 (with or without a byte order mark), UTF-16 with its byte
 * order mark (a spreadsheet's "Unicode text" export), else Windows-1252 (an older spreadsheet's
 * CSV), so a name with accents is never mangled into replacement characters.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Cells of a header that hold the student's name, and the one that holds an email address. */
export interface NameColumns {
  /** one name column, or first name then last name */
  name: number[];
  email: number | null;
}

/** A word of a header, not part of a longer word (\b does not see accented letters). */
const word = (alternatives: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');

const NAME_HEADER = word(
  'names?|nom|nombre|nome|naam|namn|imię|vorname|nachname|surname|prénom|prenom|student|pupil|élève|eleve|alumno|alumna|schüler|schülerin',
);
const FIRST_HEADER = word('first|given|forename|prénom|prenom|vorname');
const LAST_HEADER = word('last|family|surname|nachname|nom de famille');
const EMAIL_HEADER = /e-?mail|courriel|correo|username/iu;
/** Columns that name something else: the code itself, the teacher, the class or group. */
const OTHER_HEADER =
  /code|link|lien|enlace|result|résultat|resultado|ergebnis|teacher|professeur|enseignant|lehrer|profesor|class|klasse|group|gruppe|team|school|école|number|numéro|nummer|(?<![\p{L}])id(?![\p{L}])/iu;

/** The name and email columns of a header row, or null when it has neither. */
export function nameColumns(header: readonly string[]): NameColumns | null {
  const named = header.flatMap((cell, i) =>
    NAME_HEADER.test(cell) && !OTHER_HEADER.test(cell) && !EMAIL_HEADER.test(cell) ? [i] : [],
  );
  const first = named.find((i) => FIRST_HEADER.test(header[i]!));
  const last = named.find((i) => i !== first && LAST_HEADER.test(header[i]!));
  const name = first !== undefined && last !== undefined ? [first, last] : named.slice(0, 1);
  const at = header.findIndex((cell) => EMAIL_HEADER.test(cell) && !OTHER_HEADER.test(cell));
  const email = at < 0 ? null : at;
  return name.length || email !== null ? { name, email } : null;
}

/** The student's name in a row: its name cells, else the part of its email before the @. */
export function rowName(cells: readonly string[], cols: NameColumns): string {
  const name = cleanName(cols.name.map((i) => cells[i] ?? '').join(' '));
  if (name || cols.email === null) return name;
  const email = cells[cols.email] ?? '';
  return cleanName(email.includes('@') ? email.slice(0, email.lastIndexOf('@')) : email);
}
