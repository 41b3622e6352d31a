import { h, svg, uid, type Child } from '../dom/h';

// Horizontal bar charts as inline SVG, each with a heading, a one-line summary (together they
// name the picture for screen readers) and the same numbers as a table in a <details>. Every
// text in a chart, student names included, goes in as a text node.

export interface Segment {
  value: number;
  /** CSS class giving the colour (bar-win, bar-partial, ...) */
  cls: string;
}

export interface Bar {
  label: string;
  segments: Segment[];
  /** written at the end of the bar, so colour is never the only cue */
  note: string;
}

export interface ChartSpec {
  title: string;
  summary: string;
  bars: Bar[];
  /** the value at the full width (at least the biggest bar) */
  max?: number;
  /** a vertical marker line, e.g. the target */
  marker?: { value: number; label: string };
  /** the equivalent table */
  table: { caption: string; head: string[]; rows: Child[][] };
}

const W = 640;
const ROW = 26;
const LABEL_W = 170;
const NOTE_W = 150;
const TOP = 22;

/** The longest label that fits the label column (about 26 characters at 12 px). */
function fitLabel(label: string): string {
  const chars = [...label];
  return chars.length > 26 ? `${chars.slice(0, 25).join('')}…` : label;
}

function chartSvg(spec: ChartSpec, labelledBy: string): SVGElement {
  const total = (b: Bar) => b.segments.reduce((s, seg) => s + seg.value, 0);
  const max = Math.max(1, spec.max ?? 0, ...spec.bars.map(total), spec.marker?.value ?? 0);
  const plotW = W - LABEL_W - NOTE_W;
  const x = (v: number) => LABEL_W + (v * plotW) / max;
  const H = TOP + spec.bars.length * ROW + 8;
  const rows = spec.bars.map((b, i) => {
    const y = TOP + i * ROW;
    let at = 0;
    const rects = b.segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const r = svg('rect', {
          class: `cbar ${s.cls}`,
          x: x(at).toFixed(1),
          y: y + 4,
          width: Math.max(1, x(at + s.value) - x(at)).toFixed(1),
          height: ROW - 8,
        });
        at += s.value;
        return r;
      });
    return svg(
      'g',
      null,
      svg('text', { class: 'label end', x: LABEL_W - 8, y: y + ROW / 2 + 4 }, fitLabel(b.label)),
      rects,
      svg('text', { class: 'label', x: x(at) + 6, y: y + ROW / 2 + 4 }, b.note),
    );
  });
  const marker = spec.marker
    ? [
        svg('line', {
          class: 'target',
          x1: x(spec.marker.value),
          y1: TOP - 4,
          x2: x(spec.marker.value),
          y2: H - 4,
        }),
        svg(
          'text',
          { class: 'label middle', x: x(spec.marker.value), y: TOP - 8 },
          spec.marker.label,
        ),
      ]
    : null;
  return svg(
    'svg',
    {
      class: 'chart bars',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': labelledBy,
      preserveAspectRatio: 'xMinYMin meet',
    },
    svg('line', { class: 'axis', x1: LABEL_W, y1: TOP - 4, x2: LABEL_W, y2: H - 4 }),
    rows,
    marker,
  );
}

/** A figure: heading, summary, chart and its data table. */
export function chartFigure(spec: ChartSpec): HTMLElement {
  const titleId = uid('chart-title');
  const summaryId = uid('chart-summary');
  return h(
    'div',
    { class: 'class-chart' },
    h('h5', { id: titleId }, spec.title),
    h('p', { id: summaryId, class: 'help' }, spec.summary),
    chartSvg(spec, `${titleId} ${summaryId}`),
    h(
      'details',
      null,
      h('summary', null, 'The same numbers as a table'),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'data' },
          h('caption', { class: 'vh' }, spec.table.caption),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              spec.table.head.map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            null,
            spec.table.rows.map(([first, ...rest]) =>
              h(
                'tr',
                null,
                h('th', { scope: 'row' }, first),
                rest.map((c) => h('td', null, c)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
