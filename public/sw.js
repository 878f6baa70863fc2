// Waymark service worker. scripts/post-build.mjs fills BUILD_ID and FILES for
// each build, so the worker precaches exactly the files of this build.
'use strict';
const BUILD_ID = '__WAYMARK_BUILD_ID__';
const FILES = ['__WAYMARK_FILES__'];
const CACHE = 'waymark-' + BUILD_ID;

self.addEventListener('install', (event) => {
  // All or nothing: if one file fails (a 404, a 500, a connection cut off
  // half-way), this version is not installed and the old one keeps working.
  // cache: 'reload' skips the HTTP cache so old and new files are never mixed.
  event.waitUntil((async () => {
    // The same build id as a version already here (only sw.js changed):
    // that cache is in use, and is never deleted below.
    const existed = await caches.has(CACHE);
    const cache = await caches.open(CACHE);
    try {
      await cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })));
    } catch (error) {
      // Leave no cache of a version that never installed: the next attempt
      // (when the network is back) starts clean, and nothing half-filled
      // takes up the user's storage meanwhile.
      if (!existed) { await caches.delete(CACHE); }
      throw error;
    }
  })());
  // No skipWaiting here: a new version waits until the user agrees. Until
  // then the old version serves every file of its own build, including
  // chunks of screens a tab has not opened yet, from its own cache; its cache
  // is only deleted on activate, when every tab reloads onto the new one.
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
    if (isAppRoute(url)) {
      // Every app route is the same page: answer from this build's index.html.
      const page = await fromOwnCache('/index.html');
      if (page) { return page; }
      return fetch(request);
    }
    const hit = await fromOwnCache(url.pathname);
    if (hit) { return hit; }
    try {
      return await fetch(request);
    } catch (_) {
      // A file that is not part of this build is missing, never index.html.
      return new Response('Not found', { status: 404, statusText: 'Not Found' });
    }
  })());
});

/**
 * This build's copy of `path`, or undefined: while a new version waits, this
 * one keeps serving its own files, chunks of screens not opened yet
 * included, even though the server has only the new build's files now. A
 * cache that cannot be read counts as a miss, so the network answers
 * instead of the request failing. (`caches.match` with a `cacheName`, which
 * never creates a cache, made Firefox fail bursts of module requests on a
 * first visit; this worker's own cache is never deleted while it runs.)
 */
async function fromOwnCache(path) {
  try {
    const cache = await caches.open(CACHE);
    return await cache.match(path);
  } catch (_) {
    return undefined;
  }
}
