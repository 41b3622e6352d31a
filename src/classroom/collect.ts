// Reading what a teacher pastes or uploads (result codes, replay links, spreadsheet rows) into
// candidate codes, and checking them in small batches so the page stays responsive. Pure: the
// checking function and the pause between batches are passed in.

import { classTag, cleanLabel, codeOf } from '../share';
import { nameColumns, readRows, rowName, type NameColumns, type Row } from './csv';

/** One piece of input that may be a result code, with where it came from. */
export interface Candidate {
  /** "pasted" or the file's name */
  source: string;
  /** 1-based line in that source */
  line: number;
  /** the cell or word as given (a code or a replay link) */
  text: string;
  /** set when the line holds no code at all: the reason it is listed as invalid */
  reason?: string;
  /** the last line of a row that spans several (a quoted cell with line breaks, a result card) */
  toLine?: number;
  /** the student's name from the row's name or email column, when the file has a header */
  name?: string;
}

/** A line read as a header row and skipped (shown as a note, never silently dropped). */
export interface Skipped {
  source: string;
  line: number;
  text: string;
}

export interface Parsed {
  candidates: Candidate[];
  headers: Skipped[];
}

/** One distinct code and every place it was found. */
export interface Group {
  key: string;
  first: Candidate;
  /** further places with the same code */
  also: Candidate[];
}

/** More distinct codes than this in one check are listed as not checked. */
export const MAX_CODES = 1000;

export const NO_CODE = 'No result code or replay link on this line.';
export const TOO_MANY = `Not checked: more than ${MAX_CODES} different codes at once. Check the rest separately.`;

const BASE64URL = /^[A-Za-z0-9_-]{16,}$/;
/** Random codes nearly always hold a digit, "-", "_" or a capital after the first letter. */
const CODE_MIX = /[0-9_-]|.[A-Z]/;

/** Whether a piece of text looks like a result code or a replay link holding one. */
export function looksLikeCode(text: string): boolean {
  return text.includes('#r=') || (BASE64URL.test(text) && CODE_MIX.test(text));
}

/** The code inside a replay link, or the text itself: the key for duplicates. */
export const codeKey = codeOf;

/**
 * A line split into cells at commas, semicolons and tabs outside double quotes, with quotes
 * removed ("" inside quotes is one "). An unclosed quote runs to the end of the line.
 */
export function splitCells(line: string): string[] {
  return readRows(line.replace(/[\r\n]+/gu, ' '))[0]?.cells ?? [''];
}

/** Words of a cell with quotes and punctuation around them removed. */
function words(cell: string): string[] {
  return cell
    .split(/\s+/u)
    .map((w) => w.replace(/^[<(["'«“‘]+/u, '').replace(/[.,;:!?)\]}>'"»”’]+$/u, ''))
    .filter((w) => w !== '');
}

const HEADER_WORDS = /\b(codes?|links?|results?|names?|students?|pupils?|e-?mail)\b/i;

// ---- what a line is when it is not a code

/** The lines of the spoiler-free result card (src/app/result-card.ts, src/dom/ending.ts). */
const CARD_TITLE = /^Frozen Assets · .* · seed \d+$/u;
const CARD_STRONG = [CARD_TITLE, /^[■□]{10} EUR [\d.]+ of [\d.]+ bn$/u, /^Play the same game: /u];
const CARD_WEAK = [
  /^(Funded in week \d+ of \d+|Partly funded|Not funded|Week \d+ of \d+)( · grade \S+)?$/u,
  /^Committed: /u,
  /^Nobody committed\.$/u,
];
const isCardLine = (line: string, strong = false) =>
  (strong ? CARD_STRONG : [...CARD_STRONG, ...CARD_WEAK]).some((re) => re.test(line.trim()));

export const RESULT_CARD =
  'This is a result card, not a result code: ask for the code under “Your result code” at the end of the game. A card leaves out the moves, so it cannot be checked.';
export const CLASS_LINK =
  'This is the class link, not a result code: it starts a game. Ask for the code under “Your result code” at the end of the game.';
const OTHER_LINKS: [RegExp, string][] = [
  [
    /#play\?/u,
    'This is a link that starts a game, not a result code: ask for the code under “Your result code” at the end of the game.',
  ],
  [
    /#history\?/u,
    'This is a link to the real path of a game, not a result code: ask for the code under “Your result code” at the end of the game.',
  ],
  [
    /#daily\?/u,
    'This is the link to the daily challenge, not a result code: ask for the code under “Your result code” at the end of the game.',
  ],
  [/#teacher\b/u, 'This is the link to the teacher’s page, not a result code.'],
];

/**
 * What a piece of text that holds no result code is, when it is something a student may hand
 * in by mistake: a result card (the text to share, without the moves), the class link or
 * another link of the game. Null for anything else (a code, a replay link, other text).
 */
export function describeNonCode(text: string): string | null {
  const lines = text.split(/\r\n|\r|\n/u);
  if (lines.some((l) => isCardLine(l, true))) return RESULT_CARD;
  if (text.includes('#r=')) return null;
  if (/#play\?(?:[^\s#]*&)?class=[^&\s]/u.test(text)) return CLASS_LINK;
  return OTHER_LINKS.find(([re]) => re.test(text))?.[1] ?? null;
}

/**
 * Why a verified code does not belong to the class of the page (its class label travels as a
 * 16-bit tag, see classTag), or null when it does.
 */
export function classMismatch(codeTag: number | null, classLabel: string): string | null {
  const tag = classTag(classLabel);
  if (codeTag === tag) return null;
  if (tag === null) return 'This code was made for a class, and this page has no class label.';
  if (codeTag === null)
    return `This code was made without a class label, not for “${cleanLabel(classLabel)}”.`;
  return `This code is from another class: it was made with another class label, not “${cleanLabel(classLabel)}”.`;
}

// ---- reading

/** A row's text on one line, for listing. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/gu, ' ').trim();

type Unit =
  { kind: 'row'; row: Row } | { kind: 'card'; line: number; toLine: number; text: string };

/** Rows, with each run of consecutive lines of a result card made one unit. */
function units(rows: readonly Row[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j < rows.length && rows[j]!.lines === 1 && isCardLine(rows[j]!.text)) {
      if (j > i && rows[j]!.line !== rows[j - 1]!.line + 1) break;
      j++;
    }
    const run = rows.slice(i, j);
    if (run.some((r) => isCardLine(r.text, true))) {
      const start = Math.max(
        0,
        run.findIndex((r) => CARD_TITLE.test(r.text.trim())),
      );
      for (const row of run.slice(0, start)) out.push({ kind: 'row', row });
      const card = run.slice(start);
      out.push({
        kind: 'card',
        line: card[0]!.line,
        toLine: card[card.length - 1]!.line,
        text: card.map((r) => r.text).join('\n'),
      });
      i = j - 1;
    } else out.push({ kind: 'row', row: rows[i]! });
  }
  return out;
}

/**
 * The candidate codes in a pasted text or a .txt/.csv/.tsv file, read as rows (see readRows: a
 * quoted cell may span lines). Each row gives the words of its cells that look like a code
 * (quotes and punctuation around them removed); a row with one cell and no code is still a
 * candidate (the check says what is wrong with it); a row of several cells and no code is
 * listed with NO_CODE. A result card, the class link or another link of the game is listed with
 * what it is (see describeNonCode). A first row without any code that looks like a header
 * ("Name,Code") is skipped as a header; its name or email column then names the code of each
 * row (see nameColumns).
 */
export function readCandidates(text: string, source: string): Parsed {
  const candidates: Candidate[] = [];
  const headers: Skipped[] = [];
  let names: NameColumns | null = null;
  units(readRows(text)).forEach((u, index) => {
    if (u.kind === 'card') {
      const { line, toLine } = u;
      const first = u.text.split('\n')[0]!;
      candidates.push({
        source,
        line,
        ...(toLine > line ? { toLine } : {}),
        text: first,
        reason: RESULT_CARD,
      });
      return;
    }
    const { row } = u;
    const at = {
      source,
      line: row.line,
      ...(row.lines > 1 ? { toLine: row.line + row.lines - 1 } : {}),
    };
    const found = row.cells.flatMap((cell) => words(cell).filter(looksLikeCode));
    if (found.length) {
      const name = names ? rowName(row.cells, names) : '';
      for (const t of found) candidates.push({ ...at, text: t, ...(name ? { name } : {}) });
      return;
    }
    if (index === 0 && (row.cells.length > 1 || HEADER_WORDS.test(row.text))) {
      headers.push({ source, line: row.line, text: oneLine(row.cells.join(', ')) });
      names = nameColumns(row.cells);
      return;
    }
    // A link or a result card in one of the cells is what is listed, else the row's cells.
    const cell = row.cells.find((c) => describeNonCode(c) !== null);
    const reason =
      cell !== undefined ? describeNonCode(cell)! : row.cells.length > 1 ? NO_CODE : null;
    const given =
      cell !== undefined
        ? cell.split('\n')[0]!
        : oneLine(row.cells.filter((c) => c !== '').join(', '));
    candidates.push({ ...at, text: given, ...(reason ? { reason } : {}) });
  });
  return { candidates, headers };
}

/** How many rows a file holds (a quoted cell with line breaks is in one row). */
export const rowCount = (text: string): number => readRows(text).length;

/**
 * Entries whose verified code carries no name, named from their row's name or email column
 * (a form's export). A name in the code is kept.
 */
export function withSheetNames<R extends { name: string }>(
  entries: readonly Entry<R>[],
): Entry<R>[] {
  return entries.map((e) => {
    if (!e.check.valid || e.check.result.name) return e;
    const name = [e.first, ...e.also].find((c) => c.name)?.name;
    return name ? { ...e, check: { valid: true, result: { ...e.check.result, name } } } : e;
  });
}

/** Candidates grouped by code, in order of first appearance. Lines without a code stay apart. */
export function groupCandidates(candidates: readonly Candidate[]): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const c of candidates) {
    if (c.reason !== undefined) {
      groups.push({ key: `${c.source}:${c.line}`, first: c, also: [] });
      continue;
    }
    const key = codeKey(c.text);
    const g = byKey.get(key);
    if (g) g.also.push(c);
    else {
      const fresh = { key, first: c, also: [] };
      byKey.set(key, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

/** "Line 4", "lines 4–6" or "line 4 of results.csv". */
export function placeOf(
  c: { source: string; line: number; toLine?: number },
  capital = true,
): string {
  const span = c.toLine !== undefined && c.toLine > c.line;
  const word = `${capital ? 'L' : 'l'}ine${span ? 's' : ''}`;
  const lines = span ? `${c.line}–${c.toLine}` : `${c.line}`;
  return c.source === 'pasted' ? `${word} ${lines}` : `${word} ${lines} of ${c.source}`;
}

/** A long input cut to its start and end, for listing ("AQQAAAAF…Do0o"). */
export function shorten(text: string, head = 16, tail = 8): string {
  const chars = [...text.trim()];
  if (chars.length <= head + tail + 1) return chars.join('');
  // slice(-0) would be the whole text: a tail of 0 is none.
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

export type Check<R> = { valid: true; result: R } | { valid: false; reason: string };

export interface Entry<R> extends Group {
  check: Check<R>;
}

export interface BatchOptions {
  /** codes checked between two pauses */
  chunk?: number;
  /** lets the page breathe between batches (setTimeout 0 on the page) */
  pause?: () => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  /** stop early (the page was left or a new check started) */
  cancelled?: () => boolean;
}

/**
 * Checks every group, `chunk` codes at a time with a pause between batches. Groups past
 * MAX_CODES and lines without a code are listed with their reason. Null when cancelled.
 */
export async function checkGroups<R>(
  groups: readonly Group[],
  check: (code: string) => Check<R>,
  opts: BatchOptions = {},
): Promise<Entry<R>[] | null> {
  const chunk = Math.max(1, opts.chunk ?? 25);
  const out: Entry<R>[] = [];
  let codes = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    let result: Check<R>;
    if (g.first.reason !== undefined) result = { valid: false, reason: g.first.reason };
    else if (codes >= MAX_CODES) result = { valid: false, reason: TOO_MANY };
    else {
      codes++;
      result = check(g.first.text);
      if (codes % chunk === 0 && i < groups.length - 1) {
        opts.onProgress?.(i + 1, groups.length);
        if (opts.pause) await opts.pause();
        if (opts.cancelled?.()) return null;
      }
    }
    out.push({ ...g, check: result });
  }
  opts.onProgress?.(groups.length, groups.length);
  return out;
}
