// Smoke tests in WebKit, Safari's engine (iPhone users install Waymark from
// Safari): the release build starts, routes render, a check-in persists in
// localStorage across a reload, the CSP lets the app run, and the service
// worker activates where the engine offers one. Debian's WebKitGTK
// MiniBrowser is driven through WebKitWebDriver (plain W3C WebDriver, see
// webdriver.mjs) on a private Xvfb display. Skips itself when any of the
// three binaries is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../e2e/support.mjs';
import { firstExecutable, startXvfb, startDriver, Session, kill } from './webdriver.mjs';

/** The path in env var `name` when set (and only it), else the first default that exists. */
const locate = (name, defaults) => firstExecutable(process.env[name] ? [process.env[name]] : defaults);
const DRIVER = await locate('WEBKIT_WEBDRIVER', ['/usr/bin/WebKitWebDriver']);
const BROWSER = await locate('WEBKIT_MINIBROWSER', [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
]);
const XVFB = await locate('XVFB', ['/usr/bin/Xvfb']);
const skip = !DRIVER ? 'WebKitWebDriver is not installed (Debian package webkit2gtk-driver)'
  : !BROWSER ? 'the WebKitGTK MiniBrowser is not installed (set WEBKIT_MINIBROWSER to its path)'
    : !XVFB ? 'Xvfb is not installed, and WebKitGTK needs a display'
      : false;
const opts = { skip, timeout: 60000 };

let server;
let xvfb;
let driver;
/** @type {Session} */
let s;

before(async () => {
  if (skip) return;
  server = await startServer();
  xvfb = await startXvfb(XVFB);
  driver = await startDriver(DRIVER, { env: { ...process.env, DISPLAY: xvfb.display } });
  s = await Session.create(driver.url, {
    alwaysMatch: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] },
    },
  });
  await s.setTimeouts({ script: 30000, pageLoad: 30000 });
}, { timeout: 90000 });

after(async () => {
  await s?.quit();
  await kill(driver?.process);
  await kill(xvfb?.process);
  await server?.close();
}, { timeout: 30000 });

// ---- Page-side helpers: self-contained functions run in the page. ----------

/**
 * Records what goes wrong from now on in this document: uncaught errors,
 * unhandled rejections, console.error calls and CSP violations. (Classic
 * WebDriver cannot listen before the page's own scripts run; a failure during
 * start-up shows instead as a missing [data-app-ready] or a boot error.)
 */
function watchErrors() {
  if (window.__wm) return true;
  const wm = { errors: [], csp: [] };
  window.__wm = wm;
  addEventListener('error', (e) => wm.errors.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => wm.errors.push(`rejection: ${e.reason}`));
  const original = console.error;
  console.error = function (...args) { wm.errors.push(`console: ${args.join(' ')}`); return original.apply(this, args); };
  document.addEventListener('securitypolicyviolation', (e) => wm.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  return true;
}

/** What watchErrors has recorded, plus any error the boot screen shows. */
function problems() {
  const wm = window.__wm || { errors: ['watchErrors was not installed'], csp: [] };
  const boot = document.querySelector('.boot--error');
  return { errors: wm.errors, csp: wm.csp, boot: boot ? boot.textContent.trim() : null };
}

/** The form control whose <label> reads `name` (aria-hidden parts ignored). */
function byLabel(name, type) {
  const text = (el) => [...el.childNodes].map((n) => {
    if (n.nodeType === 3) return n.textContent;
    if (n.nodeType !== 1 || n.getAttribute('aria-hidden') === 'true' || n.matches('input, textarea, select')) return '';
    return text(n);
  }).join('');
  const label = [...document.querySelectorAll('label')].find((l) => text(l).replace(/\s+/g, ' ').trim() === name
    && l.control && (!type || l.control.type === type));
  return label ? label.control : null;
}

/** The button or link whose accessible name (aria-label, else text) is `name`. */
function byName(selector, name) {
  return [...document.querySelectorAll(selector)]
    .find((el) => (el.getAttribute('aria-label') || el.textContent).replace(/\s+/g, ' ').trim() === name) || null;
}

// ---- Test helpers -----------------------------------------------------------

/** Loads `path`, waits until the app has drawn, and starts recording errors. */
async function open(path) {
  await s.navigate(server.url + path);
  await waitReady(path);
}

async function waitReady(what) {
  await s.waitFor(() => !!document.querySelector('[data-app-ready]'), { timeout: 30000, message: `the app to start on ${what}` });
  // The screen itself may come in a lazily loaded module, a moment later.
  await s.waitFor(() => !!document.querySelector('main h1'), { timeout: 30000, message: `the screen to draw on ${what}` });
  await s.execute(watchErrors);
}

/** Fails with what went wrong in the page since `open`. */
async function assertNoProblems(where) {
  const p = await s.execute(problems);
  assert.equal(p.boot, null, `the boot screen shows no error on ${where}`);
  assert.deepEqual(p.errors, [], `no uncaught error on ${where}`);
  assert.deepEqual(p.csp, [], `no CSP violation on ${where}`);
}

const heading = () => s.execute(() => document.querySelector('main h1')?.textContent.trim() ?? null);

/** Clicks an element a page-side finder returns, failing clearly if there is none. */
async function click(what, finder, ...args) {
  const el = await s.elementFrom(finder, ...args);
  assert.ok(el, `found ${what}`);
  await s.click(el);
}

// ---- Tests ------------------------------------------------------------------

test('WebKit starts the app and shows the home screen', opts, async () => {
  await open('/');
  const h1 = await heading();
  assert.ok(h1 && h1.length > 0, 'the home screen has a heading');
  assert.ok(await s.execute(byName, 'a', 'How are you today?'), 'the "How are you today?" link is there');
  assert.equal(await s.execute(() => !!document.getElementById('boot')), false, 'the boot screen is gone');
  await assertNoProblems('/');
});

test('WebKit shows the headings of guide step 3 and of the help page', opts, async () => {
  await open('/guide/3');
  const step = await heading();
  assert.match(step, /^Step 3 of \d+/, `guide step 3 heading: ${step}`);
  await assertNoProblems('/guide/3');
  await open('/help');
  assert.equal(await heading(), 'Help now');
  await assertNoProblems('/help');
  // And through the app's own router: the header's help button from home.
  await open('/');
  await click('the help button', byName, 'a', 'Help now: crisis lines and overdose steps');
  await s.waitFor(() => location.pathname === '/help' && document.querySelector('main h1')?.textContent.trim() === 'Help now',
    { timeout: 10000, message: 'the help page after a click' });
  await assertNoProblems('a click to /help');
});

test('WebKit shows the overdose guide with its call button and dose timer, and the reminders in Settings', opts, async () => {
  await open('/help/overdose');
  const h1 = await heading();
  assert.ok(h1 && h1.length > 0, 'the overdose guide has a heading');
  assert.ok(await s.execute(() => !!document.querySelector('main a[href="tel:911"]')), 'the emergency number is one tap away');
  await click('the dose button', byName, 'button', 'I gave a dose');
  await s.waitFor(() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'I gave another dose'),
    { timeout: 10000, message: 'the timer after a dose' });
  await assertNoProblems('/help/overdose');
  await open('/settings');
  await s.waitFor(() => !!document.querySelector('#reminders h2'), { timeout: 10000, message: 'the reminders section' });
  assert.ok(await s.execute(byName, 'button', 'Download the daily reminder'), 'the daily reminder can be downloaded');
  await assertNoProblems('/settings');
});

test('a check-in written in WebKit is still listed in the journal after a reload', opts, async () => {
  const note = `WebKit check-in ${Date.now()}`;
  await open('/journal/new');
  await click('the "Good" mood', byLabel, 'Good', 'radio');
  const textbox = await s.elementFrom(byLabel, 'Note');
  assert.ok(textbox, 'found the Note textbox by its label');
  await s.sendKeys(textbox, note);
  assert.equal(await s.property(textbox, 'value'), note);
  await click('the Save button', byName, 'button', 'Save check-in');
  await s.waitFor((n) => location.pathname === '/journal' && document.body.innerText.includes(n),
    { timeout: 10000, message: 'the journal listing the new check-in' }, note);
  await assertNoProblems('saving a check-in');
  await s.refresh();
  await waitReady('/journal after a reload');
  await s.waitFor((n) => [...document.querySelectorAll('main a')].some((a) => a.textContent.includes(n)),
    { timeout: 10000, message: 'the check-in listed after a reload' }, note);
  const stored = await s.execute((n) => Object.keys(localStorage).some((k) => localStorage.getItem(k).includes(n)), note);
  assert.ok(stored, 'the note is in localStorage');
});

test('the Content-Security-Policy lets the app run in WebKit and nothing breaks it', opts, async () => {
  for (const path of ['/', '/journal/new', '/tools', '/settings']) {
    await open(path);
    await assertNoProblems(path);
  }
  const csp = await s.execute(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
  assert.ok(csp && csp.includes("'wasm-unsafe-eval'"), 'the policy is the strict one, with no unsafe-eval');
  // The wasm compiled (the app is ready), every stylesheet loaded (style-src
  // and the integrity hashes held) and the boot script ran (script-src 'self').
  const sheets = await s.execute(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => !!l.sheet));
  assert.ok(sheets.length > 0 && sheets.every(Boolean), `every stylesheet applied: ${sheets}`);
  assert.equal(await s.execute(() => typeof window.waymarkUpdate), 'object', 'boot.js ran');
  const foreign = await s.execute(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !u.startsWith(location.origin)));
  assert.deepEqual(foreign, [], 'nothing was fetched from another origin');
});

test('WebKit registers the service worker and it becomes active, where the engine offers one', opts, async (t) => {
  await open('/');
  const support = await s.execute(() => ({ sw: 'serviceWorker' in navigator, secure: window.isSecureContext }));
  if (!support.sw) {
    t.skip(`this WebKit build offers no navigator.serviceWorker here (secure context: ${support.secure}); the app runs without offline support`);
    return;
  }
  await s.waitFor(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!(reg && reg.active && reg.active.state === 'activated');
  }, { timeout: 20000, message: 'an activated service worker' }).catch(() => {});
  const state = await s.executeAsync(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg && reg.active ? { state: reg.active.state, url: reg.active.scriptURL } : null;
  });
  assert.deepEqual(state, { state: 'activated', url: `${server.url}/sw.js` });
  await s.refresh();
  await waitReady('/ after a reload');
  assert.ok(await s.execute(() => !!navigator.serviceWorker.controller), 'the worker controls the page after a reload');
  await assertNoProblems('/ under the service worker');
});

test('in WebKit the passphrase lock seals what is stored and the passphrase opens it', opts, async () => {
  const note = `WebKit sealed ${Date.now()}`;
  const pass = 'webkit kettle passphrase';
  await open('/journal/new');
  await click('the "Good" mood', byLabel, 'Good', 'radio');
  await s.sendKeys(await s.elementFrom(byLabel, 'Note'), note);
  await click('the Save button', byName, 'button', 'Save check-in');
  await s.waitFor(() => location.pathname === '/journal', { timeout: 10000, message: 'the journal' });
  await open('/settings');
  await s.sendKeys(await s.elementFrom(byLabel, 'New passphrase'), pass);
  await s.sendKeys(await s.elementFrom(byLabel, 'Type it again'), pass);
  await click('Turn on the lock', byName, 'button', 'Turn on the lock');
  await s.waitFor(() => document.body.innerText.includes('The lock is on.'),
    { timeout: 30000, message: 'the lock to be on' });
  await s.waitFor(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('wm:') && k !== 'wm:schema' && k !== 'wm:lock')
    .every((k) => localStorage.getItem(k).startsWith('wme1:')), { timeout: 10000, message: 'every value sealed' });
  const leaked = await s.execute((n) => Object.keys(localStorage).some((k) => localStorage.getItem(k).includes(n)), note);
  assert.equal(leaked, false, 'no stored value holds the note');
  await s.refresh();
  await s.waitFor(() => document.body.innerText.includes('Waymark is locked'), { timeout: 30000, message: 'the lock screen' });
  await s.execute(watchErrors);
  await s.sendKeys(await s.elementFrom(byLabel, 'Passphrase'), pass);
  await click('Unlock', byName, 'button', 'Unlock');
  await s.waitFor(() => !!document.querySelector('nav'), { timeout: 30000, message: 'the app after unlocking' });
  await click('the Journal link', byName, 'a', 'Journal');
  await s.waitFor((n) => document.body.innerText.includes(n), { timeout: 30000, message: 'the note after unlocking' }, note);
  await assertNoProblems('unlocking');
});
