// The app split per screen: the first visit loads only the shell and the
// home screen; every other screen fetches its own lazily loaded modules the
// first time it opens, by direct link or by in-app navigation, and works
// (a module that loads but whose handlers are broken fails these tests,
// because each walk presses the screen's main button and checks the result).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openApp, waitForServiceWorker, DIST, ROUTES } from './support.mjs';
import { firstLoadFiles } from '../../scripts/first-load.mjs';

let server;
let firstLoad;
before(async () => {
  server = await startServer();
  firstLoad = firstLoadFiles(await readFile(join(DIST, 'index.html'), 'utf8'));
});
after(async () => { await server.close(); });

/** Records the paths the page itself asks for (not the service worker's precache). */
function recordRequests(page, server) {
  const paths = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === server.url) paths.push(url.pathname);
  });
  return paths;
}
const isModule = (p) => p.endsWith('.wasm');
/** The split loader's table of every screen's modules (scripts/split-stub.mjs). */
const isLoaderTable = (p) => /^\/__wasm_split_table-[0-9a-f]{16}\.js$/.test(p);
/** Lazy modules: every .wasm but the main module index.html names. */
const lazyModules = (paths) => paths.filter((p) => isModule(p) && !firstLoad.includes(p));

test('a first visit fetches only the shell and the home screen before the app is ready', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const asked = recordRequests(page, server);
    let atReady = null;
    await page.exposeFunction('__ready', () => { atReady = [...asked]; });
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-app-ready]')) { obs.disconnect(); window.__ready(); }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await openApp(page, server.url, '/');
    await page.waitForFunction(() => true);
    assert.ok(atReady, 'the app became ready');
    const allowed = (p) => p === '/' || firstLoad.includes(p) || p.startsWith('/icons/')
      || p === '/manifest.webmanifest' || p === '/sw.js';
    assert.deepEqual(atReady.filter((p) => !allowed(p)), [], 'nothing but the shell and home files');
    assert.deepEqual(lazyModules(atReady), [], 'no screen module is fetched for the home screen');
    assert.ok(atReady.some(isModule), 'the main module is fetched');
    assert.ok(!atReady.some(isLoaderTable), 'the loader table (scripts/split-stub.mjs) is not on the first load');
  } finally { await close(); }
});

test('every screen opened by a direct link fetches its own modules and draws', async () => {
  const { context, close } = await launch();
  try {
    for (const route of ROUTES.filter((r) => r !== '/')) {
      // A fresh tab with an empty HTTP cache for modules: what a direct link
      // from outside the app gives.
      const page = await context.newPage();
      await page.route('**/*.wasm', (r) => r.continue({ headers: { ...r.request().headers(), 'cache-control': 'no-cache' } }));
      const asked = recordRequests(page, server);
      await openApp(page, server.url, route);
      const h1 = (await page.locator('main h1').first().textContent()).trim();
      assert.ok(h1 && h1 !== 'We could not find that page', `${route} draws its screen`);
      assert.ok(lazyModules(asked).length > 0, `${route} fetched its own module`);
      assert.ok(asked.some(isLoaderTable), `${route} fetched the loader table`);
      await page.close();
    }
  } finally { await close(); }
});

test('once home has drawn, the screens one tap away are taken from the cache in idle time, Help first', async () => {
  const { context, close } = await launch();
  try {
    const first = await context.newPage();
    await openApp(first, server.url, '/');
    await waitForServiceWorker(first);
    await first.close();
    const page = await context.newPage();
    const asked = recordRequests(page, server);
    await openApp(page, server.url, '/');
    const helpModule = (p) => /^\/split___help_route_view_/.test(p);
    for (let i = 0; i < 100 && !asked.some(helpModule); i++) await page.waitForTimeout(100);
    assert.ok(asked.some(helpModule), 'the help screen module was fetched without opening Help');
    const screens = lazyModules(asked).filter((p) => /^\/split___/.test(p));
    assert.ok(helpModule(screens[0]), `Help is the first screen fetched (${screens[0]})`);
  } finally { await close(); }
});

test('screens reached by in-app navigation load their modules and their main buttons work', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openApp(page, server.url, '/');

    // Journal: a check-in saved through the form (the form's handlers run in its module).
    await page.getByRole('link', { name: 'How are you today?' }).click();
    await page.getByRole('heading', { level: 1, name: 'How are you today?' }).waitFor();
    await page.getByRole('radio', { name: 'Good', exact: true }).click();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    assert.ok(await page.getByRole('main').getByText('Good').first().isVisible(), 'the saved check-in is listed');

    // Guide: tick the first action of step 1; it stays ticked after a reload.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guide' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /guide/i }).first().waitFor();
    await page.goto(server.url + '/guide/1');
    const box = page.getByRole('checkbox').first();
    await box.check();
    await page.reload();
    await page.waitForSelector('main h1');
    assert.equal(await page.getByRole('checkbox').first().isChecked(), true, 'the ticked action is saved');

    // Tools, then the craving tool: its timer starts.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tools' }).waitFor();
    await page.goto(server.url + '/');
    await page.waitForSelector('main h1');
    await page.getByRole('link', { name: "I'm having a craving" }).click();
    await page.getByRole('button', { name: 'Start urge surfing' }).click();
    assert.ok(await page.getByText('Pick a number from 0 to 10 first.').isVisible(), 'the form checks its input');
    await page.getByRole('group', { name: 'How strong is the craving right now?' }).getByRole('radio', { name: '8', exact: true }).check();
    await page.getByRole('button', { name: 'Start urge surfing' }).click();
    await page.getByRole('button', { name: 'Pause timer' }).waitFor();

    // Help from the header: phone links.
    await page.getByRole('link', { name: 'Help now: crisis lines and overdose steps' }).click();
    await page.getByRole('heading', { level: 1, name: 'Help now' }).waitFor();
    assert.ok(await page.locator('main a[href^="tel:"]').count() >= 2, 'help lists phone links');
    assert.deepEqual(errors, [], 'no script error on the way');
  } finally { await close(); }
});

test('a screen whose module cannot be fetched yet says so, keeps the app alive, and opens when the network is back', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // A first visit, before the service worker has stored anything: every
    // screen module fails. (No idle preloading runs yet: it waits for the
    // service worker, so this notice comes from the tap alone.)
    const block = (route) => (firstLoad.includes(new URL(route.request().url()).pathname) ? route.continue() : route.abort());
    await page.route('**/*.wasm', block);
    await openApp(page, server.url, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools' }).click();
    await page.getByRole('status').filter({ hasText: 'needs a connection the first time' }).waitFor();
    // The app did not stop: the home screen still answers.
    await page.getByRole('link', { name: 'Help now: crisis lines and overdose steps' }).isVisible();
    assert.ok(await page.getByRole('heading', { level: 1 }).first().isVisible(), 'a screen is still on view');
    await page.unroute('**/*.wasm', block);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByRole('heading', { level: 1, name: 'Tools' }).waitFor({ timeout: 15000 });
    await page.getByRole('status').filter({ hasText: 'needs a connection the first time' }).waitFor({ state: 'detached' });
    assert.deepEqual(errors, [], 'no script error');
  } finally { await close(); }
});

test('a tap made while the first screen is still loading draws the screen tapped, even when the first arrives later', async () => {
  const { context, close } = await launch({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // Hold back the settings screen's own module (a slow phone); modules
    // it shares with the journal, and the journal's own, come at once.
    let holding = true;
    let release;
    const released = new Promise((r) => { release = r; });
    const held = [];
    await page.route('**/*.wasm', async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (holding && /^\/split___settings_route_view_/.test(path)) {
        held.push(route.request());
        await released;
      }
      await route.continue();
    });
    await page.goto(server.url + '/settings');
    await page.waitForSelector('[data-app-ready]');
    await page.waitForFunction(() => true);
    for (let i = 0; i < 100 && held.length === 0; i++) await page.waitForTimeout(100);
    assert.equal(held.length, 1, 'the settings screen module was held back');
    holding = false;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    // Leptos's router alone waits here for the first screen, and draws nothing.
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor({ timeout: 15000 });
    assert.equal(new URL(page.url()).pathname, '/journal', 'the address follows the tap');
    // Now the settings screen arrives, late: the journal stays.
    release();
    await Promise.all(held.map((r) => r.response()));
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
    assert.deepEqual(await page.locator('main h1').allInnerTexts(), ['Journal'], 'the journal, not the late settings screen');
    assert.equal(new URL(page.url()).pathname, '/journal');
    assert.deepEqual(errors, [], 'no script error');
  } finally { await close(); }
});
