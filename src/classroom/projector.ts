import { h, uid } from '../dom/h';
import { chartFigure, type Bar } from './charts';
import type { DebriefQuestion } from './debrief';
import { NO_GRADE, type ClassStats } from './stats';

// The projector view: the class's charts with no student's name on them, then the debrief
// questions one at a time, in large type. Next and Previous (or the arrow keys, Page Up/Down,
// Home and End while the view has the focus) move between them.

export interface ProjectorOptions {
  /** "Frozen Assets: the December Summit", shown above the slides */
  title?: string;
  /** the slide to show first (0: the charts) */
  start?: number;
}

const bnText = (v: number) => `EUR ${v.toFixed(1)} bn`;

/** Money as a histogram: how many games ended in each band. No names. */
function moneyChart(s: ClassStats): HTMLElement {
  return chartFigure({
    title: 'Money secured across the class',
    summary:
      s.n === 0
        ? 'No results yet.'
        : `${s.reachedTarget} of ${s.n} reached the ${bnText(s.targetBn)} target. Half secured at least ${bnText(s.medianBn!)}.`,
    bars: s.bins.map((b) => ({
      label: `EUR ${b.from} to ${b.to} bn`,
      segments: [{ value: b.count, cls: b.from >= s.targetBn ? 'bar-win' : 'bar-partial' }],
      note: `${b.count} game${b.count === 1 ? '' : 's'}`,
    })),
    table: {
      caption: 'How many games secured each amount',
      head: ['EUR bn secured', 'Games'],
      rows: s.bins.map((b) => [`${b.from} to under ${b.to}`, String(b.count)]),
    },
  });
}

function gradeChart(s: ClassStats): HTMLElement {
  const graded = s.grades.filter((g) => g.grade !== NO_GRADE || g.count > 0);
  return chartFigure({
    title: 'Grades',
    summary: `Grades of the ${s.n} games.`,
    bars: graded.map((g) => ({
      label: g.grade === NO_GRADE ? 'Not finished' : `Grade ${g.grade}`,
      segments: [{ value: g.count, cls: 'bar-grade' }],
      note: String(g.count),
    })),
    table: {
      caption: 'Games by grade',
      head: ['Grade', 'Games'],
      rows: graded.map((g) => [g.grade, String(g.count)]),
    },
  });
}

function routeChart(s: ClassStats): HTMLElement {
  return chartFigure({
    title: 'Which routes to the money worked',
    summary: 'Dark: adopted into law; light: agreed but not yet law at the end.',
    bars: s.routes.map((r): Bar => ({
      label: r.name,
      segments: [
        { value: r.adopted, cls: 'bar-adopted' },
        { value: r.agreed, cls: 'bar-agreed' },
      ],
      note: `${r.adopted} adopted, ${r.agreed} agreed`,
    })),
    max: s.n,
    table: {
      caption: 'Routes: adopted and agreed',
      head: ['Route', 'Adopted', 'Agreed, not yet law'],
      rows: s.routes.map((r) => [r.name, String(r.adopted), String(r.agreed)]),
    },
  });
}

function actorChart(s: ClassStats): HTMLElement {
  const turned = s.actors.filter((a) => a.turned > 0).sort((a, b) => b.turned - a.turned);
  return chartFigure({
    title: 'Who was won over',
    summary: turned.length
      ? `In how many of the ${s.n} games each actor committed.`
      : 'No actor committed in any game.',
    bars: turned.map((a) => ({
      label: a.short,
      segments: [{ value: a.turned, cls: 'bar-turned' }],
      note: `${a.turned} · half by week ${a.byWeek}`,
    })),
    max: s.n,
    table: {
      caption: 'Games in which each actor committed',
      head: ['Actor', 'Games', 'Half of them by week'],
      rows: s.actors.map((a) => [
        a.name,
        String(a.turned),
        a.byWeek === null ? '–' : String(a.byWeek),
      ]),
    },
  });
}

/** The slide's name, for the counter and for screen readers. */
export function slideLabel(index: number, questions: number): string {
  return index === 0 ? 'The class in charts' : `Question ${index} of ${questions}`;
}

/** The next slide for a key, or null when the key does not move (Home, End, arrows, pages). */
export function slideForKey(key: string, at: number, count: number): number | null {
  const last = count - 1;
  if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || key === ' ')
    return Math.min(last, at + 1);
  if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp') return Math.max(0, at - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return null;
}

/** The names-hidden view to project: charts first, then one question at a time. */
export function projectorView(
  stats: ClassStats,
  questions: readonly (string | DebriefQuestion)[],
  opts: ProjectorOptions = {},
): HTMLElement {
  const texts = questions.map((q) => (typeof q === 'string' ? q : q.text));
  const count = texts.length + 1;
  let at = Math.max(0, Math.min(count - 1, opts.start ?? 0));
  const titleId = uid('projector-title');
  const counter = h('p', { class: 'projector-counter', 'aria-live': 'polite' });
  const stage = h('div', { class: 'projector-stage' });
  const charts =
    stats.n === 0
      ? h('p', { class: 'projector-empty' }, 'No verified results yet.')
      : h(
          'div',
          { class: 'chart-grid projector-charts' },
          moneyChart(stats),
          gradeChart(stats),
          routeChart(stats),
          actorChart(stats),
        );
  const prev = h(
    'button',
    { type: 'button', class: 'secondary', onClick: () => go(at - 1) },
    'Previous',
  );
  const next = h('button', { type: 'button', class: 'primary', onClick: () => go(at + 1) }, 'Next');
  const go = (i: number) => {
    at = Math.max(0, Math.min(count - 1, i));
    counter.textContent = slideLabel(at, texts.length);
    stage.replaceChildren(
      at === 0 ? charts : h('p', { class: 'projector-question' }, texts[at - 1]!),
    );
    // A button that is about to be disabled hands the focus to the view, so keys keep working.
    const lost = (b: HTMLButtonElement, off: boolean) => off && document.activeElement === b;
    const refocus = lost(prev, at === 0) || lost(next, at === count - 1);
    prev.disabled = at === 0;
    next.disabled = at === count - 1;
    if (refocus) view.focus();
  };
  const view = h(
    'section',
    {
      class: 'projector',
      'aria-labelledby': titleId,
      'aria-roledescription': 'slides',
      tabIndex: 0,
      onKeydown: (e: Event) => {
        const ke = e as KeyboardEvent;
        if (ke.target instanceof HTMLButtonElement && (ke.key === ' ' || ke.key === 'Enter'))
          return;
        const to = slideForKey(ke.key, at, count);
        if (to === null) return;
        ke.preventDefault();
        go(to);
      },
    },
    h(
      'div',
      { class: 'projector-head' },
      h('h3', { id: titleId }, opts.title ?? 'The class, names hidden'),
      counter,
    ),
    stage,
    h(
      'div',
      { class: 'inline projector-nav' },
      prev,
      next,
      h('p', { class: 'help' }, 'Keys: arrows or Page Up and Page Down; Home and End.'),
    ),
  );
  go(at);
  return view;
}
