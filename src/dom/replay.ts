import { pathOf } from '../app/path';
import { gameFor, type Session } from '../app/store';
import { formatDate, weekStart, type GameState } from '../engine';
import { DEFAULT_OPTIONS, verifyResult, type Verified } from '../share';
import { actorsView } from './actors';
import { moneyView, routesView, statusView, type View } from './board';
import { newsView } from './feed';
import { h } from './h';
import { OUTCOME_LABEL } from './strings';

// The replay viewer: a result code, verified by replaying it, shown week by week. The viewer
// steps to any week and sees the table then: money, routes, every actor with its reasons, the
// week's news and the moves the player made that week. Read-only; it never touches the autosave.

interface Snapshot {
  /** the week this snapshot opens */
  week: number;
  /** the state at the start of that week, or the final state */
  state: GameState;
  /** the moves so far (the state is their replay) */
  movesSoFar: number;
  final: boolean;
}

/** The start of each week and the end, from the engine's replay (a verified code has no refusal) */
function snapshots(v: Verified): Snapshot[] {
  const game = gameFor(v.scenario, v.variant)!;
  const out: Snapshot[] = [];
  let state: GameState | null = null;
  for (const step of game.replaySteps(v.seed, v.difficulty, v.moves)) {
    if (!state)
      out.push({ week: step.before.week, state: step.before, movesSoFar: 0, final: false });
    state = step.state;
    if (step.ok && step.move.type === 'week.end' && state.status === 'playing')
      out.push({ week: state.week, state, movesSoFar: step.index + 1, final: false });
  }
  if (!state) {
    state = game.start(v.seed, v.difficulty);
    out.push({ week: state.week, state, movesSoFar: 0, final: false });
  }
  out.push({ week: state.week, state, movesSoFar: v.moves.length, final: true });
  return out;
}

export interface ReplayScreen {
  el: HTMLElement;
  heading: HTMLElement;
  title: string;
}

export function replayScreen(code: string, onMenu: () => void): ReplayScreen {
  const back = h('button', { type: 'button', class: 'primary', onClick: onMenu }, 'Main menu');
  const v = verifyResult(code);
  if (!v.valid) {
    const heading = h(
      'h2',
      { id: 'replay-title', tabIndex: -1 },
      'This result code cannot be opened',
    );
    return {
      el: h(
        'section',
        { class: 'panel link-problem', 'aria-labelledby': 'replay-title' },
        heading,
        h('p', { role: 'alert' }, v.reason),
        h('p', null, 'Nothing was changed: your own saved game, if you have one, is untouched.'),
        back,
      ),
      heading,
      title: 'Result code not valid: Frozen Assets',
    };
  }
  const game = gameFor(v.scenario, v.variant)!;
  const scenario = game.scenario;
  const snaps = snapshots(v);
  const session = (snap: Snapshot): Session => ({
    scenarioId: v.scenario,
    seed: v.seed,
    difficulty: v.difficulty,
    options: { ...DEFAULT_OPTIONS, hints: v.hints },
    moves: v.moves.slice(0, snap.movesSoFar),
    state: snap.state,
    lastRefusal: null,
    saveError: null,
  });
  const fullPath = pathOf(game, session(snaps[snaps.length - 1]!));

  const who = v.name ? `${v.name}’s game` : 'A player’s game';
  const heading = h('h2', { id: 'replay-title', tabIndex: -1 }, `Replay: ${who}`);
  const ending = v.state.ending;
  const summary = ending
    ? `${OUTCOME_LABEL[ending.outcome]}: EUR ${v.securedBn.toFixed(1)} bn, grade ${ending.grade} (${ending.score} points), game over in week ${ending.week}.`
    : `Not finished: left in week ${v.week} of ${scenario.weeks} with EUR ${v.securedBn.toFixed(1)} bn secured.`;

  // ---- the week stepper
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

  // ---- what the table looked like then
  const status = statusView(scenario);
  const moneyPart = moneyView(scenario);
  const routes = routesView(scenario);
  const actors = actorsView(scenario);
  const news = newsView(scenario);
  const views: View[] = [status, moneyPart, routes, actors, news];
  const movesTitle = h('h2', { id: 'replay-moves-title' });
  const movesList = h('ul', { class: 'path-steps' });
  const movesPanel = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'replay-moves-title' },
    movesTitle,
    movesList,
  );

  let at = 0;
  const showAt = (i: number) => {
    at = Math.max(0, Math.min(snaps.length - 1, i));
    const snap = snaps[at]!;
    const s = session(snap);
    for (const view of views) view.update(s);
    jump.value = String(at);
    prev.disabled = at === 0;
    next.disabled = at === snaps.length - 1;
    position.textContent = snap.final
      ? 'Showing the end of the game.'
      : `Showing the start of week ${snap.week} of ${scenario.weeks}, and the moves made that week.`;
    const steps = snap.final ? [] : (fullPath.find((w) => w.week === snap.week)?.steps ?? []);
    movesTitle.textContent = snap.final
      ? 'The end'
      : `Moves in week ${snap.week}${steps.length ? '' : ': none'}`;
    movesList.replaceChildren(
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
  };
  prev.addEventListener('click', () => showAt(at - 1));
  next.addEventListener('click', () => showAt(at + 1));
  jump.addEventListener('change', () => showAt(Number(jump.value)));
  showAt(0);

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
        `${scenario.title}, ${v.difficulty} difficulty, seed ${v.seed}${v.hints ? ', hints on' : ''}.`,
      ),
      h('p', null, summary),
      h(
        'p',
        { class: 'help' },
        'Verified: the moves in this code were replayed by the game and lead exactly to this result.',
      ),
      h(
        'div',
        { class: 'replay-controls' },
        prev,
        h('label', { for: jumpId }, 'Go to'),
        jump,
        next,
      ),
      position,
      back,
    ),
    movesPanel,
    h('div', { class: 'replay-board' }, status.el, moneyPart.el, routes.el, news.el, actors.el),
  );
  return { el, heading, title: `Replay: ${who}: Frozen Assets` };
}
