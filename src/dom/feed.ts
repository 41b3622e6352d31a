import type { Session } from '../app/store';
import { formatDate, weekStart, type LogCode, type LogEntry, type Scenario } from '../engine';
import type { View } from './board';
import { fill, h, setText } from './h';
import { count } from './strings';

// Words on the table: the narrator (a polite live region that reads out what each move did),
// this week's news, and the full log with every reason.

const KIND_LABEL: Record<LogEntry['kind'], string> = {
  move: 'Your move',
  refused: 'Refused',
  reply: 'Reply',
  decision: 'Decision',
  event: 'Event',
  vote: 'Vote',
  money: 'Money',
  calendar: 'Calendar',
  ending: 'Ending',
};

/** Lines the narrator shows (and speaks) at most: the rest is in the news and the log. */
const MAX_SPOKEN = 4;

/** What to say after a change of session: the new log lines, with the reasons that matter. */
export function narration(scenario: Scenario, prev: Session | null, next: Session): string[] {
  if (!prev || next.moves.length !== prev.moves.length + 1) {
    const st = next.state;
    return [
      `Week ${st.week} of ${scenario.weeks}, ${formatDate(weekStart(scenario.startDate, st.week))}. You have ${count(st.capital, 'point', 'points')} of political capital.`,
    ];
  }
  const move = next.moves[next.moves.length - 1]!;
  const fresh = next.state.log.slice(prev.state.log.length);
  const lines: string[] = [];
  if (move.type === 'week.end' && next.state.status === 'playing') {
    const st = next.state;
    lines.push(
      `Week ${st.week} begins (${formatDate(weekStart(scenario.startDate, st.week))}). You have ${count(st.capital, 'point', 'points')}.`,
    );
  }
  for (const e of fresh) {
    if (e.kind === 'reply' || e.kind === 'vote' || e.kind === 'refused') {
      lines.push(e.reason ? `${e.text} ${e.reason}` : e.text);
    } else if (e.code === 'move.sound') {
      // Sounding out is asked for its answer: it is said where the player looks, in full.
      lines.push(`${e.text} ${e.reason}`.trim());
      if (e.wouldChange) lines.push(`What would move it: ${e.wouldChange}`);
    } else {
      lines.push(e.text);
    }
  }
  if (lines.length > MAX_SPOKEN) {
    const more = lines.length - MAX_SPOKEN;
    lines.length = MAX_SPOKEN;
    lines.push(`And ${more} more in the news and the log.`);
  }
  return lines;
}

/**
 * The narrator: shown under the move form, and read out politely by screen readers. `answer`
 * holds what can be done about what was just said (taking a counter-offer), outside the live
 * part so that it is not read out twice.
 */
export function narratorView(): {
  el: HTMLElement;
  answer: HTMLElement;
  say(lines: string[]): void;
} {
  const box = h('div', { class: 'narrator', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const answer = h('div', { class: 'answer' });
  const el = h(
    'div',
    // Focusable: after a week ends the focus lands here, on the new week's summary.
    { class: 'latest', role: 'region', 'aria-labelledby': 'latest-title', tabIndex: -1 },
    h('h3', { id: 'latest-title' }, 'What just happened'),
    box,
    answer,
  );
  return {
    el,
    answer,
    say: (lines) =>
      fill(
        box,
        lines.map((l) => h('p', null, l)),
      ),
  };
}

/** Entries whose words already name their actor ("Germany accepts."): no "Germany: " before them. */
const NAMES_ITS_ACTOR = new Set<LogCode>([
  'move.sound',
  'move.offer',
  'move.pressure',
  'move.counter',
  'reply.accept',
  'reply.counter',
  'reply.reject',
  'decision.stance',
  'decision.promise-broken',
  'decision.lapse',
  'decision.counter-lapse',
  'money.pledge',
  'money.withdraw',
  'money.real',
  'event.court',
]);

/** A week of the log: its moves and decisions, an offer with its answer as one line, and the
 * smaller changes (ordinary stance shifts, statements, dates, side effects) folded apart. */
export interface LogWeek {
  main: { entry: LogEntry; answer?: LogEntry }[];
  minor: LogEntry[];
}

/** Stance shifts that do not make or end a commitment, statements, dates and side effects. */
export function isMinor(e: LogEntry): boolean {
  if (e.code === 'decision.stance')
    return e.data?.['to'] !== 'committed' && e.data?.['from'] !== 'committed';
  return (
    e.code === 'decision.statement' ||
    e.code === 'calendar.entry' ||
    e.code === 'event.offer-effect'
  );
}

const MINOR_WORDS: Partial<Record<LogCode, string>> = {
  'decision.stance': 'shifts of stance',
  'decision.statement': 'statements',
  'calendar.entry': 'dates',
  'event.offer-effect': 'side effects of promises',
};

/** What a week's smaller changes are, in words: "shifts of stance, dates". */
const minorKinds = (minor: readonly LogEntry[]) =>
  [...new Set(minor.map((e) => MINOR_WORDS[e.code] ?? 'other'))].join(', ');

/** One week's entries, grouped for reading (logView). */
export function groupWeek(entries: readonly LogEntry[]): LogWeek {
  const out: LogWeek = { main: [], minor: [] };
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (isMinor(e)) {
      out.minor.push(e);
      continue;
    }
    const next = entries[i + 1];
    if (e.code === 'move.offer' && next?.kind === 'reply' && next.actor === e.actor) {
      out.main.push({ entry: e, answer: next });
      i++;
    } else out.main.push({ entry: e });
  }
  return out;
}

function entryItem(e: LogEntry, nameOf: (id: string) => string, answer?: LogEntry) {
  if (answer)
    return h(
      'li',
      { class: `entry kind-${e.kind} with-answer` },
      entryParts(e, nameOf),
      entryParts(answer, nameOf),
    );
  return h('li', { class: `entry kind-${e.kind}` }, entryParts(e, nameOf));
}

function entryParts(e: LogEntry, nameOf: (id: string) => string) {
  return [
    h(
      'p',
      { class: 'entry-text' },
      h('span', { class: 'kind' }, KIND_LABEL[e.kind]),
      e.actor && !NAMES_ITS_ACTOR.has(e.code) ? `${nameOf(e.actor)}: ` : '',
      e.text,
    ),
    e.reason ? h('p', { class: 'entry-reason' }, e.reason) : null,
    e.wouldChange
      ? h('p', { class: 'entry-would' }, h('strong', null, 'What would change it: '), e.wouldChange)
      : null,
  ];
}

export function newsView(scenario: Scenario): View {
  const nameOf = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  const list = h('ul', { class: 'news-list' });
  const empty = h('p', { class: 'help' }, 'Nothing new this week.');
  const el = h(
    'section',
    { class: 'panel news', 'aria-labelledby': 'news-title' },
    h('h2', { id: 'news-title' }, 'News this week'),
    list,
    empty,
  );
  let shown: LogEntry[] | null = null;
  return {
    el,
    update(s) {
      if (s.state.news === shown) return;
      shown = s.state.news;
      fill(
        list,
        shown.map((e) => entryItem(e, nameOf)),
      );
      empty.hidden = shown.length > 0;
    },
  };
}

export function logView(scenario: Scenario): View {
  const nameOf = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  const body = h('div', { class: 'log-body' });
  const summary = h('summary', null, 'Full log');
  const details = h('details', { class: 'log' }, summary, body);
  let last: Session | null = null;
  let rendered: LogEntry[] | null = null;
  const render = () => {
    if (!last || !details.open || rendered === last.state.log) return;
    rendered = last.state.log;
    const weeks = new Map<number, LogEntry[]>();
    for (const e of rendered) weeks.set(e.week, [...(weeks.get(e.week) ?? []), e]);
    // Newest week first: the latest events are what a player looks for.
    fill(
      body,
      [...weeks.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([week, entries]) => {
          const { main, minor } = groupWeek(entries);
          return [
            h('h3', null, `Week ${week} (${formatDate(weekStart(scenario.startDate, week))})`),
            h(
              'ol',
              { class: 'log-list' },
              main.map((x) => entryItem(x.entry, nameOf, x.answer)),
            ),
            minor.length
              ? h(
                  'details',
                  { class: 'log-minor' },
                  h(
                    'summary',
                    null,
                    `${count(minor.length, 'smaller change', 'smaller changes')} this week: ${minorKinds(minor)}`,
                  ),
                  h(
                    'ol',
                    { class: 'log-list' },
                    minor.map((e) => entryItem(e, nameOf)),
                  ),
                )
              : null,
          ];
        }),
    );
  };
  details.addEventListener('toggle', render);
  const el = h(
    'section',
    { class: 'panel log-panel', 'aria-labelledby': 'log-title' },
    h('h2', { id: 'log-title' }, 'Log'),
    details,
  );
  return {
    el,
    update(s) {
      last = s;
      setText(summary, `Full log with reasons (${count(s.state.log.length, 'entry', 'entries')})`);
      render();
    },
  };
}
