import type { StorageLike } from '../app/store';
import { ask, h } from '../dom/h';
import { adoption, blankLines, classLinkIn } from './adopt';
import { classView, type GroupKey, type SortKey } from './classview';
import { withSheetNames, type Check, type Entry, type Skipped } from './collect';
import {
  classFile,
  emptyClass,
  mergeGroups,
  pasteSource,
  readClassFile,
  readKept,
  writeKept,
  cleanName,
  type Kept,
  type KeptClass,
} from './kept';
import { sameNames, withNames, type ClassResult } from './results';
import { createRunner, type Runner } from './runner';
import { debriefItems } from './debrief';
import { teacherPack } from './pack';
import { projectorView } from './projector';
import {
  defaultSession,
  fitPrompt,
  flagText,
  readSession,
  sessionScenario,
  writeSession,
  type ClassSession,
} from './session';
import { classStats } from './stats';
import { setupView } from './setup';
import {
  checkSummary,
  collectControls,
  download,
  downloadCsv,
  fileLine,
  fileName,
  gather,
  plural,
  problemsView,
  readFiles,
  verify,
  type LoadedFile,
} from './teacher-collect';
import './classroom.css';

// The teacher's page (#teacher): set up a class game and hand out its link, QR code and a
// printed briefing; collect result codes by pasting or from files; verify each by replaying it;
// see the class side by side with charts, debrief questions and a CSV export. Checked codes are
// kept in this browser per class (kept.ts) and verified again when the page opens. Everything
// stays in this browser: no accounts, no server, no network requests.

export interface TeacherOptions {
  /** page address without fragment, for building links */
  base: string;
  randomSeed(): number;
  /** a performance.now-like clock for the timings shown */
  now(): number;
  onBack(): void;
}

/** What the page keeps while it is open, so leaving for the menu and coming back keeps it. */
const memory: {
  session: ClassSession | null;
  /** the kept classes, by class label (null: not read yet) */
  kept: Kept | null;
  /** the class shown: its label */
  classKey: string;
  /** every code checked while the page was open, by code */
  checked: Map<string, Check<ClassResult>>;
  pasted: string;
  files: LoadedFile[];
  headers: Skipped[];
  summary: string;
  includeOther: boolean;
  sort: SortKey;
  /** the teacher's grouping of the table (absent: by route for a class of forks) */
  group: GroupKey | undefined;
} = {
  session: null,
  kept: null,
  classKey: '',
  checked: new Map(),
  pasted: '',
  files: [],
  headers: [],
  summary: '',
  includeOther: false,
  sort: 'given',
  group: undefined,
};

/** The page's parts and state that the steps below share. */
interface Ctx {
  opts: TeacherOptions;
  storage: StorageLike | null;
  runner: Runner;
  c: ReturnType<typeof collectControls>;
  urls: string[];
  /** bumped by every check, so an older one stops */
  run: number;
  destroyed: boolean;
  setupSlot: HTMLElement;
  setup: ReturnType<typeof setupView> | null;
  saveNote: HTMLElement;
  renderClass(): void;
}

function browserStorage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const today = () => new Date().toISOString().slice(0, 10);

export function mountTeacher(
  root: HTMLElement,
  opts: TeacherOptions,
): { heading: HTMLElement; destroy(): void } {
  const storage = browserStorage();
  const note = memory.session ? null : recallSession(storage, opts.randomSeed);
  const keptNote = memory.kept ? null : recallKept(storage);
  const heading = h('h2', { id: 'teacher-title', tabIndex: -1 }, 'Classroom: run a class game');
  const c = collectControls(() => memory.session?.classLabel ?? '');
  const ctx: Ctx = {
    opts,
    storage,
    // Workers to replay codes in parallel: one per core, up to four, started now to be warm.
    runner: createRunner(Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2))),
    c,
    urls: [],
    run: 0,
    destroyed: false,
    setupSlot: h('div', { class: 'setup-slot' }),
    setup: null,
    saveNote: h('p', { class: 'help', role: 'status' }),
    renderClass: () => {},
  };
  mountSetup(ctx, note);
  const classSlot = h('div', { class: 'class-slot' });
  ctx.renderClass = classRenderer(ctx, classSlot);

  c.paste.value = memory.pasted;
  c.paste.addEventListener('input', () => (memory.pasted = c.paste.value));
  c.checkButton.addEventListener('click', () => void check(ctx));
  c.clearButton.addEventListener('click', () => void clearClass(ctx));
  c.fileInput.addEventListener('change', () => {
    void readFiles([...(c.fileInput.files ?? [])]).then((loaded) => {
      if (ctx.destroyed) return;
      memory.files = loaded;
      c.fileList.replaceChildren(...loaded.map(fileLine));
      void check(ctx);
    });
  });
  c.keep.exportButton.addEventListener('click', () => exportClass(ctx));
  c.keep.importInput.addEventListener('change', () => void importClass(ctx));
  showKeptNote(ctx, keptNote);

  const el = pageLayout(heading, opts.onBack, ctx.setupSlot, ctx.saveNote, c.collect, classSlot);
  c.status.textContent = memory.summary;
  c.fileList.replaceChildren(...memory.files.map(fileLine));
  root.replaceChildren(el);
  memory.classKey = memory.session!.classLabel;
  void loadClass(ctx, false);

  return {
    heading,
    destroy() {
      ctx.destroyed = true;
      ctx.run++;
      ctx.runner.destroy();
      ctx.setup?.destroy();
      for (const url of ctx.urls) URL.revokeObjectURL(url);
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

/** Reads the kept classes; returns what was wrong with them, if anything. */
function recallKept(storage: StorageLike | null): string | null {
  const read = readKept(storage);
  memory.kept = read.kept;
  return read.problem;
}

function showKeptNote(ctx: Ctx, text: string | null) {
  ctx.c.keep.note.textContent = text ?? '';
  ctx.c.keep.note.hidden = !text;
}

/** The class shown (made empty when nothing is kept for it). */
function shown(): KeptClass {
  const kept = (memory.kept ??= {});
  return (kept[memory.classKey] ??= emptyClass());
}

/** Keeps the classes in the browser, saying so when it cannot. */
function save(ctx: Ctx) {
  const problem = writeKept(ctx.storage, memory.kept ?? {});
  if (problem) showKeptNote(ctx, problem);
}

/** Part 1, (re)built from the page's class game: after a pasted link, an adoption, or a change called off. */
function mountSetup(ctx: Ctx, note: string | null) {
  ctx.setup?.destroy();
  const link = (l: string) => {
    const cls = (memory.kept ??= {})[memory.session!.classLabel] ?? emptyClass();
    memory.kept[memory.session!.classLabel] = { ...cls, shared: l };
    save(ctx);
  };
  ctx.setup = setupView({
    base: ctx.opts.base,
    session: memory.session!,
    randomSeed: ctx.opts.randomSeed,
    note,
    now: ctx.opts.now,
    shared: () => memory.kept?.[memory.session!.classLabel]?.shared ?? null,
    onShare: link,
    onRevert: () => {
      mountSetup(ctx, null);
      ctx.setup?.focusSeed();
    },
    readLink: (text) =>
      classLinkIn(text, today())?.session ??
      'This is not a class link: it should start like the one above and hold “#play?”.',
    onLink: (s) => restore(ctx, s, 'The set-up now follows the class link you pasted.'),
    onChange: (s) => {
      memory.session = s;
      ctx.saveNote.textContent = writeSession(ctx.storage, s) ?? '';
      followLabel(ctx);
      ctx.renderClass();
    },
  });
  ctx.setupSlot.replaceChildren(ctx.setup.el);
}

/** Sets up another class game (a pasted link, the codes' game, a class file's). */
function restore(ctx: Ctx, session: ClassSession, note: string) {
  memory.session = fitPrompt(session);
  ctx.saveNote.textContent = writeSession(ctx.storage, memory.session) ?? '';
  mountSetup(ctx, note);
  followLabel(ctx);
  ctx.renderClass();
}

/** Shows the kept class of the class label, when the label changed. */
function followLabel(ctx: Ctx) {
  const label = memory.session!.classLabel;
  if (label === memory.classKey) return;
  memory.classKey = label;
  memory.headers = [];
  void loadClass(ctx, true);
}

/** Verifies the kept codes of the class shown that this page has not checked yet, then shows it. */
async function loadClass(ctx: Ctx, switched: boolean) {
  const cls = shown();
  const missing = cls.groups.filter((g) => !memory.checked.has(g.key));
  const id = ++ctx.run;
  const start = ctx.opts.now();
  const what = `the ${plural(missing.length, 'code')} kept in this browser`;
  const entries = await verify(ctx.runner, ctx.c, missing, what, () => current(ctx, id));
  if (!entries) return;
  for (const e of entries) memory.checked.set(e.key, e.check);
  const label = memory.classKey ? `class “${memory.classKey}”` : 'the class without a label';
  if (missing.length)
    memory.summary = `${plural(cls.groups.length, 'code')} kept in this browser for ${label}, verified again in ${((ctx.opts.now() - start) / 1000).toFixed(2)} s.`;
  else if (switched)
    memory.summary = cls.groups.length
      ? `Showing the ${plural(cls.groups.length, 'code')} kept for ${label}.`
      : `No codes kept yet for ${label}.`;
  ctx.c.status.textContent = memory.summary;
  ctx.renderClass();
}

const current = (ctx: Ctx, id: number) => id === ctx.run && !ctx.destroyed;

/** The class shown, each code with its check (codes still being checked are left out). */
function classEntries(cls: KeptClass): Entry<ClassResult>[] {
  // A code that carries no name takes the one its sheet's row gave (a form's name column).
  return withSheetNames(
    cls.groups.flatMap((g) => {
      const check = memory.checked.get(g.key);
      return check ? [{ ...g, check }] : [];
    }),
  );
}

/** Checks what was pasted and the files chosen, and adds them to the class shown. */
async function check(ctx: Ctx) {
  const { c } = ctx;
  let text = c.paste.value;
  const link = classLinkIn(text, today());
  if (link) {
    restore(ctx, link.session, 'The set-up now follows the class link you pasted.');
    text = blankLines(text, link.lines);
  }
  const cls = shown();
  const { groups, headers } = gather(text, memory.files, pasteSource(cls.checks));
  if (groups.length === 0) {
    c.status.textContent = link
      ? 'The set-up now follows the class link you pasted (above). Paste result codes to check them.'
      : 'There is nothing to check yet: paste codes or choose a file first.';
    if (link) c.paste.value = memory.pasted = '';
    return;
  }
  const id = ++ctx.run;
  const start = ctx.opts.now();
  const fresh = groups.filter((g) => !memory.checked.has(g.key));
  const entries = await verify(ctx.runner, c, fresh, plural(groups.length, 'code'), () =>
    current(ctx, id),
  );
  if (!entries) return;
  for (const e of entries) memory.checked.set(e.key, e.check);
  const known = new Set(cls.groups.map((g) => g.key));
  const merged = mergeGroups(cls.groups, groups);
  Object.assign(cls, { groups: merged, checks: cls.checks + 1 });
  save(ctx);
  const checked = groups.map((g) => ({ ...g, check: memory.checked.get(g.key)! }));
  const added = { fresh: groups.filter((g) => !known.has(g.key)).length, total: merged.length };
  memory.summary = checkSummary(checked, ctx.opts.now() - start, added);
  memory.headers = headers;
  c.status.textContent = memory.summary;
  // What was checked is in the class now: the box and the files are ready for the next ones.
  c.paste.value = memory.pasted = '';
  c.fileInput.value = '';
  memory.files = [];
  ctx.renderClass();
}

/** Removes the class's codes from this browser, once the teacher said yes. */
async function clearClass(ctx: Ctx) {
  const cls = shown();
  if (cls.groups.length === 0 && !ctx.c.paste.value) {
    ctx.c.status.textContent = 'There is nothing to clear.';
    return;
  }
  const answer = await ask(
    'Clear the class?',
    [
      h(
        'p',
        null,
        `This removes the ${plural(cls.groups.length, 'code')} of this class from this browser, with your corrections of names. Download the class file first to keep a copy.`,
      ),
    ],
    [
      { value: 'keep', label: 'Keep them' },
      { value: 'clear', label: 'Clear the class' },
    ],
  );
  if (answer !== 'clear' || ctx.destroyed) return;
  ctx.run++;
  Object.assign(cls, { groups: [], names: {}, checks: 0 });
  save(ctx);
  ctx.c.paste.value = memory.pasted = '';
  ctx.c.fileInput.value = '';
  Object.assign(memory, { files: [], headers: [], summary: 'Cleared.' });
  ctx.c.progress.hidden = true;
  ctx.c.status.textContent = 'Cleared.';
  ctx.c.fileList.replaceChildren();
  ctx.renderClass();
  ctx.c.paste.focus();
}

/** Downloads the class shown as a class file. */
function exportClass(ctx: Ctx) {
  const label = memory.classKey;
  const text = classFile(label, memory.session!, shown());
  const name = fileName('frozen-assets-class', label, 'json');
  ctx.urls.push(download(name, [text], 'application/json'));
  ctx.c.keep.status.textContent = `Downloaded ${name} (${plural(shown().groups.length, 'code')}).`;
}

/** Adds the codes (and corrected names) of a class file to the class shown. */
async function importClass(ctx: Ctx) {
  const input = ctx.c.keep.importInput;
  const [loaded] = await readFiles([...(input.files ?? [])].slice(0, 1));
  input.value = '';
  if (!loaded || ctx.destroyed) return;
  const read = loaded.text === null ? null : readClassFile(loaded.text);
  if (!read || !read.ok) {
    ctx.c.keep.status.textContent = `${loaded.name} could not be added: ${read ? read.reason : loaded.problem}`;
    return;
  }
  // A page with nothing kept for its class takes the file's class game as well.
  if (shown().groups.length === 0 && read.session)
    restore(ctx, read.session, `The set-up now follows the class file ${loaded.name}.`);
  const cls = shown();
  const before = cls.groups.length;
  cls.groups = mergeGroups(cls.groups, read.kept.groups);
  cls.names = { ...read.kept.names, ...cls.names };
  cls.checks = Math.max(cls.checks, read.kept.checks);
  save(ctx);
  const lost = read.lost
    ? ` ${plural(read.lost, 'entry', 'entries')} of the file could not be read.`
    : '';
  ctx.c.keep.status.textContent = `Added ${plural(cls.groups.length - before, 'code')} from ${loaded.name}.${lost}`;
  await loadClass(ctx, false);
}

/** Parts 3 and 4 in their slot; the returned function rebuilds them from what the page keeps. */
function classRenderer(ctx: Ctx, slot: HTMLElement): () => void {
  const again = (selector: string) => {
    render();
    slot.querySelector<HTMLElement>(selector)?.focus();
  };
  const change = (f: (cls: KeptClass) => void, selector: string) => {
    f(shown());
    save(ctx);
    again(selector);
  };
  const render = () => {
    const cls = shown();
    const entries = classEntries(cls);
    const named = withNames(entries, cls.names, false);
    // What the table, the pack and the projector show: the names, or "Student 1", "Student 2"…
    const shownNames = cls.hideNames ? withNames(entries, {}, true) : named;
    const results = named.flatMap((e) => (e.check.valid ? [e.check.result] : []));
    const v = classView(
      {
        entries: shownNames,
        session: memory.session!,
        base: ctx.opts.base,
        includeOther: memory.includeOther,
        sort: memory.sort,
        group: memory.group,
        hideNames: cls.hideNames,
        namesakes: sameNames(named),
        adoption: adoption(results, memory.session!),
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
        onHideNames: (hide) => change((c) => (c.hideNames = hide), 'input[data-option="hide"]'),
        onRename: (key, name) =>
          change(
            (c) => {
              const clean = cleanName(name);
              const typed = entries.find((e) => e.key === key);
              const own = typed?.check.valid ? typed.check.result.name : '';
              if (clean === '' || clean === own) delete c.names[key];
              else c.names[key] = clean;
            },
            `button.edit-name[data-key="${CSS.escape(key)}"]`,
          ),
        onAdopt: () => {
          const a = adoption(results, memory.session!);
          if (a) restore(ctx, a.session, 'The class game is now the one most codes came from.');
          document.getElementById('class-results-title')?.focus();
        },
        onExport: () => ctx.urls.push(downloadCsv(named, memory.session!, ctx.opts.base)),
      },
    );
    ctx.c.problems.replaceChildren(...problemsView(entries, memory.headers));
    // The pack and the projector speak of the class game's own results, named as the table is.
    const own = shownNames.flatMap((e) =>
      e.check.valid && flagText(e.check.result, memory.session!) === null ? [e.check.result] : [],
    );
    slot.replaceChildren(
      v.results,
      v.debrief,
      projectorPart(own),
      packPart(ctx, own, cls.hideNames),
    );
  };
  return render;
}

/** A names-hidden view of the class for the projector, one question at a time, in a dialog. */
function projectorPart(results: readonly ClassResult[]): HTMLElement {
  const scenario = sessionScenario(memory.session!);
  const dialog = h('dialog', {
    class: 'projector-dialog',
    'aria-label': 'The class, names hidden',
  });
  const open = () => {
    const stats = classStats(results, scenario);
    const close = h(
      'button',
      { type: 'button', class: 'secondary', onClick: () => dialog.close() },
      'Close the projector view',
    );
    dialog.replaceChildren(
      close,
      projectorView(stats, debriefItems(stats, scenario), {
        title: `Frozen Assets: ${scenario.title}`,
      }),
    );
    dialog.showModal();
  };
  return h(
    'div',
    { class: 'projector-entry' },
    h(
      'button',
      { type: 'button', class: 'secondary', disabled: results.length === 0, onClick: open },
      'Project the class (names hidden)',
    ),
    h(
      'p',
      { class: 'help' },
      results.length
        ? 'The charts, then the debrief questions one at a time in large type, with no names: for the projector.'
        : 'Once codes of the class game are checked, its charts and questions can be projected here, names hidden.',
    ),
    dialog,
  );
}

/** The teacher pack: the lesson plan, notes, what really happened and the class's results. */
function packPart(ctx: Ctx, results: readonly ClassResult[], hideNames: boolean): HTMLElement {
  const s = memory.session!;
  return teacherPack({
    scenario: sessionScenario(s),
    base: ctx.opts.base,
    seed: s.seed,
    difficulty: s.difficulty,
    variant: s.variant,
    results,
    hideNames,
  });
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
