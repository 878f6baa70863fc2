// Measures the release build and prints one table (figure, before, after,
// target, met) and one JSON object (also written to
// bench-results/latest.json). Run it through `bash scripts/bench.sh`, which
// builds first. It measures; it never fails because a figure missed its
// target (the table says which did).
//
// The build measured ("after") is $WAYMARK_DIST, else dist/. With
// --before=DIR an older build folder is measured in the same run, on its own
// port (so its own origin, service worker and storage), and fills the
// "before" column. The timed figures take the builds (and the data sets) in
// turn, run by run, so a busy moment of the machine falls on all of them
// alike.
//
// Default figures, in headless Debian Chromium driven by playwright-core:
//  1. first load of /: every file the page fetches from the network until
//     the app is ready ([data-app-ready] and the app's own `main h1`), icons
//     and the manifest excluded, fresh profile; each body compressed with
//     brotli (quality 11) and summed; the list of files is printed too;
//  2. Lighthouse (mobile preset) on an empty store: performance, LCP, TBT,
//     CLS (median of --lighthouse-runs, default 3);
//  3. cold start to the home clean-time card, served by the service worker,
//     4x CPU, empty store (median of 5 after a warm-up);
//  4. the same with ten years of history (examples/gen_history.rs), and
//     what the ten years add;
//  5. fresh profile (no service worker yet) to Help's phone numbers on
//     screen, 1x (median of 5, each in a fresh profile);
//  6. opening a screen not yet opened in the page, its code from the
//     service worker's cache, 4x CPU: from the click on the link to the
//     screen's h1 on screen (median over Tools, Journal, Guide, Settings).
//  Plus the sizes from scripts/sizes.mjs (files named by index.html, the
//  precache).
//
// Optional figures (slow): --journal (the journal at 1x and 4x, empty and
// ten years: cold start to the journal, the whole history read, saving one
// check-in, opening the insights, the longest task while typing), --unlock
// (the passphrase lock, empty and five years, 1x and 4x), --capacity (years
// of daily check-ins that fit in the quota), --all (all three).
//
// Options: --before=DIR, --quick (fewer repetitions, to try the script out),
// --lighthouse-runs=N, --no-lighthouse, --only=empty|ten (data sets of
// --journal), --unlock-only (just the lock figures).
import { execFile as execFileCb } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, writeFile, readFile, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import os from 'node:os';
import { startServer, launch, waitForServiceWorker, ROOT, DIST } from '../tests/e2e/support.mjs';

const execFile = promisify(execFileCb);
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name) => { const a = argv.find((x) => x.startsWith(name + '=')); return a ? a.slice(name.length + 1) : null; };
const QUICK = flag('--quick');
const ALL = flag('--all');
const UNLOCK_ONLY = flag('--unlock-only');
const LIGHTHOUSE_RUNS = flag('--no-lighthouse') || UNLOCK_ONLY ? 0 : Number(value('--lighthouse-runs') ?? (QUICK ? 1 : 3));
const JOURNAL = (ALL || flag('--journal')) && !UNLOCK_ONLY;
const UNLOCK = ALL || flag('--unlock') || UNLOCK_ONLY;
const CAPACITY = (ALL || flag('--capacity')) && !UNLOCK_ONLY;
const ONLY = value('--only') || '';
const BEFORE = value('--before') ? resolve(value('--before')) : null;

const COLD_RUNS = QUICK ? 2 : 5; // measured cold starts per case (after one warm-up)
const HELP_RUNS = QUICK ? 2 : 5; // fresh profiles to Help
const SCREEN_RUNS = QUICK ? 1 : 2; // per screen, each in a new page
const SAVES = QUICK ? 10 : 50;
const TYPED_CHARS = 200;
const RATES = [1, 4];
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT_DIR = join(ROOT, 'bench-results');
const BIG = 256 * 1024 * 1024;
// The screens of figure 6, and how a user gets there from home.
const SCREENS = [
  { path: '/tools', name: 'Tools', where: 'nav' },
  { path: '/journal', name: 'Journal', where: 'nav' },
  { path: '/guide', name: 'Guide', where: 'nav' },
  { path: '/settings', name: 'Settings', where: 'header' },
];

const log = (...a) => console.error('bench:', ...a);
const median = (xs) => {
  xs = xs.filter((x) => x != null);
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const pad2 = (n) => String(n).padStart(2, '0');
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
};
const brotli = (buf) => brotliCompressSync(buf, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The sizes of `dir`, from the existing scripts/sizes.mjs (its JSON line). */
async function sizes(dir) {
  const { stdout } = await execFile(process.execPath, [join(ROOT, 'scripts', 'sizes.mjs'), '--quiet'], {
    env: { ...process.env, WAYMARK_DIST: dir }, maxBuffer: BIG,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('{"sizes"'));
  if (!line) throw new Error('scripts/sizes.mjs printed no JSON line');
  return JSON.parse(line);
}

/**
 * Runs the history generator: $GEN_HISTORY if set, else the example built by
 * scripts/bench.sh, else through `cargo run`.
 */
async function generator(args) {
  const built = join(ROOT, 'target', 'release', 'examples', 'gen_history');
  const bin = process.env.GEN_HISTORY || (existsSync(built) ? built : null);
  const [cmd, cmdArgs] = bin
    ? [bin, args]
    : ['cargo', ['run', '--release', '--quiet', '--offline', '--example', 'gen_history', '--', ...args]];
  const { stdout, stderr } = await execFile(cmd, cmdArgs, { cwd: ROOT, maxBuffer: BIG });
  if (stderr.trim()) log(stderr.trim());
  return JSON.parse(stdout);
}

// ---------------------------------------------------------------- browser

/** Lets the page settle: two frames and a quiet moment. */
async function settle(page, ms = 500) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(ms);
}

/** A new page with the CPU slowdown (and an init script) applied before navigation. */
async function throttledPage(context, rate, probe, arg) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (probe) await page.addInitScript(probe, arg);
  return page;
}

/**
 * A fresh profile that has made its first visit: the service worker controls
 * the page with every file of the build cached, and `data` is in storage.
 */
async function installed(server, data = {}) {
  const browser = await launch();
  const first = await browser.context.newPage();
  await first.goto(server.url + '/');
  await first.waitForSelector('[data-app-ready]', { timeout: 60000 });
  await waitForServiceWorker(first, 60000);
  const keys = await first.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    return localStorage.length;
  }, data);
  await first.close();
  return { ...browser, keys };
}

/** Whether the app (not the boot screen in index.html) has drawn its heading. */
function appDrawnScript() {
  return !!document.querySelector('[data-app-ready]')
    && [...document.querySelectorAll('main h1')].some((h) => !h.closest('#boot'));
}

// ---- 1. first load

/** Every file a first visit to / fetches before the app is ready. */
async function firstLoad(server, dir) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    // Page-side: the moment the app is ready (same clock as Date.now() here).
    await page.addInitScript(() => {
      const drawn = () => !!document.querySelector('[data-app-ready]')
        && [...document.querySelectorAll('main h1')].some((h) => !h.closest('#boot'));
      const obs = new MutationObserver(() => {
        if (window.__readyAt === undefined && drawn()) { window.__readyAt = Date.now(); window.__readyPerf = performance.now(); obs.disconnect(); }
      });
      obs.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-app-ready'] });
    });
    const seen = [];
    page.on('request', (req) => seen.push({ req, at: Date.now() }));
    await page.goto(server.url + '/', { timeout: 120000 });
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 120000 });
    const { readyAt, readyMs } = await page.evaluate(() => ({ readyAt: window.__readyAt, readyMs: window.__readyPerf }));
    const files = [];
    const excluded = [];
    for (const { req, at } of seen) {
      if (at > readyAt) continue; // asked for after the app was ready
      const url = new URL(req.url());
      if (url.origin !== server.url) continue;
      const path = url.pathname;
      if (path.startsWith('/icons/') || extname(path) === '.webmanifest' || path === '/favicon.ico') { excluded.push(path); continue; }
      const res = await req.response().catch(() => null);
      if (!res) { files.push({ path, raw: 0, brotli: 0, status: 'failed' }); continue; }
      if (res.fromServiceWorker()) { excluded.push(path + ' (from the service worker)'); continue; }
      let body = await res.body().catch(() => null);
      if (!body) body = await readFile(join(dir, extname(path) ? path : '/index.html'));
      files.push({ path, status: res.status(), raw: body.length, brotli: brotli(body) });
    }
    const paths = files.map((f) => f.path);
    return {
      files,
      count: files.length,
      raw: files.reduce((a, f) => a + f.raw, 0),
      brotli: files.reduce((a, f) => a + f.brotli, 0),
      duplicates: [...new Set(paths.filter((p, i) => paths.indexOf(p) !== i))],
      excluded,
      readyMs: round(readyMs),
    };
  } finally {
    await close();
  }
}

// ---- 2. Lighthouse

async function lighthouseOnce(server, out) {
  const bin = join(ROOT, 'node_modules', '.bin', 'lighthouse');
  await execFile(bin, [
    server.url + '/',
    '--output=json', `--output-path=${out}`, '--quiet',
    '--only-categories=performance,accessibility,best-practices',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic --disable-dev-shm-usage',
  ], { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: BIG, timeout: 300000 });
  const lhr = JSON.parse(await readFile(out, 'utf8'));
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const num = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: round(num('largest-contentful-paint'), 0),
    tbtMs: round(num('total-blocking-time'), 0),
    cls: round(num('cumulative-layout-shift'), 3),
    formFactor: lhr.configSettings?.formFactor,
    lighthouseVersion: lhr.lighthouseVersion,
  };
}

/** The median of each figure over `all` runs; the median run's report is kept as `report`. */
async function lighthouseSummary(all, report) {
  const pick = (k) => median(all.map((r) => r[k]));
  const byScore = [...all].sort((a, b) => a.performance - b.performance)[Math.floor((all.length - 1) / 2)];
  await copyFile(byScore.report, report);
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    cls: pick('cls'),
    runs: all.length,
    all: all.map(({ report: _r, formFactor: _f, lighthouseVersion: _v, ...r }) => r),
    formFactor: all[0]?.formFactor,
    lighthouseVersion: all[0]?.lighthouseVersion,
    report,
  };
}

/** Lighthouse `runs` times per build, the builds in turn. */
async function lighthouseAll(builds, runs) {
  await mkdir(OUT_DIR, { recursive: true });
  const all = builds.map(() => []);
  const errors = builds.map(() => null);
  for (let i = 0; i < runs; i++) {
    for (const [k, b] of builds.entries()) {
      const out = join(OUT_DIR, `lighthouse-${b.label}-${i + 1}.json`);
      try {
        all[k].push({ ...(await lighthouseOnce(b.server, out)), report: out });
      } catch (e) {
        errors[k] = String(e.message || e).split('\n')[0];
        log(`lighthouse (${b.label}) failed:`, errors[k]);
      }
    }
  }
  return Promise.all(builds.map((b, k) => (all[k].length
    ? lighthouseSummary(all[k], join(OUT_DIR, b.label === 'after' ? 'lighthouse.json' : `lighthouse-${b.label}.json`))
    : { error: errors[k] || 'no run' })));
}

// ---- 3 and 4. cold start to the clean-time card

/**
 * Installed before the app runs: performance.now() when the app's clean-time
 * card has its real content (the boot screen's copy is gone and it no longer
 * says it is counting), and again after the next frame ("on screen").
 */
function cleanTimeProbe() {
  const check = () => {
    if (window.__cardShown !== undefined || document.getElementById('boot')) return;
    const card = document.querySelector('main section.clean-time');
    if (!card) return;
    // "Counting your clean days…" is the placeholder; "Counting from your
    // first check-in" (when no start date is set) is real content.
    if (card.textContent.replace(/Counting from your first check-in/g, '').includes('Counting')) return;
    window.__cardShown = performance.now();
    window.__cardText = card.textContent.trim().replace(/\s+/g, ' ').slice(0, 120);
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__cardPainted = performance.now(); }, 0));
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, characterData: true });
}

/** One cold start (a new tab) to the home clean-time card at `rate`. */
async function coldHomeOnce(context, server, rate) {
  const page = await throttledPage(context, rate, cleanTimeProbe);
  try {
    const before = server.requests.length;
    const asked = [];
    page.on('request', (req) => asked.push(new URL(req.url()).pathname));
    await page.goto(server.url + '/', { waitUntil: 'commit', timeout: 120000 });
    await page.waitForFunction(() => window.__cardPainted !== undefined, null, { timeout: 120000 });
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        shown: window.__cardShown,
        painted: window.__cardPainted,
        text: window.__cardText,
        controlled: !!navigator.serviceWorker.controller,
        workerStart: nav ? nav.workerStart : 0,
      };
    });
    // Only the service worker's own update check may reach the server.
    const fetched = server.requests.slice(before).filter((p) => p !== '/sw.js');
    r.fromServiceWorker = r.controlled && r.workerStart > 0 && fetched.length === 0;
    r.networkRequests = fetched;
    // .wasm files the page asked for (the service worker answers them).
    r.modules = asked.filter((p) => extname(p) === '.wasm').length;
    return r;
  } finally {
    await page.close();
  }
}

/**
 * Cold starts from the service worker for several cases at once (each build
 * with each data set, each in its own installed profile), taken in turn:
 * one run of every case, then the next, so a busy moment of the machine
 * falls on all of them alike. One warm-up each, then COLD_RUNS measured.
 */
async function coldHomeAll(cases, rate) {
  const profiles = [];
  try {
    for (const c of cases) profiles.push(await installed(c.server, c.data));
    const runs = cases.map(() => []);
    for (let i = 0; i <= COLD_RUNS; i++) {
      for (const [k, c] of cases.entries()) {
        const r = await coldHomeOnce(profiles[k].context, c.server, rate);
        if (i > 0) runs[k].push(r); // the first is the warm-up
      }
    }
    return cases.map((c, k) => ({
      rate,
      storedKeys: profiles[k].keys,
      medianMs: round(median(runs[k].map((r) => r.painted))),
      domMedianMs: round(median(runs[k].map((r) => r.shown))),
      runsMs: runs[k].map((r) => round(r.painted)),
      fromServiceWorker: runs[k].every((r) => r.fromServiceWorker),
      networkRequests: [...new Set(runs[k].flatMap((r) => r.networkRequests))],
      modules: Math.max(...runs[k].map((r) => r.modules)),
      cardText: runs[k][0]?.text,
    }));
  } finally {
    for (const p of profiles) await p.close();
  }
}

// ---- 5. Help from a fresh profile

/** Installed before the page runs: when a tel: link is first visible in main, and after the next frame. */
function telProbe() {
  const visible = (el) => {
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const check = () => {
    if (window.__telShown !== undefined) return;
    const link = [...document.querySelectorAll('main a[href^="tel:"]')].find(visible);
    if (!link) return;
    window.__telShown = performance.now();
    window.__telSource = link.closest('#boot') ? 'static help page (boot.js)' : 'app';
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__telPainted = performance.now(); }, 0));
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'class', 'style'] });
}

/** One fresh profile to a tel: link on screen on /help, 1x. */
async function helpOnce(server) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(telProbe);
    const asked = [];
    page.on('request', (req) => asked.push(new URL(req.url()).pathname));
    await page.goto(server.url + '/help', { waitUntil: 'commit', timeout: 120000 });
    await page.waitForFunction(() => window.__telPainted !== undefined, null, { timeout: 120000 });
    const r = await page.evaluate(() => ({
      shown: window.__telShown,
      painted: window.__telPainted,
      source: window.__telSource,
      links: document.querySelectorAll('main a[href^="tel:"]').length,
    }));
    // Files (and of them .wasm) the page had asked for by then.
    return { ...r, files: asked.length, modules: asked.filter((p) => extname(p) === '.wasm').length };
  } finally {
    await close();
  }
}

/** HELP_RUNS fresh profiles per build, the builds in turn. */
async function helpAll(servers) {
  const runs = servers.map(() => []);
  for (let i = 0; i < HELP_RUNS; i++) {
    for (const [k, server] of servers.entries()) runs[k].push(await helpOnce(server));
  }
  return runs.map((rs) => ({
    rate: 1,
    medianMs: round(median(rs.map((r) => r.painted))),
    domMedianMs: round(median(rs.map((r) => r.shown))),
    runsMs: rs.map((r) => round(r.painted)),
    source: [...new Set(rs.map((r) => r.source))].join(', '),
    telLinks: rs[0]?.links ?? 0,
    files: Math.max(...rs.map((r) => r.files)),
    modules: Math.max(...rs.map((r) => r.modules)),
  }));
}

// ---- 6. a screen not yet opened in the page

/** From home (a new tab, 4x), clicks the link to `screen`; ms from the click to its h1 on screen. */
async function openScreen(context, server, screen, rate) {
  const page = await throttledPage(context, rate);
  try {
    await page.goto(server.url + '/', { timeout: 120000 });
    await page.waitForFunction(appDrawnScript, null, { timeout: 120000 });
    await settle(page, 1000);
    const before = server.requests.length;
    // The files the page asks for from the click on (the service worker
    // answers them from its cache): how many modules the screen needed.
    const asked = [];
    page.on('request', (req) => asked.push(new URL(req.url()).pathname));
    await page.evaluate(() => {
      const old = [...document.querySelectorAll('main h1')];
      window.__screen = undefined;
      window.__clickAt = undefined;
      document.addEventListener('click', (e) => { if (window.__clickAt === undefined) window.__clickAt = e.timeStamp; }, { capture: true, once: true });
      const obs = new MutationObserver(() => {
        if (window.__screen !== undefined || window.__clickAt === undefined) return;
        const h1 = [...document.querySelectorAll('main h1')].find((h) => !old.includes(h) && !h.closest('#boot') && h.textContent.trim());
        if (!h1) return;
        obs.disconnect();
        window.__screen = { shown: performance.now(), heading: h1.textContent.trim() };
        requestAnimationFrame(() => setTimeout(() => { window.__screen.painted = performance.now(); }, 0));
      });
      obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    // The link by role and name, where a user finds it; else an ordinary
    // in-app link, which the router follows like any other.
    const scope = screen.where === 'nav' ? page.getByRole('navigation', { name: 'Main' }) : page.locator('header');
    const link = scope.getByRole('link', { name: screen.name, exact: true }).first();
    let via = screen.where;
    if (await link.count()) {
      await link.click();
    } else {
      via = 'in-app link';
      await page.evaluate((path) => {
        const a = document.createElement('a');
        a.href = path;
        a.textContent = path;
        document.body.appendChild(a);
        a.click();
      }, screen.path);
    }
    await page.waitForFunction(() => window.__screen && window.__screen.painted !== undefined, null, { timeout: 120000 });
    const r = await page.evaluate(() => ({
      ms: window.__screen.painted - window.__clickAt,
      domMs: window.__screen.shown - window.__clickAt,
      heading: window.__screen.heading,
      path: location.pathname,
      controlled: !!navigator.serviceWorker.controller,
    }));
    const fetched = server.requests.slice(before).filter((p) => p !== '/sw.js');
    const modules = asked.filter((p) => extname(p) === '.wasm');
    return {
      screen: screen.path, via, ...r, ms: round(r.ms), domMs: round(r.domMs),
      modules: modules.length, otherFiles: asked.filter((p) => extname(p) !== '.wasm'),
      fromCache: r.controlled && fetched.length === 0, networkRequests: fetched,
    };
  } finally {
    await page.close();
  }
}

/** Every screen SCREEN_RUNS times per build (each build installed in its own profile), the builds in turn. */
async function unvisitedAll(servers, rate) {
  const profiles = [];
  try {
    for (const server of servers) profiles.push(await installed(server));
    const runs = servers.map(() => []);
    for (let i = 0; i < SCREEN_RUNS; i++) {
      for (const screen of SCREENS) {
        for (const [k, server] of servers.entries()) runs[k].push(await openScreen(profiles[k].context, server, screen, rate));
      }
    }
    return runs.map((rs) => {
      const per = {};
      const modules = {};
      for (const s of SCREENS) {
        const mine = rs.filter((r) => r.screen === s.path);
        per[s.path] = round(median(mine.map((r) => r.ms)));
        modules[s.path] = Math.max(...mine.map((r) => r.modules));
      }
      return {
        rate,
        medianMs: round(median(rs.map((r) => r.ms))),
        domMedianMs: round(median(rs.map((r) => r.domMs))),
        perScreenMs: per,
        modulesPerScreen: modules,
        runs: rs.map(({ networkRequests: _n, ...r }) => r),
        fromCache: rs.every((r) => r.fromCache),
        networkRequests: [...new Set(rs.flatMap((r) => r.networkRequests))],
      };
    });
  } finally {
    for (const p of profiles) await p.close();
  }
}

// ---- optional: the journal (--journal)

/**
 * Installed before the app runs: records performance.now() when the journal
 * (an entry, or the empty-state card) is first in the DOM, and again after
 * the next frame has been drawn (the figure we report as "on screen").
 */
function journalProbe() {
  const sel = 'ul.journal-day__list li, .journal-empty';
  const check = () => {
    if (window.__journalShown === undefined && document.querySelector(sel)) {
      window.__journalShown = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__journalPainted = performance.now(); }, 0));
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true });
  // Long tasks from the very start, for the typing measure (filtered later).
  window.__longTasks = [];
  window.__events = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__events.push([e.startTime, e.duration, e.name]); })
      .observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch { /* older engine: the figure stays empty */ }
}

/** One cold start: navigation start to the journal on screen. */
async function coldStart(context, server, rate) {
  const page = await throttledPage(context, rate, journalProbe);
  const before = server.requests.length;
  await page.goto(server.url + '/journal', { waitUntil: 'commit', timeout: 120000 });
  await page.waitForFunction(() => window.__journalPainted !== undefined, null, { timeout: 120000 });
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      shown: window.__journalShown,
      painted: window.__journalPainted,
      workerStart: nav ? nav.workerStart : 0,
      controlled: !!navigator.serviceWorker.controller,
      entries: document.querySelectorAll('ul.journal-day__list li').length,
      keys: localStorage.length,
    };
  });
  // The rest of the history is read after the first draw, in short tasks:
  // when it is all there (the journal's count stops saying it is reading),
  // and the longest task from the first draw until then.
  await page.waitForFunction(() => {
    const c = document.querySelector('.journal-count');
    return !c || !c.textContent.includes('Reading');
  }, null, { timeout: 120000 });
  Object.assign(r, await page.evaluate(() => ({
    completeMs: performance.now(),
    longestLoadTaskMs: Math.max(0, ...window.__longTasks.filter(([s]) => s >= window.__journalShown).map(([, d]) => d)),
  })));
  // Only the service worker's own update check may reach the server.
  const fetched = server.requests.slice(before).filter((p) => p !== '/sw.js');
  r.fromServiceWorker = r.controlled && r.workerStart > 0 && fetched.length === 0;
  r.networkRequests = fetched;
  return { page, r };
}

/** From the journal, follows a link to /insights; ms to heading + first chart on screen. */
async function openInsights(page) {
  await settle(page);
  await page.evaluate(() => {
    window.__insights = undefined;
    const done = () => {
      const h1 = document.querySelector('main h1');
      return h1 && h1.textContent.trim() === 'Insights' && document.querySelector('figure.chart svg, .insights__empty');
    };
    const obs = new MutationObserver(() => {
      if (window.__insights === undefined && done()) {
        obs.disconnect();
        const shown = performance.now();
        window.__insights = { shown };
        requestAnimationFrame(() => setTimeout(() => { window.__insights.painted = performance.now(); }, 0));
      }
    });
    obs.observe(document.body, { childList: true, subtree: true });
    // A real link if the page has one; otherwise an ordinary link the router
    // follows like any other in-app link.
    let a = document.querySelector('a[href="/insights"]');
    if (!a) {
      a = document.createElement('a');
      a.href = '/insights';
      a.textContent = 'Insights';
      document.body.appendChild(a);
    }
    window.__insightsStart = performance.now();
    a.click();
  });
  await page.waitForFunction(() => window.__insights && window.__insights.painted !== undefined, null, { timeout: 120000 });
  return page.evaluate(() => ({
    ms: Math.round((window.__insights.painted - window.__insightsStart) * 10) / 10,
    domMs: Math.round((window.__insights.shown - window.__insightsStart) * 10) / 10,
    url: location.pathname,
    charts: document.querySelectorAll('figure.chart svg').length,
  }));
}

/** Types a note on /journal/new; the longest task (and slowest input event) while typing. */
async function typing(context, server, rate) {
  const page = await throttledPage(context, rate, journalProbe);
  await page.goto(server.url + '/journal/new', { timeout: 120000 });
  await page.waitForSelector('[data-app-ready]', { timeout: 120000 });
  const note = page.getByRole('textbox', { name: /note/i });
  await note.waitFor({ timeout: 120000 });
  await note.click();
  await settle(page, 1000);
  const t0 = await page.evaluate(() => performance.now());
  const text = ('One day at a time. Called Sam after work and the craving passed. ').repeat(4).slice(0, TYPED_CHARS);
  await page.keyboard.type(text, { delay: 20 });
  await settle(page, 500);
  const r = await page.evaluate((start) => ({
    longTasks: window.__longTasks.filter(([s]) => s >= start).map(([, d]) => d),
    events: window.__events.filter(([s]) => s >= start).map(([, d]) => d),
    typed: document.querySelector('textarea')?.value.length ?? 0,
  }), t0);
  await page.close();
  return {
    longestTaskMs: r.longTasks.length ? round(Math.max(...r.longTasks)) : 0,
    longTasks: r.longTasks.length,
    // Event Timing: the slowest key press from input to the next paint (like INP).
    slowestInputMs: r.events.length ? round(Math.max(...r.events)) : 0,
    typedChars: r.typed,
  };
}

/** Saves SAVES check-ins through the form; the app's "waymark:save" measures. */
async function saves(context, server, rate) {
  const page = await throttledPage(context, rate, journalProbe);
  await page.goto(server.url + '/journal', { timeout: 120000 });
  await page.waitForSelector('[data-app-ready]', { timeout: 120000 });
  const note = ('Saved by the benchmark. ' + 'Walked to the meeting and felt calmer after. '.repeat(30)).slice(0, 1000);
  for (let i = 0; i < SAVES; i++) {
    await page.getByRole('link', { name: 'New check-in' }).first().click();
    const box = page.getByRole('textbox', { name: /note/i });
    await box.waitFor({ timeout: 120000 });
    await page.getByRole('radio', { name: 'Good', exact: true }).check();
    await box.fill(note);
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.waitForURL(/\/journal$/, { timeout: 120000 });
  }
  const durations = await page.evaluate(() => performance.getEntriesByName('waymark:save').map((e) => e.duration));
  await page.close();
  return {
    medianMs: round(median(durations), 2),
    maxMs: durations.length ? round(Math.max(...durations), 2) : null,
    count: durations.length,
    durations: durations.map((d) => round(d, 2)),
  };
}

/** The journal figures for one data set at one CPU rate, in a fresh profile. */
async function journalScenario(server, data, rate) {
  const { context, close, keys } = await installed(server, data);
  try {
    // Cold starts (one warm-up, then COLD_RUNS measured).
    const runs = [];
    let last;
    for (let i = 0; i <= COLD_RUNS; i++) {
      const { page, r } = await coldStart(context, server, rate);
      if (i > 0) runs.push(r);
      if (i < COLD_RUNS) await page.close();
      else last = page;
    }
    // Opening the insights, from the last cold start's journal.
    const insights = await openInsights(last);
    await last.close();
    // Typing, then saving (saves add entries, so they come last).
    const typed = await typing(context, server, rate);
    const saved = await saves(context, server, rate);
    return {
      rate,
      seededKeys: keys,
      coldStart: {
        medianMs: round(median(runs.map((r) => r.painted))),
        domMedianMs: round(median(runs.map((r) => r.shown))),
        runsMs: runs.map((r) => round(r.painted)),
        // The whole history read (older records come in after the first draw).
        completeMedianMs: round(median(runs.map((r) => r.completeMs))),
        longestLoadTaskMs: round(Math.max(...runs.map((r) => r.longestLoadTaskMs))),
        fromServiceWorker: runs.every((r) => r.fromServiceWorker),
        entriesOnScreen: runs[0]?.entries ?? 0,
        storedKeys: runs[0]?.keys ?? 0,
        networkRequests: [...new Set(runs.flatMap((r) => r.networkRequests))],
      },
      insights,
      typing: typed,
      save: saved,
    };
  } finally {
    await close();
  }
}

// ---- optional: the passphrase lock (--unlock)

/**
 * Turns the passphrase lock on over `data` (through Settings, as a user
 * would), reloads, unlocks, and reads the app's "waymark:unlock" measure:
 * PBKDF2 with 600,000 iterations plus opening every sealed value.
 */
async function unlockTime(server, data, rate) {
  const PASS = 'benchmark passphrase 1';
  const { context, close } = await installed(server, data);
  try {
    const page = await context.newPage();
    await page.goto(server.url + '/settings');
    await page.waitForSelector('[data-app-ready]', { timeout: 60000 });
    const section = page.getByRole('region', { name: 'Passphrase lock' });
    await section.getByLabel('New passphrase').fill(PASS);
    await section.getByLabel('Type it again').fill(PASS);
    const t0 = Date.now();
    await section.getByRole('button', { name: 'Turn on the lock' }).click();
    await section.getByText('The lock is on.').waitFor({ timeout: 300000 });
    const enableMs = Date.now() - t0;
    const sealed = await page.evaluate(() => Object.keys(localStorage).filter((k) => (localStorage.getItem(k) || '').startsWith('wme1:')).length);
    const units = await page.evaluate(() => Object.keys(localStorage).reduce((a, k) => a + k.length + localStorage.getItem(k).length, 0));
    await page.close();
    const runs = [];
    for (let i = 0; i < (QUICK ? 2 : 3); i++) {
      const p = await throttledPage(context, rate);
      await p.goto(server.url + '/journal');
      await p.getByLabel('Passphrase', { exact: true }).fill(PASS);
      await p.getByRole('button', { name: 'Unlock' }).click();
      await p.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 600000 });
      runs.push(await p.evaluate(() => performance.getEntriesByName('waymark:unlock').at(-1)?.duration ?? null));
      await p.close();
    }
    return { rate, sealedValues: sealed, storedUnits: units, enableMs, unlockMedianMs: round(median(runs)), runsMs: runs.map((r) => round(r)) };
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------- report

const KB = (n) => (n == null ? '—' : `${(n / 1024).toFixed(1)} KB`);
const MS = (n) => (n == null ? '—' : `${n.toFixed(0)} ms`);
const SIGNED = (n) => (n == null ? '—' : `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)} ms`);

/** One row per figure: [figure, before, after, target, met]. */
function rows(res) {
  const out = [];
  const b = res.before;
  const a = res.after;
  // `get` reads a figure from one build's results; `fmt` prints it; `ok`
  // (optional) says whether a value meets the target, `goal` the goal.
  const row = (figure, get, fmt, target = '', ok = null, goal = null) => {
    const safe = (r) => { try { return r ? get(r) : undefined; } catch { return undefined; } };
    const va = safe(a);
    const vb = safe(b);
    if (va === undefined && vb === undefined) return;
    let met = '';
    if (ok && va != null) met = ok(va) ? (goal && goal(va) ? 'yes (goal too)' : 'yes') : 'NO';
    out.push([figure, b ? (vb == null ? '—' : fmt(vb)) : '', va == null ? '—' : fmt(va), target, met]);
  };
  const err = (x) => (x && x.error ? undefined : x);

  row('first load of / (brotli q11, summed)', (r) => err(r.firstLoad).brotli, KB, '≤ 180 KB (goal 150)', (v) => v <= 180 * 1024, (v) => v <= 150 * 1024);
  row('  files fetched before ready', (r) => err(r.firstLoad).count, String);
  row('  the same, raw', (r) => err(r.firstLoad).raw, KB);
  row('  first load from index.html (sizes.mjs, br)', (r) => r.sizes.sizes['first load of /'].brotli, KB);
  row('  service worker precache (sizes.mjs, br)', (r) => r.sizes.sizes['precache total'].brotli, KB);

  const lh = (r) => (r.lighthouse && !r.lighthouse.error ? r.lighthouse : undefined);
  const n = a?.lighthouse?.runs ?? b?.lighthouse?.runs;
  const lhName = (s) => `Lighthouse mobile ${s}${n > 1 ? ` (median of ${n})` : ''}`;
  row(lhName('performance'), (r) => lh(r).performance, String, '≥ 90', (v) => v >= 90);
  row(lhName('LCP'), (r) => lh(r).lcpMs, (v) => `${(v / 1000).toFixed(2)} s`, '≤ 2.0 s', (v) => v <= 2000);
  row(lhName('TBT'), (r) => lh(r).tbtMs, MS, '≤ 150 ms', (v) => v <= 150);
  row(lhName('CLS'), (r) => lh(r).cls, String, '0', (v) => v === 0);
  row(lhName('accessibility'), (r) => lh(r).accessibility, String);
  for (const x of [a, b]) if (x?.lighthouse?.error) out.push([`Lighthouse (${x === a ? 'after' : 'before'})`, x === b ? `failed: ${x.lighthouse.error}` : '', x === a ? `failed: ${x.lighthouse.error}` : '', '', '']);

  const sw = (x) => (x.fromServiceWorker ? '' : ' (not from SW!)');
  const mods = (x) => (x.modules == null ? '' : ` (${x.modules} .wasm)`);
  row(`cold start to clean-time card, SW, 4x, empty (median of ${COLD_RUNS})`, (r) => err(r.coldHome.empty), (x) => MS(x.medianMs) + mods(x) + sw(x), '≤ 600 ms (goal 400)', (x) => x.medianMs <= 600, (x) => x.medianMs <= 400);
  row(`cold start to clean-time card, SW, 4x, ten years (median of ${COLD_RUNS})`, (r) => err(r.coldHome.ten), (x) => MS(x.medianMs) + mods(x) + sw(x));
  const added = (r) => { const e = err(r.coldHome.empty); const t = err(r.coldHome.ten); return e && t ? t.medianMs - e.medianMs : undefined; };
  row('  what ten years add', added, SIGNED, '≤ +250 ms (goal +150)', (v) => v <= 250, (v) => v <= 150);
  row(`fresh profile to Help's tel: links on screen, 1x (median of ${HELP_RUNS})`, (r) => err(r.help), (x) => MS(x.medianMs) + mods(x), '≤ 400 ms (goal 200)', (x) => x.medianMs <= 400, (x) => x.medianMs <= 200);
  const scr = (x) => MS(x.medianMs) + (x.fromCache ? '' : ' (not from cache!)');
  row(`unvisited screen, from cache, 4x, click to h1 (median of ${SCREENS.length * SCREEN_RUNS})`, (r) => err(r.screens), scr, '≤ 200 ms (goal 100)', (x) => x.medianMs <= 200, (x) => x.medianMs <= 100);
  const perScreen = (p) => (x) => `${MS(x.perScreenMs[p])} (${x.modulesPerScreen[p]} .wasm)`;
  for (const s of SCREENS) row(`  ${s.path} (modules loaded on the click)`, (r) => err(r.screens), perScreen(s.path));

  // Optional figures.
  const js = (r, set, rate) => r.journal.find((x) => x.data === set && x.rate === rate);
  for (const rate of RATES) {
    for (const set of ['empty', 'ten years']) {
      row(`cold start to journal, SW, ${rate}x, ${set}`, (r) => js(r, set, rate).coldStart, (x) => MS(x.medianMs) + sw(x), rate === 4 ? '≤ 500 ms' : '', rate === 4 ? (x) => x.medianMs <= 500 : null);
    }
  }
  for (const rate of RATES) {
    for (const set of ['empty', 'ten years']) {
      row(`whole history read, ${rate}x, ${set}`, (r) => js(r, set, rate).coldStart, (x) => `${MS(x.completeMedianMs)} (longest task ${MS(x.longestLoadTaskMs)})`);
    }
  }
  for (const rate of RATES) {
    for (const set of ['empty', 'ten years']) {
      row(`save one entry (median of ${SAVES}), ${rate}x, ${set}`, (r) => js(r, set, rate).save.medianMs, (v) => `${v.toFixed(2)} ms`, '≤ 2 ms', (v) => v <= 2);
    }
  }
  for (const rate of RATES) {
    for (const set of ['empty', 'ten years']) {
      row(`open insights from the journal, ${rate}x, ${set}`, (r) => js(r, set, rate).insights.ms, MS);
    }
  }
  for (const rate of RATES) {
    for (const set of ['empty', 'ten years']) {
      row(`longest task typing ${TYPED_CHARS} chars, ${rate}x, ${set}`, (r) => js(r, set, rate).typing.longestTaskMs, MS, 'no task over 50 ms', (v) => v <= 50);
    }
  }
  const un = (r, set, rate) => r.unlock.find((x) => x.data === set && x.rate === rate);
  for (const rate of RATES) {
    for (const set of ['empty', 'five years']) {
      row(`unlock with passphrase, ${rate}x, ${set}`, (r) => un(r, set, rate), (x) => `${MS(x.unlockMedianMs)} (${x.sealedValues} values)`);
    }
  }
  if (res.capacity && !res.capacity.error) {
    out.push(['capacity: years of daily 1,000-char check-ins', '', `${res.capacity.years} (${res.capacity.days} days)`, '≥ 10 years', res.capacity.years >= 10 ? 'yes' : 'NO']);
  }
  if (res.tenYears) {
    out.push(['ten-year data set in storage', '', `${(res.tenYears.units / 1e6).toFixed(2)} M units (${res.tenYears.percentOfQuota}% of quota)`, '', '']);
  }
  return out;
}

function table(res) {
  const head = ['figure', 'before', 'after', 'target', 'met'];
  const body = rows(res);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n');
}

/** The first-load files of each build, one line each. */
function fileList(res) {
  const lines = [];
  for (const [label, r] of [['after', res.after], ['before', res.before]]) {
    const fl = r?.firstLoad;
    if (!fl) continue;
    if (fl.error) { lines.push(`first load (${label}): failed: ${fl.error}`); continue; }
    lines.push(`first load of / (${label}, ${r.dist}): ${fl.count} files, ${KB(fl.brotli)} brotli, ${KB(fl.raw)} raw; app ready at ${MS(fl.readyMs)}`);
    for (const f of fl.files) lines.push(`  ${KB(f.brotli).padStart(9)} br ${KB(f.raw).padStart(9)} raw  ${f.path}${f.status === 200 ? '' : ` (${f.status})`}`);
    if (fl.duplicates.length) lines.push(`  fetched more than once: ${fl.duplicates.join(', ')}`);
    if (fl.excluded.length) lines.push(`  not counted: ${[...new Set(fl.excluded)].join(', ')}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

/** Runs `fn` and keeps its error instead of stopping the whole run. */
async function attempt(what, fn) {
  try {
    return await fn();
  } catch (e) {
    log(`${what} failed:`, e.message || e);
    return { error: String(e.message || e).split('\n')[0] };
  }
}

async function main() {
  const builds = [{ label: 'after', dir: DIST }];
  if (BEFORE) builds.unshift({ label: 'before', dir: BEFORE });
  for (const b of builds) {
    if (!existsSync(join(b.dir, 'index.html'))) throw new Error(`no build in ${b.dir}: run trunk build --release first`);
  }
  const started = new Date();
  const res = {
    when: started.toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg().map((x) => round(x, 2)) },
    options: {
      quick: QUICK, coldRuns: COLD_RUNS, helpRuns: HELP_RUNS, screenRuns: SCREEN_RUNS, screens: SCREENS.map((s) => s.path),
      lighthouseRuns: LIGHTHOUSE_RUNS, journal: JOURNAL, unlock: UNLOCK, capacity: CAPACITY, saves: SAVES, typedChars: TYPED_CHARS,
    },
  };
  try {
    res.commit = (await execFile('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })).stdout.trim();
  } catch { res.commit = null; }
  res.chromium = (await execFile(CHROMIUM, ['--version']).catch(() => ({ stdout: '' }))).stdout.trim();
  for (const b of builds) res[b.label] = { dist: b.dir };

  for (const b of builds) {
    log(`sizes (${b.label})`);
    res[b.label].sizes = await attempt('sizes', () => sizes(b.dir));
  }

  if (CAPACITY) {
    log('capacity (saving daily check-ins into a 5,242,880-unit store until it is full; about 2 minutes)');
    res.capacity = await attempt('capacity', () => generator(['--capacity']));
  }

  // The history ends today, so the insights' default "last 7 days" has data.
  const end = localToday();
  let ten = null;
  if (!UNLOCK_ONLY) {
    log(`generating ten years of history ending ${end}`);
    ten = await generator(['--years', '10', '--end', end]);
    const units = Object.entries(ten).reduce((a, [k, v]) => a + k.length + v.length, 0);
    res.tenYears = {
      end,
      keys: Object.keys(ten).length,
      checkins: Object.keys(ten).filter((k) => k.startsWith('wm:j:')).length,
      units,
      percentOfQuota: round((units * 100) / 5242880, 1),
      generator: process.env.GEN_HISTORY || 'examples/gen_history.rs',
    };
  }

  for (const b of builds) b.server = await startServer(b.dir);
  // Each figure for every build in turn (before, then after).
  const each = async (what, fn) => {
    for (const b of builds) {
      log(`${what} (${b.label})`);
      await fn(b, res[b.label]);
    }
  };
  try {
    if (!UNLOCK_ONLY) {
      await each('first load of /', async (b, r) => { r.firstLoad = await attempt('first load', () => firstLoad(b.server, b.dir)); });
      // The timed figures take every build (and data set) in turn, run by run.
      const servers = builds.map((b) => b.server);
      const put = (key, list) => { for (const [k, b] of builds.entries()) res[b.label][key] = list[k]; };
      const failed = (e) => builds.map(() => e);
      const labels = builds.map((b) => b.label).join(' and ');
      if (LIGHTHOUSE_RUNS > 0) {
        log(`lighthouse, mobile, ${LIGHTHOUSE_RUNS} run(s) each (${labels})`);
        put('lighthouse', await lighthouseAll(builds, LIGHTHOUSE_RUNS));
      }
      log(`cold start to the clean-time card, 4x, empty store and ten years (${labels})`);
      const cases = builds.flatMap((b) => [{ server: b.server, data: {} }, { server: b.server, data: ten }]);
      const cold = await attempt('cold start', () => coldHomeAll(cases, 4));
      for (const [k, b] of builds.entries()) {
        res[b.label].coldHome = cold.error ? { empty: cold, ten: cold } : { empty: cold[2 * k], ten: cold[2 * k + 1] };
      }
      log(`fresh profile to Help, 1x (${labels})`);
      const help = await attempt('help', () => helpAll(servers));
      put('help', help.error ? failed(help) : help);
      log(`unvisited screens, 4x (${labels})`);
      const screens = await attempt('screens', () => unvisitedAll(servers, 4));
      put('screens', screens.error ? failed(screens) : screens);
    }
    if (JOURNAL) {
      const sets = [['empty', {}], ['ten years', ten]].filter(([n]) => !ONLY || (ONLY === 'empty' ? n === 'empty' : n === 'ten years'));
      for (const b of builds) res[b.label].journal = [];
      for (const rate of RATES) {
        for (const [name, data] of sets) {
          await each(`journal, ${name}, ${rate}x`, async (b, r) => {
            const x = await attempt('journal', () => journalScenario(b.server, data, rate));
            if (!x.error) r.journal.push({ data: name, ...x });
          });
        }
      }
    }
    if (UNLOCK) {
      // Sealed values take about 1.4 times the room of plain ones (base64 and
      // the IV), so ten years cannot be locked; the lock is measured with
      // five years instead.
      log(`generating five years of history ending ${end} (for the lock)`);
      const five = await generator(['--years', '5', '--end', end]);
      for (const b of builds) res[b.label].unlock = [];
      for (const rate of RATES) {
        for (const [name, data] of [['empty', {}], ['five years', five]]) {
          await each(`unlock, ${name}, ${rate}x`, async (b, r) => {
            const x = await attempt('unlock', () => unlockTime(b.server, data, rate));
            if (!x.error) r.unlock.push({ data: name, ...x });
          });
        }
      }
    }
  } finally {
    for (const b of builds) await b.server?.close();
  }
  res.seconds = Math.round((Date.now() - started) / 1000);
  res.machine.loadAverageEnd = os.loadavg().map((x) => round(x, 2));

  // Short JSON for the console (no per-save lists); the file keeps everything.
  const short = JSON.parse(JSON.stringify(res));
  for (const b of builds) for (const s of short[b.label].journal || []) delete s.save.durations;
  console.log(table(res));
  console.log(fileList(res));
  console.log(JSON.stringify({ bench: short }));
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(join(OUT_DIR, 'latest.json'), JSON.stringify(res, null, 2) + '\n');
  log(`wrote ${join(OUT_DIR, 'latest.json')} in ${res.seconds} s (load average ${res.machine.loadAverage[0]} at the start, ${res.machine.loadAverageEnd[0]} at the end, on ${res.machine.cpus} cores)`);
}

main().catch((e) => { console.error(e); process.exit(1); });
