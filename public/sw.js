// Strategy Studio's service worker: keeps the app's own files in a cache so
// that, after the first visit, the whole app works with the network off.
//
// The build (scripts/post-build.mjs, a trunk post_build hook) replaces the two
// lines marked below in the copy it writes to dist/: FILES lists every file of
// that build (paths relative to this worker) and VERSION is a hash of their
// names and contents. Any change to any file changes this worker's bytes, so
// the browser installs the new worker beside the running one; it then waits
// until the page, on the user's click, sends it "skip-waiting". Nothing
// reloads by itself.
const VERSION = 'dev'; // replaced by the build
const FILES = []; // replaced by the build

const PREFIX = 'strategy-studio-';
const CACHE = PREFIX + VERSION;
// trunk's content-hashed file names never change content: the HTTP cache may
// serve them; every other file is fetched afresh.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

const here = (path) => new URL(path, self.location).href;

/** A copy without the "redirected" flag (a redirected response cannot answer a navigation). */
async function clean(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        FILES.map(async (path) => {
          const response = await fetch(here(path), { cache: HASHED.test(path) ? 'default' : 'reload' });
          if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
          await cache.put(here(path), await clean(response));
        }),
      );
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      // Take over open pages: on the first visit at once, after an update the
      // page that asked reloads on "controllerchange".
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(answer(request, url));
});

async function answer(request, url) {
  const cache = await caches.open(CACHE);
  let key = request;
  if (request.mode === 'navigate') {
    // The page itself, whatever its query (the route is in the hash).
    const bare = url.origin + url.pathname;
    if (bare === here('./') || bare === here('index.html')) key = here('./');
  }
  const hit = await cache.match(key, { ignoreVary: true });
  return hit ?? fetch(request);
}
