import { DIFFICULTIES, formatDate, type Difficulty, type Scenario } from '../engine';
import { describeVariant, getScenario, scenarios } from '../scenarios';
import { cleanLabel, MAX_LABEL } from '../share';
import { ask, copyButton, fill, h, uid, type Child } from '../dom/h';
import { briefing, capitalise, DIFFICULTY_HELP } from '../dom/strings';
import { promptText, weekText } from './forks';
import { qrSvg } from '../dom/qr';
import { changesTheGame } from './adopt';
import {
  fitPrompt,
  parseSeed,
  promptWeeks,
  sessionLink,
  sessionScenario,
  type ClassSession,
} from './session';
import { tuneView } from './tune';

// Part 1 of the teacher's page: the class game (scenario, seed, difficulty, hints, class label,
// the teacher's tuning of the scenario and its win rates, a class prompt to start from the real
// path at a week), its link with a Copy button and a QR code, and the one-page briefing students
// get on paper.

export interface SetupOptions {
  base: string;
  session: ClassSession;
  randomSeed(): number;
  /** a valid new session, after every change */
  onChange(session: ClassSession): void;
  /** a note to show at the top (e.g. remembered settings that could not be read) */
  note: string | null;
  /** a performance.now-like clock for the time the win-rate check took */
  now(): number;
  /** the class link as students last got it (copied, printed or opened), or null */
  shared(): string | null;
  /** the class link was copied, printed or opened */
  onShare(link: string): void;
  /** a change was called off: show the class game as it was */
  onRevert(): void;
  /** a class link pasted in its field, as a class game; the reason when it is not one */
  readLink(text: string): ClassSession | string;
  /** set up the game of a pasted class link */
  onLink(session: ClassSession): void;
}

/** The QR code of the class link (one QR helper for the page: src/dom/qr.ts). */
const classQr = (link: string) => qrSvg(link, 'qr', 'QR code of the class link');

/** The form's controls, built from the session they start with. */
function setupFields(session: ClassSession) {
  const all = Object.values(scenarios);
  const scenarioSelect = h(
    'select',
    { id: uid('class-scenario') },
    all.map((s) => h('option', { value: s.id, selected: s.id === session.scenarioId }, s.title)),
  );
  const diffHelp = h('p', { id: uid('class-difficulty-help'), class: 'help' });
  const diffSelect = h(
    'select',
    { id: uid('class-difficulty'), 'aria-describedby': diffHelp.id },
    DIFFICULTIES.map((d) =>
      h('option', { value: d, selected: d === session.difficulty }, capitalise(d)),
    ),
  );
  const seedHelp = h(
    'p',
    { id: uid('class-seed-help'), class: 'help' },
    'Everyone who opens the link plays the same world: the same events and the same reactions to the same moves.',
  );
  const seedError = h('p', { id: uid('class-seed-error'), class: 'error', role: 'alert' });
  const seedInput = h('input', {
    id: uid('class-seed'),
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 10,
    size: 12,
    'aria-describedby': `${seedHelp.id} ${seedError.id}`,
    value: String(session.seed),
  });
  const reseed = h('button', { type: 'button', class: 'secondary' }, 'Pick a random seed');
  const hintsBox = h('input', { id: uid('class-hints'), type: 'checkbox', checked: session.hints });
  const labelHelp = h(
    'p',
    { id: uid('class-label-help'), class: 'help' },
    `Up to ${MAX_LABEL} characters, for example “7B” or “History, Tuesday”. It goes into the link; each result code carries a short tag of it, so codes from another class stand out.`,
  );
  const labelInput = h('input', {
    id: uid('class-label'),
    type: 'text',
    autocomplete: 'off',
    maxlength: MAX_LABEL,
    size: 24,
    'aria-describedby': labelHelp.id,
    value: session.classLabel,
  });
  const fromHelp = h('p', { id: uid('class-from-help'), class: 'help' });
  const fromSelect = h('select', { id: uid('class-from'), 'aria-describedby': fromHelp.id });
  return {
    all,
    scenarioSelect,
    diffSelect,
    diffHelp,
    seedInput,
    seedHelp,
    seedError,
    reseed,
    hintsBox,
    labelInput,
    labelHelp,
    fromSelect,
    fromHelp,
  };
}

type Fields = ReturnType<typeof setupFields>;

/** The prompt's choices for this scenario: the beginning, then weeks 2 to the last with dates. */
function renderPrompt(f: Fields, session: ClassSession, scenario: Scenario): void {
  const weeks = promptWeeks(scenario);
  fill(
    f.fromSelect,
    h('option', { value: '', selected: session.from === undefined }, 'The beginning (no prompt)'),
    weeks.map((w) =>
      h(
        'option',
        { value: String(w), selected: w === session.from },
        `The real path at ${weekText(scenario, w)}`,
      ),
    ),
  );
  f.fromSelect.disabled = weeks.length === 0;
  f.fromHelp.textContent = weeks.length
    ? 'Students begin where governments really stood that week, and try another way.'
    : `${scenario.title} has no real path on record, so its games start at the beginning.`;
}

/** A labelled field: the label, then the control (or what holds it), then its help. */
const field = (label: string, control: HTMLElement, ...rest: Child[]) =>
  h(
    'div',
    { class: 'field' },
    h('label', { for: control.id }, label),
    ...(rest.length ? rest : [control]),
  );

/** The form, laid out. */
function setupForm(f: Fields, session: ClassSession): HTMLElement {
  return h(
    'div',
    { class: 'setup-form' },
    f.all.length > 1
      ? field('Scenario', f.scenarioSelect)
      : h('p', null, h('strong', null, 'Scenario: '), getScenario(session.scenarioId)!.title),
    field('Difficulty', f.diffSelect, f.diffSelect, f.diffHelp),
    field(
      'Seed',
      f.seedInput,
      h('div', { class: 'inline' }, f.seedInput, f.reseed),
      f.seedHelp,
      f.seedError,
    ),
    h(
      'div',
      { class: 'check' },
      f.hintsBox,
      h(
        'label',
        { for: f.hintsBox.id },
        'Coach: students can ask for a move the look-ahead rates well, and for their best route',
      ),
    ),
    field('Class label', f.labelInput, f.labelInput, f.labelHelp),
    field('Start from', f.fromSelect, f.fromSelect, f.fromHelp),
  );
}

/** The class link with its Copy button, a link to try it, and its QR code. */
function linkPanel(onShare: () => void) {
  const box = h('input', {
    id: uid('class-link'),
    type: 'text',
    class: 'class-link',
    readOnly: true,
    spellcheck: 'false',
  });
  const tryLink = h(
    'a',
    { target: '_blank', rel: 'noopener noreferrer', onClick: () => onShare() },
    'Open the class game',
    h('span', { class: 'vh' }, ' (opens in a new tab)'),
  );
  const qrBox = h('div', { class: 'qr-box' });
  const el = h(
    'div',
    { class: 'setup-link' },
    h('h4', null, h('label', { for: box.id }, 'The class link')),
    box,
    h(
      'div',
      {
        class: 'inline',
        onClick: (e: Event) => (e.target as Element).closest('button') && onShare(),
      },
      copyButton(
        () => box.value,
        'Copy the link',
        box,
        'Link copied. Paste it into your class’s page or chat.',
      ),
      tryLink,
    ),
    qrBox,
  );
  const render = (link: string, start: string | null) => {
    box.value = link;
    tryLink.setAttribute('href', link);
    fill(qrBox, classQr(link), start ? h('p', { class: 'qr-start' }, `Start: ${start}`) : null);
  };
  return { el, render };
}

/** The printed briefing's contents for this class game. */
function renderSheet(sheet: HTMLElement, titleId: string, session: ClassSession, link: string) {
  const scenario = sessionScenario(session);
  const changes = describeVariant(session.scenarioId, session.variant);
  const start = session.from === undefined ? null : promptText(scenario, session.from);
  const settings = [
    `Seed ${session.seed}`,
    `${capitalise(session.difficulty)} difficulty`,
    `coach ${session.hints ? 'on' : 'off'}`,
    start ? `start: ${start}` : null,
    changes.length ? 'tuned by your teacher' : null,
  ]
    .filter(Boolean)
    .join(' · ');
  fill(
    sheet,
    h(
      'div',
      { class: 'sheet-head' },
      h(
        'div',
        null,
        h('p', { class: 'sheet-brand' }, 'Frozen Assets · a classroom diplomacy game'),
        h('h5', { id: titleId, class: 'sheet-title' }, scenario.title),
        h(
          'p',
          { class: 'dates' },
          `${formatDate(scenario.startDate)} to ${formatDate(scenario.deadline)}`,
        ),
        start ? h('p', { class: 'sheet-start' }, `Start: ${start}`) : null,
        session.classLabel
          ? h('p', { class: 'sheet-class' }, `Class: ${session.classLabel}`)
          : null,
      ),
      h(
        'figure',
        { class: 'sheet-qr' },
        classQr(link),
        h('figcaption', null, 'Scan to open the game'),
      ),
    ),
    h(
      'ul',
      { class: 'briefing' },
      briefing(scenario).map((line) => h('li', null, line)),
    ),
    changes.length
      ? [
          h('p', { class: 'sheet-steps-title' }, 'Your teacher changed this scenario'),
          h(
            'ul',
            { class: 'sheet-changes' },
            changes.map((line) => h('li', null, line)),
          ),
        ]
      : null,
    h('p', { class: 'sheet-steps-title' }, 'What to do'),
    sheetSteps(scenario, session.from),
    h('p', { class: 'sheet-link' }, link),
    h('p', { class: 'sheet-settings' }, settings),
  );
}

function sheetSteps(scenario: Scenario, from: number | undefined): HTMLElement {
  return h(
    'ol',
    { class: 'sheet-steps' },
    h('li', null, 'Open the link below, or scan the QR code.'),
    from === undefined
      ? h(
          'li',
          null,
          `Play all ${scenario.weeks} weeks to the end. Every government says why it acts; read the reasons.`,
        )
      : h(
          'li',
          null,
          `The game starts at ${weekText(scenario, from)}, where governments really stood. Try another way, and play to the end of week ${scenario.weeks}. Every government says why it acts; read the reasons.`,
        ),
    h('li', null, 'At the end, add your name and copy your result code.'),
    h('li', null, 'Paste the code where your teacher tells you.'),
  );
}

/** Hooks the form's controls to `update`; the tuning follows the scenario and difficulty. */
function wireFields(
  f: Fields,
  get: () => ClassSession,
  update: (next: ClassSession) => void,
  tune: ReturnType<typeof tuneView>,
  randomSeed: () => number,
): void {
  f.scenarioSelect.addEventListener('change', () => {
    if (!getScenario(f.scenarioSelect.value)) return;
    tune.setScenario(f.scenarioSelect.value);
    update({ ...get(), scenarioId: f.scenarioSelect.value, variant: {} });
  });
  f.diffSelect.addEventListener('change', () => {
    const difficulty = f.diffSelect.value as Difficulty;
    tune.setDifficulty(difficulty);
    update({ ...get(), difficulty });
  });
  const readSeed = () => {
    const r = parseSeed(f.seedInput.value);
    if (!r.ok) {
      f.seedError.textContent = `${r.reason} The link below still uses seed ${get().seed}.`;
      f.seedInput.setAttribute('aria-invalid', 'true');
      return;
    }
    f.seedError.textContent = '';
    f.seedInput.removeAttribute('aria-invalid');
    if (r.seed !== get().seed) update({ ...get(), seed: r.seed });
  };
  f.seedInput.addEventListener('input', readSeed);
  f.reseed.addEventListener('click', () => {
    f.seedInput.value = String(randomSeed() >>> 0);
    readSeed();
  });
  f.hintsBox.addEventListener('change', () => update({ ...get(), hints: f.hintsBox.checked }));
  f.labelInput.addEventListener('input', () => {
    const label = cleanLabel(f.labelInput.value);
    if (label !== get().classLabel) update({ ...get(), classLabel: label });
  });
  f.fromSelect.addEventListener('change', () => {
    const { from: _old, ...rest } = get();
    const week = Number(f.fromSelect.value);
    update(f.fromSelect.value === '' ? rest : { ...rest, from: week });
  });
}

/** The question asked before changing a class game whose link students already have. */
function askChange(): Promise<boolean> {
  return ask(
    'Change the class game?',
    [
      h(
        'p',
        null,
        'Students already have the link to this class game (it was copied, printed or opened). Their codes will be flagged as played on another game, and the printed briefings will be wrong; change it anyway?',
      ),
    ],
    [
      { value: 'keep', label: 'Keep the game students have' },
      { value: 'change', label: 'Change it anyway' },
    ],
  ).then((answer) => answer === 'change');
}

/** "Already gave out a link?": a field that sets up the game of a pasted class link. */
function pasteLinkField(opts: SetupOptions): HTMLElement {
  const input = h('input', {
    id: uid('class-paste-link'),
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    size: 40,
  });
  const error = h('p', { class: 'error', role: 'alert' });
  const use = () => {
    const read = opts.readLink(input.value);
    if (typeof read === 'string') error.textContent = read;
    else opts.onLink(read);
  };
  return h(
    'details',
    { class: 'paste-link' },
    h('summary', null, 'Already gave out a link? Paste a class link'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: input.id }, 'Paste a class link'),
      h(
        'div',
        { class: 'inline' },
        input,
        h('button', { type: 'button', onClick: use }, 'Set up its game'),
      ),
      h('p', { class: 'help' }, 'The set-up below becomes the game of that link.'),
      error,
    ),
  );
}

export function setupView(opts: SetupOptions): {
  el: HTMLElement;
  destroy(): void;
  focusSeed(): void;
} {
  let session = fitPrompt(opts.session);
  let asking = false;
  const f = setupFields(session);
  const link = linkPanel(() => opts.onShare(sessionLink(opts.base, session)));
  const sheetTitleId = uid('sheet-title');
  const sheet = h('article', { class: 'print-sheet', 'aria-labelledby': sheetTitleId });

  const render = () => {
    const scenario = sessionScenario(session);
    const url = sessionLink(opts.base, session);
    f.diffHelp.textContent = DIFFICULTY_HELP[session.difficulty];
    renderPrompt(f, session, scenario);
    link.render(url, session.from === undefined ? null : promptText(scenario, session.from));
    renderSheet(sheet, sheetTitleId, session, url);
  };
  const apply = (next: ClassSession) => {
    session = next;
    render();
    opts.onChange(session);
  };
  // A change of the game students already have the link to is asked first; called off, the
  // page shows the game as it was.
  const update = (next: ClassSession) => {
    const fitted = fitPrompt(next);
    const shared = opts.shared() === sessionLink(opts.base, session);
    if (!shared || !changesTheGame(session, fitted)) return apply(fitted);
    if (asking) return;
    asking = true;
    void askChange().then((yes) => {
      asking = false;
      if (yes) apply(fitted);
      else opts.onRevert();
    });
  };
  // The tuning belongs to a scenario: another scenario starts from its designed values.
  const tune = tuneView({
    scenarioId: session.scenarioId,
    variant: session.variant,
    difficulty: session.difficulty,
    now: opts.now,
    onChange: (variant) => update({ ...session, variant }),
  });
  wireFields(f, () => session, update, tune, opts.randomSeed);
  render();
  const el = setupPanel(opts, f, session, link.el, tune.el, sheet, () =>
    opts.onShare(sessionLink(opts.base, session)),
  );
  return { el, destroy: () => tune.destroy(), focusSeed: () => f.seedInput.focus() };
}

/** Part 1 laid out: the form and link, the tuning, the briefing and its Print button. */
function setupPanel(
  opts: SetupOptions,
  f: Fields,
  session: ClassSession,
  linkEl: HTMLElement,
  tuneEl: HTMLElement,
  sheet: HTMLElement,
  onPrint: () => void,
): HTMLElement {
  return h(
    'section',
    { class: 'panel class-setup', 'aria-labelledby': 'class-setup-title' },
    h('h3', { id: 'class-setup-title' }, '1. Set up the class game'),
    opts.note ? h('p', { class: 'notice' }, opts.note) : null,
    pasteLinkField(opts),
    h('div', { class: 'setup-grid' }, setupForm(f, session), linkEl),
    tuneEl,
    h('h4', null, 'Briefing for students'),
    h(
      'p',
      { class: 'help' },
      'One printed page with the situation, the link, the QR code and what to do. This is what it looks like:',
    ),
    sheet,
    h(
      'div',
      { class: 'actions-row' },
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          onClick: () => {
            onPrint();
            window.print();
          },
        },
        'Print the briefing',
      ),
    ),
  );
}
