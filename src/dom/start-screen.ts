import { gameFor, type SaveCheck, type Store } from '../app/store';
import {
  DIFFICULTIES,
  formatDate,
  normaliseSeed,
  weekStart,
  type Difficulty,
  type Scenario,
} from '../engine';
import { describeVariant, getScenario, scenarios } from '../scenarios';
import {
  dailyLink,
  dailySeed,
  DEFAULT_OPTIONS,
  gameLink,
  historyLink,
  realPath,
  type GameLink,
} from '../share';
import emblemUrl from '../../assets/emblem.svg';
import { ask, copyButton, h, uid } from './h';
import { briefing, capitalise, DIFFICULTY_HELP } from './strings';

// The start screen: the briefing, the set-up form (or the game a link invites to), the link to
// share the game being set up, the daily challenge and, if there is one, the saved game.

export interface StartOptions {
  /** a fresh seed for the seed field (the page may use Math.random; the engine never does) */
  randomSeed(): number;
  /** the page's address without its fragment, for the links it shows */
  base: string;
  /** today's date (ISO, the page's clock): the daily challenge's seed */
  today: string;
  /** leaves a link's screen for the main menu */
  toMenu(): void;
}

/** A game a link asked for: shown instead of the set-up form until it starts or is declined. */
export interface Invite {
  link: GameLink;
  daily: boolean;
}

/**
 * Asks before a new game replaces a saved game still in play; resolves true to go ahead.
 * A finished or damaged save is replaced without asking (the screen already says so).
 */
export function confirmReplace(store: Store): Promise<boolean> {
  const check = store.checkSave();
  if (check.kind !== 'ok' || check.state.status === 'over') return Promise.resolve(true);
  const weeks = gameFor(check.data.scenarioId, check.data.options?.variant)?.scenario.weeks ?? '?';
  return ask(
    'Replace your saved game?',
    [
      h(
        'p',
        null,
        `You have a game in progress: ${check.scenarioTitle}, week ${check.state.week} of ${weeks}, seed ${check.data.seed}. Starting this game deletes it.`,
      ),
    ],
    [
      { value: 'keep', label: 'Keep my saved game' },
      { value: 'replace', label: 'Replace it and start' },
    ],
  ).then((answer) => answer === 'replace');
}

/** The set-up form's values, kept while the page lives: the menu shows them again on return. */
interface Setup {
  scenarioId: string;
  difficulty: Difficulty;
  seed: string;
  hints: boolean;
}
let remembered: Setup | null = null;

export function startScreen(store: Store, opts: StartOptions, invite?: Invite): HTMLElement {
  const all = Object.values(scenarios);
  const setup: Setup = remembered ?? {
    scenarioId: all[0]!.id,
    difficulty: 'standard',
    seed: String(opts.randomSeed()),
    hints: false,
  };
  // An invitation shows its scenario as the teacher tuned it (target, deadline, weeks), and so
  // does the menu while a tuned class game is saved, until another scenario is picked.
  const check = store.checkSave();
  const tunedSave = invite ? null : tunedSaved(check);
  let scenario =
    (invite && gameFor(invite.link.scenarioId, invite.link.options.variant)?.scenario) ||
    tunedSave?.scenario ||
    all.find((s) => s.id === setup.scenarioId) ||
    all[0]!;

  const kicker = h('p', { class: 'kicker' }, 'Your saved class game, as your teacher set it');
  const title = h('h2', { id: 'start-title', tabIndex: -1 }, scenario.title);
  const dates = h('p', { class: 'dates' });
  const lines = h('ul', { class: 'briefing' });
  const showScenario = () => {
    kicker.hidden = !tunedSave || scenario !== tunedSave.scenario;
    title.textContent = scenario.title;
    dates.textContent = `${formatDate(scenario.startDate)} to ${formatDate(scenario.deadline)}`;
    lines.replaceChildren(...briefing(scenario).map((line) => h('li', null, line)));
  };
  showScenario();

  // ---- the set-up form
  const scenarioId = uid('scenario');
  const scenarioSelect = h(
    'select',
    {
      id: scenarioId,
      onChange: () => {
        scenario = all.find((s) => s.id === scenarioSelect.value) ?? all[0]!;
        showScenario();
        showLink();
        showDaily();
      },
    },
    all.map((s) => h('option', { value: s.id, selected: s.id === scenario.id }, s.title)),
  );
  const scenarioField =
    all.length > 1
      ? h('div', { class: 'field' }, h('label', { for: scenarioId }, 'Scenario'), scenarioSelect)
      : null;

  const diffId = uid('difficulty');
  const diffHelp = h('p', { id: uid('difficulty-help'), class: 'help' });
  const diffSelect = h(
    'select',
    {
      id: diffId,
      'aria-describedby': diffHelp.id,
      onChange: () => {
        diffHelp.textContent = DIFFICULTY_HELP[diffSelect.value as Difficulty];
        showLink();
      },
    },
    DIFFICULTIES.map((d) =>
      h('option', { value: d, selected: d === setup.difficulty }, capitalise(d)),
    ),
  );
  diffHelp.textContent = DIFFICULTY_HELP[setup.difficulty];

  const seedId = uid('seed');
  const seedHelp = h(
    'p',
    { id: uid('seed-help'), class: 'help' },
    'The same seed and difficulty give everyone the same world: the same events, the same reactions.',
  );
  const seedInput = h('input', {
    id: seedId,
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 40,
    size: 12,
    'aria-describedby': seedHelp.id,
    value: setup.seed,
    onInput: () => showLink(),
  });
  const reseed = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onClick: () => {
        seedInput.value = String(opts.randomSeed());
        showLink();
      },
    },
    'New random seed',
  );
  const hintsId = uid('hints');
  const hintsBox = h('input', {
    id: hintsId,
    type: 'checkbox',
    checked: setup.hints,
    onChange: () => showLink(),
  });

  // The real path of the game being set up, as a replay to step through and fork.
  const realPathLink = h(
    'a',
    { class: 'button-link', href: '#history' },
    'What really happened: step through it week by week',
  );

  // The link to the game being set up: whoever opens it faces the same world.
  const linkId = uid('game-link');
  const linkOut = h('output', { id: linkId, class: 'link-text' });
  const showLink = () => {
    const text = seedInput.value.trim();
    if (!invite)
      remembered = {
        scenarioId: scenario.id,
        difficulty: diffSelect.value as Difficulty,
        seed: seedInput.value,
        hints: hintsBox.checked,
      };
    const seed = /^\d+$/.test(text) ? Number(text) >>> 0 : normaliseSeed(text);
    const game = {
      scenarioId: scenario.id,
      seed,
      difficulty: diffSelect.value as Difficulty,
      options: { hints: hintsBox.checked, classLabel: '' },
    };
    linkOut.textContent = gameLink(opts.base, game);
    realPathLink.href = historyLink(opts.base, { ...game, options: DEFAULT_OPTIONS });
  };
  const share = h(
    'div',
    { class: 'field share-link' },
    h('span', { class: 'label', id: uid('game-link-label') }, 'Link to this game'),
    linkOut,
    copyButton(() => linkOut.textContent ?? '', 'Copy link'),
    h('p', { class: 'help' }, 'Send it to others: they get the same seed and difficulty as you.'),
  );

  const formError = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    {
      class: 'setup',
      'aria-labelledby': 'setup-title',
      // No form restoration on Back and Forward: the browser would put back the old values
      // without their help text and link, which are written from the values here.
      autocomplete: 'off',
      onSubmit: (e: Event) => {
        e.preventDefault();
        const seed = seedInput.value.trim() || String(opts.randomSeed());
        const difficulty = diffSelect.value as Difficulty;
        void confirmReplace(store).then((go) => {
          if (!go) return;
          const r = store.newGame(scenario.id, seed, difficulty, {
            hints: hintsBox.checked,
            classLabel: '',
          });
          if (!r.ok) formError.textContent = r.reason;
        });
      },
    },
    h('h3', { id: 'setup-title' }, 'New game'),
    scenarioField,
    h('div', { class: 'field' }, h('label', { for: diffId }, 'Difficulty'), diffSelect, diffHelp),
    h(
      'div',
      { class: 'field' },
      h('label', { for: seedId }, 'Seed'),
      h('div', { class: 'inline' }, seedInput, reseed),
      seedHelp,
    ),
    h(
      'div',
      { class: 'field checkbox' },
      hintsBox,
      h(
        'label',
        { for: hintsId },
        'Coach: ask for a move that look-ahead rates well, and for your best route',
      ),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Start'),
    formError,
    share,
  );
  showLink();

  // ---- the daily challenge: everyone who plays today gets the same world
  const todaySeed = dailySeed(opts.today);
  const dailyError = h('p', { class: 'error', role: 'alert' });
  // The challenge is for the scenario chosen above; its words and link follow the choice.
  const dailyText = h('p');
  const dailyLinkText = h('span', { class: 'link-text' });
  const showDaily = () => {
    dailyText.textContent = `Today’s world of ${scenario.title} (seed ${todaySeed}, standard difficulty) is the same for everyone who plays it today.`;
    dailyLinkText.textContent = dailyLink(opts.base, scenario.id, 'standard');
  };
  showDaily();
  const daily =
    todaySeed === null
      ? null
      : h(
          'section',
          { class: 'daily', 'aria-labelledby': 'daily-title' },
          h('h3', { id: 'daily-title' }, 'Daily challenge'),
          dailyText,
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onClick: () =>
                void confirmReplace(store).then((go) => {
                  if (!go) return;
                  const r = store.newGame(scenario.id, todaySeed, 'standard');
                  if (!r.ok) dailyError.textContent = r.reason;
                }),
            },
            'Play today’s challenge',
          ),
          h('p', { class: 'help' }, 'Link: ', dailyLinkText),
          dailyError,
        );

  const teacher = h(
    'p',
    { class: 'teacher-entry' },
    'Teaching a class? ',
    h('a', { href: '#teacher' }, 'Open the teacher’s page'),
    ': set up a class link and check your students’ results.',
  );
  // The teacher's page first: at 1366x768 it is on the first screen, above the set-up.
  const side = invite ? inviteCard(store, opts, invite) : [teacher, form, daily];

  // ---- the saved game, if any
  const saved = check.kind === 'none' ? null : savedCard(store, check);

  return h(
    'div',
    { class: 'start' },
    h(
      'section',
      { class: 'briefing-card', 'aria-labelledby': 'start-title' },
      h('img', { class: 'emblem', src: emblemUrl, alt: '', width: 48, height: 48 }),
      tunedSave ? kicker : null,
      title,
      dates,
      lines,
      h('h3', null, 'How a week works'),
      h(
        'p',
        null,
        'Spend your points of political capital on moves: sound governments out, make offers, table a route, call a vote. Then end the week: every government and institution reacts, and each one tells you why. Press “Why?” on any card to read its reasons.',
      ),
      invite
        ? null
        : h(
            'p',
            { class: 'real-path' },
            realPathLink,
            h(
              'span',
              { class: 'help' },
              ' In the world of the seed below, with every government’s reasons; at any week you can take over and try another way.',
            ),
          ),
    ),
    h('div', { class: 'start-side' }, saved, side),
  );
}

/** A saved game in play of a teacher's tuned scenario: that scenario, whose briefing the menu shows. */
function tunedSaved(check: SaveCheck): { scenario: Scenario } | null {
  if (check.kind !== 'ok' || check.state.status === 'over') return null;
  const variant = check.data.options?.variant;
  if (!describeVariant(check.data.scenarioId, variant).length) return null;
  const scenario = gameFor(check.data.scenarioId, variant)?.scenario;
  return scenario ? { scenario } : null;
}

/** The saved game: where it stands, its class and what the teacher changed; or why it is unusable. */
function savedCard(store: Store, check: Exclude<SaveCheck, { kind: 'none' }>): HTMLElement {
  if (check.kind === 'error') return damagedCard(store, check.error);
  const s = check.state;
  const options = check.data.options;
  const scenario = gameFor(check.data.scenarioId, options?.variant)?.scenario;
  const where = s.status === 'over' ? 'finished' : `week ${s.week} of ${scenario?.weeks ?? '?'}`;
  const tuned = describeVariant(check.data.scenarioId, options?.variant);
  const continueError = h('p', { class: 'error', role: 'alert' });
  return h(
    'section',
    { class: 'saved', 'aria-labelledby': 'saved-title' },
    h('h3', { id: 'saved-title' }, 'Saved game'),
    h(
      'p',
      null,
      `${check.scenarioTitle}, ${where}, ${check.data.difficulty} difficulty, seed ${check.data.seed}.`,
      options?.classLabel ? ` Class ${options.classLabel}.` : '',
    ),
    tunedNote(tuned),
    h(
      'button',
      {
        type: 'button',
        class: 'primary',
        onClick: () => {
          const r = store.continueSaved();
          if (!r.ok) continueError.textContent = r.reason;
        },
      },
      s.status === 'over' ? 'See its ending again' : 'Continue',
    ),
    h('p', { class: 'help' }, 'Starting a new game replaces the saved one.'),
    continueError,
  );
}

/** A saved game that does not replay: why, and a way to delete it. */
function damagedCard(store: Store, error: string): HTMLElement {
  const card: HTMLElement = h(
    'section',
    { class: 'saved problem', 'aria-labelledby': 'saved-title' },
    h('h3', { id: 'saved-title' }, 'Your saved game cannot be used'),
    h('p', { role: 'alert' }, error),
    h(
      'p',
      null,
      'It has not been loaded. Start a fresh game below; it will replace the saved one.',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onClick: () => {
          store.discardSave();
          card.replaceChildren(h('p', { role: 'status' }, 'The damaged save was deleted.'));
        },
      },
      'Delete the saved game',
    ),
  );
  return card;
}

/** Starts the game a link invites to: from the real path at a week for a class prompt. */
function startInvite(store: Store, link: GameLink) {
  if (link.from === undefined)
    return store.newGame(link.scenarioId, link.seed, link.difficulty, link.options);
  const game = gameFor(link.scenarioId, link.options.variant);
  if (!game) return { ok: false as const, reason: 'This game’s scenario cannot be played here.' };
  const base = realPath(game, link.seed, link.difficulty);
  return store.newFork(link, { kind: 'history', week: link.from, base });
}

/** The game a link invites to, with its settings fixed, and a way to set up another instead. */
function inviteCard(store: Store, opts: StartOptions, invite: Invite): HTMLElement {
  const { link, daily } = invite;
  const title = getScenario(link.scenarioId)?.title ?? link.scenarioId;
  const error = h('p', { class: 'error', role: 'alert' });
  const rows: [string, string][] = [
    ['Scenario', title],
    ['Difficulty', capitalise(link.difficulty)],
    ['Seed', String(link.seed)],
    ['Coach', link.options.hints ? 'on' : 'off'],
  ];
  if (link.options.classLabel) rows.push(['Class', link.options.classLabel]);
  if (link.from !== undefined)
    rows.push([
      'Start',
      `the real path at week ${link.from} (${formatDate(weekStart(getScenario(link.scenarioId)!.startDate, link.from))})`,
    ]);
  const tuned = describeVariant(link.scenarioId, link.options.variant);
  return h(
    'section',
    { class: 'invite', 'aria-labelledby': 'invite-title' },
    h(
      'h3',
      { id: 'invite-title' },
      daily ? `Daily challenge for ${formatDate(opts.today)}` : 'You were sent a game',
    ),
    h(
      'p',
      null,
      'Everyone who opens this link faces the same world: the same events and the same reactions.',
    ),
    h(
      'dl',
      { class: 'facts' },
      rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
    ),
    link.from !== undefined
      ? h(
          'p',
          { class: 'variant' },
          h('strong', null, 'A what-if: '),
          `you begin where governments really stood at the start of week ${link.from}, after everything they did until then, and try another way. At the end you see your timeline beside the real one.`,
        )
      : null,
    tunedNote(tuned),
    h(
      'button',
      {
        type: 'button',
        class: 'primary',
        onClick: () =>
          void confirmReplace(store).then((go) => {
            if (!go) return;
            const r = startInvite(store, link);
            if (!r.ok) error.textContent = r.reason;
          }),
      },
      'Start this game',
    ),
    error,
    h(
      'button',
      { type: 'button', class: 'secondary', onClick: () => opts.toMenu() },
      'Set up a different game',
    ),
  );
}

/** What the teacher changed in the scenario, as a list (nothing for the scenario as designed). */
function tunedNote(tuned: readonly string[]): HTMLElement | null {
  return tuned.length
    ? h(
        'div',
        { class: 'variant' },
        h('p', null, h('strong', null, 'Your teacher changed this scenario:')),
        h(
          'ul',
          null,
          tuned.map((line) => h('li', null, line)),
        ),
      )
    : null;
}
