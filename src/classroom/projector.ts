import { h, uid } from '../dom/h';
import { classCharts } from './classview';
import type { DebriefQuestion } from './debrief';
import type { ClassStats } from './stats';

// The projector view: the class's charts with no student's name on them, then the debrief
// questions one at a time, in large type. Next and Previous (or the arrow keys, Page Up/Down,
// Home and End while the view has the focus) move between them.

export interface ProjectorOptions {
  /** "Frozen Assets: the December Summit", shown above the slides */
  title?: string;
  /** the slide to show first (0: the charts) */
  start?: number;
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
      : h('div', { class: 'chart-grid projector-charts' }, classCharts(stats, false));
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
