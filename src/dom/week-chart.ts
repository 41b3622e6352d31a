import type { Scenario, WeekRecord } from '../engine';
import { svg } from './h';
import { bn } from './strings';

// The page's money chart: one or more lines of a week-by-week figure under the scenario's
// target, as a small inline SVG (the numbers are always in a table beside it). The debrief draws
// secured and pledged; a what-if's comparison draws both timelines' secured money.

export interface Series {
  /** CSS class of the line (the style says colour and dashes) */
  cls: string;
  history: readonly WeekRecord[];
  value(r: WeekRecord): number;
}

const W = 640;
const H = 220;
const PAD = { l: 56, r: 16, t: 16, b: 32 };

/** The chart, labelled by the element `titleId`; `mark` draws an upright line before a week. */
export function weekChart(
  scenario: Scenario,
  titleId: string,
  series: Series[],
  mark?: { week: number; label: string },
): SVGElement {
  const top =
    Math.max(scenario.target, ...series.flatMap((s) => s.history.map((r) => s.value(r)))) * 1.05;
  const x = (week: number) =>
    PAD.l + ((week - 1) * (W - PAD.l - PAD.r)) / Math.max(1, scenario.weeks - 1);
  const y = (v: number) => H - PAD.b - (v * (H - PAD.t - PAD.b)) / top;
  const points = (s: Series) =>
    s.history.map((r) => `${x(r.week).toFixed(1)},${y(s.value(r)).toFixed(1)}`).join(' ');
  const mx = mark && x(Math.max(1, mark.week - 0.5));
  return svg(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': titleId,
      preserveAspectRatio: 'xMidYMid meet',
    },
    svg('line', { class: 'axis', x1: PAD.l, y1: H - PAD.b, x2: W - PAD.r, y2: H - PAD.b }),
    svg('line', {
      class: 'target',
      x1: PAD.l,
      y1: y(scenario.target),
      x2: W - PAD.r,
      y2: y(scenario.target),
    }),
    svg(
      'text',
      { x: PAD.l + 4, y: y(scenario.target) - 6, class: 'label' },
      `target ${bn(scenario.target)}`,
    ),
    mark && mx !== undefined
      ? [
          svg('line', { class: 'fork-mark', x1: mx, y1: PAD.t, x2: mx, y2: H - PAD.b }),
          svg('text', { x: mx + 4, y: H - PAD.b - 8, class: 'label' }, mark.label),
        ]
      : null,
    svg('text', { x: PAD.l - 8, y: H - PAD.b + 4, class: 'label end' }, '0'),
    svg('text', { x: x(1), y: H - 10, class: 'label' }, 'week 1'),
    svg('text', { x: x(scenario.weeks), y: H - 10, class: 'label end' }, `week ${scenario.weeks}`),
    series.map((s) => svg('polyline', { class: `line ${s.cls}`, points: points(s) })),
  );
}
