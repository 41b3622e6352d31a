import {
  bandText,
  decisionModel,
  movesOf,
  moveText,
  type DecisionModel,
  type MoveGroup,
  type Session,
} from '../app/store';
import { STANCES, type Scenario, type Stance } from '../engine';
import type { View } from './board';
import { h, refill, type Child } from './h';
import { CONDITION_NOW_SYMBOL, STANCE_SYMBOL } from './strings';
import { whyCondition, type WhyCondition } from './why';

// "How it decides": an actor's machine in words, beside the canvas that draws it. Its states in
// order with the one it is in marked, each move with what it needs (met or unmet now), and its
// conditions. Everything comes from decisionModel, which reads the machine itself.

export const DECIDES_PANEL_ID = 'decides-panel';

/** One condition (or bar) as a list item: how it stands in words, its text, its marks. */
export function conditionItem(c: WhyCondition): HTMLElement {
  return h(
    'li',
    { class: `cond cond-${c.now}` },
    h(
      'span',
      { class: 'cond-status' },
      h('span', { class: 'sym', 'aria-hidden': 'true' }, CONDITION_NOW_SYMBOL[c.now]),
      c.status,
      h('span', { class: 'vh' }, ':'),
    ),
    ' ',
    h('span', { class: 'cond-text' }, c.text),
    c.marks.map((m) => [' ', h('span', { class: `cond-mark mark-${m.replace(/\W+/g, '-')}` }, m)]),
  );
}

/** A list of conditions, as "Why?" and "How it decides" show them. */
export function conditionList(items: WhyCondition[], labelledBy?: string): HTMLElement {
  return h('ul', { class: 'conditions', 'aria-labelledby': labelledBy }, items.map(conditionItem));
}

const isStance = (id: string): id is Stance => (STANCES as readonly string[]).includes(id);

/** What a move needs, as items: its willing bar and its conditions, each met or not now. */
function needs(model: DecisionModel, m: MoveGroup): WhyCondition[] {
  const bar: WhyCondition[] = m.willing
    ? [
        {
          text: m.willing.text,
          now: m.willing.met ? 'met' : 'unmet',
          status: m.willing.met ? 'Met' : 'Unmet',
          marks: [],
          remedy: '',
        },
      ]
    : [];
  return [...bar, ...m.conditions.map((c) => whyCondition(model.conditions[c.index]!))];
}

/** One move in words, with what it needs. */
function moveItem(model: DecisionModel, m: MoveGroup): Child {
  const items = needs(model, m);
  return h(
    'li',
    { class: 'move', 'data-event': m.event },
    moveText(model, m),
    items.length ? conditionList(items) : null,
    items.length && m.passes !== null
      ? h(
          'p',
          { class: 'help move-now' },
          m.passes
            ? 'As things stand now, this would happen.'
            : 'As things stand now, this would not happen.',
        )
      : null,
  );
}

/** Moves on one event that send it to the state a test picks (a week's band), as one item. */
function bandItem(model: DecisionModel, moves: MoveGroup[], label: (id: string) => string): Child {
  return h(
    'li',
    { class: 'move', 'data-event': moves[0]!.event },
    bandText(model, moves),
    h(
      'ul',
      null,
      moves.map((m) => h('li', null, `To ${label(m.to!)} if ${m.tests.join(' and ')}.`)),
    ),
  );
}

/** The body of "How it decides" for a model. */
export function decidesBody(model: DecisionModel): Child[] {
  const label = (id: string) => model.states.find((s) => s.id === id)?.label ?? id;
  const moves = movesOf(model);
  const events = [...new Set(moves.map((m) => m.event))];
  const current = label(model.current);
  return [
    h(
      'p',
      { class: 'decides-now' },
      'It stands at: ',
      h('strong', null, current),
      '. The picture draws the same machine: the states it can be in, and what moves it between them.',
    ),
    h('h3', null, 'Its states, in order'),
    h(
      'ol',
      { class: 'decides-states' },
      model.states.map((s) =>
        h(
          'li',
          {
            class: s.id === model.current ? 'state current' : 'state',
            'aria-current': s.id === model.current ? 'step' : null,
          },
          isStance(s.id)
            ? h('span', { class: `sym stance-${s.id}`, 'aria-hidden': 'true' }, STANCE_SYMBOL[s.id])
            : null,
          s.label,
          s.id === model.current ? h('span', { class: 'now-tag' }, ' it stands here') : null,
        ),
      ),
    ),
    h('h3', null, 'What moves it'),
    h(
      'ul',
      { class: 'decides-moves' },
      events.map((e) => {
        const on = moves.filter((m) => m.event === e);
        return on[0]!.band ? bandItem(model, on, label) : on.map((m) => moveItem(model, m));
      }),
    ),
    h('h3', null, 'Its conditions'),
    model.conditions.length
      ? conditionList(model.conditions.map(whyCondition))
      : h('p', null, 'None: no condition of its own guards its moves.'),
  ];
}

export interface DecidesView extends View {
  /** Opens it for an actor; `from` gets the focus back when it closes. */
  open(id: string, from: HTMLElement): void;
  close(): void;
  /** the actor shown, if open */
  readonly actor: string | null;
}

/**
 * The "How it decides" panel, under the picture. `onShow` tells the picture which actor to
 * draw (null: none).
 */
export function decidesView(
  scenario: Scenario,
  onShow: (id: string | null) => void = () => {},
): DecidesView {
  const titleId = 'decides-title';
  const heading = h('h2', { id: titleId, tabIndex: -1 });
  const body = h('div', { class: 'decides-body' });
  let actor: string | null = null;
  let opener: HTMLElement | null = null;
  let last: Session | null = null;

  const close = () => {
    if (actor === null) return;
    actor = null;
    el.hidden = true;
    onShow(null);
    if (opener?.isConnected) opener.focus();
    opener = null;
  };
  const el = h(
    'section',
    {
      id: DECIDES_PANEL_ID,
      class: 'panel decides',
      'aria-labelledby': titleId,
      hidden: true,
      onKeydown: (e: Event) => {
        if ((e as KeyboardEvent).key !== 'Escape') return;
        e.preventDefault();
        close();
      },
    },
    h(
      'div',
      { class: 'dialog-head' },
      heading,
      h(
        'button',
        { type: 'button', class: 'secondary', onClick: close },
        'Close',
        h('span', { class: 'vh' }, ' (How it decides)'),
      ),
    ),
    body,
  );

  const render = () => {
    const def = scenario.actors.find((a) => a.id === actor);
    const model = def && last ? decisionModel(scenario, last.state, def.id) : null;
    if (!def || !model) return;
    refill(heading, `How ${def.name} decides`);
    refill(body, decidesBody(model));
  };

  return {
    el,
    get actor() {
      return actor;
    },
    open(id, from) {
      actor = id;
      opener = from;
      el.hidden = false;
      render();
      onShow(id);
      // The picture above draws it: the panel's top and the picture come into view together.
      (el.parentElement ?? el).scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    },
    close,
    update(s) {
      last = s;
      if (actor) render();
    },
  };
}
