import type { Display } from './app/display';
import { createStore, type Store, type StorageLike } from './app/store';
import { mountApp, type Stage } from './dom/shell';

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

const root = document.getElementById('app');
if (root) {
  const storage = browserStorage();
  const store = createStore({ storage });
  mountApp(root, store, {
    autosave: storage !== null,
    storage,
    mountStage: phaserStage(store),
    // Seeds are chosen here, in the page; the engine itself never draws a random number.
    randomSeed: () => Math.floor(Math.random() * 1_000_000),
  });
  // Fetch and parse the table's code while the player reads the briefing, so Start is quick.
  const warm = () => void loadTable().catch(() => {});
  if ('requestIdleCallback' in window) window.requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 500);
}
