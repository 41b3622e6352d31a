import { createStore, type StorageLike } from './app/store';
import { mountApp } from './dom/shell';

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

const root = document.getElementById('app');
if (root) {
  const storage = browserStorage();
  const store = createStore({ storage });
  mountApp(root, store, {
    autosave: storage !== null,
    storage,
    // Seeds are chosen here, in the page; the engine itself never draws a random number.
    randomSeed: () => Math.floor(Math.random() * 1_000_000),
  });
}
