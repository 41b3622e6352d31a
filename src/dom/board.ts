import { checklistOf, RUSSIA_LEVELS, type ChecklistStep, type Session } from '../app/store';
import {
  moneyYear,
  describeTerms,
  formatDate,
  lastPayableWeek,
  money,
  weekStart,
  type MoneyBreakdown,
  type Scenario,
} from '../engine';
import { fill, h, refill, setText, type Child } from './h';
import { bn, ROUTE_STATUS_LABEL, VOTE_MODE_LABEL } from './strings';

// The top of the table: the week and meters, the calendar strip, the money gauge and the routes.
// Each part is built once and then updated in place, so keyboard focus is never lost.

export interface View {
  el: HTMLElement;
  update(s: Session): void;
}

const shortDate = (iso: string) => formatDate(iso).replace(/ \d{4}$/, '');

/** A small bar that repeats a number visually; the number itself is always in the text. */
function bar(kind: string): { el: HTMLElement; set(percent: number): void } {
  const fillEl = h('span', { class: 'bar-fill' });
  const el = h('span', { class: `bar ${kind}`, 'aria-hidden': 'true' }, fillEl);
  return {
    el,
    set: (p) => (fillEl.style.width = `${Math.max(0, Math.min(100, p))}%`),
  };
}

export function statusView(scenario: Scenario): View & { heading: HTMLElement } {
  const heading = h('h2', { id: 'week-title', tabIndex: -1 });
  const meter = (label: string, kind: string) => {
    const value = h('span', { class: 'meter-value' });
    const b = bar(kind);
    const el = h('div', { class: 'meter' }, h('dt', null, label), h('dd', null, value, b.el));
    return { el, value, bar: b };
  };
  const capital = meter('Political capital', 'capital');
  const unity = meter('EU unity', 'unity');
  const market = meter('Market stress', 'market');
  const russia = meter('Russian retaliation', 'russia');
  const el = h(
    'section',
    { class: 'status', 'aria-labelledby': 'week-title' },
    heading,
    h('dl', { class: 'meters' }, capital.el, unity.el, market.el, russia.el),
  );
  const perWeek = (d: Session['difficulty']) => scenario.difficulty[d].capitalPerWeek;
  return {
    el,
    heading,
    update(s) {
      const st = s.state;
      refill(
        heading,
        `Week ${st.week} of ${scenario.weeks}`,
        h('span', { class: 'date' }, formatDate(weekStart(scenario.startDate, st.week))),
        s.fork
          ? h(
              'span',
              { class: 'fork-badge' },
              `What-if from week ${s.fork.week} of ${s.fork.kind === 'history' ? 'the real path' : 'another game'}`,
            )
          : null,
      );
      const max = perWeek(s.difficulty);
      setText(capital.value, `${st.capital} of ${max} left this week`);
      capital.bar.set((st.capital * 100) / max);
      setText(unity.value, `${st.unity} / 100`);
      unity.bar.set(st.unity);
      setText(market.value, `${st.market} / 100`);
      market.bar.set(st.market);
      const top = RUSSIA_LEVELS.length - 1;
      setText(russia.value, `${st.russia} of ${top}: ${RUSSIA_LEVELS[st.russia] ?? ''}`);
      russia.bar.set((st.russia * 100) / top);
    },
  };
}

export function calendarView(scenario: Scenario): View {
  const list = h('ol', { class: 'calendar' });
  // One column a week, whatever the scenario's (or the teacher's) number of weeks.
  list.style.setProperty('--weeks', String(scenario.weeks));
  const next = h('p', { class: 'next-up' });
  const deadlineWeek = scenario.calendar.find((c) => c.id === 'deadline')?.week ?? scenario.weeks;
  const cells: HTMLElement[] = [];
  for (let w = 1; w <= scenario.weeks; w++) {
    const entries = scenario.calendar.filter((c) => c.week === w);
    const tags: string[] = [];
    if (scenario.summitWeeks.includes(w)) tags.push('Summit');
    if (scenario.g7Weeks.includes(w)) tags.push('G7');
    if (w === deadlineWeek) tags.push('Deadline');
    const kinds = [
      scenario.summitWeeks.includes(w) ? 'summit' : '',
      w === deadlineWeek ? 'deadline' : '',
      entries.length ? 'has-event' : '',
    ].join(' ');
    const cell = h(
      'li',
      { class: `cal-week ${kinds}` },
      h('span', { class: 'wk' }, h('span', { class: 'vh' }, 'Week '), String(w)),
      h('span', { class: 'd' }, shortDate(weekStart(scenario.startDate, w))),
      tags.length ? h('span', { class: 'tag' }, tags.join(' · ')) : null,
      entries.length
        ? h('span', { class: 'vh' }, `: ${entries.map((e) => e.title).join('; ')}`)
        : null,
    );
    cells.push(cell);
    list.appendChild(cell);
  }
  const el = h(
    'section',
    { class: 'calendar-strip', 'aria-labelledby': 'calendar-title' },
    h('h2', { id: 'calendar-title', class: 'vh' }, 'Calendar'),
    list,
    next,
  );
  return {
    el,
    update(s) {
      const week = s.state.week;
      cells.forEach((c, i) => {
        const w = i + 1;
        c.classList.toggle('past', w < week);
        c.classList.toggle('current', w === week);
        if (w === week) c.setAttribute('aria-current', 'step');
        else c.removeAttribute('aria-current');
      });
      const upcoming = scenario.calendar.filter((c) => c.week > week).slice(0, 2);
      refill(
        next,
        upcoming.length ? h('strong', null, 'Coming up: ') : null,
        upcoming.map((c, i) => [
          i ? ' · ' : '',
          `${formatDate(c.date)} (week ${c.week}): ${c.title}`,
        ]),
      );
    },
  };
}

/** One line of the money breakdown: who, how much, and whether it is secured in time. */
export function moneyLine(
  l: MoneyBreakdown['lines'][number],
  pledgedLabel: string,
  ...extra: Child[]
): HTMLElement {
  const status =
    l.status === 'late' ? 'too late' : l.status === 'secured' ? 'secured' : pledgedLabel;
  return h(
    'li',
    { class: `money-line ${l.status}` },
    `${l.label}: ${bn(l.amount)} `,
    h('span', { class: 'line-status' }, status),
    l.whatIf ? [' ', h('span', { class: 'line-status what-if' }, 'what-if')] : null,
    ...extra,
  );
}

export function moneyView(scenario: Scenario): View {
  const text = h('p', { class: 'money-text' });
  const secured = h('span', { class: 'gauge-secured' });
  const pledged = h('span', { class: 'gauge-pledged' });
  const gauge = h(
    'div',
    { class: 'gauge', 'aria-hidden': 'true' },
    secured,
    pledged,
    h('span', { class: 'gauge-target' }),
  );
  const legend = h(
    'p',
    { class: 'gauge-legend', 'aria-hidden': 'true' },
    h('span', { class: 'key key-secured' }),
    ' secured ',
    h('span', { class: 'key key-pledged' }),
    ' pledged',
  );
  const lines = h('ul', { class: 'money-lines' });
  const note = h('p', { class: 'help' });
  const el = h(
    'section',
    { class: 'panel money', 'aria-labelledby': 'money-title' },
    h('h2', { id: 'money-title' }, `Money for ${moneyYear(scenario)}`),
    text,
    gauge,
    legend,
    lines,
    note,
  );
  return {
    el,
    update(s) {
      const m = money(scenario, s.state);
      setText(
        text,
        `${bn(m.secured)} secured, ${bn(m.pledged)} pledged of ${bn(scenario.target)}${m.late ? ` (${bn(m.late)} arrives too late)` : ''}.`,
      );
      const scale = Math.max(scenario.target, m.secured + m.pledged);
      secured.style.width = `${(m.secured * 100) / scale}%`;
      pledged.style.width = `${(m.pledged * 100) / scale}%`;
      gauge.style.setProperty('--target', `${(scenario.target * 100) / scale}%`);
      refill(
        lines,
        m.lines.map((l) => moneyLine(l, 'pledged')),
      );
      lines.hidden = m.lines.length === 0;
      const last = lastPayableWeek(scenario, s.state);
      setText(
        note,
        `Only money that is legally adopted and can be paid by week ${last}${last > scenario.weeks ? ' (bridge finance bought extra weeks)' : ` (${formatDate(scenario.deadline)})`} counts.`,
      );
    },
  };
}

const STEP_STATUS: Record<ChecklistStep['status'], { mark: string; word: string }> = {
  done: { mark: '✓', word: 'Done' },
  met: { mark: '●', word: 'Holds now' },
  unmet: { mark: '✗', word: 'Does not hold now' },
  later: { mark: '…', word: 'Later' },
};

/**
 * A route's checklist: every step between tabling it and its money in Ukraine, from week 1,
 * each with how it stands now (src/engine/checklist.ts). Open, so that the rules show before
 * they bite.
 */
function checklistView(routeId: string) {
  const list = h('ol', { class: 'checklist' });
  const el = h(
    'details',
    { class: 'route-steps', open: true },
    h('summary', null, 'From the table to the money'),
    list,
  );
  let shown: Session['state'] | null = null;
  return {
    el,
    update(s: Session) {
      if (s.state === shown) return;
      shown = s.state;
      refill(
        list,
        checklistOf(s, routeId).map((step) =>
          h(
            'li',
            { class: `step step-${step.status}`, 'data-code': step.code },
            h('span', { class: 'step-mark', 'aria-hidden': 'true' }, STEP_STATUS[step.status].mark),
            h('span', { class: 'vh' }, `${STEP_STATUS[step.status].word}: `),
            step.text,
            h('span', { class: 'step-now' }, ` ${step.now}`),
          ),
        ),
      );
    },
  };
}

export function routesView(scenario: Scenario): View {
  const cards = scenario.routes.map((def) => {
    const status = h('p', { class: 'route-status' });
    const terms = h('p', { class: 'route-terms' });
    const legal = h('p', { class: 'route-legal' });
    const blockers = h('ul', { class: 'blockers' });
    const vote = h('div', { class: 'route-vote' });
    const steps = checklistView(def.id);
    const card = h(
      'article',
      { class: 'route', 'aria-labelledby': `route-${def.id}` },
      h('h3', { id: `route-${def.id}` }, def.name),
      status,
      terms,
      legal,
      blockers,
      steps.el,
      vote,
      h(
        'details',
        { class: 'route-about' },
        h('summary', null, 'What is it?', h('span', { class: 'vh' }, ` (${def.name})`)),
        h('p', null, def.summary),
        h(
          'p',
          null,
          `Sizes: ${def.sizes.map((x) => `EUR ${x.size} bn${x.money2026 ? ` (${bn(x.money2026)} in ${moneyYear(scenario)})` : ''}`).join(', ')}. Decided by ${def.modes.map((m) => VOTE_MODE_LABEL[m].toLowerCase()).join(' or ')}. Can be tabled from week ${def.openWeek}.`,
        ),
      ),
    );
    return { def, card, status, terms, legal, blockers, vote, steps, voteKey: '' };
  });
  const stateName = (id: string) => scenario.states.find((x) => x.id === id)?.name ?? id;
  const el = h(
    'section',
    { class: 'panel routes', 'aria-labelledby': 'routes-title' },
    h('h2', { id: 'routes-title' }, 'Routes to the money'),
    h(
      'div',
      { class: 'route-grid' },
      cards.map((c) => c.card),
    ),
  );
  return {
    el,
    update(s) {
      for (const c of cards) {
        const r = s.state.routes[c.def.id];
        if (!r) continue;
        c.steps.update(s);
        if (c.card.dataset.status !== r.status) c.card.dataset.status = r.status;
        let statusText: string = ROUTE_STATUS_LABEL[r.status];
        if (r.status === 'adopted' && r.payableWeek !== null)
          statusText += `: money from week ${r.payableWeek}`;
        if (r.status === 'adopted' && c.def.kind === 'asset-lock') statusText = 'Adopted';
        setText(c.status, statusText);
        setText(
          c.terms,
          r.terms
            ? `EUR ${r.terms.size} bn${describeTerms(r.terms) ? `; ${describeTerms(r.terms)}` : ''}`
            : '',
        );
        c.terms.hidden = !r.terms;
        setText(c.legal, `Legal robustness ${r.legal} of 3`);
        refill(
          c.blockers,
          r.blockers.map((b) => h('li', null, `Waiting for: ${b.text}`)),
        );
        c.blockers.hidden = r.blockers.length === 0;
        const last = [...s.state.votes].reverse().find((v) => v.route === c.def.id);
        // Rebuilt only when a new vote comes in, so an opened ballot list stays open.
        const key = last ? `${last.week}-${s.state.votes.indexOf(last)}` : '';
        if (key === c.voteKey) continue;
        c.voteKey = key;
        if (!last) {
          fill(c.vote);
          continue;
        }
        fill(
          c.vote,
          h(
            'details',
            null,
            h(
              'summary',
              null,
              `Last vote (week ${last.week}): ${last.passed ? 'passed' : 'failed'}`,
            ),
            h('p', null, `${VOTE_MODE_LABEL[last.mode]}: ${last.summary}.`),
            h(
              'ul',
              { class: 'ballots' },
              last.ballots.map((b) =>
                h(
                  'li',
                  null,
                  h('strong', null, `${stateName(b.state)}: ${b.vote}`),
                  ` — ${b.reason}`,
                ),
              ),
            ),
          ),
        );
      }
    },
  };
}
