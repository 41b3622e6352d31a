import { describePath, pathOf } from '../app/path';
import { explainActor, sessionGame, type Session, type Store } from '../app/store';
import {
  formatDate,
  money,
  possessive,
  scoreExplanation,
  weekStart,
  type Scenario,
  type WeekRecord,
} from '../engine';
import { moneyLine } from './board';
import { logView } from './feed';
import { compareFork, type Comparison } from '../app/compare';
import { historyLink, type ForkOf, type GameLink } from '../share';
import { compareView, forkOwnView } from './compare';
import { weekChart } from './week-chart';
import { h } from './h';
import { resultView } from './result';
import { bn, MODEL_NOTE, OUTCOME_LABEL, STANCE_LABEL, STANCE_SYMBOL } from './strings';

// The debrief: outcome, grade and score, the money line week by week, the turning points with
// their reasons, the path the player took, where every actor ended up, and what really
// happened, with sources.

/** Every move the player made, week by week, with what each led to at once. */
function pathView(scenario: Scenario, session: Session) {
  const game = sessionGame(session);
  const path = game ? pathOf(game, session) : [];
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'path-title' },
    h('h2', { id: 'path-title' }, 'Your path'),
    session.fork
      ? h(
          'p',
          null,
          `Until the start of week ${session.fork.week} this game followed ${session.fork.kind === 'history' ? 'the real path' : 'the game it forked from'}: the moves of those weeks are its, yours begin in week ${session.fork.week}.`,
        )
      : null,
    h('p', null, describePath(path, scenario.weeks, session.fork?.week)),
    path.length
      ? h(
          'details',
          { class: 'path' },
          h('summary', null, 'Every move, week by week'),
          path.map((w) => [
            h('h3', null, `Week ${w.week} (${formatDate(weekStart(scenario.startDate, w.week))})`),
            h(
              'ul',
              { class: 'path-steps' },
              w.steps.map((step) =>
                h(
                  'li',
                  null,
                  h('p', null, step.text),
                  step.outcomes.map((o) => h('p', { class: 'entry-reason' }, o.text)),
                ),
              ),
            ),
          ]),
        )
      : null,
  );
}

/**
 * Every sum or step of the scenario that no source reports, with why: the game's what-ifs,
 * kept apart from what happened (the money lines mark them too).
 */
function whatIfs(scenario: Scenario): HTMLElement | null {
  const items: string[] = [];
  if (scenario.premiseWhatIf) items.push(scenario.premiseWhatIf);
  for (const a of scenario.actors)
    if (a.pledgeWhatIf)
      items.push(`${possessive(a.name)} pledge of ${bn(a.pledge)}: ${a.pledgeWhatIf}`);
  for (const r of scenario.routes)
    for (const s of r.sizes)
      if (s.whatIf) items.push(`${r.name} at EUR ${s.size} bn (${bn(s.money2026)}): ${s.whatIf}`);
  if (!items.length) return null;
  return h(
    'div',
    { class: 'what-ifs' },
    h('h3', null, 'What-ifs in this scenario'),
    h(
      'p',
      { class: 'help' },
      'These are the game’s inventions, not facts: no source reports them.',
    ),
    h(
      'ul',
      null,
      items.map((t) => h('li', null, t)),
    ),
  );
}

/**
 * Each actor's stance week by week: the text twin of the canvas's stance ribbons. In a what-if,
 * a week where the other timeline left the actor in another stance is outlined and says which.
 */
function stanceTable(
  scenario: Scenario,
  history: readonly WeekRecord[],
  other?: Comparison | null,
): HTMLElement {
  const split = new Map(
    (other?.splits ?? []).flatMap((sp) => sp.weeks.map((w) => [`${sp.actor}@${w.week}`, w.base])),
  );
  return h(
    'details',
    null,
    h('summary', null, 'Stances week by week, as a table'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'history stances' },
        h('caption', { class: 'vh' }, 'Stance of each actor at the end of each week'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Actor'),
            history.map((r) => h('th', { scope: 'col' }, `W${r.week}`)),
          ),
        ),
        h(
          'tbody',
          null,
          scenario.actors.map((def) =>
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, def.name),
              history.map((r) => {
                const stance = r.stance[def.id];
                const base = split.get(`${def.id}@${r.week}`);
                const elsewhere =
                  base && `; ${other!.base.label.toLowerCase()}: ${STANCE_LABEL[base]}`;
                return stance
                  ? h(
                      'td',
                      {
                        class: `stance-${stance}${base ? ' split' : ''}`,
                        title: `${STANCE_LABEL[stance]}${elsewhere ?? ''}`,
                      },
                      h('span', { 'aria-hidden': 'true' }, STANCE_SYMBOL[stance]),
                      h('span', { class: 'vh' }, `${STANCE_LABEL[stance]}${elsewhere ?? ''}`),
                    )
                  : h('td', null, '');
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

export function endingScreen(
  store: Store,
  scenario: Scenario,
  session: Session,
  base: string,
  onFork: (link: GameLink, fork: ForkOf) => Promise<string | null>,
) {
  const st = session.state;
  const end = st.ending!;
  const nameOf = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  const heading = h('h2', { id: 'ending-title', tabIndex: -1 }, end.headline);
  const m = money(scenario, st);
  /** What still held a route's money at the end, in the engine's words. */
  const heldUp = (label: string) => {
    const def = scenario.routes.find((r) => r.name === label);
    const blockers = def ? (st.routes[def.id]?.blockers ?? []) : [];
    return blockers.length ? ` Held up by: ${blockers.map((b) => b.text).join('; ')}.` : '';
  };

  const chartTitle = 'money-chart-title';
  const historyRows = st.history.map((r) =>
    h(
      'tr',
      null,
      h('th', { scope: 'row' }, String(r.week)),
      h('td', null, bn(r.secured)),
      h('td', null, bn(r.pledged)),
    ),
  );

  const sourceById = new Map(scenario.sources.map((s) => [s.id, s]));
  const sourceLinks = (ids: string[]) =>
    ids
      .map((id) => sourceById.get(id))
      .filter((s) => s !== undefined)
      .map((s, i) => [
        i ? ', ' : '',
        /^https:\/\//.test(s.url)
          ? h(
              'a',
              { href: s.url, target: '_blank', rel: 'noopener noreferrer' },
              `${s.title}, ${s.date}`,
              h('span', { class: 'vh' }, ' (opens in a new tab)'),
            )
          : `${s.title}, ${s.date}`,
      ]);

  const log = logView(scenario);
  log.update(session);
  const comparison = compareFork(scenario, session);

  const el = h(
    'div',
    { class: 'ending' },
    h(
      'section',
      { class: 'panel verdict', 'aria-labelledby': 'ending-title' },
      h(
        'p',
        { class: 'kicker' },
        `${session.fork ? 'Your what-if: game' : 'Game'} over in week ${end.week}`,
      ),
      heading,
      h(
        'p',
        { class: 'grade' },
        h('span', { class: 'grade-letter' }, end.grade),
        ` Grade ${end.grade}, score ${end.score}`,
      ),
      h('p', { class: 'help grade-note' }, scoreExplanation(scenario)),
      h('p', null, end.cutDepth),
      m.lines.length
        ? [
            h('h3', null, 'Where the money stood at the end'),
            h(
              'ul',
              { class: 'money-lines final' },
              m.lines.map((l) => moneyLine(l, 'pledged, never paid', heldUp(l.label))),
            ),
          ]
        : null,
      h(
        'table',
        { class: 'breakdown' },
        h('caption', null, 'How the score adds up'),
        h(
          'thead',
          null,
          h('tr', null, h('th', { scope: 'col' }, 'Part'), h('th', { scope: 'col' }, 'Points')),
        ),
        h(
          'tbody',
          null,
          end.breakdown.map((b) =>
            h('tr', null, h('th', { scope: 'row' }, b.label), h('td', null, String(b.points))),
          ),
        ),
        h(
          'tfoot',
          null,
          h('tr', null, h('th', { scope: 'row' }, 'Total'), h('td', null, String(end.score))),
        ),
      ),
      resultView(scenario, session, base, { card: true }),
      forkOwnView(scenario, session, onFork),
      h(
        'div',
        { class: 'actions-row' },
        h('button', { type: 'button', class: 'primary', onClick: () => store.leave() }, 'New game'),
      ),
    ),
    comparison ? compareView(scenario, comparison) : null,
    h(
      'section',
      { class: 'panel', 'aria-labelledby': chartTitle },
      h('h2', { id: chartTitle }, 'Money week by week'),
      h(
        'p',
        { class: 'help' },
        `Solid line: money secured. Dashed line: secured plus pledged. Flat line: the ${bn(scenario.target)} target.`,
      ),
      weekChart(scenario, chartTitle, [
        { cls: 'pledged', history: st.history, value: (r) => r.secured + r.pledged },
        { cls: 'secured', history: st.history, value: (r) => r.secured },
      ]),
      h(
        'details',
        null,
        h('summary', null, 'The same numbers as a table'),
        h(
          'table',
          { class: 'history' },
          h('caption', { class: 'vh' }, 'Money at the end of each week'),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, 'Week'),
              h('th', { scope: 'col' }, 'Secured'),
              h('th', { scope: 'col' }, 'Pledged'),
            ),
          ),
          h('tbody', null, historyRows),
        ),
      ),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'turning-title' },
      h('h2', { id: 'turning-title' }, 'Turning points'),
      end.turningPoints.length
        ? h(
            'ol',
            { class: 'turning' },
            end.turningPoints.map((e) =>
              h(
                'li',
                null,
                h('p', null, h('strong', null, `Week ${e.week}: `), e.text),
                e.reason ? h('p', { class: 'entry-reason' }, e.reason) : null,
              ),
            ),
          )
        : h('p', null, 'No vote, commitment or payment changed the course of this game.'),
    ),
    pathView(scenario, session),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'final-title' },
      h('h2', { id: 'final-title' }, 'Where everyone ended up'),
      h(
        'ul',
        { class: 'final-stances' },
        scenario.actors.map((def) => {
          const a = st.actors[def.id];
          if (!a) return null;
          // Read from the final state: a reason stored weeks ago can quote old numbers (Russia's
          // level of retaliation, Belgium's fear).
          const { reason } = explainActor(scenario, st, def.id);
          return h(
            'li',
            null,
            h(
              'span',
              { class: `sym stance-${a.stance}`, 'aria-hidden': 'true' },
              STANCE_SYMBOL[a.stance],
            ),
            ' ',
            h('strong', null, `${nameOf(def.id)}: ${STANCE_LABEL[a.stance]}. `),
            reason,
          );
        }),
      ),
      comparison
        ? h(
            'p',
            { class: 'help' },
            `In the table, an outlined week is one where ${comparison.base.label.toLowerCase()} left that actor in another stance.`,
          )
        : null,
      stanceTable(scenario, st.history, comparison),
    ),
    h(
      'section',
      { class: 'panel history-real', 'aria-labelledby': 'real-title' },
      h('h2', { id: 'real-title' }, 'What actually happened'),
      h('p', null, scenario.history.summary),
      scenario.history.script
        ? h(
            'p',
            null,
            h(
              'a',
              { href: historyLink(base, session), class: 'button-link' },
              'Replay what really happened, week by week, in this same world',
            ),
          )
        : null,
      scenario.history.ending
        ? h(
            'p',
            { class: 'history-grade' },
            h('strong', null, 'How the real path grades here: '),
            scenario.history.ending.why,
          )
        : null,
      h(
        'ol',
        { class: 'timeline' },
        scenario.history.items.map((item) =>
          h(
            'li',
            null,
            h('p', null, h('strong', null, `${formatDate(item.date)}: `), item.text),
            item.sources.length
              ? h('p', { class: 'sources' }, 'Sources: ', sourceLinks(item.sources))
              : null,
          ),
        ),
      ),
      h('p', { class: 'help' }, MODEL_NOTE),
      whatIfs(scenario),
    ),
    log.el,
  );
  return { el, heading, title: OUTCOME_LABEL[end.outcome] };
}
