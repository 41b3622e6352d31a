import type { Session, StorageLike, Store } from '../app/store';
import type { Scenario } from '../engine';
import { actionsView, promisesView } from './actions';
import { askDecides } from '../app/stage-events';
import { actorsView } from './actors';
import { calendarView, moneyView, routesView, statusView, type View } from './board';
import { decidesView } from './decides';
import { logView, narration, narratorView, newsView } from './feed';
import type { Display } from '../app/display';
import { displayControl } from './display';
import { glossaryControl } from './glossary';
import { handInButton } from './handin';
import { h } from './h';
import { confirmReplace, startScreen, type StartOptions } from './start-screen';
import type { ForkOf, GameLink, Route } from '../share';
import type * as EndingViews from './ending';

// The page shell: a banner, one main landmark, and three screens (start, table, ending) chosen
// from the store's session. Screens are rebuilt only when the screen changes; within a screen
// every part updates in place, so focus and open panels survive each move.

/** The canvas picture of the table, mounted by the composition root (dom never loads Phaser). */
export interface Stage {
  setDisplay(display: Display): void;
}

export interface ShellOptions extends StartOptions {
  /** false when the browser gives no storage: the page then says autosave is off */
  autosave: boolean;
  /** where display preferences are kept (null: not remembered) */
  storage: StorageLike | null;
  /** mounts the canvas view into `slot` the first time a game is on screen */
  mountStage?: (slot: HTMLElement, display: Display, selectActor: (id: string) => void) => Stage;
  /** loads and mounts the teacher's page into `main` (its code is fetched only then) */
  mountTeacher?: (main: HTMLElement) => Promise<{ heading: HTMLElement; destroy(): void }>;
}

/** The key under the picture: what its lines and chips mean (the canvas draws no legend). */
function stageCaption(): HTMLElement {
  const swatch = (kind: string) => h('span', { class: `stage-key ${kind}`, 'aria-hidden': 'true' });
  return h(
    'p',
    { class: 'stage-caption' },
    h(
      'span',
      null,
      swatch('key-arrow'),
      ' An arrow runs from a leader to an actor that follows it (',
      h('strong', null, 'EU'),
      ' is the EU as a whole).',
    ),
    h('span', null, swatch('key-if'), ' A pledge that waits for a condition.'),
    h('span', null, swatch('key-real'), ' A pledge that is real.'),
    h(
      'span',
      null,
      'After each week, yellow arrows show which leaders pulled their followers, and yellow borders show which cards changed; a small triangle over a card’s bar marks where its willingness stood before.',
    ),
    h('span', null, 'Click or tap a card to read why that actor acts as it does.'),
  );
}

/**
 * The debrief's views (the ending, its charts and comparisons): fetched while a game is on the
 * table, not with the first screen, and kept once here.
 */
type EndingModule = typeof EndingViews;
let endingModule: EndingModule | null = null;
const loadEnding = () => import('./ending').then((m) => (endingModule = m));

/** What the composition root can tell the page: the link in the address bar changed. */
export interface App {
  setRoute(route: Route): void;
}

function tableScreen(store: Store, scenario: Scenario, opts: ShellOptions, stage: HTMLElement) {
  const status = statusView(scenario);
  const calendar = calendarView(scenario);
  const moneyPart = moneyView(scenario);
  const routes = routesView(scenario);
  // "How it decides": the picture draws the actor's machine, the panel under it says it.
  const decides = decidesView(scenario, (id) => askDecides(stage, id));
  const actors = actorsView(scenario, (id, from) => decides.open(id, from));
  const narrator = narratorView();
  const actions = actionsView(store, scenario, narrator);
  const promises = promisesView(scenario);
  const news = newsView(scenario);
  const log = logView(scenario);
  const notice = h('p', { class: 'notice', role: 'status' });
  const side = h('div', { class: 'col-side' }, actions.el);
  // Sticky only while the move panel fits the window: a taller one scrolls with the page
  // rather than hiding its end (the browser's own sticky would cut it off).
  const fit = () => side.classList.toggle('stuck', side.offsetHeight + 16 <= window.innerHeight);
  const watch = new ResizeObserver(fit);
  watch.observe(side);
  window.addEventListener('resize', fit);
  const views: View[] = [
    status,
    calendar,
    moneyPart,
    routes,
    actors,
    decides,
    actions,
    promises,
    news,
    log,
  ];
  // The picture with its key (what its lines and chips mean; the stances' key is the page's),
  // and "How it decides" when open.
  const picture = h('div', { class: 'stage-area' }, stage, stageCaption(), decides.el);
  const el = h(
    'div',
    { class: 'table' },
    h('div', { class: 'top' }, status.el, calendar.el),
    notice,
    h(
      'div',
      { class: 'table-layout' },
      // The move panel comes first in reading and tab order; CSS puts it on the right.
      // The side column holds the move panel alone, so that it fits a laptop's screen; the
      // week's news sits under the picture, the promises beside the routes they bind.
      side,
      h(
        'div',
        { class: 'col-main' },
        picture,
        news.el,
        moneyPart.el,
        routes.el,
        promises.el,
        actors.el,
        log.el,
      ),
    ),
  );
  return {
    el,
    heading: status.heading,
    selectActor: (id: string) => actors.select(id),
    destroy() {
      // The picture (it moves on to the next screen) stops drawing the machine.
      askDecides(stage, null);
      watch.disconnect();
      window.removeEventListener('resize', fit);
    },
    /** For a projector the picture spans the page above both columns; else it heads the main one. */
    placeStage(wide: boolean) {
      if (wide) el.insertBefore(picture, el.querySelector('.table-layout'));
      else el.querySelector('.col-main')?.prepend(picture);
      picture.classList.toggle('wide', wide);
    },
    update(prev: Session | null, s: Session) {
      for (const v of views) v.update(s);
      const problem = !opts.autosave
        ? 'Autosave is off: this browser does not let the page store data, so the game is lost if you leave the page.'
        : s.saveError;
      notice.textContent = problem ?? '';
      notice.hidden = !problem;
      const changed = !prev || prev.moves !== s.moves || prev.state !== s.state;
      if (changed) narrator.say(narration(scenario, prev, s));
    },
  };
}

/** The history entry of a game opened from the menu (its address is the page without a link). */
const GAME_ENTRY = { frozenAssets: 'game' } as const;
const isGameEntry = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && 'frozenAssets' in state;

export function mountApp(root: HTMLElement, store: Store, opts: ShellOptions): App {
  // The page decides where each screen opens (at its top); the browser restoring an old scroll
  // position after a reload opened the menu scrolled to its bottom.
  history.scrollRestoration = 'manual';
  const menuSlot = h('div', { class: 'menu-slot' });
  const glossaryUi = glossaryControl();
  // The canvas lives in one slot that moves between screens, so it is built only once.
  const stageSlot = h('div', { class: 'stage' });
  let stage: Stage | null = null;
  const displayUi = displayControl(opts.storage, (d) => {
    stage?.setDisplay(d);
    table?.placeStage(d.projector);
  });
  const ensureStage = () => {
    if (stage || !opts.mountStage) return;
    stage = opts.mountStage(stageSlot, displayUi.current(), (id) => table?.selectActor(id));
  };
  const tools = h(
    'div',
    { class: 'banner-actions' },
    glossaryUi.button,
    displayUi.button,
    menuSlot,
  );
  const banner = h(
    'header',
    { class: 'banner' },
    h(
      'div',
      { class: 'brand' },
      h('h1', null, 'Frozen Assets'),
      h('p', { class: 'tagline' }, 'A classroom diplomacy game'),
    ),
    tools,
  );
  const main = h('main', { id: 'main', tabIndex: -1 });
  // Links of this game live in the fragment, so the skip link must not change it: it moves
  // the focus to the screen's heading (or the main landmark) and leaves the address alone.
  const skip = h(
    'a',
    {
      class: 'skip-link',
      href: '#main',
      onClick: (e: Event) => {
        e.preventDefault();
        const target = main.querySelector('h2') ?? main;
        if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
        target.focus();
        target.scrollIntoView({ block: 'start' });
      },
    },
    'Skip to main content',
  );
  root.replaceChildren(skip, banner, main, glossaryUi.dialog, displayUi.dialog);

  const toMenu = () => {
    // A game opened from the menu has a history entry of its own: going back to the menu
    // entry is what Back does too (see onHistory below).
    if (isGameEntry(history.state)) return history.back();
    // Leaving a link's screen: the address loses its link, the game (if any) stays saved.
    route = { kind: 'menu' };
    opts.toMenu();
    store.leave();
    show(store.getState());
  };
  /** A "What if?" from a replay or an ending: asks before it replaces a game in progress. */
  const startFork = (link: GameLink, fork: ForkOf): Promise<string | null> =>
    confirmReplace(store).then((go) => {
      if (!go) return null;
      const r = store.newFork(link, fork);
      return r.ok ? null : r.reason;
    });
  const menuButton = h(
    'button',
    { type: 'button', class: 'secondary on-dark', onClick: toMenu },
    'Main menu',
    h('span', { class: 'vh' }, ' (your game is saved)'),
  );

  // A result code of the game so far, at any week (the ending has its own).
  const handIn = handInButton(store, opts.base);

  let route: Route = { kind: 'menu' };
  /** the session when a game link was opened: a new one means the invited game has started */
  let routeSession: Session | null = null;
  let screen: string | null = null;
  let teacher: { destroy(): void } | null = null;
  let table: ReturnType<typeof tableScreen> | null = null;
  let prev: Session | null = null;
  let first = true;

  const leaveScreen = () => {
    teacher?.destroy();
    teacher = null;
    table?.destroy();
    table = null;
  };

  /** The screen a link asks for; null when the session decides (no link, or a game link). */
  const linkScreen = (): { key: string; build(): HTMLElement | null } | null => {
    if (route.kind === 'replay' || route.kind === 'history') {
      const source = route.kind === 'replay' ? { code: route.code } : { history: route.link };
      const screenKey =
        route.kind === 'replay' ? `replay:${route.code}` : `history:${JSON.stringify(route.link)}`;
      return {
        key: screenKey,
        // The viewer is fetched when a link asks for it, not with the first screen.
        build: () => {
          // As for any new screen: its heading gets the focus after a player action only.
          const focusLoaded = !first;
          const loading = h('p', { role: 'status' }, 'Loading the replay…');
          main.replaceChildren(loading);
          import('./replay')
            .then(({ replayScreen }) => {
              if (screen !== screenKey) return;
              const r = replayScreen(source, { onMenu: toMenu, onFork: startFork });
              main.replaceChildren(r.el);
              document.title = r.title;
              if (focusLoaded) r.heading.focus();
            })
            .catch(() => {
              loading.textContent =
                'The replay could not load. Check the connection and reload the page.';
            });
          return null;
        },
      };
    }
    if (route.kind === 'invalid') {
      const reason = route.reason;
      return {
        key: `invalid:${reason}`,
        build: () => {
          const heading = h('h2', { id: 'link-title', tabIndex: -1 }, 'This link cannot be opened');
          main.replaceChildren(
            h(
              'section',
              { class: 'panel link-problem', 'aria-labelledby': 'link-title' },
              heading,
              h('p', { role: 'alert' }, reason),
              h('p', null, 'Nothing was changed: your saved game, if you have one, is untouched.'),
              h(
                'button',
                { type: 'button', class: 'primary', onClick: toMenu },
                'Go to the main menu',
              ),
            ),
          );
          document.title = 'Link not valid: Frozen Assets';
          return heading;
        },
      };
    }
    if (route.kind === 'teacher') {
      return {
        key: 'teacher',
        build: () => {
          const loading = h('p', { role: 'status' }, 'Loading the teacher’s page…');
          main.replaceChildren(loading);
          document.title = 'Teacher’s page: Frozen Assets';
          if (!opts.mountTeacher) {
            loading.textContent = 'The teacher’s page is not available here.';
            return null;
          }
          opts
            .mountTeacher(main)
            .then((t) => {
              if (screen !== 'teacher') return t.destroy();
              teacher = t;
              t.heading.focus();
            })
            .catch(() => {
              loading.textContent =
                'The teacher’s page could not load. Check the connection and reload the page.';
            });
          return null;
        },
      };
    }
    return null;
  };

  const show = (s: Session | null) => {
    // An invited game, or a "What if?" of a replay, that has started: the link has done its job.
    const started = route.kind === 'play' || route.kind === 'replay' || route.kind === 'history';
    if (started && s && s !== routeSession) {
      route = { kind: 'menu' };
      opts.toMenu();
    }
    const link = linkScreen();
    const invite = route.kind === 'play' ? route : null;
    const next: string =
      link?.key ??
      (invite ? 'invite' : !s ? 'start' : s.state.status === 'over' ? 'ending' : 'table');
    const scenario = store.scenario();
    let focusTarget: HTMLElement | null = null;
    if (next !== screen || (next === 'table' && s && prev && s.moves.length < prev.moves.length)) {
      // A game that starts or resumes from the menu gets a history entry, so that Back
      // returns to the menu (the game stays saved) and Forward resumes it.
      const fromMenu = screen === 'start' || screen === 'invite';
      if (fromMenu && (next === 'table' || next === 'ending') && !isGameEntry(history.state))
        history.pushState(GAME_ENTRY, '', opts.base);
      leaveScreen();
      if (link) {
        focusTarget = link.build();
        menuSlot.replaceChildren();
      } else if (next === 'start' || next === 'invite') {
        const el = startScreen(
          store,
          { ...opts, toMenu },
          invite ? { link: invite.link, daily: invite.daily } : undefined,
        );
        main.replaceChildren(el);
        menuSlot.replaceChildren();
        document.title = 'Frozen Assets: a classroom diplomacy game';
        focusTarget = el.querySelector('h2');
      } else if (next === 'ending' && s && scenario) {
        const build = ({ endingScreen }: EndingModule) => {
          const ending = endingScreen(store, scenario, s, opts.base, startFork);
          // The debrief picture goes full width under the verdict and the money chart.
          ending.el.insertBefore(stageSlot, ending.el.children[2] ?? null);
          ensureStage();
          main.replaceChildren(ending.el);
          document.title = `${ending.title}: Frozen Assets`;
          return ending.heading;
        };
        menuSlot.replaceChildren(menuButton);
        if (endingModule) focusTarget = build(endingModule);
        else {
          // Straight to an ending (a finished game resumed): its views come first.
          const loading = h('p', { role: 'status' }, 'Loading the debrief…');
          main.replaceChildren(loading);
          const focusLoaded = !first;
          loadEnding()
            .then((m) => {
              if (screen !== 'ending' || store.getState() !== s) return;
              const heading = build(m);
              if (focusLoaded) heading.focus();
            })
            .catch(() => {
              loading.textContent =
                'The debrief could not load. Check the connection and reload the page.';
            });
        }
      } else if (next === 'table' && s && scenario) {
        table = tableScreen(store, scenario, opts, stageSlot);
        table.placeStage(displayUi.current().projector);
        ensureStage();
        main.replaceChildren(table.el);
        menuSlot.replaceChildren(handIn, menuButton);
        focusTarget = table.heading;
        prev = null;
        // While the table's picture loads, the rules rehearse the week's end (store.rehearse),
        // so that the player's first "End the week" does not pay for cold code.
        if ('requestIdleCallback' in window)
          window.requestIdleCallback(() => store.rehearse(), { timeout: 3000 });
        // The debrief is fetched while the game is played, to be ready at its end.
        void loadEnding().catch(() => {});
      }
      screen = next;
      // A new screen opens at its top (the browser's own scroll restoration is off).
      window.scrollTo(0, 0);
    }
    if (table && s) {
      table.update(prev, s);
      document.title = `Week ${s.state.week}: Frozen Assets`;
    }
    prev = s;
    // Move focus to the new screen's heading after a player action, never on first load.
    if (focusTarget && !first) focusTarget.focus();
    first = false;
  };

  // A move's click runs the rules and the autosave (the store); the page follows in a task of
  // its own. With 4x CPU throttling the first week end's click took 76-89 ms with the rules, the
  // page and its layout in one task. Updates that come faster than that are shown as one, the
  // latest. Anything but a move within a game on the table (a game that starts, ends or is
  // left) is shown at once: the old screen's buttons must not outlive the click that ended it.
  let queued = false;
  store.subscribe((s) => {
    const move =
      screen === 'table' &&
      s !== null &&
      s.state.status !== 'over' &&
      prev !== null &&
      s.moves.length >= prev.moves.length;
    if (!move) return show(s);
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      show(store.getState());
      // Lay the page out now, in this task: left to the next frame, its layout (15-35 ms with
      // 4x CPU throttling) came on top of a frame of the table.
      main.getBoundingClientRect();
    }, 0);
  });
  // Back and Forward between the menu and a game's entry. A change of link (the fragment) is
  // followed by the composition root's hashchange listener instead.
  window.addEventListener('popstate', (e) => {
    if (location.hash) return;
    if (isGameEntry(e.state)) {
      if (store.getState()) return;
      if (!store.continueSaved().ok) history.replaceState(null, '', opts.base);
      return;
    }
    route = { kind: 'menu' };
    if (store.getState()) store.leave();
    else show(null);
  });
  show(store.getState());
  return {
    setRoute(next) {
      route = next;
      routeSession = store.getState();
      show(store.getState());
    },
  };
}
