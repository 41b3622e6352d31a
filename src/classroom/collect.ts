// Reading what a teacher pastes or uploads (result codes, replay links, spreadsheet rows) into
// candidate codes, and checking them in small batches so the page stays responsive. Pure: the
// checking function and the pause between batches are passed in.

import { codeOf } from '../share';

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
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === ',' || c === ';' || c === '\t') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** Words of a cell with quotes and punctuation around them removed. */
function words(cell: string): string[] {
  return cell
    .split(/\s+/u)
    .map((w) => w.replace(/^[<(["'«“‘]+/u, '').replace(/[.,;:!?)\]}>'"»”’]+$/u, ''))
    .filter((w) => w !== '');
}

const HEADER_WORDS = /\b(codes?|links?|results?|names?|students?|pupils?)\b/i;

/**
 * The candidate codes in a pasted text or a .txt/.csv file. Each non-blank line gives the words
 * of its cells that look like a code (quotes and punctuation around them removed); a line with one cell and no code is still a candidate (the
 * check says what is wrong with it); a line of several cells and no code is listed with NO_CODE.
 * A first line without any code that looks like a header ("Name,Code") is skipped as a header.
 */
export function readCandidates(text: string, source: string): Parsed {
  const candidates: Candidate[] = [];
  const headers: Skipped[] = [];
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  let seenContent = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const cells = splitCells(raw).filter((c) => c !== '');
    if (cells.length === 0) return;
    const first = !seenContent;
    seenContent = true;
    const found = cells.flatMap((cell) => words(cell).filter(looksLikeCode));
    if (found.length) {
      for (const t of found) candidates.push({ source, line, text: t });
      return;
    }
    if (first && (cells.length > 1 || HEADER_WORDS.test(raw))) {
      headers.push({ source, line, text: raw.trim() });
      return;
    }
    if (cells.length === 1) candidates.push({ source, line, text: cells[0]! });
    else candidates.push({ source, line, text: raw.trim(), reason: NO_CODE });
  });
  return { candidates, headers };
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

/** "Line 4" or "line 4 of results.csv". */
export function placeOf(c: { source: string; line: number }, capital = true): string {
  const word = capital ? 'Line' : 'line';
  return c.source === 'pasted' ? `${word} ${c.line}` : `${word} ${c.line} of ${c.source}`;
}

/** A long input cut to its start and end, for listing ("AQQAAAAF…Do0o"). */
export function shorten(text: string, head = 16, tail = 8): string {
  const chars = [...text.trim()];
  if (chars.length <= head + tail + 1) return chars.join('');
  return `${chars.slice(0, head).join('')}…${chars.slice(-tail).join('')}`;
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
