// Shared helpers for the end-to-end tests: a static server for the release
// build (like any static host, with the app's routes falling back to
// index.html), and Debian's Chromium driven by playwright-core. No browser is
// ever downloaded.
import http from 'node:http';
import { readFile, stat, mkdtemp, rm } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST = process.env.WAYMARK_DIST || join(ROOT, 'dist');

/** Content types by file extension, as a static host sends them. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` on 127.0.0.1. `setRoot` switches to another build (a deploy). */
export async function startServer(root = DIST) {
  let current = root;
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    let path = normalize(decodeURIComponent(url.pathname));
    if (path.includes('..')) { res.writeHead(400); res.end(); return; }
    const isRoute = !extname(path);
    const file = isRoute ? join(current, 'index.html') : join(current, path);
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const noCache = file.endsWith('sw.js') || file.endsWith('index.html') || file.endsWith('boot.js');
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': noCache ? 'no-cache' : 'public, max-age=31536000, immutable',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    }
  });
  // "Offline" as a phone sees it: the connection fails. Every new socket is
  // dropped and open keep-alive sockets are closed, so only the service
  // worker can answer.
  let offline = false;
  server.on('connection', (socket) => { if (offline) socket.destroy(); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setRoot(dir) { current = dir; },
    setOffline(value) {
      offline = value;
      if (value) server.closeAllConnections?.();
    },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * A persistent Chromium profile (a plain context counts as incognito, where
 * installability and storage persistence differ). Returns the context and a
 * cleanup function.
 */
export async function launch(options = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 740 },
    ...options,
  });
  // Record every CSP violation the page reports.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn(page, context)` in a fresh browser profile, then closes it. */
export async function withPage(fn) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await fn(page, context);
  } finally { await close(); }
}

/**
 * Opens `path` and waits until the app has drawn its screen (not just the
 * boot screen): the shell is ready, and the screen, whose code may come in a
 * lazily loaded chunk, has drawn its heading.
 */
export async function openApp(page, base, path = '/', timeout = 20000) {
  await page.goto(base + path);
  await page.waitForSelector('[data-app-ready]', { timeout });
  await page.waitForSelector('main h1', { timeout });
}

/**
 * Waits until a service worker controls the page and this build's files are
 * in its cache (what "after the first visit" means for offline use).
 */
export async function waitForServiceWorker(page, timeout = 20000) {
  // page.waitForFunction does not await a predicate that returns a promise
  // (a pending promise is truthy), so poll with page.evaluate instead.
  const deadline = Date.now() + timeout;
  for (;;) {
    const ready = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (!(reg && reg.active && reg.active.state === 'activated' && navigator.serviceWorker.controller)) return false;
      return !!(await caches.match('/index.html'));
    });
    if (ready) return;
    if (Date.now() > deadline) throw new Error('the service worker did not take control with its files cached');
    await page.waitForTimeout(200);
  }
}

/**
 * Takes the browser offline the way a phone with no signal is: the browser
 * reports no network and the server drops every connection, so anything
 * that renders came from the service worker.
 */
export async function goOffline(context, server) {
  await context.setOffline(true);
  server.setOffline(true);
}

/** Every route of the app, as the product design lists them. */
export const ROUTES = [
  '/', '/guide', '/guide/1', '/guide/2', '/guide/3', '/guide/4', '/guide/5', '/guide/6', '/guide/7',
  '/guide/8', '/guide/9', '/guide/10', '/journal', '/journal/new', '/tools', '/tools/craving',
  '/tools/people', '/tools/meetings', '/tools/places', '/tools/coping', '/tools/exercise',
  '/tools/treatment', '/tools/plan', '/insights', '/help', '/help/overdose', '/settings', '/settings/move',
];
