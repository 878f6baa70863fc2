// Waymark service worker. scripts/post-build.mjs fills BUILD_ID and FILES for
// each build, so the worker precaches exactly the files of this build.
'use strict';
const BUILD_ID = '__WAYMARK_BUILD_ID__';
const FILES = ['__WAYMARK_FILES__'];
const CACHE = 'waymark-' + BUILD_ID;

self.addEventListener('install', (event) => {
  // All or nothing: if one file fails, this version is not installed and the
  // old one keeps working. cache: 'reload' skips the HTTP cache so old and
  // new files are never mixed.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))
    )
  );
  // No skipWaiting here: a new version waits until the user agrees.
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  }
});

self.addEventListener('activate', (event) => {
  // Delete the caches of older builds only after this one has taken over.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith('waymark-') && k !== CACHE).map((k) => caches.delete(k))
      ))
      .then(() => self.clients.claim())
  );
});

/** App routes have no file extension; files always do. */
function isAppRoute(url) {
  return !/\.[a-z0-9]+$/i.test(url.pathname);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') { return; }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (url.pathname === '/sw.js') { return; }

  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (isAppRoute(url)) {
      // Every app route is the same page: answer from this build's index.html.
      const page = await cache.match('/index.html');
      if (page) { return page; }
      return fetch(request);
    }
    const hit = await cache.match(url.pathname);
    if (hit) { return hit; }
    try {
      return await fetch(request);
    } catch (_) {
      // A file that is not part of this build is missing, never index.html.
      return new Response('Not found', { status: 404, statusText: 'Not Found' });
    }
  })());
});
