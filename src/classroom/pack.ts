import {
  formatDate,
  type Difficulty,
  type HistoryItem,
  type Scenario,
  type Source,
} from '../engine';
import type { Variant } from '../scenarios';
import { historyLink } from '../share';
import { h, uid, type Child } from '../dom/h';
import { debriefItems, type DebriefQuestion } from './debrief';
import { ASSUMED, lessonPlan, PLAY_FIGURES, questionNote, type LessonPlan } from './lesson';
import type { ClassResult } from './results';
import { classStats } from './stats';

// The teacher pack on the teacher's page: a 40-minute lesson plan with timings, how long a game
// takes (and what that figure rests on), a note for each debrief question, what really happened
// (readable without playing, with its sources and a link to the real path as a replay), and the
// class's results as a table. "Print the pack" prints it alone, as one clean document.

export interface PackOptions {
  /** the class's version of the scenario (tuned where the teacher tuned it) */
  scenario: Scenario;
  /** the page's address without its fragment, for the replay link */
  base: string;
  seed: number;
  difficulty: Difficulty;
  variant?: Variant;
  /** the class's verified results (the class game's own); none: the pack says how to get them */
  results?: readonly ClassResult[];
  /** show "Student 1", ... instead of the names students typed */
  hideNames?: boolean;
}

const OUTCOME_TEXT = {
  win: 'Funded',
  partial: 'Partly funded',
  loss: 'Not funded',
  unfinished: 'Not finished',
} as const;

const section = (title: string, cls: string, ...body: Child[]) => {
  const id = uid('pack-part');
  return h(
    'section',
    { class: `pack-part ${cls}`, 'aria-labelledby': id },
    h('h4', { id }, title),
    body,
  );
};

function sourceList(sources: readonly Source[]): Child {
  if (!sources.length) return null;
  return h(
    'p',
    { class: 'sources' },
    'Sources: ',
    sources.map((s, i) => [
      i ? '; ' : '',
      /^https:\/\//u.test(s.url)
        ? h(
            'a',
            { href: s.url, target: '_blank', rel: 'noopener noreferrer' },
            `${s.title}, ${s.date}`,
          )
        : `${s.title}, ${s.date}`,
      h('span', { class: 'print-url' }, /^https:\/\//u.test(s.url) ? ` (${s.url})` : ''),
    ]),
  );
}

/** The lesson plan as a table of timings, and how long a game takes, with its basis. */
function planPart(plan: LessonPlan): HTMLElement {
  const f = PLAY_FIGURES;
  const a = ASSUMED;
  return section(
    `A ${plan.total}-minute lesson`,
    'pack-plan',
    h(
      'table',
      { class: 'data lesson-plan' },
      h('caption', null, `Lesson plan for a game of ${plan.weeks} weeks`),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Minutes', 'Part', 'What happens'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        null,
        plan.steps.map((s) =>
          h(
            'tr',
            { 'data-step': s.kind },
            h('td', { class: 'num' }, `${s.from}–${s.from + s.minutes} (${s.minutes})`),
            h('th', { scope: 'row' }, s.title),
            h('td', null, s.text),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'game-length' },
      h('strong', null, 'How long a game takes: '),
      `${plan.game.low} to ${plan.game.high} minutes for a game that runs all ${plan.weeks} weeks (a game that secures the money earlier ends sooner).`,
    ),
    h(
      'p',
      { class: 'help' },
      `What this rests on. Measured: the game’s test players make ${f.actionsPerWeek.low} to ${f.actionsPerWeek.high} moves a week besides ending it; in a browser the page answers a move or a week’s end in under ${f.pageSecondsPerWeekEnd} s and then shows about ${f.wordsPerAction} words after a move and ${f.wordsPerWeekEnd} after a week. Assumed, not measured: reading ${a.readingWordsPerMinute.low} to ${a.readingWordsPerMinute.high} words a minute, and ${a.choosingSeconds.low} to ${a.choosingSeconds.high} s per move to read the cards and decide, which is most of the time. No class has been timed yet: time your own class once and trust that over this.`,
    ),
  );
}

/** Questions to prepare before results come in: one of each kind, about the key actors. */
function sampleQuestions(scenario: Scenario): DebriefQuestion[] {
  const key = scenario.actors.filter((a) => a.pivotal).slice(0, 2);
  const route = scenario.routes[0];
  return [
    { kind: 'money', text: 'Did you reach the target? What stood in the way?' },
    ...key.map((a): DebriefQuestion => ({
      kind: 'hardest',
      text: `What was ${a.short} worried about, and how would its own leaders explain it?`,
      actorId: a.id,
    })),
    ...(route
      ? [
          {
            kind: 'route',
            text: `Why might governments accept “${route.name}” more or less easily than the others?`,
            routeId: route.id,
          } as DebriefQuestion,
        ]
      : []),
    {
      kind: 'reality',
      text: 'What does the game leave out that made it harder, or easier, in real life?',
    },
  ];
}

function notesPart(scenario: Scenario, questions: readonly DebriefQuestion[], own: boolean) {
  return section(
    'Notes for the debrief questions',
    'pack-notes',
    h(
      'p',
      { class: 'help' },
      own
        ? 'The questions drawn from this class’s games, each with what to listen for and the real answer.'
        : 'Once codes are checked, the questions come from the class’s own games. Until then, the usual ones:',
    ),
    h(
      'ol',
      { class: 'pack-questions' },
      questions.map((q) => {
        const note = questionNote(q, scenario);
        return h(
          'li',
          { 'data-kind': q.kind },
          h('p', { class: 'pack-question' }, q.text),
          h('p', null, h('strong', null, 'Listen for: '), note.listenFor),
          h('p', null, h('strong', null, 'What really happened: '), note.real),
          sourceList(note.sources),
        );
      }),
    ),
  );
}

function historyItem(scenario: Scenario, item: HistoryItem): HTMLElement {
  const sources = scenario.sources.filter((s) => item.sources.includes(s.id));
  return h(
    'li',
    null,
    h('p', null, h('strong', null, `${formatDate(item.date)}: `), item.text),
    sourceList(sources),
  );
}

function historyPart(opts: PackOptions): HTMLElement {
  const { scenario } = opts;
  const link = historyLink(opts.base, {
    scenarioId: scenario.id,
    seed: opts.seed,
    difficulty: opts.difficulty,
    options: { hints: false, classLabel: '', ...(opts.variant ? { variant: opts.variant } : {}) },
  });
  return section(
    `What really happened: ${scenario.title}`,
    'pack-history',
    h('p', null, scenario.history.summary),
    scenario.history.script
      ? h(
          'p',
          null,
          h('a', { href: link, class: 'button-link' }, 'Replay the real path, week by week'),
          h('span', { class: 'print-url' }, ` (${link})`),
        )
      : null,
    scenario.history.ending
      ? h('p', { class: 'help' }, h('strong', null, 'In this game: '), scenario.history.ending.why)
      : null,
    h(
      'ol',
      { class: 'timeline' },
      scenario.history.items.map((item) => historyItem(scenario, item)),
    ),
  );
}

/** The class's results as a plain table for print: one row per verified result. */
export function resultsForPrint(
  results: readonly ClassResult[],
  opts: { hideNames?: boolean; caption?: string } = {},
): HTMLElement {
  const sortedResults = [...results].sort((a, b) => b.securedBn - a.securedBn);
  return h(
    'table',
    { class: 'data print-results' },
    h(
      'caption',
      null,
      opts.caption ?? `Class results: ${results.length} verified games, most money first`,
    ),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Student', 'Result', 'EUR bn secured', 'Grade', 'Score', 'Week'].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      sortedResults.map((r, i) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, opts.hideNames ? `Student ${i + 1}` : r.name || '(no name)'),
          h('td', null, OUTCOME_TEXT[r.outcome]),
          h('td', { class: 'num' }, r.securedBn.toFixed(1)),
          h('td', null, r.grade ?? '–'),
          h('td', { class: 'num' }, r.score === null ? '–' : String(r.score)),
          h('td', { class: 'num' }, String(r.week)),
        ),
      ),
    ),
  );
}

/** Prints the pack alone: the page's print rules show only it while this class is on <html>. */
function printPack(): void {
  const root = document.documentElement;
  root.classList.add('printing-pack');
  const done = () => root.classList.remove('printing-pack');
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}

/** The teacher pack: lesson plan, game length, debrief notes, real history and class results. */
export function teacherPack(opts: PackOptions): HTMLElement {
  const { scenario } = opts;
  const results = opts.results ?? [];
  const questions = results.length
    ? debriefItems(classStats(results, scenario), scenario)
    : sampleQuestions(scenario);
  const titleId = uid('pack-title');
  return h(
    'section',
    { class: 'panel teacher-pack', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, `Teacher pack: ${scenario.title}`),
    h(
      'div',
      { class: 'inline pack-tools' },
      h('button', { type: 'button', class: 'secondary', onClick: printPack }, 'Print the pack'),
      h(
        'p',
        { class: 'help' },
        'Prints this pack alone: the plan, the notes, the history and the results.',
      ),
    ),
    planPart(lessonPlan(scenario.weeks)),
    notesPart(scenario, questions, results.length > 0),
    historyPart(opts),
    section(
      'Class results',
      'pack-results',
      results.length
        ? resultsForPrint(results, { hideNames: opts.hideNames ?? false })
        : h('p', { class: 'help' }, 'The verified results appear here once the codes are checked.'),
    ),
  );
}
