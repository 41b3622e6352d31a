// Offline play: the production build's service worker (sw.js, written by build/offline-plugin.ts)
// stores every file of the game on the first visit, so a reload works with the network down.

const unavailable = (error: unknown) => console.warn('Offline play is not available:', error);

/**
 * Registers the service worker in production builds, where the browser has them (they need https
 * or localhost). The dev server has no sw.js: there it removes any a build left at the address.
 * A failure only means no offline play: a warning, and the page goes on.
 */
export function registerOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  // navigator.serviceWorker itself throws in some sandboxed pages.
  try {
    const sw = navigator.serviceWorker;
    if (!import.meta.env.PROD) {
      sw.getRegistrations()
        .then((all) => Promise.all(all.map((r) => r.unregister())))
        .catch(() => {});
      return;
    }
    const register = () => void sw.register('./sw.js').catch(unavailable);
    // After the page has loaded, so storing the game never slows its first start.
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  } catch (error) {
    unavailable(error);
  }
}
