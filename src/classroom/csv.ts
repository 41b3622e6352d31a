import { replayLink } from '../share';
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
