// The insights screen, end to end in Chromium: every chart has a table with
// the same title, an empty journal shows a plain empty state and no error,
// the printed summary holds only the chosen dates, discreet mode hides the
// app's name and covers the screen, and a ten-year journal draws quickly.
//
// Data is seeded the way the app stores it (see src/data/keys.rs and
// src/data/envelope.rs): `wm:<kind>:<id>` records holding
// {"v":1,"r":1,"t":ms,"x":{...}}, written before the app is reloaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

/** Runs `body` with a fresh browser profile, failing on any page error. */
async function withPage(body) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await body(page, errors);
    assert.deepEqual(errors, [], 'no script errors on the page');
  } finally { await close(); }
}

/** Local noon `n` days ago. */
function daysAgo(n, hour = 12) {
  const d = new Date();
  d.setHours(hour, 0, 0, 0);
  d.setDate(d.getDate() - n);
  return d;
}

/** The local calendar date as a date input writes it. */
function iso(d) {
  const p = (x) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const envelope = (x, t = Date.now()) => JSON.stringify({ v: 1, r: 1, t, x });

/** A check-in record; `days` ago at `hour`, with optional fields. */
function checkin(id, days, { mood = 3, craving = 4, used = false, triggers, helped, note, hour = 12 } = {}) {
  const at = daysAgo(days, hour);
  const x = { i: id, d: iso(at), m: mood, c: craving, ca: at.getTime(), ua: at.getTime() };
  if (used) x.u = true;
  if (triggers) x.t = triggers;
  if (helped) x.hp = helped;
  if (note) x.n = note;
  return x;
}

/** Storage entries for a list of check-ins, with the journal's index. */
function journal(entries) {
  const out = { 'wm:schema': '1' };
  for (const x of entries) out[`wm:j:${x.i}`] = envelope(x, x.ua);
  out['wm:j'] = JSON.stringify(entries.map((x) => [x.i, x.d]).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return out;
}

/** Writes `entries` into localStorage and opens `path` with them loaded. */
async function seed(page, entries, path = '/insights') {
  await openApp(page, server.url, '/');
  await page.evaluate((e) => { for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);
  await openApp(page, server.url, path, 60000);
}

/** Ten days of check-ins, one use, plus a SOWS, exercise and meetings. */
function richData() {
  const entries = [];
  for (let i = 0; i < 10; i++) {
    entries.push(checkin(`e2e${String(i).padStart(4, '0')}`, i, {
      mood: 1 + (i % 5),
      craving: (i * 3) % 11,
      used: i === 4,
      hour: 8 + i,
      triggers: i % 2 ? ['Stress'] : ['Payday', 'Stress'],
      helped: ['Went for a walk'],
    }));
  }
  const data = journal(entries);
  data['wm:s:sows0001'] = envelope({ i: 'sows0001', d: iso(daysAgo(2)), t: daysAgo(2).getTime(), s: '1111222211110000' });
  data['wm:s:sows0002'] = envelope({ i: 'sows0002', d: iso(daysAgo(1)), t: daysAgo(1).getTime(), s: '0000111100001111' });
  data['wm:x:walk0001'] = envelope({ i: 'walk0001', d: iso(daysAgo(3)), a: 'Walk', m: 30, mb: 2, ma: 4, u: 1 });
  data['wm:x:walk0002'] = envelope({ i: 'walk0002', d: iso(daysAgo(1)), a: 'Swim', m: 70, mb: 3, ma: 4, u: 1 });
  data['wm:ma:meet0001'] = envelope({ i: 'meet0001', n: 'Tuesday night group', d: iso(daysAgo(2)), u: 1 });
  return data;
}

test('every chart has a table with the same title, and the span switch is pressed', async () => {
  await withPage(async (page) => {
    await seed(page, richData());
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    assert.equal(await page.locator('h1').count(), 1);
    await page.locator('svg[role="img"]').first().waitFor();
    const pairs = await page.evaluate(() => [...document.querySelectorAll('svg[role="img"]')].map((svg) => {
      const ids = (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
      const title = ids.map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
      const captions = [...document.querySelectorAll('table caption')].map((c) => c.textContent.trim());
      return { title, hasTable: captions.includes(title), titleInSvg: !!svg.querySelector('title') };
    }));
    // Mood, craving, hour, weekday, SOWS, exercise, meetings, clean time.
    assert.equal(pairs.length, 8, JSON.stringify(pairs));
    for (const p of pairs) {
      assert.ok(p.title.length > 0, 'each chart has a title');
      assert.ok(p.titleInSvg, `"${p.title}" has an SVG <title>`);
      assert.ok(p.hasTable, `"${p.title}" has a table with the same caption`);
    }
    // The table is one tap away and reads the numbers out.
    await page.getByText('Show as a table').first().click();
    const firstTable = page.getByRole('table', { name: pairs[0].title });
    await firstTable.waitFor();
    assert.ok((await firstTable.getByRole('row').count()) >= 7);
    // Triggers and what helped, as a table.
    const triggers = page.getByRole('table', { name: /most frequent triggers/ });
    assert.match(await triggers.textContent(), /Stress.*7.*Went for a walk \(7\)/s);

    const week = page.getByRole('button', { name: 'Last 7 days' });
    const all = page.getByRole('button', { name: 'All time' });
    assert.equal(await week.getAttribute('aria-pressed'), 'true');
    await all.click();
    assert.equal(await all.getAttribute('aria-pressed'), 'true');
    assert.equal(await week.getAttribute('aria-pressed'), 'false');
    // All ten days are now in the mood table (the week showed seven days).
    const moodRows = page.getByRole('table', { name: /^Mood by day/ }).locator('tbody tr');
    await page.waitForFunction(() => [...document.querySelectorAll('table')]
      .find((t) => t.caption?.textContent.startsWith('Mood by day'))?.tBodies[0].rows.length === 10);
    assert.equal(await moodRows.count(), 10);
  });
});

test('an empty journal shows a plain empty state, no charts and no error', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/insights');
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    await page.getByText('Check in for a few days to see your patterns here.').first().waitFor();
    assert.equal(await page.locator('svg[role="img"]').count(), 0);
    assert.ok(await page.getByRole('link', { name: 'Check in now' }).isVisible());
    assert.ok(await page.getByRole('heading', { name: 'Summary for your counsellor or prescriber' }).isVisible());
    assert.equal(await page.locator('.notice--danger').count(), 0, 'no error notice');
  });
});

test('the printed summary shows only the summary, and only the chosen dates', async () => {
  await withPage(async (page) => {
    await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    const data = journal([
      checkin('in000001', 3, { note: 'Inside the range: walked by the river' }),
      checkin('in000002', 5, { note: 'Inside too: called my sister' }),
      checkin('out00001', 20, { note: 'Outside the range: an older note' }),
    ]);
    data['wm:d:dose0001'] = envelope({ i: 'dose0001', d: iso(daysAgo(4)), a: '60 mg', t: true, u: 1 });
    data['wm:d:dose0002'] = envelope({ i: 'dose0002', d: iso(daysAgo(25)), a: '95 mg', t: true, u: 1 });
    await seed(page, data);

    await page.getByLabel('From', { exact: true }).fill(iso(daysAgo(7)));
    await page.getByLabel('To', { exact: true }).fill(iso(daysAgo(0)));
    const notes = page.getByLabel('Notes (your own words)');
    assert.equal(await notes.isChecked(), false, 'notes are off by default');
    // Without notes ticked, no note is in the summary.
    const region = page.getByRole('region', { name: 'Summary to print' });
    assert.ok(!(await region.textContent()).includes('Inside the range'));
    await notes.check();
    await page.getByRole('button', { name: 'Print summary' }).click();
    assert.equal(await page.evaluate(() => window.__printed), 1, 'the print dialog was asked for');

    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => document.body.innerText);
    assert.match(printed, /Summary for your counsellor or prescriber/);
    assert.match(printed, /Inside the range: walked by the river/);
    assert.match(printed, /Inside too: called my sister/);
    assert.match(printed, /60 mg/);
    assert.ok(!printed.includes('Outside the range'), 'a note outside the range is not printed');
    assert.ok(!printed.includes('95 mg'), 'a dose outside the range is not printed');
    assert.ok(!printed.includes('Craving by time of day'), 'the charts are not printed');
    assert.ok(!printed.includes('Print summary'), 'the controls are not printed');
    assert.ok(!printed.includes('Skip to content'), 'the app shell is not printed');
    assert.match(printed, /2 check-ins on 2 days/);

    // On paper, the summary fits the page width (A4 and Letter alike).
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    assert.ok(fits, 'nothing is wider than the page');
  });
});

test('a start date after the end date is explained next to the field', async () => {
  await withPage(async (page) => {
    await seed(page, journal([checkin('only0001', 1)]));
    await page.getByLabel('From', { exact: true }).fill(iso(daysAgo(0)));
    await page.getByLabel('To', { exact: true }).fill(iso(daysAgo(5)));
    const from = page.getByLabel('From', { exact: true });
    assert.equal(await from.getAttribute('aria-invalid'), 'true');
    const described = await from.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent);
    assert.match(described, /after the end date/);
  });
});

test('discreet mode gives a neutral title and a button that covers the screen', async () => {
  await withPage(async (page) => {
    const data = journal([checkin('disc0001', 1, { note: 'Private words' })]);
    data['wm:settings'] = envelope({ ds: true });
    await seed(page, data);
    await page.waitForFunction(() => document.title === 'Notes');
    const hide = page.getByRole('button', { name: 'Hide screen' });
    await hide.click();
    const back = page.getByRole('button', { name: 'Back' });
    await back.waitFor();
    assert.equal(await page.locator('main').isVisible(), false, 'the app is covered');
    assert.equal(await page.getByRole('heading', { name: 'Insights' }).isVisible(), false);
    assert.ok(await page.getByText('Notes', { exact: true }).isVisible());
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Back');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    assert.equal(await page.locator('main').isVisible(), true, 'Escape brings the app back');
    await hide.click();
    await back.click();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    assert.equal(await page.evaluate(() => document.title), 'Notes');
  });
});

test('without discreet mode the title is the app name and there is no hide button', async () => {
  await withPage(async (page) => {
    await seed(page, journal([checkin('norm0001', 1)]));
    await page.waitForFunction(() => document.title === 'Waymark');
    assert.equal(await page.getByRole('button', { name: 'Hide screen' }).count(), 0);
  });
});

// Speed is measured by scripts/bench.sh; this test checks behaviour with a
// ten-year journal, with waits long enough for a loaded CI machine.
test('a ten-year journal opens and shows all time by month', async () => {
  await withPage(async (page) => {
    const entries = [];
    for (let i = 0; i < 3650; i++) {
      entries.push(checkin(`long${String(i).padStart(5, '0')}`, i, {
        mood: 1 + (i % 5), craving: i % 11, used: i % 97 === 0, hour: i % 24,
        triggers: [['Stress', 'Payday', 'Being alone'][i % 3]],
        note: `Day ${i}: a line or two about the day, the people I saw and what I did with the evening.`,
      }));
    }
    await seed(page, journal(entries), '/');
    const start = Date.now();
    await page.goto(server.url + '/insights');
    await page.locator('svg[role="img"]').nth(4).waitFor({ timeout: 60000 });
    const opened = Date.now() - start;
    const t0 = Date.now();
    await page.getByRole('button', { name: 'All time' }).click();
    await page.getByRole('table', { name: /^Average mood by month/, includeHidden: true }).waitFor({ state: 'attached', timeout: 60000 });
    const switched = Date.now() - t0;
    console.log(`ten-year journal: opened in ${opened} ms, all time in ${switched} ms`);
    // About 120 months, not 3,650 days, in the table.
    const rows = await page.getByRole('table', { name: /^Average mood by month/, includeHidden: true }).locator('tbody tr').count();
    assert.ok(rows >= 118 && rows <= 122, `${rows} monthly rows`);
  });
});
