/* global self, caches, fetch, Request, URL, setTimeout, VERSION, PRECACHE */
// The offline service worker. build/offline-plugin.ts writes it to sw.js next to index.html,
// after two lines that define VERSION (a hash of every precached file and of this code) and
// PRECACHE (every file of the build but the teacher's QR reader, relative to this script).
//
// Install: fetch and store every file of the build in one cache, or fail and try again on the
// next visit. Activate: delete this game's caches from older builds. Fetch: pages are
// network-first (falling back to the stored index.html when the network is down or too slow);
// the build's own files are cache-first; everything else (other origins, non-GET, files not in
// the build) is left to the browser.

/** Every cache of this copy of the game starts with this; other caches are never touched. */
const PREFIX = `frozen-assets ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
/** How long a page request may take before the stored page is shown instead. */
const NETWORK_TIMEOUT_MS = 4000;

const here = (file) => new URL(file, self.location.href).href;
const FILES = new Set(PRECACHE.map(here));
const INDEX = here('index.html');
/** The addresses of the page itself: the folder and its index.html. */
const PAGES = new Set([here('./'), INDEX]);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // The page is revalidated with the server, so a stale HTTP cache cannot pair an old page
      // with this build's files; the other files may come from the HTTP cache (the page may have
      // just loaded them), as their names change with their content.
      .then((cache) =>
        cache.addAll(
          [...FILES].map(
            (url) => new Request(url, { cache: url.endsWith('.html') ? 'no-cache' : 'default' }),
          ),
        ),
      ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // The first visit's page works offline without a reload.
      await self.clients.claim();
    })(),
  );
});

/** The network's answer, or the stored page if the network fails or is slower than the timeout. */
async function pageRequest(request) {
  const network = fetch(request);
  network.catch(() => {});
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), NETWORK_TIMEOUT_MS));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch {
    // offline: fall through to the stored page
  }
  const cached = await caches.open(CACHE).then((cache) => cache.match(INDEX));
  return cached ?? network;
}

/** The stored file, or the network's if it is missing. */
async function fileRequest(url, request) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(url));
  return cached ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The fragment never reaches a server, and the cache never keys on it.
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    if (PAGES.has(url.href)) event.respondWith(pageRequest(request));
  } else if (FILES.has(url.href)) {
    event.respondWith(fileRequest(url.href, request));
  }
});
