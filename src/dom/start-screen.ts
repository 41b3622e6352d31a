import type { Store } from '../app/store';
import { DIFFICULTIES, formatDate, type Difficulty } from '../engine';
import { getScenario, scenarios } from '../scenarios';
import emblemUrl from '../../assets/emblem.svg';
import { h, uid } from './h';
import { briefing, DIFFICULTY_HELP } from './strings';

// The start screen: the briefing, the set-up form and, if there is one, the saved game.

export interface StartOptions {
  /** a fresh seed for the seed field (the page may use Math.random; the engine never does) */
  randomSeed(): number;
}

export function startScreen(store: Store, opts: StartOptions): HTMLElement {
  const all = Object.values(scenarios);
  let scenario = all[0]!;

  const title = h('h2', { id: 'start-title', tabIndex: -1 }, scenario.title);
  const dates = h('p', { class: 'dates' });
  const lines = h('ul', { class: 'briefing' });
  const showScenario = () => {
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
        scenario = all.find((s) => s.id === scenarioSelect.value) ?? scenario;
        showScenario();
      },
    },
    all.map((s) => h('option', { value: s.id }, s.title)),
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
      onChange: () => (diffHelp.textContent = DIFFICULTY_HELP[diffSelect.value as Difficulty]),
    },
    DIFFICULTIES.map((d) =>
      h('option', { value: d, selected: d === 'standard' }, d[0]!.toUpperCase() + d.slice(1)),
    ),
  );
  diffHelp.textContent = DIFFICULTY_HELP.standard;

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
    value: String(opts.randomSeed()),
  });
  const reseed = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onClick: () => (seedInput.value = String(opts.randomSeed())),
    },
    'New random seed',
  );

  const formError = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    {
      class: 'setup',
      'aria-labelledby': 'setup-title',
      onSubmit: (e: Event) => {
        e.preventDefault();
        const seed = seedInput.value.trim() || String(opts.randomSeed());
        const r = store.newGame(scenario.id, seed, diffSelect.value as Difficulty);
        if (!r.ok) formError.textContent = r.reason;
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
    h('button', { type: 'submit', class: 'primary' }, 'Start'),
    formError,
  );

  // ---- the saved game, if any
  const check = store.checkSave();
  let saved: HTMLElement | null = null;
  if (check.kind === 'ok') {
    const s = check.state;
    const where =
      s.status === 'over'
        ? 'finished'
        : `week ${s.week} of ${getScenario(check.data.scenarioId)?.weeks ?? '?'}`;
    const continueError = h('p', { class: 'error', role: 'alert' });
    saved = h(
      'section',
      { class: 'saved', 'aria-labelledby': 'saved-title' },
      h('h3', { id: 'saved-title' }, 'Saved game'),
      h(
        'p',
        null,
        `${check.scenarioTitle}, ${where}, ${check.data.difficulty} difficulty, seed ${check.data.seed}.`,
      ),
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
  } else if (check.kind === 'error') {
    const discard = h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onClick: () => {
          store.discardSave();
          saved?.replaceChildren(h('p', { role: 'status' }, 'The damaged save was deleted.'));
        },
      },
      'Delete the saved game',
    );
    saved = h(
      'section',
      { class: 'saved problem', 'aria-labelledby': 'saved-title' },
      h('h3', { id: 'saved-title' }, 'Your saved game cannot be used'),
      h('p', { role: 'alert' }, check.error),
      h(
        'p',
        null,
        'It has not been loaded. Start a fresh game below; it will replace the saved one.',
      ),
      discard,
    );
  }

  return h(
    'div',
    { class: 'start' },
    h(
      'section',
      { class: 'briefing-card', 'aria-labelledby': 'start-title' },
      h('img', { class: 'emblem', src: emblemUrl, alt: '', width: 48, height: 48 }),
      title,
      dates,
      lines,
      h('h3', null, 'How a week works'),
      h(
        'p',
        null,
        'Spend your points of political capital on moves: sound governments out, make offers, table a route, call a vote. Then end the week: every government and institution reacts, and each one tells you why. Press “Why?” on any card to read its reasons.',
      ),
    ),
    h('div', { class: 'start-side' }, saved, form),
  );
}
