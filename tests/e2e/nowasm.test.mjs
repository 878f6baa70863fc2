// Help without WebAssembly, end to end in Chromium: where the app cannot run
// (iOS Lockdown Mode, managed browsers, old phones) or fails to start, the
// crisis lines, the overdose signs and the naloxone steps are still there,
// as a plain page, in the region the user chose, offline, within the CSP.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, launch, openApp, waitForServiceWorker, goOffline } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });
// A test that went offline leaves the server reachable for the next one.
afterEach(() => { server.setOffline(false); });

/** A browser with no WebAssembly at all, as in iOS Lockdown Mode. */
function noWebAssembly() { delete globalThis.WebAssembly; }

/** WebAssembly is there, but loading the app's module fails (a managed browser). */
function brokenWebAssembly() {
  const refuse = () => Promise.reject(new Error('WebAssembly is turned off here'));
  WebAssembly.instantiateStreaming = refuse;
  WebAssembly.instantiate = refuse;
}

/** Runs `fn(page, context)` in a fresh profile where `initScript` runs before any page script. */
async function withBrowser(initScript, fn) {
  const { context, close } = await launch();
  try {
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    await fn(page, context);
  } finally { await close(); }
}

/** The settings document as the app stores it: an envelope around the record. */
function settingsEnvelope(x) {
  return JSON.stringify({ v: 1, r: 1, t: Date.now(), x: { tr: [], hp: [], ...x } });
}

/** Writes `wm:settings` on the app's origin (from the plain page, which needs no WebAssembly). */
async function storeSettings(page, value) {
  await page.goto(server.url + '/help.html');
  await page.evaluate((v) => localStorage.setItem('wm:settings', v), value);
}

/** The region headings of the helplines, in the order shown. */
async function regionOrder(page) {
  return page.getByRole('region', { name: 'Helplines' }).getByRole('heading', { level: 3 }).allTextContents();
}

/** Waits for the plain help page and checks its phone links. */
async function expectStaticHelp(page, emergency = '911') {
  await page.getByRole('heading', { level: 1, name: 'Help now' }).waitFor({ timeout: 10000 });
  const call = page.getByRole('link', { name: `Call ${emergency} for emergency services` });
  assert.ok(await call.isVisible(), `a big button to call ${emergency}`);
  assert.equal(await call.getAttribute('href'), `tel:${emergency}`);
  const tel = await page.locator('a[href^="tel:"]').count();
  assert.ok(tel >= 2, `at least two tel: links (found ${tel})`);
  const lifeline = page.getByRole('link', { name: 'Call 988 Suicide & Crisis Lifeline, 988' });
  assert.equal(await lifeline.getAttribute('href'), 'tel:988');
  assert.equal(await page.getByRole('link', { name: 'Text 988 Suicide & Crisis Lifeline at 988' }).getAttribute('href'), 'sms:988');
  assert.ok(await page.getByRole('heading', { name: 'Signs of an overdose' }).isVisible());
  assert.ok(await page.getByRole('heading', { name: 'How to give naloxone nasal spray' }).isVisible());
  assert.equal(await page.getByRole('link', { name: 'Open the full app' }).getAttribute('href'), '/');
}

test('with no WebAssembly, /help shows the emergency number, the helplines and the 988 line', async () => {
  await withBrowser(noWebAssembly, async (page) => {
    await page.goto(server.url + '/help');
    await expectStaticHelp(page);
    assert.equal(new URL(page.url()).pathname, '/help', 'shown in place, with no extra tap');
    assert.equal(await page.locator('[data-app-ready]').count(), 0, 'the app itself did not run');
    assert.ok(await page.getByRole('heading', { level: 3, name: 'United Kingdom' }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'Call FRANK, 0300 123 6600' }).isVisible());
  });
});

test('with no WebAssembly, the home screen says so and links to the plain help page', async () => {
  await withBrowser(noWebAssembly, async (page) => {
    await page.goto(server.url + '/');
    const link = page.getByRole('link', { name: /Get help now/ });
    await link.waitFor({ timeout: 10000 });
    assert.ok(await link.isVisible());
    assert.match(await page.locator('#boot-message').textContent(), /cannot run Waymark/);
    await Promise.all([page.waitForURL('**/help.html'), link.click()]);
    await expectStaticHelp(page);
  });
});

test('the region saved in settings comes first, on /help and on the plain page', async () => {
  await withBrowser(noWebAssembly, async (page) => {
    await page.goto(server.url + '/help.html');
    assert.deepEqual(await regionOrder(page), ['United States', 'United Kingdom', 'Canada', 'Mexico', 'Spain', 'Argentina', 'Chile'], 'the usual order with nothing saved');
    await storeSettings(page, settingsEnvelope({ rg: 'uk' }));
    for (const path of ['/help', '/help.html']) {
      await page.goto(server.url + path);
      await expectStaticHelp(page, '999');
      await page.waitForFunction(() => document.querySelector('[data-hs-regions] > section')?.dataset.region === 'uk');
      assert.deepEqual(await regionOrder(page), ['United Kingdom', 'United States', 'Canada', 'Mexico', 'Spain', 'Argentina', 'Chile'], path);
      assert.ok(await page.getByText('Country: United Kingdom.').isVisible(), path);
    }
  });
});

test('settings sealed by the passphrase lock, or unreadable, leave the usual order', async () => {
  await withBrowser(noWebAssembly, async (page) => {
    for (const value of ['wme1:c2VhbGVk.c2VhbGVk', '{not json']) {
      await storeSettings(page, value);
      await page.goto(server.url + '/help');
      await expectStaticHelp(page, '911');
      assert.deepEqual(await regionOrder(page), ['United States', 'United Kingdom', 'Canada', 'Mexico', 'Spain', 'Argentina', 'Chile'], value);
    }
  });
});

test('when the app\'s WebAssembly fails to load, /help still shows the plain help', async () => {
  await withBrowser(brokenWebAssembly, async (page) => {
    await page.goto(server.url + '/help');
    await expectStaticHelp(page);
    assert.equal(await page.locator('[data-app-ready]').count(), 0);
    await page.goto(server.url + '/journal');
    const link = page.getByRole('link', { name: /Get help now/ });
    await link.waitFor({ timeout: 10000 });
    assert.match(await page.locator('#boot-message').textContent(), /could not start/);
  });
});

test('when the app\'s download is broken, /help shows the plain help and other screens link to it', async () => {
  await withBrowser(null, async (page) => {
    // The browser can run WebAssembly, but the app's own module arrives
    // damaged (a bad proxy, a full disk): it fails to compile.
    await page.route(/\/waymark_bg-[0-9a-f]+\.wasm$/, async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a wasm module') });
    });
    await page.goto(server.url + '/help');
    await expectStaticHelp(page);
    await page.goto(server.url + '/tools');
    await page.getByRole('link', { name: /Get help now/ }).waitFor({ timeout: 10000 });
    assert.match(await page.locator('#boot-message').textContent(), /could not start/);
  });
});

test('the plain help page breaks no CSP rule, on its own and shown in place on /help', async () => {
  await withBrowser(noWebAssembly, async (page) => {
    await storeSettings(page, settingsEnvelope({ rg: 'ca', th: 'dark' }));
    for (const path of ['/help.html', '/help']) {
      await page.goto(server.url + path);
      await expectStaticHelp(page);
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], `no CSP violation on ${path}`);
    }
    await page.goto(server.url + '/help.html');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /^default-src 'self'; script-src 'self'; style-src 'self'/);
    assert.equal(await page.locator('[style]').count(), 0, 'no inline style');
    // At 360 px nothing is wider than the screen, and every phone link is a big target.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
    for (const box of await page.locator('a[href^="tel:"].hs-button, a[href^="sms:"]').evaluateAll(
      (els) => els.map((el) => el.getBoundingClientRect().height))) {
      assert.ok(box >= 44, `tap target ${box}px high`);
    }
  });
});

test('the plain help page has no axe violations in light and dark, and fits 360 px with text at 200%', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, close } = await launch({ colorScheme });
    try {
      await context.addInitScript(noWebAssembly);
      const page = await context.newPage();
      for (const path of ['/help.html', '/help']) {
        await page.goto(server.url + path);
        await expectStaticHelp(page);
        // Injected through the DevTools protocol, so the page's CSP does not apply.
        await page.evaluate(axeSource);
        const problems = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        });
        assert.deepEqual(problems, [], `${path} in ${colorScheme} mode`);
        await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
        const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
        assert.ok(sw <= cw + 1, `${path} is ${sw}px wide in ${cw}px at 200%`);
      }
    } finally { await close(); }
  }
});

test('after one visit, /help shows phone numbers offline with no WebAssembly', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/');
    await waitForServiceWorker(page);
    assert.ok(await page.evaluate(async () => !!(await caches.match('/help.html'))), 'help.html is precached');
    await context.addInitScript(noWebAssembly);
    await goOffline(context, server);
    const offline = await context.newPage();
    await offline.goto(server.url + '/help');
    await expectStaticHelp(offline);
    await offline.goto(server.url + '/help.html');
    await expectStaticHelp(offline);
  } finally { await close(); }
});

test('a slow start offers the help link after two seconds, and the app still takes over', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    // Hold the app's WebAssembly back for four seconds, as a slow phone might.
    await page.route(/\.wasm$/, async (route) => {
      await new Promise((r) => setTimeout(r, 4000));
      await route.continue();
    });
    await page.goto(server.url + '/');
    const link = page.getByRole('link', { name: /Get help now/ });
    await link.waitFor({ timeout: 3500 });
    assert.equal(await link.getAttribute('href'), '/help.html');
    assert.equal(await page.locator('[data-app-ready]').count(), 0, 'the app has not drawn yet');
    await page.waitForSelector('[data-app-ready]', { timeout: 20000 });
    assert.equal(await page.locator('#boot').count(), 0, 'the boot screen is gone');
  } finally { await close(); }
});
