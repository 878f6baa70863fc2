// Measures the release build in dist/ and prints one table and one JSON
// object (also written to bench-results/latest.json). Run it through
// `bash scripts/bench.sh`, which builds first. It measures; it never fails
// because a figure missed its target (the table says which did).
//
//  - sizes: from scripts/sizes.mjs (raw, gzip, brotli);
//  - Lighthouse (mobile preset) on an empty store;
//  - in headless Chromium at 1x and 4x CPU slowdown, with an empty store and
//    with ten years of history (made by examples/gen_history.rs through the
//    app's own data layer): cold start to the journal on screen (served by
//    the service worker), one save (median of 50, from the app's
//    "waymark:save" User Timing measure), opening the insights, and the
//    longest task while typing a note;
//  - capacity: years of daily 1,000-character check-ins that fit in
//    Chromium's local-storage quota.
//
// Options: --quick (fewer repetitions, for trying the script out),
// --no-lighthouse, --no-capacity, --only=empty|ten (one data set),
// --unlock-only (just the passphrase-lock figures).
import { execFile as execFileCb } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { startServer, launch, waitForServiceWorker, ROOT, DIST } from '../tests/e2e/support.mjs';

const execFile = promisify(execFileCb);
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const LIGHTHOUSE = !argv.includes('--no-lighthouse');
const CAPACITY = !argv.includes('--no-capacity');
const ONLY = (argv.find((a) => a.startsWith('--only=')) || '').slice(7);
// --unlock-only: just the passphrase-lock figures (quick to rerun).
const UNLOCK_ONLY = argv.includes('--unlock-only');

const COLD_RUNS = QUICK ? 2 : 5; // measured cold starts per case (after one warm-up)
const SAVES = QUICK ? 10 : 50;
const TYPED_CHARS = 200;
const RATES = [1, 4];
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT_DIR = join(ROOT, 'bench-results');
const BIG = 256 * 1024 * 1024;

const log = (...a) => console.error('bench:', ...a);
const median = (xs) => {
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

/** The sizes, from the existing scripts/sizes.mjs (its JSON line). */
async function sizes() {
  const { stdout } = await execFile(process.execPath, [join(ROOT, 'scripts', 'sizes.mjs')], {
    env: { ...process.env, WAYMARK_DIST: DIST }, maxBuffer: BIG,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('{"sizes"'));
  if (!line) throw new Error('scripts/sizes.mjs printed no JSON line');
  return JSON.parse(line).sizes;
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

/** A new page with the probe and the CPU slowdown applied before navigation. */
async function throttledPage(context, rate) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(journalProbe);
  return page;
}

/** Lets the page settle: two frames and a quiet moment. */
async function settle(page, ms = 500) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(ms);
}

/** One cold start: navigation start to the journal on screen. */
async function coldStart(context, server, rate) {
  const page = await throttledPage(context, rate);
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
      const h1 = document.querySelector('h1');
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
  const page = await throttledPage(context, rate);
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
  const page = await throttledPage(context, rate);
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

/** Every figure for one data set at one CPU rate, in a fresh profile. */
async function scenario(server, data, rate) {
  const { context, close } = await launch();
  try {
    // 1. First visit: install the service worker, then put the data in place.
    const first = await context.newPage();
    await first.goto(server.url + '/');
    await first.waitForSelector('[data-app-ready]', { timeout: 60000 });
    await waitForServiceWorker(first);
    const seeded = await first.evaluate((entries) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      return localStorage.length;
    }, data);
    await first.close();

    // 2. Cold starts (one warm-up, then COLD_RUNS measured).
    const runs = [];
    let last;
    for (let i = 0; i <= COLD_RUNS; i++) {
      const { page, r } = await coldStart(context, server, rate);
      if (i > 0) runs.push(r);
      if (i < COLD_RUNS) await page.close();
      else last = page;
    }
    // 3. Opening the insights, from the last cold start's journal.
    const insights = await openInsights(last);
    await last.close();
    // 4. Typing, then 5. saving (saves add entries, so they come last).
    const typed = await typing(context, server, rate);
    const saved = await saves(context, server, rate);
    return {
      rate,
      seededKeys: seeded,
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

/**
 * Turns the passphrase lock on over `data` (through Settings, as a user
 * would), reloads, unlocks, and reads the app's "waymark:unlock" measure:
 * PBKDF2 with 600,000 iterations plus opening every sealed value.
 */
async function unlockTime(server, data, rate) {
  const PASS = 'benchmark passphrase 1';
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await page.waitForSelector('[data-app-ready]', { timeout: 60000 });
    await waitForServiceWorker(page);
    await page.evaluate((entries) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, data);
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

// ---------------------------------------------------------------- lighthouse

async function lighthouse(server) {
  await mkdir(OUT_DIR, { recursive: true });
  const out = join(OUT_DIR, 'lighthouse.json');
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
    report: out,
  };
}

// ---------------------------------------------------------------- report

const KB = (n) => (n == null ? '—' : `${(n / 1024).toFixed(1)} KB`);
const MS = (n) => (n == null ? '—' : `${n.toFixed(1)} ms`);
const trio = (s) => `${(s.raw / 1024).toFixed(1)} / ${(s.gzip / 1024).toFixed(1)} / ${(s.brotli / 1024).toFixed(1)} KB`;

function table(res) {
  const rows = [];
  const row = (figure, empty, ten, target, met) => rows.push([figure, empty, ten, target, met == null ? '' : met ? 'yes' : 'NO']);
  const s = res.sizes;
  row('.wasm (raw / gzip / br)', trio(s.wasm), 'same', '≤ 120 KB br', s.wasm.brotli <= 120 * 1024);
  row('JS glue (raw / gzip / br)', trio(s['js glue']), 'same', '');
  row('CSS (raw / gzip / br)', trio(s.css), 'same', '');
  row('index.html (raw / gzip / br)', trio(s['index.html']), 'same', '');
  const fl = s['first load (all but icons)'];
  row('first load total (raw / gzip / br)', trio(fl), 'same', '≤ 150 KB br', fl.brotli <= 150 * 1024);
  row('service worker precache (raw / gzip / br)', trio(s['precache total']), 'same', '');
  const lh = res.lighthouse;
  if (lh && !lh.error) {
    row('Lighthouse performance (mobile)', String(lh.performance), '—', '100', lh.performance === 100);
    row('Lighthouse accessibility', String(lh.accessibility), '—', '100', lh.accessibility === 100);
    row('Lighthouse best practices', String(lh.bestPractices), '—', '', null);
    row('Lighthouse LCP', MS(lh.lcpMs), '—', '≤ 1.2 s', lh.lcpMs <= 1200);
    row('Lighthouse TBT', MS(lh.tbtMs), '—', '≤ 50 ms', lh.tbtMs <= 50);
    row('Lighthouse CLS', String(lh.cls), '—', '0', lh.cls === 0);
  } else if (lh) {
    row('Lighthouse', `failed: ${lh.error}`, '—', '', null);
  }
  const get = (set, rate) => res.scenarios.find((x) => x.data === set && x.rate === rate);
  for (const rate of RATES) {
    const e = get('empty', rate);
    const t = get('ten years', rate);
    const cs = (x) => (x ? MS(x.coldStart.medianMs) + (x.coldStart.fromServiceWorker ? '' : ' (not from SW!)') : '—');
    const added = e && t ? t.coldStart.medianMs - e.coldStart.medianMs : null;
    const addBudget = rate === 1 ? 50 : 200;
    const target = rate === 4 ? `≤ 500 ms; ten years add ≤ ${addBudget} ms` : `ten years add ≤ ${addBudget} ms`;
    const met = added == null ? null : added <= addBudget && (rate !== 4 || (t.coldStart.medianMs <= 500 && e.coldStart.medianMs <= 500));
    row(`cold start to journal, ${rate}x CPU`, cs(e), cs(t) + (added == null ? '' : ` (+${added.toFixed(0)})`), target, met);
  }
  for (const rate of RATES) {
    const e = get('empty', rate);
    const t = get('ten years', rate);
    const v = (x) => (x ? `${MS(x.coldStart.completeMedianMs)} (longest task ${MS(x.coldStart.longestLoadTaskMs)})` : '—');
    row(`whole history read, ${rate}x CPU`, v(e), v(t), '', null);
  }
  for (const rate of RATES) {
    const e = get('empty', rate);
    const t = get('ten years', rate);
    const v = (x) => (x ? MS(x.save.medianMs) : '—');
    const met = e && t ? t.save.medianMs <= 2 && e.save.medianMs <= 2 && t.save.medianMs <= e.save.medianMs * 1.5 + 0.2 : null;
    row(`save one entry (median of ${SAVES}), ${rate}x`, v(e), v(t), '≤ 2 ms, not growing with history', met);
  }
  for (const rate of RATES) {
    const e = get('empty', rate);
    const t = get('ten years', rate);
    const v = (x) => (x ? MS(x.insights.ms) : '—');
    row(`open insights, ${rate}x`, v(e), v(t), '', null);
  }
  for (const rate of RATES) {
    const e = get('empty', rate);
    const t = get('ten years', rate);
    const v = (x) => (x ? MS(x.typing.longestTaskMs) : '—');
    const met = e && t ? e.typing.longestTaskMs <= 50 && t.typing.longestTaskMs <= 50 : null;
    row(`longest task typing ${TYPED_CHARS} chars, ${rate}x`, v(e), v(t), 'no task over 50 ms', met);
  }
  for (const rate of RATES) {
    const u = (set) => (res.unlock || []).find((x) => x.data === set && x.rate === rate);
    const v = (x) => (x ? `${MS(x.unlockMedianMs)} (${x.sealedValues} values)` : '—');
    if (u('empty') || u('five years')) row(`unlock with passphrase, ${rate}x (five years)`, v(u('empty')), v(u('five years')), '', null);
  }
  const cap = res.capacity;
  if (cap && !cap.error) {
    row('capacity: years of daily 1,000-char check-ins', '', `${cap.years} (${cap.days} days)`, '≥ 10 years', cap.years >= 10);
  }
  if (res.tenYears) {
    row('ten-year data set in storage', '', `${(res.tenYears.units / 1e6).toFixed(2)} M units (${res.tenYears.percentOfQuota}% of quota)`, '', null);
  }
  const head = ['figure', 'empty', 'ten years', 'target', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- main

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no build in ${DIST}: run trunk build --release first`);
  const started = new Date();
  const res = {
    when: started.toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
    dist: DIST,
    options: { quick: QUICK, coldRuns: COLD_RUNS, saves: SAVES, typedChars: TYPED_CHARS },
  };
  try {
    res.commit = (await execFile('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })).stdout.trim();
  } catch { res.commit = null; }
  res.chromium = (await execFile(CHROMIUM, ['--version']).catch(() => ({ stdout: '' }))).stdout.trim();

  log('sizes');
  res.sizes = await sizes();

  if (CAPACITY && !UNLOCK_ONLY) {
    log('capacity (saving daily check-ins into a 5,242,880-unit store until it is full; about 2 minutes)');
    try { res.capacity = await generator(['--capacity']); } catch (e) { res.capacity = { error: String(e.message || e) }; }
  }

  // The history ends today, so the insights' default "last 7 days" has data.
  const end = localToday();
  let ten = {};
  if (ONLY !== 'empty') {
    log(`generating ten years of history ending ${end}`);
    ten = await generator(['--years', '10', '--end', end]);
    const units = Object.entries(ten).reduce((a, [k, v]) => a + k.length + v.length, 0);
    res.tenYears = {
      end,
      keys: Object.keys(ten).length,
      checkins: Object.keys(ten).filter((k) => k.startsWith('wm:j:')).length,
      units,
      percentOfQuota: round((units * 100) / 5242880, 1),
    };
  }

  const server = await startServer(DIST);
  try {
    if (LIGHTHOUSE && !UNLOCK_ONLY) {
      log('lighthouse (mobile preset)');
      try { res.lighthouse = await lighthouse(server); } catch (e) { res.lighthouse = { error: String(e.message || e).split('\n')[0] }; }
    }
    res.scenarios = [];
    const sets = [['empty', {}], ['ten years', ten]].filter(([n]) => !ONLY || (ONLY === 'empty' ? n === 'empty' : n === 'ten years'));
    // Sealed values take about 1.4 times the room of plain ones (base64 and
    // the IV), so ten years (96% of the quota) cannot be locked; the lock is
    // measured with five years instead.
    res.unlock = [];
    log(`generating five years of history ending ${end} (for the lock)`);
    const five = await generator(['--years', '5', '--end', end]);
    for (const rate of RATES) {
      for (const [name, data] of [['empty', {}], ['five years', five]]) {
        log(`unlock, ${name}, ${rate}x CPU`);
        try { res.unlock.push({ data: name, ...(await unlockTime(server, data, rate)) }); } catch (e) { log('unlock failed', e.message); }
      }
    }
    for (const rate of UNLOCK_ONLY ? [] : RATES) {
      for (const [name, data] of sets) {
        log(`${name}, ${rate}x CPU`);
        const r = await scenario(server, data, rate);
        res.scenarios.push({ data: name, ...r });
      }
    }
  } finally {
    await server.close();
  }
  res.seconds = Math.round((Date.now() - started) / 1000);

  // Short JSON for the console (no per-save lists); the file keeps everything.
  const short = JSON.parse(JSON.stringify(res));
  for (const s of short.scenarios) delete s.save.durations;
  console.log(table(res));
  console.log(JSON.stringify({ bench: short }));
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(join(OUT_DIR, 'latest.json'), JSON.stringify(res, null, 2) + '\n');
  log(`wrote ${join(OUT_DIR, 'latest.json')} in ${res.seconds} s`);
}

main().catch((e) => { console.error(e); process.exit(1); });
