// Daftar's service worker: keeps the app shell (the HTML page, the boot script, the WASM app,
// its JavaScript glue, styles and icons) so the app opens without a connection. The API is
// never cached: what an official sees is always the server's answer or a clear "offline".
//
// Pages: network first, the cached shell when offline (every client-side route is the same
// shell). Static files: the cached copy at once, refreshed in the background, so a new release
// is picked up on the next visit.
const CACHE = 'daftar-shell-v1';
const SHELL = [
  '/',
  '/boot.js',
  '/pkg/daftar.js',
  '/pkg/daftar.wasm',
  '/pkg/daftar.css',
  '/favicon.svg',
  '/icon-192.png',
  '/icon-512.png',
  '/manifest.webmanifest',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put('/', copy));
          return response;
        })
        .catch(() => caches.match('/')),
    );
    return;
  }
  event.respondWith(
    caches.match(request).then((cached) => {
      const fresh = fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() => cached);
      return cached || fresh;
    }),
  );
});
