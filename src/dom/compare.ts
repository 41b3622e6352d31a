import type { Comparison, Timeline } from '../app/compare';
import type { Session } from '../app/store';
import { formatDate, weekStart, type LogEntry, type Scenario } from '../engine';
import type { ForkOf, GameLink } from '../share';
import { h, uid } from './h';
import { weekChart } from './week-chart';
import { bn, OUTCOME_LABEL, STANCE_LABEL } from './strings';

// The page's side of a "What if?": both timelines side by side (outcome and grade of each, both
// money lines on one chart with the same numbers as a table, where the actors' stances parted,
// the turning points only one timeline had), and the control that forks the player's own game.

const weekDate = (scenario: Scenario, week: number) =>
  formatDate(weekStart(scenario.startDate, week));

/** "Partly funded, grade D (41 points), game over in week 19": one timeline's end. */
function outcomeOf(t: Timeline): string {
  const e = t.state.ending;
  return e
    ? `${OUTCOME_LABEL[e.outcome]}, grade ${e.grade} (${e.score} points), over in week ${e.week}`
    : `Not finished: left in week ${t.state.week}`;
}

function outcomes(c: Comparison): HTMLElement {
  const row = (t: Timeline) =>
    h(
      'tr',
      null,
      h('th', { scope: 'row' }, t.label),
      h('td', null, outcomeOf(t)),
      h('td', null, bn(t.secured)),
    );
  return h(
    'table',
    { class: 'compare-outcomes' },
    h('caption', null, 'How each timeline ended'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Timeline'),
        h('th', { scope: 'col' }, 'Outcome'),
        h('th', { scope: 'col' }, 'Reached Ukraine in time'),
      ),
    ),
    h('tbody', null, row(c.fork), row(c.base)),
  );
}

/** The same numbers as the chart, week by week. */
function moneyTable(c: Comparison): HTMLElement {
  const baseBy = new Map(c.base.history.map((r) => [r.week, r.secured]));
  const forkBy = new Map(c.fork.history.map((r) => [r.week, r.secured]));
  const weeks = [...new Set([...baseBy.keys(), ...forkBy.keys()])].sort((a, b) => a - b);
  const cell = (v: number | undefined) => h('td', null, v === undefined ? '(over)' : bn(v));
  return h(
    'details',
    null,
    h('summary', null, 'The same numbers as a table'),
    h(
      'table',
      { class: 'history' },
      h('caption', { class: 'vh' }, 'Money secured at the end of each week, in each timeline'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Week'),
          h('th', { scope: 'col' }, c.fork.label),
          h('th', { scope: 'col' }, c.base.label),
        ),
      ),
      h(
        'tbody',
        null,
        weeks.map((w) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, String(w)),
            cell(forkBy.get(w)),
            cell(baseBy.get(w)),
          ),
        ),
      ),
    ),
  );
}

/** Where the actors' stances parted: each actor's first and last week of difference. */
function splitsView(scenario: Scenario, c: Comparison): HTMLElement {
  const name = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  if (!c.splits.length)
    return h('p', null, 'Every actor ended every week in the same stance in both timelines.');
  return h(
    'ul',
    { class: 'compare-splits' },
    c.splits.map((s) => {
      const first = s.weeks[0]!;
      const last = s.weeks[s.weeks.length - 1]!;
      const span =
        s.weeks.length === 1
          ? `week ${first.week}`
          : `${s.weeks.length} weeks from week ${first.week}`;
      return h(
        'li',
        null,
        h('strong', null, `${name(s.actor)}: `),
        `differed in ${span}. In week ${last.week}: ${STANCE_LABEL[last.fork]} in ${c.fork.label.toLowerCase()}, ${STANCE_LABEL[last.base]} on ${c.base.label.toLowerCase()}.`,
      );
    }),
  );
}

function turningList(title: string, entries: LogEntry[]): HTMLElement {
  return h(
    'div',
    { class: 'compare-turning' },
    h('h3', null, title),
    entries.length
      ? h(
          'ol',
          { class: 'turning' },
          entries.map((e) =>
            h(
              'li',
              null,
              h('p', null, h('strong', null, `Week ${e.week}: `), e.text),
              e.reason ? h('p', { class: 'entry-reason' }, e.reason) : null,
            ),
          ),
        )
      : h('p', null, 'None that the other timeline did not also have.'),
  );
}

/** The two timelines side by side, for the debrief of a "What if?" game. */
export function compareView(scenario: Scenario, c: Comparison): HTMLElement {
  const titleId = uid('compare-title');
  const chartId = uid('compare-chart');
  return h(
    'section',
    { class: 'panel compare', 'aria-labelledby': titleId },
    h(
      'h2',
      { id: titleId },
      `Two timelines: ${c.fork.label.toLowerCase()} and ${c.base.label.toLowerCase()}`,
    ),
    h(
      'p',
      null,
      `Both are the same game until the start of week ${c.week} (${weekDate(scenario, c.week)}): the same world, the same moves. From there, your moves made the difference.`,
    ),
    outcomes(c),
    h('h3', { id: chartId }, 'Money secured week by week, in both timelines'),
    h(
      'p',
      { class: 'help' },
      `Solid line: ${c.fork.label.toLowerCase()}. Dotted line: ${c.base.label.toLowerCase()}. The upright line marks the start of week ${c.week}.`,
    ),
    weekChart(
      scenario,
      chartId,
      [
        { cls: 'base', history: c.base.history, value: (r) => r.secured },
        { cls: 'secured', history: c.fork.history, value: (r) => r.secured },
      ],
      { week: c.week, label: `what-if from week ${c.week}` },
    ),
    moneyTable(c),
    h('h3', null, 'Where the governments parted ways'),
    splitsView(scenario, c),
    h(
      'div',
      { class: 'compare-turnings' },
      turningList(`Only in ${c.fork.label.toLowerCase()}`, c.onlyFork),
      turningList(`Only on ${c.base.label.toLowerCase()}`, c.onlyBase),
    ),
  );
}

/** "What if?" on the player's own ending: play the same game again from a week of it. */
export function forkOwnView(
  scenario: Scenario,
  session: Session,
  onFork: (link: GameLink, fork: ForkOf) => Promise<string | null>,
): HTMLElement {
  const last = session.state.ending?.week ?? session.state.week;
  const selectId = uid('fork-week');
  const select = h(
    'select',
    { id: selectId },
    Array.from({ length: last }, (_, i) => i + 1).map((w) =>
      h(
        'option',
        { value: String(w), selected: w === Math.max(1, last - 4) },
        `Week ${w} (${weekDate(scenario, w)})`,
      ),
    ),
  );
  const error = h('p', { class: 'error', role: 'alert' });
  const link: GameLink = {
    scenarioId: session.scenarioId,
    seed: session.seed,
    difficulty: session.difficulty,
    options: session.options,
  };
  const go = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      onClick: () => {
        error.textContent = '';
        const fork: ForkOf = { kind: 'game', week: Number(select.value), base: [...session.moves] };
        void onFork(link, fork).then((reason) => (error.textContent = reason ?? ''));
      },
    },
    'What if? Play on from that week',
  );
  return h(
    'div',
    { class: 'fork-own' },
    h('h3', null, 'What if you had played differently?'),
    h(
      'p',
      { class: 'help' },
      'Take your game up again at the start of a week, with everything as it stood then, and try another way. The world is the same; at the end you see both timelines side by side.',
    ),
    h('label', { for: selectId }, 'Start again from'),
    select,
    go,
    error,
  );
}
