// The foundation, end to end in Chromium: an installable PWA that works
// offline on every route, updates only when the user agrees without losing a
// draft, keeps settings, and breaks no CSP rule nor calls any other origin.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer, launch, openApp, waitForServiceWorker, goOffline, ROUTES, DIST } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });
// A test that went offline leaves the server reachable for the next one.
afterEach(() => { server.setOffline(false); });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  assert.equal(buf.toString('ascii', 1, 4), 'PNG', 'icon is a PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test('the manifest has every field an installed app needs, and its icons have the sizes it claims', async () => {
  const res = await fetch(server.url + '/manifest.webmanifest');
  assert.equal(res.status, 200);
  const m = await res.json();
  for (const field of ['id', 'name', 'short_name', 'description', 'start_url', 'scope', 'theme_color', 'background_color']) {
    assert.ok(m[field], `manifest has ${field}`);
  }
  assert.equal(m.display, 'standalone');
  const png = m.icons.filter((i) => i.type === 'image/png');
  const want = [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']];
  for (const [sizes, purpose] of want) {
    const icon = png.find((i) => i.sizes === sizes && i.purpose.split(' ').includes(purpose));
    assert.ok(icon, `a ${purpose} PNG icon of ${sizes}`);
    const buf = Buffer.from(await (await fetch(server.url + icon.src)).arrayBuffer());
    assert.deepEqual(pngSize(buf), sizes.split('x').map(Number), `${icon.src} really is ${sizes}`);
  }
});

test('Chromium reports no installability errors', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  } finally { await close(); }
});

test('after one visit every route opens offline, including a cold start in a new tab', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    // First visit on /help, so that no offline step below is a same-URL
    // reload (Chromium may send a reload past the service worker).
    await openApp(page, server.url, '/help');
    await waitForServiceWorker(page);
    await goOffline(context, server);
    for (const route of ROUTES) {
      await page.goto(server.url + route);
      await page.waitForSelector('[data-app-ready]', { timeout: 10000 });
      const h1 = await page.locator('main h1').first().textContent();
      assert.ok(h1 && h1.trim().length > 0, `${route} shows a heading offline`);
      assert.notEqual(h1.trim(), 'We could not find that page', `${route} is a known route`);
    }
    const fresh = await context.newPage();
    await openApp(fresh, server.url, '/guide/3');
    assert.ok(await fresh.locator('main h1').first().isVisible());
    // A file that is not part of the build is a 404, never the app's page.
    const status = await fresh.evaluate(async () => (await fetch('/waymark-0000000000000000_bg.wasm')).status);
    assert.equal(status, 404);
  } finally { await close(); }
});

test('a theme chosen in settings survives a reload', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/settings');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.ok(await page.getByRole('radio', { name: 'Dark' }).isChecked());
  } finally { await close(); }
});

test('a new version is offered, applied only when the user agrees, and a typed draft survives it', async () => {
  // Build B is build A with one changed file, as a new deploy would be.
  const dirB = await mkdtemp(join(tmpdir(), 'waymark-build-b-'));
  await cp(DIST, dirB, { recursive: true });
  const swB = (await readFile(join(dirB, 'sw.js'), 'utf8')).replace(/const BUILD_ID = "([0-9a-f]+)"/, 'const BUILD_ID = "b$1"');
  await writeFile(join(dirB, 'sw.js'), swB);
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/journal/new');
    await waitForServiceWorker(page);
    const note = page.getByRole('textbox', { name: /note/i });
    await note.fill('Draft typed before the update ✍️');
    server.setRoot(dirB);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const prompt = page.getByRole('button', { name: /update now/i });
    await prompt.waitFor({ timeout: 20000 });
    // Nothing has switched yet: the page still runs build A.
    assert.equal(await note.inputValue(), 'Draft typed before the update ✍️');
    await Promise.all([page.waitForEvent('load'), prompt.click()]);
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    const active = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg.active.scriptURL;
    });
    assert.ok(active.endsWith('/sw.js'));
    const cacheNames = await page.evaluate(() => caches.keys());
    assert.ok(cacheNames.every((n) => n.startsWith('waymark-b')), `only build B's cache is left: ${cacheNames}`);
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), 'Draft typed before the update ✍️');
  } finally {
    server.setRoot(DIST);
    await close();
    await rm(dirB, { recursive: true, force: true });
  }
});

test('a walk through every route breaks no CSP rule and asks no other origin', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const foreign = [];
    const errors = [];
    context.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    for (const route of ROUTES) {
      await openApp(page, server.url, route);
      const v = await page.evaluate(() => window.__cspViolations);
      assert.deepEqual(v, [], `no CSP violation on ${route}`);
    }
    assert.deepEqual(foreign, [], 'no request left 127.0.0.1');
    assert.deepEqual(errors, [], 'no script errors');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'"), csp);
    assert.ok(csp.includes("'wasm-unsafe-eval'"));
  } finally { await close(); }
});
