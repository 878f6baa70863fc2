// The first paint, before any script: index.html itself draws the shell (the
// header with Help, the bottom navigation and the outline of the home
// screen's cards), the app takes over in place with no layout shift, and no
// copy of the static shell is left once the app runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, launch, openApp } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

/** Records every layout shift the page reports, except those right after input. */
function recordLayoutShifts() {
  window.__layoutShifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__layoutShifts.push({
        value: e.value,
        sources: (e.sources || []).map((s) => (s.node && s.node.nodeType === 1 ? s.node.outerHTML.slice(0, 120) : String(s.node && s.node.nodeName))),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

test('before the app runs, the page already shows Help, the navigation and the home cards', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    // The WebAssembly is held back (not failed, which boot.js would report):
    // what the browser draws from index.html alone.
    const held = [];
    await page.route('**/*.wasm', (route) => { held.push(route); });
    await page.goto(server.url + '/');
    const banner = page.getByRole('banner');
    const help = banner.getByRole('link', { name: /help now/i });
    assert.ok(await help.isVisible(), 'the Help link is on screen');
    assert.equal(await help.getAttribute('href'), '/help');
    assert.ok(await banner.getByRole('link', { name: 'Waymark' }).isVisible());
    assert.ok(await banner.getByRole('link', { name: 'Settings' }).isVisible());
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [name, href] of [['Home', '/'], ['Guide', '/guide'], ['Journal', '/journal'], ['Tools', '/tools']]) {
      const link = nav.getByRole('link', { name, exact: true });
      assert.ok(await link.isVisible(), `the ${name} link is on screen`);
      assert.equal(await link.getAttribute('href'), href);
    }
    const main = page.getByRole('main');
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'one h1, as on Home');
    for (const title of ['Your clean time', 'Today', 'Your step']) {
      const card = main.getByRole('region', { name: title });
      assert.ok(await card.isVisible(), `the ${title} card is outlined`);
      const box = await card.boundingBox();
      assert.ok(box.height > 100, `the ${title} card has the height of a card (${box.height} px)`);
    }
    assert.ok(await main.locator('.boot-block').first().isVisible(), 'grey placeholders stand in for the buttons');
    assert.equal(await page.locator('[data-app-ready]').count(), 0, 'the app has not run');
    // The Help link is a plain link: it works before the app does.
    await page.unroute('**/*.wasm');
    await Promise.all([page.waitForURL('**/help'), help.click()]);
    for (const route of held) await route.abort().catch(() => {});
    await page.getByRole('heading', { level: 1, name: 'Help now' }).waitFor({ timeout: 20000 });
  } finally { await close(); }
});

test('the shell before the app runs has no axe violations, light and dark, and fits 360 px with text at 200%', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, close } = await launch({ colorScheme });
    try {
      const page = await context.newPage();
      await page.route('**/*.wasm', () => {}); // held back: the app never runs here
      await page.goto(server.url + '/');
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      // Injected through the DevTools protocol, so the page's CSP does not apply.
      await page.evaluate(axeSource);
      const problems = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      });
      assert.deepEqual(problems, [], `static shell in ${colorScheme} mode`);
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
      assert.ok(sw <= cw + 1, `the shell is ${sw}px wide in ${cw}px at 200%`);
    } finally { await close(); }
  }
});

test('a normal load of home has no layout shift, even on a slow phone', async () => {
  for (const rate of [1, 4]) {
    const { context, close } = await launch();
    try {
      await context.addInitScript(recordLayoutShifts);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await openApp(page, server.url, '/', 60000);
      // Let the rest of the history, the service worker and late notices arrive.
      await page.waitForTimeout(2000);
      const shifts = await page.evaluate(() => window.__layoutShifts);
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      assert.ok(total < 0.01, `layout-shift score ${total.toFixed(4)} at ${rate}x CPU: ${JSON.stringify(shifts)}`);
    } finally { await close(); }
  }
});

test('the "new version" notice appears without moving the screen', async () => {
  const { context, close } = await launch();
  try {
    await context.addInitScript(recordLayoutShifts);
    const page = await context.newPage();
    await openApp(page, server.url, '/');
    await page.waitForTimeout(500);
    // What boot.js does when the service worker has a new build waiting.
    await page.evaluate(() => {
      window.waymarkUpdate.ready = true;
      window.dispatchEvent(new Event('waymark-update-ready'));
    });
    const prompt = page.getByRole('button', { name: /update now/i });
    await prompt.waitFor();
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => window.__layoutShifts);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.ok(total < 0.01, `layout-shift score ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
    // It floats clear of the bottom navigation, which stays usable.
    const notice = await prompt.locator('xpath=ancestor::div[contains(@class, "notice")][1]').boundingBox();
    const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    assert.ok(notice.y + notice.height <= nav.y, 'the notice ends above the navigation');
  } finally { await close(); }
});

test('once the app is ready the static shell is gone, leaving one banner, one main navigation and one main', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/');
    assert.equal(await page.locator('#boot').count(), 0);
    assert.equal(await page.getByRole('banner').count(), 1);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 1);
    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.locator('#main').count(), 1);
  } finally { await close(); }
});
