import type { Display } from './app/display';
import { createStore, type Store, type StorageLike } from './app/store';
import { mountApp, type Stage } from './dom/shell';
import { registerOffline } from './offline';
import { parseRoute } from './share';

// The composition root: find the browser's storage (it may be missing or throw), build the
// store, mount the page. No game rules live here.

/** localStorage if the browser lets the page use it, else null (autosave then stays off). */
function browserStorage(): StorageLike | null {
  try {
    const storage = window.localStorage;
    const probe = 'frozen-assets.probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/**
 * The Phaser table, loaded on demand so the start screen never waits for it. If it cannot start
 * (no WebGL or canvas), the page goes on without the picture: the DOM shows everything.
 */
const loadTable = () => import('./ui/start-game');

function phaserStage(store: Store) {
  return (slot: HTMLElement, display: Display, selectActor: (id: string) => void): Stage => {
    let current = display;
    let view: { setOptions(o: Partial<Display>): void } | null = null;
    loadTable()
      .then(({ startTable }) => {
        view = startTable(slot, store, {
          reducedMotion: current.reducedMotion,
          highContrast: current.highContrast,
          onSelectActor: selectActor,
        });
      })
      .catch((error: unknown) => {
        console.warn('The table picture could not start; the page works without it.', error);
      });
    return {
      setDisplay(d) {
        current = d;
        view?.setOptions({ reducedMotion: d.reducedMotion, highContrast: d.highContrast });
      },
    };
  };
}

/** Today's date in the player's time zone, as an ISO date (the daily challenge's seed). */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const root = document.getElementById('app');
if (root) {
  const storage = browserStorage();
  const store = createStore({ storage });
  // Links live in the fragment; the page's address without it is the base of every link.
  const base = `${location.origin}${location.pathname}${location.search}`;
  // Seeds are chosen here, in the page; the engine itself never draws a random number.
  const randomSeed = () => Math.floor(Math.random() * 1_000_000);
  /** Drops the link from the address bar without reloading (no hashchange follows). */
  const clearLink = () => {
    if (location.hash) history.replaceState(null, '', base);
  };
  const app = mountApp(root, store, {
    autosave: storage !== null,
    storage,
    mountStage: phaserStage(store),
    randomSeed,
    base,
    today: today(),
    toMenu: clearLink,
    // The teacher's tools are fetched only when the teacher's page opens.
    mountTeacher: (main) =>
      import('./classroom').then(({ mountTeacher }) =>
        mountTeacher(main, {
          base,
          randomSeed,
          now: () => performance.now(),
          onBack: () => {
            clearLink();
            app.setRoute({ kind: 'menu' });
          },
        }),
      ),
  });
  const followLink = () => app.setRoute(parseRoute(location.hash, today()));
  window.addEventListener('hashchange', followLink);
  followLink();
  // Fetch and parse the table's code while the player reads the briefing, so Start is quick.
  const warm = () => void loadTable().catch(() => {});
  if ('requestIdleCallback' in window) window.requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 500);
}

registerOffline();
