// Installing from any browser (issue 13, part 3): the "Install Waymark"
// button when Chromium offers to install (a synthetic
// `beforeinstallprompt`), the Home Screen how-to on iPhone and iPad, and
// nothing at all once Waymark runs as an installed app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, launch, openApp } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 '
  + '(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
// iPadOS asks for the desktop site by default: it says "Macintosh".
const IPAD_DESKTOP = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 '
  + '(KHTML, like Gecko) Version/17.4 Safari/605.1.15';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

async function withPage(options, fn) {
  const { context, close } = await launch(options);
  try {
    const page = await context.newPage();
    await fn(page, context);
  } finally { await close(); }
}

async function axe(page) {
  // Injected through the DevTools protocol, so the page's CSP does not apply.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

/**
 * In the page: `window.__offerInstall(outcome)` fires a stand-in for
 * Chromium's BeforeInstallPromptEvent. Its prompt() is recorded in
 * `window.__prompts`, and its userChoice settles only once prompt() has been
 * called, as the browser's does. With `early`, one is fired as soon as the
 * document has been parsed, before the WebAssembly app has drawn. The build
 * is installable, so headless Chromium may offer to install for real: that
 * offer is stopped before boot.js hears it, unless `real`.
 */
function installStub({ early = null, real = false } = {}) {
  window.__prompts = [];
  if (!real) {
    window.addEventListener('beforeinstallprompt', (e) => {
      if (e !== window.__lastOffer) e.stopImmediatePropagation();
    }, true);
  }
  window.__offerInstall = (outcome) => {
    const event = new Event('beforeinstallprompt', { cancelable: true });
    let choose;
    event.userChoice = new Promise((resolve) => { choose = resolve; });
    event.prompt = () => {
      window.__prompts.push(outcome);
      choose({ outcome, platform: 'web' });
      return Promise.resolve({ outcome });
    };
    window.__lastOffer = event;
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  if (early) {
    // At the earliest moment it can be heard: just after boot.js starts
    // listening (DOMContentLoaded came after the app had drawn now and then).
    const add = window.addEventListener;
    window.addEventListener = function (type, ...rest) {
      const result = add.call(this, type, ...rest);
      if (type === 'beforeinstallprompt' && window.__earlyOfferBeforeApp === undefined) {
        window.__earlyOfferBeforeApp = !document.querySelector('[data-app-ready]');
        queueMicrotask(() => window.__offerInstall(early));
      }
      return result;
    };
  }
}

/** Waymark "runs as an installed app": display-mode standalone, and iOS's navigator.standalone. */
function pretendStandalone() {
  const real = window.matchMedia.bind(window);
  window.matchMedia = (query) => {
    const list = real(query);
    if (!/display-mode:\s*standalone/.test(query)) return list;
    return new Proxy(list, {
      get(target, key) {
        if (key === 'matches') return true;
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true, configurable: true });
}

const installButton = (scope) => scope.getByRole('button', { name: 'Install Waymark' });
const iosLink = (page) => page.getByRole('link', { name: /add Waymark to your Home Screen/ });
const iosTitle = (page) => page.getByRole('heading', { name: 'Add Waymark to your Home Screen' });

test('an offer to install that comes before the app has drawn shows "Install Waymark" on Home; the tap calls prompt() and says the answer', () =>
  withPage({}, async (page) => {
    await page.addInitScript(installStub, { early: 'accepted' });
    await openApp(page, server.url, '/');
    assert.equal(await page.evaluate(() => window.__earlyOfferBeforeApp), true, 'the offer came before the app drew');
    assert.equal(await page.evaluate(() => window.__lastOffer.defaultPrevented), true, "the browser's own install bar is held back");
    const button = installButton(page);
    await button.waitFor();
    assert.equal(await iosLink(page).count(), 0, 'no iPhone how-to in Chromium');
    assert.deepEqual(await axe(page), [], 'axe finds nothing with the button shown');
    await button.click();
    await page.getByRole('status').filter({ hasText: 'Waymark is being installed' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__prompts), ['accepted'], 'prompt() was called once');
    assert.equal(await installButton(page).count(), 0, 'the spent offer shows no button');
  }));

test('with no offer from the browser there is no button; an offer after the app has drawn shows it in Settings › This device, and a "no" is said plainly', () =>
  withPage({}, async (page) => {
    await page.addInitScript(installStub, {});
    await openApp(page, server.url, '/');
    await page.waitForTimeout(300);
    assert.equal(await installButton(page).count(), 0, 'Home: no offer, no button');
    await openApp(page, server.url, '/settings');
    const device = page.locator('#device');
    await device.getByRole('heading', { name: 'This device', level: 2 }).waitFor();
    assert.equal(await installButton(device).count(), 0, 'Settings: no offer, no button');
    await device.getByText('You are using Waymark in the browser').waitFor();
    // Chromium in a test has persistent storage or not; either answer is words.
    await device.getByText(/Your browser has promised|Your browser has not promised|does not say/).waitFor();

    assert.equal(await page.evaluate(() => window.__offerInstall('dismissed')), true, 'the offer is held back');
    const button = installButton(device);
    await button.waitFor();
    assert.deepEqual(await axe(page), [], 'axe finds nothing in Settings with the button shown');
    await button.click();
    await device.getByRole('status').filter({ hasText: 'Waymark was not installed' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__prompts), ['dismissed']);

    // The browser installs it another way (its menu): Settings says so.
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await device.getByText('Waymark is installed. From now on, open it from its icon.').waitFor();
  }));

test('on iPhone Safari, Home leads to the Home Screen how-to in Settings, with the reason and its source', () =>
  withPage({ userAgent: IPHONE_SAFARI, isMobile: true, hasTouch: true }, async (page) => {
    await page.addInitScript(installStub, {});
    await openApp(page, server.url, '/');
    const link = iosLink(page);
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), '/settings#device');
    assert.equal(await installButton(page).count(), 0, 'Safari has no install button');
    assert.deepEqual(await axe(page), [], 'axe finds nothing on Home with the link');
    await link.click();
    await page.waitForURL(/\/settings#device$/);
    const device = page.locator('#device');
    await iosTitle(device).waitFor();
    const text = await device.textContent();
    assert.match(text, /Tap the Share button/);
    assert.match(text, /Tap “Add to Home Screen”/);
    assert.match(text, /seven days/, 'the reason: Safari deletes data after seven days');
    assert.match(text, /do not lose their data/, 'home screen apps are exempt');
    assert.match(text, /Full Third-Party Cookie Blocking and More/, 'the source');
    assert.equal(await device.getByRole('link', { name: 'Go to Backup' }).getAttribute('href'), '#backup');
    assert.deepEqual(await axe(page), [], 'axe finds nothing in Settings with the how-to');
  }));

test('an iPad that asks for the desktop site ("Macintosh", with touch) gets the how-to too', () =>
  withPage({ userAgent: IPAD_DESKTOP, hasTouch: true }, async (page) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5, configurable: true });
    });
    await openApp(page, server.url, '/');
    await iosLink(page).waitFor();
  }));

test('running as an installed app (display-mode: standalone), neither the button nor the how-to shows', async () => {
  for (const options of [{}, { userAgent: IPHONE_SAFARI, isMobile: true, hasTouch: true }]) {
    await withPage(options, async (page) => {
      await page.addInitScript(pretendStandalone);
      // Real offers too: an installed app must ignore every one.
      await page.addInitScript(installStub, { real: true });
      const who = options.userAgent ? 'iPhone' : 'Chromium';
      await openApp(page, server.url, '/');
      await page.evaluate(() => window.__offerInstall('accepted'));
      await page.waitForTimeout(300);
      assert.equal(await installButton(page).count(), 0, `${who} Home: no button`);
      assert.equal(await iosLink(page).count(), 0, `${who} Home: no how-to`);
      await openApp(page, server.url, '/settings');
      const device = page.locator('#device');
      await device.getByText('You are using Waymark as an installed app.').waitFor();
      await page.evaluate(() => window.__offerInstall('accepted'));
      await page.waitForTimeout(300);
      assert.equal(await installButton(page).count(), 0, `${who} Settings: no button`);
      assert.equal(await iosTitle(page).count(), 0, `${who} Settings: no how-to`);
      assert.equal(await device.getByText(/look for “Install app”/).count(), 0, `${who} Settings: no menu hint`);
      assert.deepEqual(await page.evaluate(() => window.__prompts), []);
    });
  }
});
