// greenpath's service worker: the site works offline after the first visit. The build writes
// this build's version and the files to keep (scripts/service-worker.mjs) into the two
// placeholders below, so a new build is a new service worker with its own cache: it fills that
// cache in the background and takes over only when no tab runs the old version any more (no
// page ever mixes files of two versions); then the old cache is deleted. Pages and files come
// from the cache first; what is not kept yet (the college and council pages' extra module and
// data) is kept the first time it is fetched. Only this site's own GET requests are handled.

const VERSION = '__GREENPATH_VERSION__';
const PRECACHE = /** @type {string[]} */ (JSON.parse('__GREENPATH_PRECACHE__'));
const CACHE = `greenpath-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(PRECACHE.map((path) => new Request(new URL(path, self.registration.scope), { cache: 'no-cache' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('greenpath-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // A page's address carries the person's choices (?job=…), the worker's its module (?wasm=…):
    // the kept file is the same.
    const kept = await cache.match(request, { ignoreSearch: request.mode === 'navigate' || url.pathname.endsWith('/planner-worker.js') });
    if (kept) return kept;
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && !url.search) await cache.put(request, response.clone());
    return response;
  })());
});
