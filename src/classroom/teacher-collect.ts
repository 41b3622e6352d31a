import { h, uid } from '../dom/h';
import {
  groupCandidates,
  placeOf,
  readCandidates,
  rowCount,
  shorten,
  type Candidate,
  type Entry,
  type Group,
  type Skipped,
} from './collect';
import { decodeText, resultRows, toCsv } from './csv';
import type { ClassResult } from './results';
import type { Runner } from './runner';
import { addCode, scanControl } from './scan';
import type { ClassSession } from './session';

// Part 2 of the teacher's page, its controls and what they read: pasted codes, files of codes,
// class files; the check with its progress and summary; what could not be verified; and the
// files the page makes (CSV, class file).

/** Files larger than this are not read (a class's codes fit in a few kB). */
const MAX_FILE_BYTES = 2_000_000;

export interface LoadedFile {
  name: string;
  text: string | null;
  /** why it was not read */
  problem: string | null;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The distinct codes in what was pasted and in the files read, and the header rows skipped. */
export function gather(
  pasted: string,
  files: LoadedFile[],
  pastedSource: string,
): { groups: Group[]; headers: Skipped[] } {
  const candidates: Candidate[] = [];
  const headers: Skipped[] = [];
  const add = (text: string, source: string) => {
    const p = readCandidates(text, source);
    candidates.push(...p.candidates);
    headers.push(...p.headers);
  };
  add(pasted, pastedSource);
  for (const f of files) if (f.text !== null) add(f.text, f.name);
  return { groups: groupCandidates(candidates), headers };
}

/** The file field of part 2: its input, its help and the list of files read. */
function fileField() {
  const help = h(
    'p',
    { id: uid('class-file-help'), class: 'help' },
    'A .txt, .csv or .tsv file, for example a form’s export. Any cell that holds a code or a replay link is read; a header row is skipped, and its name or email column names codes that carry no name.',
  );
  const input = h('input', {
    id: uid('class-file'),
    type: 'file',
    accept: '.txt,.csv,.tsv,text/plain,text/csv,text/tab-separated-values',
    multiple: true,
    'aria-describedby': help.id,
  });
  const list = h('ul', { class: 'file-list' });
  const el = h(
    'div',
    { class: 'field' },
    h('label', { for: input.id }, 'Or read them from files'),
    input,
    help,
    list,
  );
  return { input, list, el };
}

/**
 * Part 2's controls (pasting, files, scanning, the check and its progress) and their section;
 * `classLabel` names the class whose codes the scanner expects.
 */
export function collectControls(classLabel: () => string) {
  const pasteHelp = h(
    'p',
    { id: uid('class-paste-help'), class: 'help' },
    'One per line: result codes or replay links, as students copied them. Rows copied from a spreadsheet work too. A class link pasted here sets up its game above.',
  );
  const paste = h('textarea', {
    id: uid('class-paste'),
    class: 'paste',
    rows: 8,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': pasteHelp.id,
  });
  const files = fileField();
  const { input: fileInput, list: fileList } = files;
  const progress = h('progress', {
    class: 'check-progress',
    max: 1,
    value: 0,
    hidden: true,
    'aria-label': 'Progress of the check',
  });
  const status = h('p', { class: 'check-status', role: 'status', 'aria-live': 'polite' });
  const problems = h('div', { class: 'problems' });
  const checkButton = h('button', { type: 'button', class: 'primary' }, 'Check the codes');
  const scan = scanControl({
    add: (code) => addCode(paste, code),
    classLabel,
    onStop: (added) => void (added > 0 && checkButton.click()),
  });
  const clearButton = h('button', { type: 'button', class: 'secondary' }, 'Clear the class…');
  const keep = keepControls();
  const collect = h(
    'section',
    { class: 'panel class-collect', 'aria-labelledby': 'class-collect-title' },
    h('h3', { id: 'class-collect-title' }, '2. Collect results'),
    h(
      'p',
      null,
      'Each code is checked by replaying the game it describes, so a code whose numbers were edited is caught. Checked codes are kept in this browser for this class (by its class label), and every check adds to them: the same code twice is listed once.',
    ),
    keep.note,
    h(
      'div',
      { class: 'field' },
      h('label', { for: paste.id }, 'Paste result codes'),
      paste,
      pasteHelp,
    ),
    files.el,
    scan,
    h('div', { class: 'inline' }, checkButton, clearButton),
    progress,
    status,
    problems,
    keep.el,
  );
  return {
    paste,
    fileInput,
    fileList,
    progress,
    status,
    problems,
    checkButton,
    clearButton,
    keep,
    collect,
  };
}

/** The files chosen, read as text (or why not). */
export function readFiles(files: File[]): Promise<LoadedFile[]> {
  return Promise.all(
    files.map(async (f): Promise<LoadedFile> => {
      if (f.size > MAX_FILE_BYTES)
        return { name: f.name, text: null, problem: 'larger than 2 MB, so it was not read.' };
      try {
        return {
          name: f.name,
          text: decodeText(new Uint8Array(await f.arrayBuffer())),
          problem: null,
        };
      } catch {
        return { name: f.name, text: null, problem: 'the browser could not read it.' };
      }
    }),
  );
}

/**
 * Checks groups with the workers, showing progress: the entries, or null when a newer check or
 * leaving the page made this one moot.
 */
export async function verify(
  runner: Runner,
  ui: { progress: HTMLProgressElement; status: HTMLElement },
  groups: readonly Group[],
  what: string,
  current: () => boolean,
): Promise<Entry<ClassResult>[] | null> {
  if (groups.length === 0) return [];
  ui.progress.hidden = false;
  ui.progress.value = 0;
  ui.status.textContent = `Checking ${what}…`;
  const entries = await runner.check(groups, {
    onProgress: (done, total) => {
      if (!current()) return;
      ui.progress.value = total ? done / total : 1;
      ui.status.textContent = `Checking ${what}: ${done} of ${total}…`;
    },
    cancelled: () => !current(),
  });
  if (entries === null || !current()) return null;
  ui.progress.hidden = true;
  return entries;
}

/** What a check says: how many codes, how many verified, in what time, and what was added. */
export function checkSummary(
  entries: readonly Entry<ClassResult>[],
  ms: number,
  added: { fresh: number; total: number },
): string {
  const valid = entries.filter((e) => e.check.valid).length;
  const codes = entries.length;
  const invalid = entries.length - valid;
  const dups = entries.reduce((n, e) => n + e.also.length, 0);
  const dupText = dups ? ` ${plural(dups, 'duplicate')} listed once.` : '';
  const there = codes - added.fresh;
  const addText = ` ${added.fresh} new${there ? `, ${there} already in the class` : ''}; the class now has ${plural(added.total, 'code')}.`;
  return (
    (invalid === 0
      ? `Verified ${plural(codes, 'code')} in ${seconds(ms)}.`
      : `Checked ${plural(codes, 'code')} in ${seconds(ms)}: ${valid} verified, ${invalid} could not be verified (listed below).`) +
    dupText +
    addText
  );
}

/** A file read for codes, or why it was not. */
export function fileLine(f: LoadedFile): HTMLElement {
  return h(
    'li',
    null,
    f.problem
      ? h('span', { class: 'flag' }, `${f.name}: ${f.problem}`)
      : `${f.name}: ${plural(rowCount(f.text!), 'row')} read.`,
  );
}

/** The codes that could not be verified, and why; then the lines skipped as headers. */
export function problemsView(
  entries: readonly Entry<ClassResult>[],
  headers: readonly Skipped[],
): HTMLElement[] {
  const invalid = entries.filter((e) => !e.check.valid);
  const parts: HTMLElement[] = [];
  if (invalid.length)
    parts.push(
      h('h4', null, `Could not be verified (${invalid.length})`),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'invalid' },
          h('caption', { class: 'vh' }, 'Codes that could not be verified, and why'),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Where', 'What was given', 'Why'].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            null,
            invalid.map((e) =>
              h(
                'tr',
                null,
                h(
                  'th',
                  { scope: 'row' },
                  placeOf(e.first),
                  e.also.length ? ` (and ${plural(e.also.length, 'more line')})` : '',
                ),
                h('td', { class: 'text' }, h('code', null, shorten(e.first.text))),
                h('td', { class: 'text' }, e.check.valid ? '' : e.check.reason),
              ),
            ),
          ),
        ),
      ),
    );
  if (headers.length)
    parts.push(
      h(
        'p',
        { class: 'help' },
        'Skipped as header rows: ',
        headers.map((s) => `${placeOf(s, false)} (“${shorten(s.text, 30, 0)}”)`).join('; '),
        '.',
      ),
    );
  return parts;
}

/** A file name from the class label: "frozen-assets-results-History-9C.csv". */
export function fileName(stem: string, label: string, ext: string): string {
  const clean = label.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/gu, '');
  return `${stem}${clean ? `-${clean}` : ''}.${ext}`;
}

/** Downloads a file made here; returns the object URL to revoke when the page goes. */
export function download(name: string, parts: BlobPart[], type: string): string {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  return url;
}

/** Downloads the class's results as CSV (with the names as the teacher corrected them). */
export function downloadCsv(
  entries: Entry<ClassResult>[],
  session: ClassSession,
  base: string,
): string {
  const csv = toCsv(resultRows(entries, session, base));
  // The byte order mark makes spreadsheet programs read names as UTF-8.
  return download(
    fileName('frozen-assets-results', session.classLabel, 'csv'),
    ['\uFEFF', csv],
    'text/csv;charset=utf-8',
  );
}

/** Keeping the class: download it as a file, add a file's codes, and what the store said. */
function keepControls() {
  const importHelp = h(
    'p',
    { id: uid('class-import-help'), class: 'help' },
    'A class file downloaded from this page, on this or another computer. Its codes are added to this class and checked again.',
  );
  const importInput = h('input', {
    id: uid('class-import'),
    type: 'file',
    accept: '.json,application/json',
    'aria-describedby': importHelp.id,
  });
  const exportButton = h('button', { type: 'button' }, 'Download the class file');
  const status = h('p', { class: 'help keep-status', role: 'status' });
  const note = h('p', { class: 'notice', hidden: true });
  const el = h(
    'div',
    { class: 'keep' },
    h('h4', null, 'Keep the class'),
    h(
      'div',
      { class: 'actions-row' },
      exportButton,
      h(
        'p',
        { class: 'help' },
        'Every code of this class, with your corrections of names, in one file to keep or to open on another computer.',
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: importInput.id }, 'Add the codes of a class file'),
      importInput,
      importHelp,
    ),
    status,
  );
  return { el, note, exportButton, importInput, status };
}
