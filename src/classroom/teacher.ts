import type { StorageLike } from '../app/store';
import { h, uid } from '../dom/h';
import { classView, type SortKey } from './classview';
import {
  groupCandidates,
  placeOf,
  readCandidates,
  shorten,
  type Candidate,
  type Entry,
  type Skipped,
} from './collect';
import { resultRows, toCsv } from './csv';
import type { ClassResult } from './results';
import { createRunner } from './runner';
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
} = {
  session: null,
  pasted: '',
  files: [],
  entries: [],
  headers: [],
  summary: '',
  includeOther: false,
  sort: 'given',
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
  let note: string | null = null;
  if (!memory.session) {
    const read = readSession(storage);
    if (read.kind === 'ok') memory.session = read.session;
    else {
      memory.session = defaultSession(opts.randomSeed());
      if (read.kind === 'error') note = read.reason;
    }
  }
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
    session: memory.session,
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
  const pasteId = uid('class-paste');
  const pasteHelp = h(
    'p',
    { id: uid('class-paste-help'), class: 'help' },
    'One per line: result codes or replay links, as students copied them. Rows copied from a spreadsheet work too.',
  );
  const paste = h('textarea', {
    id: pasteId,
    class: 'paste',
    rows: 8,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': pasteHelp.id,
  });
  paste.value = memory.pasted;
  paste.addEventListener('input', () => (memory.pasted = paste.value));

  const fileId = uid('class-file');
  const fileHelp = h(
    'p',
    { id: uid('class-file-help'), class: 'help' },
    'A .txt or .csv file, for example a form’s export. Any cell that holds a code or a replay link is read; a header row is skipped.',
  );
  const fileInput = h('input', {
    id: fileId,
    type: 'file',
    accept: '.txt,.csv,text/plain,text/csv',
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

  const renderFiles = () => {
    fileList.replaceChildren(
      ...memory.files.map((f) =>
        h(
          'li',
          null,
          f.problem
            ? h('span', { class: 'flag' }, `${f.name}: ${f.problem}`)
            : `${f.name}: ${plural(f.text!.split(/\r\n|\r|\n/u).filter((l) => l.trim()).length, 'line')} read.`,
        ),
      ),
    );
  };

  const renderProblems = () => {
    const invalid = memory.entries.filter((e) => !e.check.valid);
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
                h('th', { scope: 'col' }, 'Where'),
                h('th', { scope: 'col' }, 'What was given'),
                h('th', { scope: 'col' }, 'Why'),
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
    if (memory.headers.length)
      parts.push(
        h(
          'p',
          { class: 'help' },
          'Skipped as header rows: ',
          memory.headers
            .map((s) => `${placeOf(s, false)} (“${shorten(s.text, 30, 0)}”)`)
            .join('; '),
          '.',
        ),
      );
    problems.replaceChildren(...parts);
  };

  // ---- 3 and 4. the class
  const classSlot = h('div', { class: 'class-slot' });
  const renderClass = () => {
    const v = classView(
      {
        entries: memory.entries,
        session: memory.session!,
        base: opts.base,
        includeOther: memory.includeOther,
        sort: memory.sort,
      },
      {
        onIncludeOther: (include) => {
          memory.includeOther = include;
          renderClass();
          focusFirst(classSlot, 'input[type="checkbox"]');
        },
        onSort: (sort) => {
          memory.sort = sort;
          renderClass();
          focusFirst(classSlot, 'select');
        },
        onExport: exportCsv,
      },
    );
    classSlot.replaceChildren(v.results, v.debrief);
  };

  const exportCsv = () => {
    const csv = toCsv(resultRows(memory.entries, memory.session!, opts.base));
    // The byte order mark makes spreadsheet programs read names as UTF-8.
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    urls.push(url);
    const label = memory
      .session!.classLabel.replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/gu, '');
    const a = h('a', {
      href: url,
      download: `frozen-assets-results${label ? `-${label}` : ''}.csv`,
      hidden: true,
    });
    document.body.append(a);
    a.click();
    a.remove();
  };

  const check = async () => {
    const id = ++run;
    const start = opts.now();
    const candidates: Candidate[] = [];
    const headers: Skipped[] = [];
    const add = (text: string, source: string) => {
      const p = readCandidates(text, source);
      candidates.push(...p.candidates);
      headers.push(...p.headers);
    };
    add(paste.value, 'pasted');
    for (const f of memory.files) if (f.text !== null) add(f.text, f.name);
    const groups = groupCandidates(candidates);
    if (groups.length === 0) {
      memory.entries = [];
      memory.headers = headers;
      status.textContent = 'There is nothing to check yet: paste codes or choose a file first.';
      renderProblems();
      renderClass();
      return;
    }
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Checking ${plural(groups.length, 'code')}…`;
    const entries = await runner.check(groups, {
      onProgress: (done, total) => {
        if (id !== run || destroyed) return;
        progress.value = total ? done / total : 1;
        status.textContent = `Checking codes: ${done} of ${total}…`;
      },
      cancelled: () => id !== run || destroyed,
    });
    if (entries === null || id !== run || destroyed) return;
    const ms = opts.now() - start;
    progress.hidden = true;
    memory.entries = entries;
    memory.headers = headers;
    const valid = entries.filter((e) => e.check.valid).length;
    const codes = entries.length;
    const invalid = entries.length - valid;
    const dups = entries.reduce((n, e) => n + e.also.length, 0);
    const dupText = dups ? ` ${plural(dups, 'duplicate')} listed once.` : '';
    memory.summary =
      invalid === 0
        ? `Verified ${plural(codes, 'code')} in ${seconds(ms)}.${dupText}`
        : `Checked ${plural(codes, 'code')} in ${seconds(ms)}: ${valid} verified, ${invalid} could not be verified (listed below).${dupText}`;
    status.textContent = memory.summary;
    renderProblems();
    renderClass();
  };

  checkButton.addEventListener('click', () => void check());
  clearButton.addEventListener('click', () => {
    run++;
    paste.value = '';
    fileInput.value = '';
    Object.assign(memory, { pasted: '', files: [], entries: [], headers: [], summary: '' });
    progress.hidden = true;
    status.textContent = 'Cleared.';
    renderFiles();
    renderProblems();
    renderClass();
    paste.focus();
  });
  fileInput.addEventListener('change', () => {
    const files = [...(fileInput.files ?? [])];
    void Promise.all(
      files.map(async (f): Promise<LoadedFile> => {
        if (f.size > MAX_FILE_BYTES)
          return { name: f.name, text: null, problem: 'larger than 2 MB, so it was not read.' };
        try {
          return { name: f.name, text: await f.text(), problem: null };
        } catch {
          return { name: f.name, text: null, problem: 'the browser could not read it.' };
        }
      }),
    ).then((loaded) => {
      if (destroyed) return;
      memory.files = loaded;
      renderFiles();
      void check();
    });
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
      h('label', { for: pasteId }, 'Paste result codes'),
      paste,
      pasteHelp,
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: fileId }, 'Or read them from files'),
      fileInput,
      fileHelp,
      fileList,
    ),
    h('div', { class: 'inline' }, checkButton, clearButton),
    progress,
    status,
    problems,
  );

  const el = h(
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
        { type: 'button', class: 'secondary', onClick: () => opts.onBack() },
        'Back to the main menu',
      ),
    ),
    setup.el,
    saveNote,
    collect,
    classSlot,
  );

  status.textContent = memory.summary;
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

/** After a re-render, puts focus back on the control that caused it. */
function focusFirst(scope: HTMLElement, selector: string) {
  scope.querySelector<HTMLElement>(selector)?.focus();
}
