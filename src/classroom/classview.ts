import type { Scenario } from '../engine';
import { describeVariant } from '../scenarios';
import { replayLink } from '../share';
import { fill, h, uid, type Child } from '../dom/h';
import { chartFigure, type Bar } from './charts';
import { placeOf, type Entry } from './collect';
import { debriefQuestions } from './debrief';
import {
  promptText,
  routeGroups,
  routeName,
  startText,
  type Grouped,
  type RouteGroup,
} from './forks';
import { classStats, NO_GRADE, type ClassStats } from './stats';
import type { Adoption } from './adopt';
import { sameGames, type ClassResult } from './results';
import { flagText, sessionScenario, type ClassSession } from './session';

// Part 3 and 4 of the teacher's page: every verified result side by side, the class-wide charts
// (each with its table) and questions for the debrief drawn from what this class did.

export const OUTCOME_TEXT = {
  win: 'Funded',
  partial: 'Partly funded',
  loss: 'Not funded',
  unfinished: 'Not finished',
} as const;

const bnText = (v: number) => `EUR ${v.toFixed(1)} bn`;
/** Per-student bars up to this many results; a histogram beyond. */
const BARS_PER_STUDENT = 40;

export type SortKey = 'given' | 'money' | 'name' | 'score';
export type GroupKey = 'none' | 'route';

const SORTS: { key: SortKey; label: string }[] = [
  { key: 'given', label: 'Order given' },
  { key: 'money', label: 'Money secured (most first)' },
  { key: 'score', label: 'Score (highest first)' },
  { key: 'name', label: 'Name (A to Z)' },
];

const GROUPS: { key: GroupKey; label: string }[] = [
  { key: 'none', label: 'No grouping' },
  { key: 'route', label: 'The route they took' },
];

type Valid = Entry<ClassResult> & { check: { valid: true; result: ClassResult } };

const isValid = (e: Entry<ClassResult>): e is Valid => e.check.valid;

function sorted(entries: Valid[], key: SortKey): Valid[] {
  const list = [...entries];
  const r = (e: Valid) => e.check.result;
  if (key === 'money') list.sort((a, b) => r(b).securedBn - r(a).securedBn);
  if (key === 'score') list.sort((a, b) => (r(b).score ?? -1e9) - (r(a).score ?? -1e9));
  if (key === 'name')
    list.sort((a, b) =>
      r(a).name.localeCompare(r(b).name, undefined, { sensitivity: 'base', numeric: true }),
    );
  return list;
}

const nameOf = (r: ClassResult) => r.name || '(no name)';

/** "Funded", or for a game handed in before its end "Not finished, week 8". */
export function outcomeText(r: Pick<ClassResult, 'outcome' | 'week'>): string {
  return r.outcome === 'unfinished' ? `Not finished, week ${r.week}` : OUTCOME_TEXT[r.outcome];
}

function whereCell(e: Entry<ClassResult>): Child {
  return [
    placeOf(e.first),
    e.also.length
      ? h(
          'span',
          { class: 'dup' },
          ` (also ${e.also.map((c) => placeOf(c, false)).join(', ')}: listed once)`,
        )
      : null,
  ];
}

/** "Same moves as Ana's game (line 3)." */
export function twinText(earlier: Entry<ClassResult>): string {
  const who = earlier.check.valid ? nameOf(earlier.check.result) : '';
  return `Same moves as the game of ${who} (${placeOf(earlier.first, false)}).`;
}

/** Which optional columns the results table shows. */
interface TableColumns {
  /** where each game started: shown when the class has a prompt or a game is a fork */
  start: boolean;
  /** the route each game took: shown when the table is not grouped by it */
  route: boolean;
}

/** "The same name twice: also the game on line 3." (the earlier game's place, not its name) */
export function namesakeText(earlier: Entry<ClassResult>): string {
  return `The same name twice: also the game on ${placeOf(earlier.first, false)}.`;
}

/** The game cell: the flag of another game, or the tick of the class game, and any twin. */
function gameCell(flag: string | null, e: Valid, c: TableContext): HTMLElement {
  const twin = c.twins.get(e.key);
  const namesake = c.namesakes.get(e.key);
  return h(
    'td',
    { class: 'text game-cell' },
    flag
      ? h('span', { class: 'flag' }, h('span', { 'aria-hidden': 'true' }, '⚑ '), flag)
      : h('span', { class: 'ok' }, h('span', { 'aria-hidden': 'true' }, '✓ '), 'This class game'),
    twin ? h('span', { class: 'twin' }, ' ', twinText(twin)) : null,
    namesake ? h('span', { class: 'twin namesake' }, ' ', namesakeText(namesake)) : null,
  );
}

/**
 * The name cell: the name, and (names shown) a button to correct it, which turns the cell into
 * a text field with Save and Cancel. An empty name puts back what the student typed.
 */
function nameCell(e: Valid, c: TableContext): HTMLElement {
  const r = e.check.result;
  const cell = h('th', { scope: 'row', class: 'name-cell' });
  const show = () => {
    const edit = c.onRename
      ? h(
          'button',
          {
            type: 'button',
            class: 'link-button edit-name',
            'data-key': e.key,
            onClick: () => editing(),
          },
          'Edit',
          h('span', { class: 'vh' }, ` the name ${nameOf(r)}`),
        )
      : null;
    fill(cell, h('span', { class: 'name' }, nameOf(r)), edit ? [' ', edit] : null);
  };
  const editing = () => {
    const input = h('input', {
      type: 'text',
      value: r.name,
      maxlength: 63,
      size: 14,
      'aria-label': `Name for the game on ${placeOf(e.first, false)}`,
      onKeydown: (ev: Event) => {
        // The key's default is stopped: focus moves to the Edit button, which Enter would press.
        const k = (ev as KeyboardEvent).key;
        if (k !== 'Enter' && k !== 'Escape') return;
        ev.preventDefault();
        if (k === 'Enter') save();
        else cancel();
      },
    });
    const save = () => c.onRename!(e.key, input.value);
    const cancel = () => {
      show();
      cell.querySelector<HTMLElement>('button')?.focus();
    };
    fill(
      cell,
      input,
      h(
        'span',
        { class: 'inline name-edit' },
        h('button', { type: 'button', onClick: save }, 'Save'),
        h('button', { type: 'button', class: 'secondary', onClick: cancel }, 'Cancel'),
      ),
    );
    input.focus();
    input.select();
  };
  show();
  return cell;
}

interface TableContext {
  twins: Map<string, Entry<ClassResult>>;
  /** entries whose name was given for another game before */
  namesakes: Map<string, Entry<ClassResult>>;
  /** correcting a name (absent while names are hidden) */
  onRename?: (key: string, name: string) => void;
  session: ClassSession;
  scenario: Scenario;
  base: string;
  cols: TableColumns;
}

function resultRow(e: Valid, c: TableContext): HTMLElement {
  const r = e.check.result;
  const flag = flagText(r, c.session);
  return h(
    'tr',
    { class: flag ? 'flagged' : null },
    nameCell(e, c),
    h('td', { class: 'text' }, whereCell(e)),
    h('td', { class: 'text' }, outcomeText(r)),
    h('td', null, r.securedBn.toFixed(1)),
    h('td', null, r.grade ?? '–'),
    h('td', null, r.score === null ? '–' : String(r.score)),
    h('td', null, String(r.week)),
    h('td', null, String(r.actions)),
    c.cols.start ? h('td', { class: 'text start-cell' }, startText(r.fork, c.scenario)) : null,
    c.cols.route ? h('td', { class: 'text' }, routeName(c.scenario, r.routeTaken)) : null,
    gameCell(flag, e, c),
    h(
      'td',
      { class: 'text' },
      h(
        'a',
        { href: replayLink(c.base, e.key), target: '_blank', rel: 'noopener noreferrer' },
        'Replay',
        h('span', { class: 'vh' }, ` the game of ${nameOf(r)} (opens in a new tab)`),
      ),
    ),
  );
}

function resultsTable(entries: Valid[], c: TableContext, caption: string): HTMLElement {
  const head = [
    'Name',
    'Where',
    'Outcome',
    'EUR bn secured',
    'Grade',
    'Score',
    'Week',
    'Actions',
    c.cols.start ? 'Start' : null,
    c.cols.route ? 'Route taken' : null,
    'Game',
    'Replay',
  ].filter((x): x is string => x !== null);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'results' },
      h('caption', { class: 'vh' }, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          head.map((col) => h('th', { scope: 'col' }, col)),
        ),
      ),
      h(
        'tbody',
        null,
        entries.map((e) => resultRow(e, c)),
      ),
    ),
  );
}

/** "2 funded, 1 partly funded": a group's outcomes, most common kinds in the usual order. */
export function outcomesText(outcomes: Record<keyof typeof OUTCOME_TEXT, number>): string {
  return (Object.keys(OUTCOME_TEXT) as (keyof typeof OUTCOME_TEXT)[])
    .filter((o) => outcomes[o] > 0)
    .map((o) => `${outcomes[o]} ${OUTCOME_TEXT[o].toLowerCase()}`)
    .join(', ');
}

/** "A 2, C 1, no grade 1". */
export function gradesText(grades: { grade: string; count: number }[]): string {
  return grades.map((g) => `${g.grade === 'none' ? 'no grade' : g.grade} ${g.count}`).join(', ');
}

const studentsText = (n: number) => `${n} student${n === 1 ? '' : 's'}`;

/** A result as grouping sees it, with its entry to list. */
type GroupRow = Grouped & { entry: Valid };

/** The class grouped by the route each game took: a summary table, then each group's results. */
function groupedResults(groups: RouteGroup<GroupRow>[], c: TableContext): HTMLElement {
  return h(
    'div',
    { class: 'route-groups' },
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'route-summary' },
        h('caption', null, 'Students by the route they took'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['Route taken', 'Students', 'Outcomes', 'Grades'].map((col) =>
              h('th', { scope: 'col' }, col),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          groups.map((g) =>
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, g.name),
              h('td', null, String(g.results.length)),
              h('td', { class: 'text' }, outcomesText(g.outcomes)),
              h('td', { class: 'text' }, gradesText(g.grades)),
            ),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'help' },
      'The route taken: the adopted route that brought the most money by the end; else the route the student tabled last.',
    ),
    groups.map((g) =>
      h(
        'section',
        { class: 'route-group' },
        h('h5', null, `${g.name}: ${studentsText(g.results.length)}`),
        h('p', { class: 'help' }, `${outcomesText(g.outcomes)}. Grades: ${gradesText(g.grades)}.`),
        resultsTable(
          g.results.map((r) => r.entry),
          c,
          `Results of the students whose route was ${g.name}`,
        ),
      ),
    ),
  );
}

function moneyChart(s: ClassStats, byName: boolean): HTMLElement {
  const cls = (o: string) => `bar-${o}`;
  const summary =
    s.n === 0
      ? 'No results yet.'
      : `${s.reachedTarget} of ${s.n} reached the ${bnText(s.targetBn)} target. Half secured at least ${bnText(s.medianBn!)}; the range was ${bnText(s.minBn!)} to ${bnText(s.maxBn!)}.`;
  if (byName && s.n <= BARS_PER_STUDENT) {
    const list = [...s.money].sort((a, b) => b.securedBn - a.securedBn);
    return chartFigure({
      title: 'Money secured by each student',
      summary,
      bars: list.map((m) => ({
        label: m.name || '(no name)',
        segments: [{ value: m.securedBn, cls: cls(m.outcome) }],
        note: `${m.securedBn.toFixed(1)} · ${outcomeText(m).toLowerCase()}`,
      })),
      max: s.targetBn,
      marker: { value: s.targetBn, label: `target ${s.targetBn.toFixed(1)}` },
      table: {
        caption: 'Money secured by each student, in EUR bn',
        head: ['Name', 'EUR bn secured', 'Outcome'],
        rows: list.map((m) => [m.name || '(no name)', m.securedBn.toFixed(1), outcomeText(m)]),
      },
    });
  }
  return chartFigure({
    title: 'Money secured across the class',
    summary,
    bars: s.bins.map((b) => ({
      label: `EUR ${b.from} to ${b.to} bn`,
      segments: [{ value: b.count, cls: b.from >= s.targetBn ? 'bar-win' : 'bar-partial' }],
      note: `${b.count}`,
    })),
    table: {
      caption: 'How many students secured each amount',
      head: ['EUR bn secured', 'Students'],
      rows: s.bins.map((b) => [`${b.from} to under ${b.to}`, String(b.count)]),
    },
  });
}

/**
 * The class in four charts: money, grades, routes and actors. `byName`: money student by student
 * (for a class of up to 40); else as a spread of amounts, with no name (the projector's).
 */
export function classCharts(s: ClassStats, byName: boolean): HTMLElement[] {
  return [moneyChart(s, byName), gradeChart(s), routeChart(s), actorChart(s)];
}

function gradeChart(s: ClassStats): HTMLElement {
  const graded = s.grades.filter((g) => g.grade !== NO_GRADE || g.count > 0);
  const top = [...graded].sort((a, b) => b.count - a.count)[0];
  return chartFigure({
    title: 'Grades',
    summary:
      top && top.count > 0
        ? `The most common grade was ${top.grade} (${top.count} of ${s.n}).`
        : 'No grades yet.',
    bars: graded.map((g) => ({
      label: g.grade === NO_GRADE ? 'No grade' : `Grade ${g.grade}`,
      segments: [{ value: g.count, cls: 'bar-grade' }],
      note: String(g.count),
    })),
    table: {
      caption: 'Students by grade',
      head: ['Grade', 'Students'],
      rows: graded.map((g) => [g.grade, String(g.count)]),
    },
  });
}

function routeChart(s: ClassStats): HTMLElement {
  const adopted = s.routes.filter((r) => r.adopted > 0).map((r) => `${r.name} (${r.adopted})`);
  return chartFigure({
    title: 'Which routes to the money worked',
    summary: adopted.length
      ? `Adopted into law: ${adopted.join(', ')}. Dark: adopted; light: agreed but not yet law at the end.`
      : 'No route was adopted into law in any game.',
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
      caption: 'Routes: in how many games each was tabled, agreed and adopted',
      head: ['Route', 'Adopted', 'Agreed, not yet law', 'Tabled at least', 'Adopted and won'],
      rows: s.routes.map((r) => [
        r.name,
        String(r.adopted),
        String(r.agreed),
        String(r.tried),
        String(r.winsWhenAdopted),
      ]),
    },
  });
}

function actorChart(s: ClassStats): HTMLElement {
  const turned = s.actors.filter((a) => a.turned > 0).sort((a, b) => b.turned - a.turned);
  const never = s.actors.filter((a) => a.turned === 0).map((a) => a.short);
  return chartFigure({
    title: 'When each actor turned',
    summary:
      (turned.length
        ? `The week each actor first committed, per game. Bars: how many of the ${s.n} games got it to commit.`
        : 'No actor committed in any game.') +
      (never.length ? ` Never committed: ${never.join(', ')}.` : ''),
    bars: turned.map((a) => ({
      label: a.short,
      segments: [{ value: a.turned, cls: 'bar-turned' }],
      note: a.turned === 1 ? `1 · week ${a.byWeek}` : `${a.turned} · half by week ${a.byWeek}`,
    })),
    max: s.n,
    table: {
      caption: 'When each actor committed',
      head: ['Actor', 'Games where it committed', 'Half of them by week', 'Earliest', 'Latest'],
      rows: s.actors.map((a) => [
        a.name,
        `${a.turned} of ${s.n}`,
        a.byWeek === null ? '–' : String(a.byWeek),
        a.earliest === null ? '–' : String(a.earliest),
        a.latest === null ? '–' : String(a.latest),
      ]),
    },
  });
}

export interface ClassViewState {
  entries: Entry<ClassResult>[];
  session: ClassSession;
  base: string;
  includeOther: boolean;
  sort: SortKey;
  /** how the table is grouped; absent: by route when the class has a prompt or forks came in */
  group?: GroupKey;
  /** names shown as "Student 1, 2, …" (the entries already carry them) */
  hideNames: boolean;
  /** entries whose (real) name was given for another game before */
  namesakes: Map<string, Entry<ClassResult>>;
  /** the game most codes came from, when it is not the page's */
  adoption: Adoption | null;
}

export interface ClassViewHandlers {
  onIncludeOther(include: boolean): void;
  onSort(sort: SortKey): void;
  onGroup(group: GroupKey): void;
  onExport(): void;
  onRename(key: string, name: string): void;
  onHideNames(hide: boolean): void;
  onAdopt(): void;
}

/** The grouping in force: the teacher's choice, else by route for a class of forks. */
export function groupOf(st: ClassViewState): GroupKey {
  if (st.group) return st.group;
  const forks = st.entries.some((e) => e.check.valid && e.check.result.fork !== undefined);
  return st.session.from !== undefined || forks ? 'route' : 'none';
}

/** What the class plays: the scenario as designed or tuned, and where students start. */
function classVersion(session: ClassSession, scenario: Scenario): HTMLElement {
  const changes = describeVariant(session.scenarioId, session.variant);
  const start =
    session.from === undefined
      ? null
      : h(
          'p',
          null,
          `Students start from ${promptText(scenario, session.from)}, and try another way. Games that start elsewhere are flagged below.`,
        );
  if (!changes.length)
    return h(
      'div',
      { class: 'class-version' },
      h('p', null, `The class plays “${scenario.title}” as designed.`),
      start,
    );
  return h(
    'div',
    { class: 'class-version' },
    h('p', null, `The class plays a tuned version of “${scenario.title}”:`),
    h(
      'ul',
      null,
      changes.map((line) => h('li', null, line)),
    ),
    start,
    h(
      'p',
      { class: 'help' },
      'Results played on another version, including the scenario as designed, are flagged below.',
    ),
  );
}

/** A labelled select of the view's options (sort, group), keyboard-operable as any select. */
function optionSelect<K extends string>(
  name: string,
  label: string,
  options: { key: K; label: string }[],
  value: K,
  onPick: (key: K) => void,
): HTMLElement {
  const id = uid('class-option');
  const select = h(
    'select',
    { id, 'data-option': name, onChange: () => onPick(select.value as K) },
    options.map((o) => h('option', { value: o.key, selected: o.key === value }, o.label)),
  );
  return h('div', { class: 'field' }, h('label', { for: id }, label), select);
}

/** The verified results: the tools, then one table or one per route taken. */
function resultsBlock(st: ClassViewState, on: ClassViewHandlers, valid: Valid[]): Child {
  const scenario = sessionScenario(st.session);
  const group = groupOf(st);
  const c: TableContext = {
    twins: sameGames(valid),
    namesakes: st.namesakes,
    ...(st.hideNames ? {} : { onRename: on.onRename }),
    session: st.session,
    scenario,
    base: st.base,
    cols: {
      start: st.session.from !== undefined || valid.some((e) => e.check.result.fork),
      route: group === 'none',
    },
  };
  const list = sorted(valid, st.sort);
  const rows = list.map((e): GroupRow => ({ ...e.check.result, entry: e }));
  return [
    h(
      'div',
      { class: 'inline results-tools' },
      optionSelect('sort', 'Sort by', SORTS, st.sort, on.onSort),
      optionSelect('group', 'Group by', GROUPS, group, on.onGroup),
      hideBox(st.hideNames, on.onHideNames),
    ),
    group === 'route'
      ? groupedResults(routeGroups(rows, scenario), c)
      : resultsTable(list, c, 'Every verified result'),
    h(
      'p',
      { class: 'help' },
      'Week: the week the game ended, or was handed in. Actions: moves made, not counting “end the week”. Names are what students typed (or your corrections: Edit); they are not checked.',
    ),
  ];
}

/** The box that shows "Student 1, 2, …" instead of names, in the table and the charts. */
function hideBox(hide: boolean, onHide: (hide: boolean) => void): HTMLElement {
  const id = uid('class-hide');
  const box = h('input', {
    id,
    type: 'checkbox',
    checked: hide,
    'data-option': 'hide',
    onChange: () => onHide(box.checked),
  });
  return h('div', { class: 'check' }, box, h('label', { for: id }, 'Hide names'));
}

/** The offer to switch to the game most codes came from. */
function adoptOffer(a: Adoption, onAdopt: () => void): HTMLElement {
  return h(
    'div',
    { class: 'notice adopt-offer', role: 'region', 'aria-label': 'The game these codes came from' },
    h(
      'p',
      null,
      `${a.count} of the ${a.total} verified codes were played on another game than the one set up above: ${a.changes.join('; ')}. Perhaps the set-up changed after the link went out, or the class was set up on another device.`,
    ),
    h(
      'button',
      { type: 'button', class: 'primary', onClick: () => onAdopt() },
      'Use the game these codes came from',
    ),
  );
}

/** The charts of the class, with the box that lets other games in. */
function chartsBlock(
  st: ClassViewState,
  on: ClassViewHandlers,
  flagged: number,
  stats: ClassStats,
): Child {
  const otherId = uid('class-include');
  const otherBox = h('input', {
    id: otherId,
    type: 'checkbox',
    checked: st.includeOther,
    onChange: () => on.onIncludeOther(otherBox.checked),
  });
  return [
    h('h4', { class: 'charts-title' }, 'The class in charts'),
    flagged
      ? h(
          'div',
          { class: 'check' },
          otherBox,
          h(
            'label',
            { for: otherId },
            `Include the ${flagged} result${flagged === 1 ? '' : 's'} played on another game in the charts and questions`,
          ),
        )
      : null,
    stats.n === 0
      ? h(
          'p',
          { class: 'help' },
          'Every verified result was played on another game than this class game, so the charts are empty. Tick the box above to include them, or change the class game to match.',
        )
      : h('div', { class: 'chart-grid' }, classCharts(stats, true)),
  ];
}

function debriefSection(stats: ClassStats, scenario: Scenario): HTMLElement {
  const questions = debriefQuestions(stats, scenario);
  return h(
    'section',
    { class: 'panel class-debrief', 'aria-labelledby': 'class-debrief-title' },
    h('h3', { id: 'class-debrief-title' }, '4. Questions for the debrief'),
    questions.length
      ? [
          h(
            'p',
            { class: 'help' },
            `Drawn from the ${stats.n} game${stats.n === 1 ? '' : 's'} above. Every government in the game has real reasons; ask students to argue them.`,
          ),
          h(
            'ol',
            { class: 'questions' },
            questions.map((q) => h('li', null, q)),
          ),
        ]
      : h(
          'p',
          { class: 'help' },
          'Questions appear here once results from this class game are verified.',
        ),
  );
}

/** Section 3 (results, charts) and section 4 (debrief questions). */
export function classView(
  st: ClassViewState,
  on: ClassViewHandlers,
): { results: HTMLElement; debrief: HTMLElement } {
  const valid = st.entries.filter(isValid);
  // The class's version of the scenario: its target and weeks are what results are measured by.
  const scenario = sessionScenario(st.session);
  const mine = valid.filter((e) => e.check.result.scenario === st.session.scenarioId);
  const isClass = (e: Valid) => flagText(e.check.result, st.session) === null;
  const flagged = mine.filter((e) => !isClass(e)).length;
  const stats = classStats(
    (st.includeOther ? mine : mine.filter(isClass)).map((e) => e.check.result),
    scenario,
  );
  const results = h(
    'section',
    { class: 'panel class-results', 'aria-labelledby': 'class-results-title' },
    h('h3', { id: 'class-results-title', tabIndex: -1 }, '3. See the class'),
    classVersion(st.session, scenario),
    st.adoption ? adoptOffer(st.adoption, on.onAdopt) : null,
    valid.length === 0
      ? h(
          'p',
          { class: 'help' },
          st.entries.length
            ? 'None of the codes could be verified, so there is nothing to compare yet.'
            : 'Check your students’ codes above, and their results appear here side by side.',
        )
      : resultsBlock(st, on, valid),
    st.entries.length === 0
      ? null
      : h(
          'div',
          { class: 'actions-row' },
          h(
            'button',
            { type: 'button', onClick: () => on.onExport(), disabled: st.entries.length === 0 },
            'Download CSV',
          ),
          h(
            'p',
            { class: 'help' },
            'One row per code, including the ones that could not be verified and why. The file is made here in your browser; nothing is uploaded.',
          ),
        ),
    valid.length ? chartsBlock(st, on, flagged, stats) : null,
  );
  return { results, debrief: debriefSection(stats, scenario) };
}
