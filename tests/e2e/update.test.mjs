// Updates, end to end in Chromium, with a build split into ~380 lazily loaded
// .wasm chunks: a tab on the old build keeps working while the new one waits,
// an update cut off half-way leaves nothing half-done behind, and a new build
// is found even when the host lets browsers cache sw.js.
//
// Build A is the build under test (DIST, its sw.js already filled). Build B is
// made from a copy of it, as a new deploy would be: every hashed .wasm and .js
// file gets a new name (so none of A's chunks is on the server any more), the
// references, integrity hashes and CSP hash follow, and sw.js gets B's file
// list and build id the way scripts/post-build.mjs writes them.
//
// These tests use their own small static host (the same rules as
// support.mjs's startServer) because they need what a real network does and a
// test host does not: a file cut off half-way, a file that is slow to come,
// and an sw.js the browser may keep for a day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile, readdir, rename, stat, mkdtemp, rm } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, openApp, waitForServiceWorker, goOffline, DIST, TYPES } from './support.mjs';


/**
 * A static host like support.mjs's startServer (routes fall back to
 * index.html, `setRoot` deploys another build, `setOffline` drops every
 * connection), plus:
 *  - `maxAge`: sw.js, index.html and boot.js are sent with
 *    `Cache-Control: max-age=<maxAge>` instead of no-cache (a careless host);
 *  - `cut(path)`: that file's connection drops half-way through its body;
 *  - `hold(path)`: that file is held back until `release()` is called.
 */
async function startHost(root, { maxAge = 0 } = {}) {
  let current = root;
  let offline = false;
  let cutPath = null;
  const holds = new Map();
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = normalize(decodeURIComponent(url.pathname));
    requests.push(path);
    if (path.includes('..')) { res.writeHead(400); res.end(); return; }
    const held = holds.get(path);
    if (held) { held.arrived(); await held.released; }
    const isRoute = !extname(path);
    const file = isRoute ? join(current, 'index.html') : join(current, path);
    let body;
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
      return;
    }
    const revalidate = file.endsWith('sw.js') || file.endsWith('index.html') || file.endsWith('boot.js');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': !revalidate ? 'public, max-age=31536000, immutable'
        : maxAge ? `max-age=${maxAge}` : 'no-cache',
    });
    if (path === cutPath) {
      // The signal goes as the file comes in: half of it, then nothing.
      res.write(body.subarray(0, body.length >> 1), () => req.socket.destroy());
      return;
    }
    res.end(body);
  });
  server.on('connection', (socket) => { if (offline) socket.destroy(); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    setRoot(dir) { current = dir; },
    setOffline(value) {
      offline = value;
      if (value) server.closeAllConnections();
    },
    cut(path) { cutPath = path; },
    hold(path) {
      let arrived;
      let release;
      const reached = new Promise((r) => { arrived = r; });
      const released = new Promise((r) => { release = r; });
      holds.set(path, { arrived, released });
      return { reached, release() { holds.delete(path); release(); } };
    },
    close: () => new Promise((r) => {
      for (const h of holds.values()) h.arrived();
      server.closeAllConnections();
      server.close(r);
    }),
  };
}

const sha = (algo, buf, enc = 'hex') => createHash(algo).update(buf).digest(enc);

async function walk(dir) {
  const out = [];
  for (const name of await readdir(dir)) {
    const p = join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...await walk(p));
    else out.push(p);
  }
  return out;
}

/**
 * Writes the file list and build id into `dir`'s sw.js as
 * scripts/post-build.mjs's writePrecache() does: whether sw.js still has the
 * placeholders or is a built one already filled in.
 */
async function fillPrecache(dir) {
  const files = (await walk(dir))
    .map((p) => '/' + relative(dir, p).split(sep).join('/'))
    .filter((f) => f !== '/sw.js')
    .sort();
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(f);
    hash.update(await readFile(join(dir, f)));
  }
  const buildId = hash.digest('hex').slice(0, 16);
  const swPath = join(dir, 'sw.js');
  const before = await readFile(swPath, 'utf8');
  const sw = before
    .replace(/const BUILD_ID = [^;\n]*;/, () => `const BUILD_ID = ${JSON.stringify(buildId)};`)
    .replace(/const FILES = \[[^\]]*\];/, () => `const FILES = ${JSON.stringify(files)};`);
  assert.ok(sw !== before || before.includes(JSON.stringify(buildId)), 'sw.js has a BUILD_ID and a FILES list to fill');
  await writeFile(swPath, sw);
  return { buildId, files };
}

/** What the tests need to know about a build. */
async function describeBuild(dir) {
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  const buildId = JSON.parse(sw.match(/const BUILD_ID = ([^;\n]*);/)[1]);
  const files = JSON.parse(sw.match(/const FILES = (\[[^\]]*\]);/)[1]);
  const loader = files.find((f) => /^\/__wasm_split-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(loader, `${dir} has a split loader`);
  return { dir, buildId, cache: `waymark-${buildId}`, files, loader };
}

/** A content-hashed module, chunk, loader or glue file. */
const HASHED = /^(.+)-([0-9a-f]{16})(\.wasm|\.js)$/;

/**
 * A new deploy made from build `from`: every hashed .wasm and .js file under
 * a new name (A's names are gone from it), with index.html, the loader and
 * the glue pointing at the new names, fresh integrity and CSP hashes, and
 * sw.js filled with its own file list and build id.
 */
async function makeBuild(from, tag) {
  const dir = await mkdtemp(join(tmpdir(), `waymark-update-${tag}-`));
  await cp(from, dir, { recursive: true });
  const renamed = new Map();
  for (const name of await readdir(dir)) {
    const m = name.match(HASHED);
    if (!m) continue;
    const next = `${m[1]}-${sha('sha256', `${tag}:${m[2]}`).slice(0, 16)}${m[3]}`;
    await rename(join(dir, name), join(dir, next));
    renamed.set(name, next);
  }
  assert.ok(renamed.size > 100, `the build has its chunks (${renamed.size} hashed files)`);
  const rewrite = (text) => {
    for (const [old, next] of renamed) text = text.split(old).join(next);
    return text;
  };
  for (const name of [...renamed.values()].filter((n) => n.endsWith('.js'))) {
    const p = join(dir, name);
    await writeFile(p, rewrite(await readFile(p, 'utf8')));
  }
  const indexPath = join(dir, 'index.html');
  let html = rewrite(await readFile(indexPath, 'utf8'));
  const integrity = async (file) => `sha384-${sha('sha384', await readFile(join(dir, file)), 'base64')}`;
  const links = [...html.matchAll(/(<link\b[^>]*\bhref="\/([^"]+)"[^>]*\bintegrity=")[^"]*(")/g)];
  for (const m of links) html = html.replace(m[0], `${m[1]}${await integrity(m[2])}${m[3]}`);
  // The inline loader names the glue, so its CSP hash changes with it.
  const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bsrc=/.test(m[1]))
    .map((m) => `'sha256-${sha('sha256', Buffer.from(m[2], 'utf8'), 'base64')}'`);
  html = html.replace(/script-src 'self' 'wasm-unsafe-eval'[^;"]*/, `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`);
  await writeFile(indexPath, html);
  await fillPrecache(dir);
  return describeBuild(dir);
}

/** The split loader the page's index.html names: which build the tab runs. */
const loaderOf = (page) => page.evaluate(() =>
  document.querySelector('link[rel="modulepreload"][href*="__wasm_split"]')?.getAttribute('href'));

/** The app's update notice (src/app/components/update_banner.rs). */
const updateButton = (page) => page.getByRole('button', { name: 'Update now' });
const updateText = (page) => page.getByText('A new version of Waymark is ready');

/**
 * Asks the browser to look for a new sw.js now, and waits until what it
 * found has finished installing: 'installed' (it waits), 'redundant' (the
 * install failed), another state if it did not wait, or 'none'.
 */
const checkForUpdate = (page) => page.evaluate(async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  await reg.update();
  const worker = reg.installing;
  if (!worker) return 'none';
  if (worker.state !== 'installing') return worker.state;
  return new Promise((resolve) => worker.addEventListener('statechange', () => {
    if (worker.state !== 'installing') resolve(worker.state);
  }));
});

/** The registration as the page sees it. */
const registration = (page) => page.evaluate(async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  return {
    active: reg.active?.state ?? null,
    waiting: reg.waiting?.state ?? null,
    installing: reg.installing?.state ?? null,
    updateViaCache: reg.updateViaCache,
    caches: (await caches.keys()).filter((k) => k.startsWith('waymark-')).sort(),
  };
});

/** Records script errors on `page`. */
function errorsOf(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

/**
 * Empties the browser's HTTP cache, as a phone short of space does long
 * before it touches the service worker's caches: from then on a file comes
 * from the service worker's cache or from the server, and the test host
 * logs every request that reaches it.
 */
async function evictHttpCache(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

async function assertNoCspViolation(page, where) {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], `no CSP violation ${where}`);
}

const h1 = (page) => page.locator('main h1').first();

/** `promise`, or a failure saying `message` after `ms`. */
async function within(promise, ms, message) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  try { return await Promise.race([promise, late]); } finally { clearTimeout(timer); }
}

test('a tab on the old version can open a screen it has not visited while the new version waits, and every tab moves over with a half-typed draft when the user agrees', async () => {
  const a = await describeBuild(DIST);
  const b = await makeBuild(DIST, 'b');
  const host = await startHost(DIST);
  const { context, close } = await launch();
  // The screens one tap from Home are preloaded, hundreds of modules: the
  // browser's default buffer of 250 resource timings would drop the ones
  // this test reads.
  await context.addInitScript(() => performance.setResourceTimingBufferSize(100000));
  try {
    const page = await context.newPage();
    const errors = errorsOf(page);
    await openApp(page, host.url, '/');
    await waitForServiceWorker(page);
    assert.equal(await loaderOf(page), a.loader);
    const journal = await context.newPage();
    const journalErrors = errorsOf(journal);
    await openApp(journal, host.url, '/journal/new');

    // Build B is deployed: none of A's chunks is on the server any more.
    host.setRoot(b.dir);
    const deployedAt = host.requests.length;
    assert.equal(await checkForUpdate(page), 'installed', 'B installs and waits');
    await updateButton(page).waitFor({ timeout: 20000 });
    await updateButton(journal).waitFor({ timeout: 20000 });
    assert.ok(await updateText(page).isVisible());
    // The A tab opens screens it has never opened: their chunks are A's,
    // and come from A's cache (the HTTP cache, which also holds them, is
    // emptied first).
    await evictHttpCache(context, page);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tools', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tools' }).waitFor({ timeout: 10000 });
    await page.getByRole('main').getByRole('link', { name: 'Craving tools', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ride out a craving' }).waitFor({ timeout: 10000 });
    await page.getByRole('group', { name: 'How strong is the craving right now?' })
      .getByRole('radio', { name: '8', exact: true }).check();
    await page.getByRole('button', { name: 'Start urge surfing' }).click();
    await page.getByRole('timer').waitFor({ timeout: 5000 });
    assert.ok(await page.getByRole('button', { name: 'Pause timer' }).isVisible(), 'the craving timer runs');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'nothing reloaded the tab');
    assert.equal(await loaderOf(page), a.loader, 'the tab still runs A');
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname).filter((p) => p.includes('craving_route')));
    assert.ok(loaded.length > 0 && loaded.every((p) => a.files.includes(p)), `the craving screen's code is A's: ${loaded}`);
    const bFiles = new Set(b.files);
    const strays = host.requests.slice(deployedAt).filter((p) => !bFiles.has(p) && p !== '/sw.js');
    assert.deepEqual(strays, [], 'the A tab asked the server for none of its files');
    assert.ok(await updateButton(page).isVisible(), 'the notice is still there');
    let reg = await registration(page);
    assert.equal(reg.active, 'activated');
    assert.equal(reg.waiting, 'installed');
    assert.deepEqual(reg.caches, [a.cache, b.cache].sort(), 'both builds are cached while B waits');
    await assertNoCspViolation(page, 'on A while B waits');
    await assertNoCspViolation(journal, 'on A while B waits');

    // The user starts a note in the other tab, and updates from this one
    // before the note's autosave has run: every tab reloads onto B.
    await journal.getByRole('textbox', { name: /note/i }).fill('Half a thought, typed as the update came');
    const reloaded = [page.waitForEvent('load'), journal.waitForEvent('load')];
    await updateButton(page).click();
    await Promise.all(reloaded);
    for (const p of [page, journal]) {
      await p.waitForSelector('[data-app-ready]', { timeout: 20000 });
      await p.waitForSelector('main h1', { timeout: 20000 });
      assert.equal(await loaderOf(p), b.loader, 'the tab runs B');
      assert.equal(await updateButton(p).count(), 0, 'no notice on B');
    }
    assert.equal(await h1(page).textContent(), 'Ride out a craving');
    assert.equal(await journal.getByRole('textbox', { name: /note/i }).inputValue(), 'Half a thought, typed as the update came');
    reg = await registration(page);
    assert.equal(reg.waiting, null);
    assert.deepEqual(reg.caches, [b.cache], "only B's cache is left");
    await assertNoCspViolation(page, 'on B');
    await assertNoCspViolation(journal, 'on B');
    assert.deepEqual([...errors, ...journalErrors], [], 'no script errors');
  } finally {
    await close();
    await host.close();
    await rm(b.dir, { recursive: true, force: true });
  }
});

test('an update cut off half-way never activates a partial cache, the old version keeps working offline, and the update installs cleanly once the network returns', async () => {
  const a = await describeBuild(DIST);
  const b = await makeBuild(DIST, 'c');
  const host = await startHost(DIST);
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = errorsOf(page);
    await openApp(page, host.url, '/');
    await waitForServiceWorker(page);

    // B is deployed, and the signal drops half-way through one of its chunks.
    const chunks = b.files.filter((f) => f.endsWith('.wasm'));
    const victim = chunks[chunks.length >> 1];
    host.setRoot(b.dir);
    host.cut(victim);
    assert.equal(await checkForUpdate(page), 'redundant', 'the install of B fails');
    assert.ok(host.requests.includes(victim), `the install asked for ${victim}`);
    await page.waitForTimeout(3000);
    assert.equal(await updateButton(page).count(), 0, 'no update is offered');
    let reg = await registration(page);
    assert.deepEqual([reg.active, reg.waiting, reg.installing], ['activated', null, null], 'A stays, nothing waits');
    assert.deepEqual(reg.caches, [a.cache], 'no half-filled cache of B is left behind');
    await assertNoCspViolation(page, 'after the failed update');

    // The app keeps running A, offline too, on every kind of screen and in a
    // new tab, from A's cache alone.
    await evictHttpCache(context, page);
    await goOffline(context, host);
    for (const route of ['/guide/3', '/journal/new', '/tools/craving', '/tools/treatment', '/insights', '/help', '/settings', '/']) {
      await page.goto(host.url + route);
      await page.waitForSelector('[data-app-ready]', { timeout: 10000 });
      await page.waitForSelector('main h1', { timeout: 10000 });
      const text = (await h1(page).textContent()).trim();
      assert.ok(text.length > 0 && text !== 'We could not find that page', `${route} opens offline: ${text}`);
      assert.equal(await loaderOf(page), a.loader, `${route} runs A`);
      await assertNoCspViolation(page, `on ${route} offline`);
    }
    const fresh = await context.newPage();
    await openApp(fresh, host.url, '/tools/craving');
    assert.equal(await loaderOf(fresh), a.loader);
    await fresh.close();

    // The network returns, with all of B: coming back online is the next
    // check for an update (boot.js), and this time B installs in full. The
    // checks the browser schedules after each visit have run, offline, by
    // then, so the one that finds B is the app's own.
    await page.waitForTimeout(3000);
    host.cut(null);
    host.setOffline(false);
    await context.setOffline(false);
    await updateButton(page).waitFor({ timeout: 30000 });
    reg = await registration(page);
    assert.equal(reg.waiting, 'installed');
    assert.deepEqual(reg.caches, [a.cache, b.cache].sort());
    await Promise.all([page.waitForEvent('load'), updateButton(page).click()]);
    await page.waitForSelector('[data-app-ready]', { timeout: 20000 });
    await page.waitForSelector('main h1', { timeout: 20000 });
    assert.equal(await loaderOf(page), b.loader, 'the tab runs B');
    reg = await registration(page);
    assert.deepEqual(reg.caches, [b.cache]);
    await assertNoCspViolation(page, 'on B');

    // B's cache is complete: B opens its screens offline.
    await evictHttpCache(context, page);
    await goOffline(context, host);
    for (const route of ['/tools/craving', '/guide/3', '/settings']) {
      await page.goto(host.url + route);
      await page.waitForSelector('main h1', { timeout: 10000 });
      assert.notEqual((await h1(page).textContent()).trim(), 'We could not find that page');
      assert.equal(await loaderOf(page), b.loader);
    }
    await assertNoCspViolation(page, 'on B offline');
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), [], 'no script errors');
  } finally {
    await close();
    await host.close();
    await rm(b.dir, { recursive: true, force: true });
  }
});

test('a new version is found on the next visit even when the host lets browsers cache sw.js for a day, and a tab opened while it downloads is told too', async () => {
  const a = await describeBuild(DIST);
  const b = await makeBuild(DIST, 'd');
  const host = await startHost(DIST, { maxAge: 86400 });
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, host.url, '/');
    await waitForServiceWorker(page);
    assert.equal(await loaderOf(page), a.loader);
    // boot.js asks for the strictest setting: no update check of sw.js, or
    // of any script it imports, is ever answered from the HTTP cache.
    assert.equal((await registration(page)).updateViaCache, 'none');

    // B is deployed while the browser holds A's sw.js, fresh for a day. One
    // of B's chunks is slow to come, so its install takes a while.
    host.setRoot(b.dir);
    const slow = host.hold(b.files.filter((f) => f.endsWith('.wasm'))[7]);
    const swAsked = host.requests.filter((p) => p === '/sw.js').length;

    // The next visit: the browser checks for an update by itself.
    await openApp(page, host.url, '/journal');
    await within(slow.reached, 20000, 'the new sw.js was not found: no file of B was asked for');
    assert.ok(host.requests.filter((p) => p === '/sw.js').length > swAsked, 'sw.js was asked of the server, not the HTTP cache');

    // A tab opened while B is still downloading.
    const other = await context.newPage();
    await openApp(other, host.url, '/guide');
    assert.equal((await registration(other)).installing, 'installing');
    slow.release();
    await updateButton(page).waitFor({ timeout: 20000 });
    await updateButton(other).waitFor({ timeout: 20000 });
    assert.equal(await loaderOf(other), a.loader, 'nothing has switched yet');
    await assertNoCspViolation(page, 'on A with B waiting');
    await assertNoCspViolation(other, 'on A with B waiting');

    await Promise.all([page.waitForEvent('load'), other.waitForEvent('load'), updateButton(other).click()]);
    for (const p of [page, other]) {
      await p.waitForSelector('main h1', { timeout: 20000 });
      assert.equal(await loaderOf(p), b.loader, 'the tab runs B');
      await assertNoCspViolation(p, 'on B');
    }
  } finally {
    await close();
    await host.close();
    await rm(b.dir, { recursive: true, force: true });
  }
});
