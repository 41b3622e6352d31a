import { pathOf, type PathWeek } from '../app/path';
import { gameFor, type Session } from '../app/store';
import {
  formatDate,
  money,
  weekOf,
  weekStart,
  type Game,
  type GameState,
  type Move,
  type Scenario,
} from '../engine';
import { DEFAULT_OPTIONS, realPath, verifyResult, type ForkOf, type GameLink } from '../share';
import { actorsView } from './actors';
import { moneyView, routesView, statusView, type View } from './board';
import { newsView } from './feed';
import { h, uid } from './h';
import { OUTCOME_LABEL } from './strings';

// The replay viewer: a game shown week by week, from a result code (verified by replaying it) or
// the real path (the scenario's script of what governments did, played from a seed). The viewer
// steps to any week and sees the table then: money, routes, every actor with its reasons, the
// week's news and the moves made that week. At any week, "What if?" starts a new game from that
// week's state, same seed, for the player to play on. Read-only until then; it never touches
// the autosave itself.

interface Snapshot {
  /** the week this snapshot opens */
  week: number;
  /** the state at the start of that week, or the final state */
  state: GameState;
  /** the moves so far (the state is their replay) */
  movesSoFar: number;
  final: boolean;
}

/** The start of each week and the end, from the engine's replay (the moves have no refusal) */
function snapshots(game: Game, v: Timeline): Snapshot[] {
  const out: Snapshot[] = [];
  let state: GameState | null = null;
  for (const step of game.replaySteps(v.link.seed, v.link.difficulty, v.moves)) {
    if (!state)
      out.push({ week: step.before.week, state: step.before, movesSoFar: 0, final: false });
    state = step.state;
    if (step.ok && step.move.type === 'week.end' && state.status === 'playing')
      out.push({ week: state.week, state, movesSoFar: step.index + 1, final: false });
  }
  if (!state) {
    state = game.start(v.link.seed, v.link.difficulty);
    out.push({ week: state.week, state, movesSoFar: 0, final: false });
  }
  out.push({ week: state.week, state, movesSoFar: v.moves.length, final: true });
  return out;
}

/** A whole game to replay: from a verified code, or the real path from a seed. */
interface Timeline {
  /** the scenario, seed, difficulty and options it was played with */
  link: GameLink;
  moves: Move[];
  /** what a "What if?" of it starts from */
  kind: ForkOf['kind'];
  heading: string;
  /** a paragraph or two under the heading */
  intro: HTMLElement[];
}

/** What to replay: a result code, or the real path of a game link's scenario and seed. */
export type ReplaySource = { code: string } | { history: GameLink };

export interface ReplayOptions {
  onMenu(): void;
  /**
   * Starts the "What if?" game (after asking before it replaces a saved game); resolves to the
   * reason it could not start, or null.
   */
  onFork(link: GameLink, fork: ForkOf): Promise<string | null>;
}

/** The timeline of a source, or the reason it cannot be shown. */
function timelineOf(source: ReplaySource): Timeline | string {
  if ('history' in source) {
    const link = source.history;
    const game = gameFor(link.scenarioId, link.options.variant);
    if (!game) return 'This scenario cannot be played here.';
    const scenario = game.scenario;
    // Only moves the rules accepted: the replay below cannot be refused.
    const moves = realPath(game, link.seed, link.difficulty);
    if (moves.length === 0) return `${scenario.title} has no real path on record to replay.`;
    const grade = scenario.history.ending;
    return {
      link,
      moves,
      kind: 'history',
      // A what-if scenario did not happen: its script plays what governments did instead.
      heading: `What really happened${scenario.premiseWhatIf ? ' instead' : ''}: ${scenario.title}`,
      intro: [
        h('p', null, scenario.history.summary),
        grade
          ? h('p', null, h('strong', null, 'How the real path grades here: '), grade.why)
          : null,
        h(
          'p',
          { class: 'help' },
          'The moves that stand for what governments did, played by this game week by week in this world (seed). “You” is the Commission, as it really acted. Dated events on record are listed under each week’s moves.',
        ),
      ].filter((e) => e !== null),
    };
  }
  const v = verifyResult(source.code);
  if (!v.valid) return v.reason;
  const who = v.name ? `${v.name}’s game` : 'A player’s game';
  const what = v.fork
    ? ` A what-if: it took ${v.fork.kind === 'history' ? 'the real path' : 'another game'} up to week ${v.fork.week}, then went its own way.`
    : '';
  return {
    link: {
      scenarioId: v.scenario,
      seed: v.seed,
      difficulty: v.difficulty,
      options: {
        ...DEFAULT_OPTIONS,
        hints: v.hints,
        ...(Object.keys(v.variant).length ? { variant: v.variant } : {}),
      },
    },
    moves: v.moves,
    kind: 'game',
    heading: `Replay: ${who}`,
    intro: [
      h(
        'p',
        { class: 'help' },
        `Verified: the moves in this code were replayed by the game and lead exactly to this result.${what}`,
      ),
    ],
  };
}

export interface ReplayScreen {
  el: HTMLElement;
  heading: HTMLElement;
  title: string;
}

export function replayScreen(source: ReplaySource, opts: ReplayOptions): ReplayScreen {
  const back = h('button', { type: 'button', class: 'primary', onClick: opts.onMenu }, 'Main menu');
  const v = timelineOf(source);
  if (typeof v === 'string') {
    const heading = h(
      'h2',
      { id: 'replay-title', tabIndex: -1 },
      'history' in source ? 'The real path cannot be shown' : 'This result code cannot be opened',
    );
    return {
      el: h(
        'section',
        { class: 'panel link-problem', 'aria-labelledby': 'replay-title' },
        heading,
        h('p', { role: 'alert' }, v),
        h('p', null, 'Nothing was changed: your own saved game, if you have one, is untouched.'),
        back,
      ),
      heading,
      title:
        'history' in source ? 'Real path: Frozen Assets' : 'Result code not valid: Frozen Assets',
    };
  }
  const game = gameFor(v.link.scenarioId, v.link.options.variant)!;
  const scenario = game.scenario;
  const snaps = snapshots(game, v);
  const session = (snap: Snapshot): Session => ({
    scenarioId: v.link.scenarioId,
    seed: v.link.seed,
    difficulty: v.link.difficulty,
    options: v.link.options,
    moves: v.moves.slice(0, snap.movesSoFar),
    state: snap.state,
    lastRefusal: null,
    saveError: null,
  });
  const fullPath = pathOf(game, session(snaps[snaps.length - 1]!));

  const heading = h('h2', { id: 'replay-title', tabIndex: -1 }, v.heading);
  const end = snaps[snaps.length - 1]!.state;
  const ending = end.ending;
  const securedBn = (money(scenario, end).secured / 1000).toFixed(1);
  const summary = ending
    ? `${OUTCOME_LABEL[ending.outcome]}: EUR ${securedBn} bn, grade ${ending.grade} (${ending.score} points), game over in week ${ending.week}.`
    : `Not finished: left in week ${end.week} of ${scenario.weeks} with EUR ${securedBn} bn secured.`;
  const moves = weekMoves(scenario, fullPath, summary);
  const fork = forkControl(v, opts);
  const stepper = weekStepper(scenario, snaps, (snap) => {
    const s = session(snap);
    for (const view of views) view.update(s);
    moves.show(snap);
    fork.show(snap);
  });

  // ---- what the table looked like then
  const status = statusView(scenario);
  const moneyPart = moneyView(scenario);
  const routes = routesView(scenario);
  const actors = actorsView(scenario);
  const news = newsView(scenario);
  const views: View[] = [status, moneyPart, routes, actors, news];
  stepper.showAt(0);

  const el = h(
    'div',
    { class: 'replay' },
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'replay-title' },
      heading,
      h(
        'p',
        null,
        `${scenario.title}, ${v.link.difficulty} difficulty, seed ${v.link.seed}${v.link.options.hints ? ', coach on' : ''}.`,
      ),
      h('p', null, summary),
      v.intro,
      stepper.el,
      fork.el,
      back,
    ),
    moves.el,
    h('div', { class: 'replay-board' }, status.el, moneyPart.el, routes.el, news.el, actors.el),
  );
  return { el, heading, title: `${v.heading}: Frozen Assets` };
}

/** Previous, next and "go to": steps through the snapshots and tells `show` which one. */
function weekStepper(scenario: Scenario, snaps: Snapshot[], show: (snap: Snapshot) => void) {
  const position = h('p', { class: 'replay-position', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'secondary' }, '← Previous week');
  const next = h('button', { type: 'button', class: 'secondary' }, 'Next week →');
  const jumpId = 'replay-jump';
  const jump = h(
    'select',
    { id: jumpId },
    snaps.map((s, i) =>
      h(
        'option',
        { value: String(i) },
        s.final
          ? 'The end'
          : `Week ${s.week} (${formatDate(weekStart(scenario.startDate, s.week))})`,
      ),
    ),
  );
  let at = 0;
  const showAt = (i: number) => {
    at = Math.max(0, Math.min(snaps.length - 1, i));
    const snap = snaps[at]!;
    jump.value = String(at);
    prev.disabled = at === 0;
    next.disabled = at === snaps.length - 1;
    position.textContent = snap.final
      ? 'Showing the end of the game.'
      : `Showing the start of week ${snap.week} of ${scenario.weeks}, and the moves made that week.`;
    show(snap);
  };
  prev.addEventListener('click', () => showAt(at - 1));
  next.addEventListener('click', () => showAt(at + 1));
  jump.addEventListener('change', () => showAt(Number(jump.value)));
  const el = h(
    'div',
    null,
    h('div', { class: 'replay-controls' }, prev, h('label', { for: jumpId }, 'Go to'), jump, next),
    position,
  );
  return { el, showAt };
}

/** The moves made in the week shown, each with what it led to, and the dated record of it. */
function weekMoves(scenario: Scenario, path: PathWeek[], summary: string) {
  const title = h('h2', { id: 'replay-moves-title' });
  const list = h('ul', { class: 'path-steps' });
  const record = h('div', { class: 'on-record' });
  const el = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'replay-moves-title' },
    title,
    list,
    record,
  );
  const show = (snap: Snapshot) => {
    const steps = snap.final ? [] : (path.find((w) => w.week === snap.week)?.steps ?? []);
    title.textContent = snap.final
      ? 'The end'
      : `Moves in week ${snap.week}${steps.length ? '' : ': none'}`;
    list.replaceChildren(
      ...(snap.final
        ? [h('li', null, summary)]
        : steps.map((step) =>
            h(
              'li',
              null,
              h('p', null, step.text),
              step.outcomes.map((o) => h('p', { class: 'entry-reason' }, o.text)),
            ),
          )),
    );
    const items = snap.final
      ? []
      : scenario.history.items.filter((i) => weekOf(scenario.startDate, i.date) === snap.week);
    record.replaceChildren(
      ...(items.length
        ? [
            h('h3', null, 'On record that week'),
            h(
              'ul',
              null,
              items.map((i) => h('li', null, h('strong', null, `${formatDate(i.date)}: `), i.text)),
            ),
          ]
        : []),
    );
  };
  return { el, show };
}

/**
 * "What if?": a new game from the state at the start of the week shown, same seed; the player
 * plays on from there. Not at the end: nothing is left to play.
 */
function forkControl(v: Timeline, opts: ReplayOptions) {
  const helpId = uid('fork-help');
  const button = h('button', { type: 'button', class: 'primary', 'aria-describedby': helpId });
  const help = h('p', { class: 'help', id: helpId });
  const error = h('p', { class: 'error', role: 'alert' });
  let week = 1;
  button.addEventListener('click', () => {
    error.textContent = '';
    void opts.onFork(v.link, { kind: v.kind, week, base: v.moves }).then((reason) => {
      error.textContent = reason ?? '';
    });
  });
  const el = h('div', { class: 'fork-control' }, h('h3', null, 'What if?'), button, help);
  const show = (snap: Snapshot) => {
    el.hidden = snap.final;
    week = snap.week;
    button.textContent = `What if? Play on from week ${week}`;
    help.textContent = `You take over at the start of week ${week}, with everything as it stood then${v.kind === 'history' ? ' on the real path' : ''}, and play on your own way. The same world: the same chances of events, the same governments; only your moves differ. At the end you see both timelines side by side.`;
  };
  return { el, show };
}
