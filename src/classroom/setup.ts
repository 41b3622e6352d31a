import { DIFFICULTIES, formatDate, type Difficulty } from '../engine';
import { describeVariant, getScenario, scenarios, tunedScenario } from '../scenarios';
import { cleanLabel, MAX_LABEL } from '../share';
import { copyButton, fill, h, svg, uid } from '../dom/h';
import { briefing, capitalise, DIFFICULTY_HELP } from '../dom/strings';
import { qrShape } from './qr';
import { parseSeed, sessionLink, type ClassSession } from './session';
import { tuneView } from './tune';

// Part 1 of the teacher's page: the class game (scenario, seed, difficulty, hints, class label,
// the teacher's tuning of the scenario and its win rates), its link with a Copy button and a QR
// code, and the one-page briefing students get on paper.

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
}

/** The QR code of a link as an SVG picture. */
export function qrSvg(link: string, className: string): SVGElement {
  const q = qrShape(link);
  return svg(
    'svg',
    {
      class: className,
      viewBox: `0 0 ${q.size} ${q.size}`,
      role: 'img',
      'aria-label': 'QR code of the class link',
      'shape-rendering': 'crispEdges',
    },
    svg('rect', { class: 'qr-light', x: 0, y: 0, width: q.size, height: q.size }),
    svg('path', { class: 'qr-dark', d: q.d }),
  );
}

export function setupView(opts: SetupOptions): { el: HTMLElement; destroy(): void } {
  let session = opts.session;
  const all = Object.values(scenarios);

  // ---- the form
  const scenarioId = uid('class-scenario');
  const scenarioSelect = h(
    'select',
    { id: scenarioId },
    all.map((s) => h('option', { value: s.id, selected: s.id === session.scenarioId }, s.title)),
  );

  const diffId = uid('class-difficulty');
  const diffHelp = h('p', { id: uid('class-difficulty-help'), class: 'help' });
  const diffSelect = h(
    'select',
    { id: diffId, 'aria-describedby': diffHelp.id },
    DIFFICULTIES.map((d) =>
      h('option', { value: d, selected: d === session.difficulty }, capitalise(d)),
    ),
  );

  const seedId = uid('class-seed');
  const seedHelp = h(
    'p',
    { id: uid('class-seed-help'), class: 'help' },
    'Everyone who opens the link plays the same world: the same events and the same reactions to the same moves.',
  );
  const seedError = h('p', { id: uid('class-seed-error'), class: 'error', role: 'alert' });
  const seedInput = h('input', {
    id: seedId,
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

  const hintsId = uid('class-hints');
  const hintsBox = h('input', { id: hintsId, type: 'checkbox', checked: session.hints });

  const labelId = uid('class-label');
  const labelHelp = h(
    'p',
    { id: uid('class-label-help'), class: 'help' },
    `Up to ${MAX_LABEL} characters, for example “7B” or “History, Tuesday”. It goes into the link; each result code carries a short tag of it, so codes from another class stand out.`,
  );
  const labelInput = h('input', {
    id: labelId,
    type: 'text',
    autocomplete: 'off',
    maxlength: MAX_LABEL,
    size: 24,
    'aria-describedby': labelHelp.id,
    value: session.classLabel,
  });

  // ---- the link, its QR code and the printable sheet
  const linkId = uid('class-link');
  const linkBox = h('input', {
    id: linkId,
    type: 'text',
    class: 'class-link',
    readOnly: true,
    spellcheck: 'false',
  });
  const tryLink = h(
    'a',
    { target: '_blank', rel: 'noopener noreferrer' },
    'Open the class game',
    h('span', { class: 'vh' }, ' (opens in a new tab)'),
  );
  const qrBox = h('div', { class: 'qr-box' });

  const sheetTitleId = uid('sheet-title');
  const sheet = h('article', { class: 'print-sheet', 'aria-labelledby': sheetTitleId });

  const render = () => {
    const tuned = tunedScenario(session.scenarioId, session.variant);
    const scenario = tuned.ok ? tuned.scenario : getScenario(session.scenarioId)!;
    const changes = describeVariant(session.scenarioId, session.variant);
    const link = sessionLink(opts.base, session);
    linkBox.value = link;
    tryLink.setAttribute('href', link);
    diffHelp.textContent = DIFFICULTY_HELP[session.difficulty];
    qrBox.replaceChildren(qrSvg(link, 'qr'));
    const settings = [
      `Seed ${session.seed}`,
      `${capitalise(session.difficulty)} difficulty`,
      `hints ${session.hints ? 'on' : 'off'}`,
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
          h('h5', { id: sheetTitleId, class: 'sheet-title' }, scenario.title),
          h(
            'p',
            { class: 'dates' },
            `${formatDate(scenario.startDate)} to ${formatDate(scenario.deadline)}`,
          ),
          session.classLabel
            ? h('p', { class: 'sheet-class' }, `Class: ${session.classLabel}`)
            : null,
        ),
        h(
          'figure',
          { class: 'sheet-qr' },
          qrSvg(link, 'qr'),
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
      h(
        'ol',
        { class: 'sheet-steps' },
        h('li', null, 'Open the link below, or scan the QR code.'),
        h(
          'li',
          null,
          `Play all ${scenario.weeks} weeks to the end. Every government says why it acts; read the reasons.`,
        ),
        h('li', null, 'At the end, add your name and copy your result code.'),
        h('li', null, 'Paste the code where your teacher tells you.'),
      ),
      h('p', { class: 'sheet-link' }, link),
      h('p', { class: 'sheet-settings' }, settings),
    );
  };

  const update = (next: ClassSession) => {
    session = next;
    render();
    opts.onChange(session);
  };

  // The tuning belongs to a scenario: another scenario starts from its designed values.
  const tune = tuneView({
    scenarioId: session.scenarioId,
    variant: session.variant,
    difficulty: session.difficulty,
    now: opts.now,
    onChange: (variant) => update({ ...session, variant }),
  });

  scenarioSelect.addEventListener('change', () => {
    if (!getScenario(scenarioSelect.value)) return;
    tune.setScenario(scenarioSelect.value);
    update({ ...session, scenarioId: scenarioSelect.value, variant: {} });
  });
  diffSelect.addEventListener('change', () => {
    const difficulty = diffSelect.value as Difficulty;
    tune.setDifficulty(difficulty);
    update({ ...session, difficulty });
  });
  const readSeed = () => {
    const r = parseSeed(seedInput.value);
    if (!r.ok) {
      seedError.textContent = `${r.reason} The link below still uses seed ${session.seed}.`;
      seedInput.setAttribute('aria-invalid', 'true');
      return;
    }
    seedError.textContent = '';
    seedInput.removeAttribute('aria-invalid');
    if (r.seed !== session.seed) update({ ...session, seed: r.seed });
  };
  seedInput.addEventListener('input', readSeed);
  reseed.addEventListener('click', () => {
    seedInput.value = String(opts.randomSeed() >>> 0);
    readSeed();
  });
  hintsBox.addEventListener('change', () => update({ ...session, hints: hintsBox.checked }));
  labelInput.addEventListener('input', () => {
    const label = cleanLabel(labelInput.value);
    if (label !== session.classLabel) update({ ...session, classLabel: label });
  });

  render();

  const el = h(
    'section',
    { class: 'panel class-setup', 'aria-labelledby': 'class-setup-title' },
    h('h3', { id: 'class-setup-title' }, '1. Set up the class game'),
    opts.note ? h('p', { class: 'notice' }, opts.note) : null,
    h(
      'div',
      { class: 'setup-grid' },
      h(
        'div',
        { class: 'setup-form' },
        all.length > 1
          ? h(
              'div',
              { class: 'field' },
              h('label', { for: scenarioId }, 'Scenario'),
              scenarioSelect,
            )
          : h('p', null, h('strong', null, 'Scenario: '), getScenario(session.scenarioId)!.title),
        h(
          'div',
          { class: 'field' },
          h('label', { for: diffId }, 'Difficulty'),
          diffSelect,
          diffHelp,
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: seedId }, 'Seed'),
          h('div', { class: 'inline' }, seedInput, reseed),
          seedHelp,
          seedError,
        ),
        h(
          'div',
          { class: 'check' },
          hintsBox,
          h('label', { for: hintsId }, 'Hints: the game suggests a promising move each week'),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: labelId }, 'Class label'),
          labelInput,
          labelHelp,
        ),
      ),
      h(
        'div',
        { class: 'setup-link' },
        h('h4', null, h('label', { for: linkId }, 'The class link')),
        linkBox,
        h(
          'div',
          { class: 'inline' },
          copyButton(
            () => linkBox.value,
            'Copy the link',
            linkBox,
            'Link copied. Paste it into your class’s page or chat.',
          ),
          tryLink,
        ),
        qrBox,
      ),
    ),
    tune.el,
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
        { type: 'button', class: 'primary', onClick: () => window.print() },
        'Print the briefing',
      ),
    ),
  );
  return { el, destroy: () => tune.destroy() };
}
