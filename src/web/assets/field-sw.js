// Service worker of the visit form (/field), registered with the scope /field. It keeps what
// the form needs to open and work without a network: the page, its script and stylesheets,
// and each officer's assignments (GET /api/v1/linkages/mine, stored per officer so that a
// shared phone never shows one officer another's linkages). Everything else, and every write,
// goes to the network untouched: queued visits live in the page's IndexedDB, not here.
//
// The cache name carries a fingerprint of the files it keeps (filled in by the server), so a
// new build installs a new worker and the old cache is dropped.
'use strict';

const CACHE = 'banna-field-__CACHE_VERSION__';
const PAGE = '/field';
const SHELL = ['/static/field.js', '/static/field.css', '/static/app.css'];
const ASSIGNMENTS = '/api/v1/linkages/mine';
const USER_HEADER = 'X-Banna-User';
const CACHED_AT_HEADER = 'X-Banna-Cached-At';

const assignmentsKey = (user) => `/field/cache/assignments/${encodeURIComponent(user)}`;

// The page that registered the worker was loaded before the worker existed: fetch it once
// more (with the officer's cookie) so that it opens offline from the start.
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    try {
      await keepPage(cache, await fetch(PAGE, { credentials: 'same-origin' }));
    } catch (error) {
      // offline already: the page is kept on the next visit with a network
    }
    await self.skipWaiting();
  })());
});

// Keeps a copy of the page unless it is an error or a redirect (to the sign-in page).
async function keepPage(cache, response) {
  if (response.ok && response.type === 'basic' && !response.redirected) {
    await cache.put(PAGE, response.clone());
  }
  return response;
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith('banna-field-') && name !== CACHE).map((name) => caches.delete(name)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname === PAGE && request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(shell(request, url.pathname));
  } else if (url.pathname === ASSIGNMENTS) {
    event.respondWith(assignments(request));
  }
});

// The page: the network's answer when there is one (kept for later), else the kept copy. A
// redirect to the sign-in page is passed on and never kept.
async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    return await keepPage(cache, await fetch(request));
  } catch (error) {
    const kept = await cache.match(PAGE);
    if (kept) {
      return kept;
    }
    throw error;
  }
}

// Script and stylesheets: the kept copy (they change only with a new worker), else the network.
async function shell(request, path) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(path);
  if (kept) {
    return kept;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(path, response.clone());
  }
  return response;
}

// The officer's assignments: fresh from the network when possible, stamped with the time and
// kept under the officer's name; the kept copy (with its stamp) when the network fails.
async function assignments(request) {
  const user = request.headers.get(USER_HEADER);
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && user) {
      const headers = new Headers(response.headers);
      headers.set(CACHED_AT_HEADER, new Date().toISOString());
      const body = await response.clone().arrayBuffer();
      await cache.put(assignmentsKey(user), new Response(body, { status: 200, headers }));
    }
    return response;
  } catch (error) {
    const kept = user ? await cache.match(assignmentsKey(user)) : undefined;
    if (kept) {
      return kept;
    }
    throw error;
  }
}
