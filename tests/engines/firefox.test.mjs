// Smoke tests in Firefox (Gecko): the release build starts, routes render,
// a check-in persists in localStorage across a reload, the CSP lets the app
// run, and the service worker takes over. Debian's firefox-esr is driven
// headless by puppeteer-core over WebDriver BiDi; nothing is downloaded.
// Skips itself when Firefox is not installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import puppeteer from 'puppeteer-core';
import { startServer } from '../e2e/support.mjs';
import { isExecutable } from './webdriver.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const skip = (await isExecutable(FIREFOX)) ? false : `Firefox is not installed at ${FIREFOX} (set FIREFOX to its path)`;
const opts = { skip, timeout: 60000 };

let server;
let browser;
let profile;

before(async () => {
  if (skip) return;
  server = await startServer();
  profile = await mkdtemp(join(tmpdir(), 'waymark-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profile,
    timeout: 60000,
    env: { ...process.env, MOZ_DISABLE_CONTENT_SANDBOX: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
    // No network but 127.0.0.1: no updates, telemetry, safe browsing or
    // captive-portal probes.
    extraPrefsFirefox: {
      'app.update.disabledForTesting': true,
      'app.update.auto': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'extensions.update.enabled': false,
    },
  });
}, { timeout: 90000 });

after(async () => {
  // Close politely, but never let a stuck browser hang the suite.
  const closed = browser ? browser.close().then(() => true, () => false) : Promise.resolve(true);
  const inTime = await Promise.race([closed, new Promise((r) => setTimeout(() => r(false), 10000))]);
  if (!inTime) browser?.process()?.kill('SIGKILL');
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
}, { timeout: 30000 });

/**
 * Runs `fn(page, errors)` in a fresh, isolated browser context (its own
 * storage), recording uncaught errors, console errors and CSP violations.
 */
async function withPage(fn) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 360, height: 740 });
    const errors = [];
    page.on('pageerror', (e) => {
      const message = `${e?.message ?? e}`;
      // Firefox reports a screen module's fetch that the service worker was
      // answering when the page reloaded or the fetch was dropped; the split
      // loader fetches it again (and each test checks the screen works), so
      // this one message is not a failure of the app.
      if (/\.wasm’?\. A ServiceWorker intercepted the request and encountered an unexpected error/.test(message)) return;
      errors.push(`pageerror: ${message}`);
    });
    // An Error logged to the console shows as "JSHandle@error": record its
    // message, so a failure says what went wrong.
    page.on('console', async (m) => {
      if (m.type() !== 'error') return;
      const detail = await Promise.all(m.args().map((a) => a.evaluate((v) => (v instanceof Error ? `${v.name}: ${v.message}` : String(v))).catch(() => '')));
      errors.push(`console: ${m.text()} ${detail.join(' ')}`.trim());
    });
    await page.evaluateOnNewDocument(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await fn(page, errors);
  } finally {
    await context.close();
  }
}

/** Opens `path` and waits until the app (not just the boot screen) has drawn. */
async function open(page, path) {
  await page.goto(server.url + path);
  await page.waitForSelector('[data-app-ready]', { timeout: 30000 });
  // The screen itself may come in a lazily loaded module, a moment later.
  await page.waitForSelector('main h1', { timeout: 30000 });
}

/** The text of the page's main heading. */
const heading = (page) => page.$eval('main h1', (h) => h.textContent.trim());

test('Firefox starts the app, shows the home screen and throws no uncaught error', opts, async () => {
  await withPage(async (page, errors) => {
    await open(page, '/');
    assert.ok((await heading(page)).length > 0, 'the home screen has a heading');
    await page.locator('::-p-aria([name="How are you today?"][role="link"])').setTimeout(10000).wait();
    assert.equal(await page.$('#boot'), null, 'the boot screen is gone');
    assert.deepEqual(errors, [], 'no uncaught page or console error');
  });
});

test('Firefox shows the headings of guide step 3 and of the help page', opts, async () => {
  await withPage(async (page, errors) => {
    await open(page, '/guide/3');
    const step = await heading(page);
    assert.match(step, /^Step 3 of \d+/, `guide step 3 heading: ${step}`);
    await open(page, '/help');
    assert.equal(await heading(page), 'Help now');
    // And through the app's own router: the header's help button from home.
    await open(page, '/');
    await page.locator('::-p-aria([name="Help now: crisis lines and overdose steps"][role="link"])').setTimeout(10000).click();
    await page.waitForFunction(() => location.pathname === '/help' && document.querySelector('main h1')?.textContent.trim() === 'Help now', { timeout: 10000 });
    assert.deepEqual(errors, [], 'no uncaught page or console error');
  });
});

test('Firefox shows the overdose guide with its call button and dose timer, and the reminders in Settings', opts, async () => {
  await withPage(async (page, errors) => {
    await open(page, '/help/overdose');
    assert.ok((await heading(page)).length > 0, 'the overdose guide has a heading');
    assert.ok(await page.$('main a[href="tel:911"]'), 'the emergency number is one tap away');
    await page.locator('::-p-aria([name="I gave a dose"][role="button"])').setTimeout(10000).click();
    await page.locator('::-p-aria([name="I gave another dose"][role="button"])').setTimeout(10000).wait();
    await open(page, '/settings');
    await page.waitForSelector('#reminders h2', { timeout: 10000 });
    await page.locator('::-p-aria([name="Download the daily reminder"][role="button"])').setTimeout(10000).wait();
    assert.deepEqual(errors, [], 'no uncaught page or console error');
  });
});

test('a check-in written in Firefox is still listed in the journal after a reload', opts, async () => {
  await withPage(async (page, errors) => {
    const note = `Firefox check-in ${Date.now()}`;
    await open(page, '/journal/new');
    await page.locator('::-p-aria([name="Good"][role="radio"])').click();
    await page.locator('::-p-aria([name="Note"][role="textbox"])').fill(note);
    await page.locator('::-p-aria([name="Save check-in"][role="button"])').click();
    await page.waitForFunction(() => location.pathname === '/journal', { timeout: 10000 });
    await page.waitForFunction((n) => document.body.innerText.includes(n), { timeout: 10000 }, note);
    await page.reload();
    await page.waitForSelector('[data-app-ready]', { timeout: 30000 });
    const listed = await page.waitForFunction(
      (n) => [...document.querySelectorAll('main a')].some((a) => a.textContent.includes(n)),
      { timeout: 10000 }, note,
    );
    assert.ok(await listed.jsonValue(), 'the saved check-in is a link in the journal');
    const stored = await page.evaluate((n) => Object.keys(localStorage).some((k) => localStorage.getItem(k).includes(n)), note);
    assert.ok(stored, 'the note is in localStorage');
    assert.deepEqual(errors, [], 'no uncaught page or console error');
  });
});

test('the Content-Security-Policy lets the app run in Firefox and nothing breaks it', opts, async () => {
  await withPage(async (page, errors) => {
    for (const path of ['/', '/journal/new', '/tools', '/settings']) {
      await open(page, path);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], `no CSP violation on ${path}`);
    }
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    assert.ok(csp.includes("'wasm-unsafe-eval'"), 'the policy is the strict one, with no unsafe-eval');
    // Every stylesheet loaded (style-src and the integrity hashes held) and
    // the boot script ran (script-src 'self').
    const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => !!l.sheet));
    assert.ok(sheets.length > 0 && sheets.every(Boolean), `every stylesheet applied: ${sheets}`);
    assert.equal(await page.evaluate(() => typeof window.waymarkUpdate), 'object', 'boot.js ran');
    assert.deepEqual(errors, [], 'no uncaught page or console error');
  });
});

test('Firefox registers the service worker and it becomes active', opts, async () => {
  await withPage(async (page, errors) => {
    await open(page, '/');
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return !!(reg && reg.active && reg.active.state === 'activated');
    }, { timeout: 20000 });
    const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).active.scriptURL);
    assert.equal(scriptURL, `${server.url}/sw.js`);
    // After a reload the worker controls the page and the app still starts.
    await page.reload();
    await page.waitForSelector('[data-app-ready]', { timeout: 30000 });
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the worker controls the page');
    assert.deepEqual(errors, [], 'no uncaught page or console error');
  });
});

test('a browser too old for the app’s WebAssembly is told so at once, not left on “Opening…”', opts, async () => {
  await withPage(async (page) => {
    // Pretend to be Safari on iOS 14: WebAssembly is there, but modules that
    // use reference types or bulk memory do not validate or compile.
    await page.evaluateOnNewDocument(() => {
      const tooOld = () => Promise.reject(new WebAssembly.CompileError('reference types are not supported'));
      WebAssembly.validate = () => false;
      WebAssembly.instantiateStreaming = tooOld;
      WebAssembly.instantiate = tooOld;
      WebAssembly.compileStreaming = tooOld;
      WebAssembly.compile = tooOld;
    });
    await page.goto(server.url + '/');
    const shown = await page.waitForFunction(() => {
      const m = document.getElementById('boot-message');
      return document.getElementById('boot')?.classList.contains('boot--error') && m && m.textContent;
    }, { timeout: 5000 });
    assert.match(await shown.jsonValue(), /too old to run Waymark/);
    assert.equal(await page.$('[data-app-ready]'), null, 'the app did not start');
    // The service worker is still registered: it keeps the plain Help page
    // (help.html, no WebAssembly) working offline on such a phone.
    assert.ok(await page.waitForFunction(() => !document.getElementById('boot-help')?.hidden, { timeout: 5000 }),
      'the boot screen links the plain Help page');
  });
});

/** The form control whose visible label is exactly `text` (Firefox's
 * accessibility query does not reach password fields). */
async function labelled(page, text) {
  await page.waitForFunction((t) => [...document.querySelectorAll('label')].some((l) => l.textContent.trim() === t && l.control), { timeout: 10000 }, text);
  return page.evaluateHandle((t) => [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === t && l.control).control, text);
}

test('in Firefox the passphrase lock seals what is stored and the passphrase opens it', opts, async () => {
  await withPage(async (page, errors) => {
    const note = `Firefox sealed ${Date.now()}`;
    const pass = 'firefox kettle passphrase';
    await open(page, '/journal/new');
    await page.locator('::-p-aria([name="Good"][role="radio"])').click();
    await page.locator('::-p-aria([name="Note"][role="textbox"])').fill(note);
    await page.locator('::-p-aria([name="Save check-in"][role="button"])').click();
    await page.waitForFunction(() => location.pathname === '/journal', { timeout: 10000 });
    await open(page, '/settings');
    await (await labelled(page, 'New passphrase')).type(pass);
    await (await labelled(page, 'Type it again')).type(pass);
    await page.locator('::-p-aria([name="Turn on the lock"][role="button"])').click();
    await page.waitForFunction(() => document.body.innerText.includes('The lock is on.'), { timeout: 30000 });
    await page.waitForFunction(() => Object.keys(localStorage)
      .filter((k) => k.startsWith('wm:') && k !== 'wm:schema' && k !== 'wm:lock')
      .every((k) => localStorage.getItem(k).startsWith('wme1:')), { timeout: 10000 });
    const leaked = await page.evaluate((n) => Object.keys(localStorage).some((k) => localStorage.getItem(k).includes(n)), note);
    assert.equal(leaked, false, 'no stored value holds the note');
    await page.reload();
    await page.waitForFunction(() => document.body.innerText.includes('Waymark is locked'), { timeout: 30000 });
    await (await labelled(page, 'Passphrase')).type(pass);
    await page.locator('::-p-aria([name="Unlock"][role="button"])').click();
    await page.locator('::-p-aria([name="Journal"][role="link"])').click();
    await page.waitForFunction((n) => document.body.innerText.includes(n), { timeout: 30000 }, note);
    assert.deepEqual(errors, [], 'no uncaught page or console error');
  });
});
