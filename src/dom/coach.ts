import type * as CoachCode from '../app/coach';
import type { Coach, CoachAnswer, CoachWords } from '../app/coach';
import { sessionGame, type Session, type Store } from '../app/store';
import type { Game, Move } from '../engine';
import type { View } from './board';
import { h, setText } from './h';

// The coach in the move panel (when the game link turns it on): "Ask the coach" suggests a move
// the look-ahead rates well, with why and how its plan fared in trial games; "Set up this move"
// puts it in the form (the player still confirms, after the preview); "Something else" turns it
// down; "What is my best route now?" answers from the same trial games. The coach's code (the
// search player and the scenarios' strategies) loads with the first question, and it thinks in
// a worker.

type CoachModule = typeof CoachCode;

let loaded: Promise<CoachModule> | null = null;
const load = () => (loaded ??= import('../app/coach'));

/** Where the advice was given: another game, a new move or week makes it stale. */
const positionOf = (s: Session) =>
  JSON.stringify([s.scenarioId, s.difficulty, s.seed, s.moves.length, s.state.log.length]);

export function coachView(store: Store, setMove: (m: Move) => void): View {
  let coach: Coach | null = null;
  let mod: CoachModule | null = null;
  let advice: { at: string; words: CoachWords } | null = null;
  let busy = false;

  const status = h('p', { class: 'coach-status', 'aria-live': 'polite' });
  const what = h('p', { class: 'coach-what' });
  const why = h('p', { class: 'coach-why' });
  const odds = h('p', { class: 'coach-odds help' });
  const route = h('p', { class: 'coach-route', 'aria-live': 'polite', hidden: true });
  const said = h('div', { class: 'coach-said', hidden: true }, what, why, odds);

  const askButton = h(
    'button',
    { type: 'button', onClick: () => void think(false) },
    'Ask the coach',
  );
  const setUp = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      onClick: () => {
        if (advice) setMove(advice.words.move);
      },
    },
    'Set up this move',
  );
  const other = h(
    'button',
    {
      type: 'button',
      onClick: () => {
        if (!advice || !coach) return;
        coach.turnDown(advice.words.move);
        thought = null;
        void think(false);
      },
    },
    'Something else',
  );
  const routeButton = h(
    'button',
    {
      type: 'button',
      onClick: () => {
        const s = store.getState();
        const game = s && sessionGame(s);
        // Advice for this position came with the week's trial games: answer from them.
        if (s && game && mod && coach && advice?.at === positionOf(s)) {
          showRoute(mod.bestRouteText(game.scenario, coach.plans()), s);
          return render();
        }
        void think(true);
      },
    },
    'What is my best route now?',
  );
  const showRoute = (text: string, s: Session) => {
    setText(route, text);
    route.dataset.at = positionOf(s);
    route.hidden = false;
  };

  /** The thinking under way or done for one position (a new move or week starts another). */
  let thought: { at: string; answer: Promise<CoachAnswer | null> } | null = null;
  /** The week whose first position was thought about ahead of any question. */
  let aheadOf = '';

  const thinkAbout = (s: Session, game: Game): Promise<CoachAnswer | null> => {
    const at = positionOf(s);
    if (thought?.at === at) return thought.answer;
    const answer = (async () => {
      mod ??= await load();
      coach ??= mod.createCoach();
      return coach.ask(
        {
          scenarioId: s.scenarioId,
          ...(s.options.variant ? { variant: s.options.variant } : {}),
          state: s.state,
        },
        game,
      );
    })().catch(() => null);
    thought = { at, answer };
    return answer;
  };

  /** Asks the coach about the position now; `routeToo` also answers the route question. */
  async function think(routeToo: boolean): Promise<void> {
    const s = store.getState();
    const game = s && sessionGame(s);
    if (!s || !game || busy || s.state.status !== 'playing') return;
    busy = true;
    render();
    setText(status, 'Thinking ahead: playing the rest of the game out in trial games…');
    try {
      const a = await thinkAbout(s, game);
      const now = store.getState();
      // The game moved on while it thought: its answer is for a position that is gone.
      if (!now || positionOf(now) !== positionOf(s)) {
        setText(status, '');
        return;
      }
      if (!a?.ok || !mod) {
        setText(
          status,
          a
            ? 'The coach has no advice for this game.'
            : 'The coach could not think this through. Your game is unchanged.',
        );
        return;
      }
      advice = { at: positionOf(s), words: mod.coachWords(game, s.state, a.advice) };
      setText(status, '');
      if (routeToo) showRoute(mod.bestRouteText(game.scenario, a.advice.plans), s);
    } catch {
      setText(status, 'The coach could not think this through. Your game is unchanged.');
    } finally {
      busy = false;
      render();
    }
  }

  function render() {
    const s = store.getState();
    const fresh = advice && s && advice.at === positionOf(s) ? advice.words : null;
    said.hidden = !fresh;
    if (fresh) {
      setText(what, `Suggestion: ${fresh.what}`);
      setText(why, fresh.why);
      setText(odds, fresh.odds);
    }
    // The route's answer stays for the position it was given at.
    if (s && route.dataset.at !== positionOf(s)) route.hidden = true;
    askButton.hidden = !!fresh;
    setUp.hidden = !fresh;
    other.hidden = !fresh;
    for (const b of [askButton, setUp, other, routeButton]) b.disabled = busy;
  }

  const el = h(
    'section',
    { class: 'coach', 'aria-labelledby': 'coach-title', hidden: true },
    h('h3', { id: 'coach-title' }, 'Coach'),
    status,
    said,
    h('div', { class: 'coach-buttons' }, askButton, setUp, other, routeButton),
    route,
  );

  return {
    el,
    update(s: Session) {
      el.hidden = !s.options.hints || s.state.status !== 'playing';
      // The week's first question is the costly one (its trial games): think it through ahead,
      // off the page's thread, so that the answer is ready when the player asks.
      const week = `${s.seed}:${s.state.week}`;
      const game = sessionGame(s);
      if (!el.hidden && game && aheadOf !== week) {
        aheadOf = week;
        void thinkAbout(s, game);
      }
      render();
    },
  };
}
