import type { StorageLike } from '../app/store';
import { h, uid } from '../dom/h';
import { classView, type GroupKey, type SortKey } from './classview';
import {
  groupCandidates,
  placeOf,
  readCandidates,
  rowCount,
  shorten,
  withSheetNames,
  type Candidate,
  type Entry,
  type Group,
  type Skipped,
} from './collect';
import { decodeText, resultRows, toCsv } from './csv';
import type { ClassResult } from './results';
import { createRunner } from './runner';
import { addCode, scanControl } from './scan';
import { defaultSession, readSession, writeSession, type ClassSession } from './session';
import { setupView } from './setup';
import './classroom.css';

// The teacher's page (#teacher): set up a class game and hand out its link, QR code and a
// printed briefing; collect result codes by pasting or from files; verify each by replaying it;
// see the class side by side with charts, debrief questions and a CSV export. Everything stays
// in this browser: no accounts, no server, no network requests.

export interface TeacherOptions {
  /** page address without fragment, for building links */
  base: string;
  randomSeed(): number;
  /** a performance.now-like clock for the timings shown */
  now(): number;
  onBack(): void;
}

/** Files larger than this are not read (a class's codes fit in a few kB). */
const MAX_FILE_BYTES = 2_000_000;

interface LoadedFile {
  name: string;
  text: string | null;
  /** why it was not read */
  problem: string | null;
}

/** What the page keeps while it is open, so leaving for the menu and coming back keeps it. */
const memory: {
  session: ClassSession | null;
  pasted: string;
  files: LoadedFile[];
  entries: Entry<ClassResult>[];
  headers: Skipped[];
  summary: string;
  includeOther: boolean;
  sort: SortKey;
  /** the teacher's grouping of the table (absent: by route for a class of forks) */
  group: GroupKey | undefined;
} = {
  session: null,
  pasted: '',
  files: [],
  entries: [],
  headers: [],
  summary: '',
  includeOther: false,
  sort: 'given',
  group: undefined,
};

function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function mountTeacher(
  root: HTMLElement,
  opts: TeacherOptions,
): { heading: HTMLElement; destroy(): void } {
  const storage = browserStorage();
  const note = memory.session ? null : recallSession(storage, opts.randomSeed);
  let destroyed = false;
  let run = 0;
  // Workers to replay codes in parallel: one per core, up to four, started now to be warm.
  const runner = createRunner(Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)));
  const urls: string[] = [];

  const heading = h('h2', { id: 'teacher-title', tabIndex: -1 }, 'Classroom: run a class game');

  // ---- 1. set-up
  const saveNote = h('p', { class: 'help', role: 'status' });
  const setup = setupView({
    base: opts.base,
    session: memory.session!,
    randomSeed: opts.randomSeed,
    note,
    now: opts.now,
    onChange: (s) => {
      memory.session = s;
      saveNote.textContent = writeSession(storage, s) ?? '';
      renderClass();
    },
  });

  // ---- 2. collecting codes
  const c = collectControls();
  c.paste.value = memory.pasted;
  c.paste.addEventListener('input', () => (memory.pasted = c.paste.value));

  const renderFiles = () => c.fileList.replaceChildren(...memory.files.map(fileLine));

  const renderProblems = () =>
    c.problems.replaceChildren(...problemsView(memory.entries, memory.headers));

  // ---- 3 and 4. the class
  const { slot: classSlot, render: renderClass } = classPart(opts.base, urls);

  const check = async () => {
    const id = ++run;
    const done = await checkAll(
      runner,
      { progress: c.progress, status: c.status },
      gather(c.paste.value, memory.files),
      opts.now,
      () => id === run && !destroyed,
    );
    if (!done) return;
    memory.entries = withSheetNames(done.entries);
    memory.headers = done.headers;
    if (done.summary !== null) memory.summary = done.summary;
    c.status.textContent = done.summary ?? done.status;
    renderProblems();
    renderClass();
  };

  c.checkButton.addEventListener('click', () => void check());
  c.clearButton.addEventListener('click', () => {
    run++;
    c.paste.value = '';
    c.fileInput.value = '';
    Object.assign(memory, { pasted: '', files: [], entries: [], headers: [], summary: '' });
    c.progress.hidden = true;
    c.status.textContent = 'Cleared.';
    renderFiles();
    renderProblems();
    renderClass();
    c.paste.focus();
  });
  c.fileInput.addEventListener('change', () => {
    const files = [...(c.fileInput.files ?? [])];
    void readFiles(files).then((loaded) => {
      if (destroyed) return;
      memory.files = loaded;
      renderFiles();
      void check();
    });
  });

  const el = pageLayout(heading, opts.onBack, setup.el, saveNote, c.collect, classSlot);

  c.status.textContent = memory.summary;
  renderFiles();
  renderProblems();
  renderClass();
  root.replaceChildren(el);

  return {
    heading,
    destroy() {
      destroyed = true;
      run++;
      runner.destroy();
      setup.destroy();
      for (const url of urls) URL.revokeObjectURL(url);
      el.remove();
    },
  };
}

/** Sets the remembered class game (or a fresh one); returns why the remembered one was not used. */
function recallSession(storage: StorageLike | null, randomSeed: () => number): string | null {
  const read = readSession(storage);
  if (read.kind === 'ok') {
    memory.session = read.session;
    return null;
  }
  memory.session = defaultSession(randomSeed());
  return read.kind === 'error' ? read.reason : null;
}

/** Parts 3 and 4 in their slot, rebuilt by `render` from what the page keeps. */
function classPart(base: string, urls: string[]): { slot: HTMLElement; render(): void } {
  const slot = h('div', { class: 'class-slot' });
  const again = (selector: string) => {
    render();
    focusFirst(slot, selector);
  };
  const render = () => {
    const v = classView(
      {
        entries: memory.entries,
        session: memory.session!,
        base,
        includeOther: memory.includeOther,
        sort: memory.sort,
        group: memory.group,
      },
      {
        onIncludeOther: (include) => {
          memory.includeOther = include;
          again('input[type="checkbox"]');
        },
        onSort: (sort) => {
          memory.sort = sort;
          again('select[data-option="sort"]');
        },
        onGroup: (group) => {
          memory.group = group;
          again('select[data-option="group"]');
        },
        onExport: () => urls.push(downloadCsv(memory.entries, memory.session!, base)),
      },
    );
    slot.replaceChildren(v.results, v.debrief);
  };
  return { slot, render };
}

/** The distinct codes in what was pasted and in the files read, and the header rows skipped. */
function gather(pasted: string, files: LoadedFile[]): { groups: Group[]; headers: Skipped[] } {
  const candidates: Candidate[] = [];
  const headers: Skipped[] = [];
  const add = (text: string, source: string) => {
    const p = readCandidates(text, source);
    candidates.push(...p.candidates);
    headers.push(...p.headers);
  };
  add(pasted, 'pasted');
  for (const f of files) if (f.text !== null) add(f.text, f.name);
  return { groups: groupCandidates(candidates), headers };
}

/** Part 2's controls (pasting, files, the check and its progress) and their section. */
function collectControls() {
  const pasteHelp = h(
    'p',
    { id: uid('class-paste-help'), class: 'help' },
    'One per line: result codes or replay links, as students copied them. Rows copied from a spreadsheet work too.',
  );
  const paste = h('textarea', {
    id: uid('class-paste'),
    class: 'paste',
    rows: 8,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': pasteHelp.id,
  });
  const fileHelp = h(
    'p',
    { id: uid('class-file-help'), class: 'help' },
    'A .txt, .csv or .tsv file, for example a form’s export. Any cell that holds a code or a replay link is read; a header row is skipped, and its name or email column names codes that carry no name.',
  );
  const fileInput = h('input', {
    id: uid('class-file'),
    type: 'file',
    accept: '.txt,.csv,.tsv,text/plain,text/csv,text/tab-separated-values',
    multiple: true,
    'aria-describedby': fileHelp.id,
  });
  const fileList = h('ul', { class: 'file-list' });
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
  const clearButton = h('button', { type: 'button', class: 'secondary' }, 'Clear');
  const scan = scanControl({
    add: (code) => addCode(paste, code),
    classLabel: () => memory.session?.classLabel ?? '',
    onStop: (added) => void (added > 0 && checkButton.click()),
  });
  const collect = h(
    'section',
    { class: 'panel class-collect', 'aria-labelledby': 'class-collect-title' },
    h('h3', { id: 'class-collect-title' }, '2. Collect results'),
    h(
      'p',
      null,
      'Each code is checked by replaying the game it describes, so a code whose numbers were edited is caught. Codes stay in this browser.',
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: paste.id }, 'Paste result codes'),
      paste,
      pasteHelp,
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: fileInput.id }, 'Or read them from files'),
      fileInput,
      fileHelp,
      fileList,
    ),
    scan,
    h('div', { class: 'inline' }, checkButton, clearButton),
    progress,
    status,
    problems,
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
    collect,
  };
}

/** The whole page: its heading and the way back, then parts 1 to 4. */
function pageLayout(
  heading: HTMLElement,
  onBack: () => void,
  ...parts: HTMLElement[]
): HTMLElement {
  return h(
    'div',
    { class: 'teacher' },
    h(
      'div',
      { class: 'teacher-top' },
      h(
        'div',
        null,
        heading,
        h(
          'p',
          { class: 'help' },
          'Give every student the same game, collect their result codes, and see the whole class side by side. Nothing leaves this browser.',
        ),
      ),
      h(
        'button',
        { type: 'button', class: 'secondary', onClick: () => onBack() },
        'Back to the main menu',
      ),
    ),
    ...parts,
  );
}

/** The files chosen, read as text (or why not). */
function readFiles(files: File[]): Promise<LoadedFile[]> {
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
 * Checks the gathered codes with the workers, showing progress. Null when a newer check or
 * leaving the page made this one moot; `summary` is null when there was nothing to check.
 */
async function checkAll(
  runner: ReturnType<typeof createRunner>,
  ui: { progress: HTMLProgressElement; status: HTMLElement },
  { groups, headers }: { groups: Group[]; headers: Skipped[] },
  now: () => number,
  current: () => boolean,
): Promise<{
  entries: Entry<ClassResult>[];
  headers: Skipped[];
  summary: string | null;
  status: string;
} | null> {
  if (groups.length === 0) {
    const status = 'There is nothing to check yet: paste codes or choose a file first.';
    return { entries: [], headers, summary: null, status };
  }
  const start = now();
  ui.progress.hidden = false;
  ui.progress.value = 0;
  ui.status.textContent = `Checking ${plural(groups.length, 'code')}…`;
  const entries = await runner.check(groups, {
    onProgress: (done, total) => {
      if (!current()) return;
      ui.progress.value = total ? done / total : 1;
      ui.status.textContent = `Checking codes: ${done} of ${total}…`;
    },
    cancelled: () => !current(),
  });
  if (entries === null || !current()) return null;
  ui.progress.hidden = true;
  const summary = checkSummary(entries, now() - start);
  return { entries, headers, summary, status: summary };
}

/** What a finished check says: how many codes, how many verified, in what time. */
function checkSummary(entries: Entry<ClassResult>[], ms: number): string {
  const valid = entries.filter((e) => e.check.valid).length;
  const codes = entries.length;
  const invalid = entries.length - valid;
  const dups = entries.reduce((n, e) => n + e.also.length, 0);
  const dupText = dups ? ` ${plural(dups, 'duplicate')} listed once.` : '';
  return invalid === 0
    ? `Verified ${plural(codes, 'code')} in ${seconds(ms)}.${dupText}`
    : `Checked ${plural(codes, 'code')} in ${seconds(ms)}: ${valid} verified, ${invalid} could not be verified (listed below).${dupText}`;
}

/** A file read for codes, or why it was not. */
function fileLine(f: LoadedFile): HTMLElement {
  return h(
    'li',
    null,
    f.problem
      ? h('span', { class: 'flag' }, `${f.name}: ${f.problem}`)
      : `${f.name}: ${plural(rowCount(f.text!), 'row')} read.`,
  );
}

/** The codes that could not be verified, and why; then the lines skipped as headers. */
function problemsView(entries: Entry<ClassResult>[], headers: Skipped[]): HTMLElement[] {
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

/** Downloads the class's results as CSV; returns the object URL to revoke when the page goes. */
function downloadCsv(entries: Entry<ClassResult>[], session: ClassSession, base: string): string {
  const csv = toCsv(resultRows(entries, session, base));
  // The byte order mark makes spreadsheet programs read names as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const label = session.classLabel.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/gu, '');
  const a = h('a', {
    href: url,
    download: `frozen-assets-results${label ? `-${label}` : ''}.csv`,
    hidden: true,
  });
  document.body.append(a);
  a.click();
  a.remove();
  return url;
}

/** After a re-render, puts focus back on the control that caused it. */
function focusFirst(scope: HTMLElement, selector: string) {
  scope.querySelector<HTMLElement>(selector)?.focus();
}
