// A stale tab never writes over newer data (the bug class where a tab left
// in the background wakes up, or is hidden or closed, and saves the old copy
// it still holds over what another tab saved meanwhile). Tab A opens
// something and goes to the background; tab B changes it and saves; then A
// gets typing, its autosave fires and it is hidden for good. B's version
// stays the current one, and A's words are kept too (as a draft, a copy or
// beside B's), never silently dropped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openApp, ROOT } from './support.mjs';

/** The first question of step 1, as the guide's content file words it. */
const guide = JSON.parse(await readFile(join(ROOT, 'src', 'content', 'en', 'guide.json'), 'utf8'));
const QUESTION = guide.steps.find((s) => s.n === 1).reflections[0];

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

/** Runs `fn(context)` in a fresh browser profile, failing on any page error. */
async function withContext(fn, options) {
  const { context, close } = await launch(options);
  const errors = [];
  context.on('page', (p) => p.on('pageerror', (e) => errors.push(String(e))));
  try {
    await fn(context);
    assert.deepEqual(errors, [], 'no uncaught errors in any tab');
  } finally { await close(); }
}

/**
 * The tab goes to the background, as when the user switches to another tab
 * or app: `document.hidden` turns true and `visibilitychange` fires.
 */
async function hide(page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
}

/**
 * A new tab that can be made stale: registered before the app's own
 * listeners, a listener that can hold back the storage events they would
 * hear (see `goStale`).
 */
async function staleable(context) {
  const page = await context.newPage();
  await page.addInitScript(() => window.addEventListener('storage', (e) => {
    if (window.__stale) e.stopImmediatePropagation();
  }, true));
  return page;
}

/**
 * From now on the tab hears nothing of what other tabs save, like a tab
 * that was frozen or discarded in the background or had unsaved typing when
 * the other tab saved: what it shows is old.
 */
async function goStale(page) {
  await page.evaluate(() => { window.__stale = true; });
}

/** The tab is hidden for good: `pagehide` fires, then the tab is closed. */
async function leave(page) {
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  await page.close({ runBeforeUnload: true });
}

/** Past every autosave debounce in the app (400 ms for drafts, 600 ms for answers). */
const settle = (page) => page.waitForTimeout(900);

/** Waits until a field holds `value` (as it follows another tab's save). */
async function waitForValue(field, value, timeout = 5000) {
  const deadline = Date.now() + timeout;
  while ((await field.inputValue()) !== value) {
    if (Date.now() > deadline) assert.equal(await field.inputValue(), value);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A stored value's envelope, parsed (`null` when absent). */
const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || 'null'), key);

async function checkIn(page, note) {
  await openApp(page, server.url, '/journal/new');
  await page.getByRole('radio', { name: 'Okay', exact: true }).check();
  await page.getByRole('textbox', { name: /note/i }).fill(note);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.waitForURL(/\/journal$/);
  await page.getByText('Your check-in is saved.').waitFor();
  const href = await page.getByRole('link', { name: new RegExp(note) }).getAttribute('href');
  return href.split('/').pop();
}

const journalKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wm:j:')).sort());

test('a hidden tab that wakes up and autosaves a check-in never writes over the version another tab saved', async () => {
  await withContext(async (context) => {
    const a = await context.newPage();
    const id = await checkIn(a, 'Words from this morning');
    await openApp(a, server.url, `/journal/${id}`);
    await hide(a);

    const b = await context.newPage();
    await openApp(b, server.url, `/journal/${id}`);
    await b.getByRole('textbox', { name: /note/i }).fill('Newer words saved in tab B');
    await b.getByRole('button', { name: 'Save check-in' }).click();
    await b.waitForURL(/\/journal$/);
    await b.getByText('Your check-in is saved.').waitFor();

    // Tab A still holds the morning's version. It gets typing, its autosave
    // fires, and it is hidden for good.
    await a.getByRole('textbox', { name: /note/i }).fill('Older words typed in tab A');
    await settle(a);
    await leave(a);

    // B's version is still the check-in.
    await b.reload();
    await b.waitForSelector('[data-app-ready]');
    await b.getByRole('link', { name: /Newer words saved in tab B/ }).waitFor();
    assert.equal(await b.getByRole('link', { name: /Older words typed in tab A/ }).count(), 0);
    assert.equal((await stored(b, `wm:j:${id}`)).x.n, 'Newer words saved in tab B');
    assert.deepEqual(await journalKeys(b), [`wm:j:${id}`]);

    // A's words were not dropped: opening the entry brings them back as an
    // unsaved draft, and saving it keeps both versions, A's as a copy.
    await b.getByRole('link', { name: /Newer words saved in tab B/ }).click();
    await b.getByText('We kept your unsaved check-in').waitFor();
    assert.equal(await b.getByRole('textbox', { name: /note/i }).inputValue(), 'Older words typed in tab A');
    await b.getByRole('button', { name: 'Save check-in' }).click();
    await b.waitForURL(/\/journal$/);
    await b.getByText(/yours was saved as a copy/).waitFor();
    await b.getByRole('link', { name: /Newer words saved in tab B/ }).waitFor();
    await b.getByRole('link', { name: /Older words typed in tab A/ }).waitFor();
    const keys = await journalKeys(b);
    assert.equal(keys.length, 2);
    assert.equal((await stored(b, `wm:j:${id}`)).x.n, 'Newer words saved in tab B', 'the copy went beside it');
  });
});

test('a hidden tab that missed another tab\'s guide answer keeps both answers when it gets typing', async () => {
  await withContext(async (context) => {
    const a = await staleable(context);
    await openApp(a, server.url, '/guide/1');
    const answerA = a.getByRole('textbox', { name: QUESTION.text, exact: true });
    await answerA.fill('Because I want to be there for my kids');
    await answerA.blur();
    await a.getByText(/^Saved on /).first().waitFor();
    await goStale(a);
    await hide(a);

    const b = await context.newPage();
    await openApp(b, server.url, '/guide/1');
    const answerB = b.getByRole('textbox', { name: QUESTION.text, exact: true });
    assert.equal(await answerB.inputValue(), 'Because I want to be there for my kids');
    await answerB.fill('For my kids, and for my own health');
    await answerB.blur();
    await b.waitForFunction(() => /own health/.test(localStorage.getItem('wm:guide')));

    // A gets typing at the end of the answer it still shows; its save
    // fires, and it is hidden for good.
    assert.equal(await answerA.inputValue(), 'Because I want to be there for my kids', 'tab A is stale');
    await answerA.click();
    await a.keyboard.press('End');
    await a.keyboard.type(' and to see the sea again');
    await settle(a);
    await a.getByText(/Both versions are kept/).waitFor();
    await leave(a);

    const text = (await stored(b, 'wm:guide')).x.s['1'].r[QUESTION.id].x;
    assert.ok(text.startsWith('For my kids, and for my own health'), `B's answer is kept whole, first: ${JSON.stringify(text)}`);
    assert.ok(text.includes('Because I want to be there for my kids and to see the sea again'), `A's words are kept: ${JSON.stringify(text)}`);
    await b.reload();
    await b.waitForSelector('[data-app-ready]');
    assert.equal(await b.getByRole('textbox', { name: QUESTION.text, exact: true }).inputValue(), text);
  });
});

test('a hidden tab editing a contact never writes over the version another tab saved, and its edit becomes a copy', async () => {
  await withContext(async (context) => {
    const a = await context.newPage();
    await openApp(a, server.url, '/tools/people');
    const add = a.getByRole('region', { name: 'Add a person' });
    await add.getByLabel('Name', { exact: true }).fill('Sam');
    await add.getByLabel('Phone (optional)').fill('555 0100');
    await add.getByRole('button', { name: 'Save person' }).click();
    await add.getByText('Saved.').waitFor();
    await a.getByRole('button', { name: 'Edit Sam' }).click();
    await a.getByRole('heading', { name: 'Change this person' }).waitFor();
    await hide(a);

    const b = await context.newPage();
    await openApp(b, server.url, '/tools/people');
    await b.getByRole('button', { name: 'Edit Sam' }).click();
    const formB = b.getByRole('region', { name: 'Change this person' });
    await formB.getByLabel('Phone (optional)').fill('555 0199');
    await formB.getByLabel('Notes (optional)').fill('New number since March');
    await formB.getByRole('button', { name: 'Save person' }).click();
    await b.getByText('Saved.').waitFor();

    // Tab A still holds Sam as it was, and gets typing.
    const formA = a.getByRole('region', { name: 'Change this person' });
    await formA.getByLabel('Notes (optional)').fill('Sponsor since 2019, typed in tab A');
    await settle(a);
    await leave(a);

    const contacts = () => b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wm:c:'))
      .map((k) => JSON.parse(localStorage.getItem(k)).x).sort((x, y) => (x.i < y.i ? -1 : 1)));
    await b.reload();
    await b.waitForSelector('[data-app-ready]');
    await b.getByRole('heading', { name: 'Sam', exact: true }).waitFor();
    let saved = await contacts();
    assert.equal(saved.length, 1);
    assert.equal(saved[0].ph, '555 0199');
    assert.equal(saved[0].no, 'New number since March');
    assert.match(await b.locator('main').textContent(), /New number since March/);

    // A's edit came back as a draft; saving it keeps B's version and adds A's as a copy.
    await b.getByText('We kept what you were writing last time.').waitFor();
    const restored = b.getByRole('region', { name: 'Change this person' });
    assert.equal(await restored.getByLabel('Notes (optional)').inputValue(), 'Sponsor since 2019, typed in tab A');
    await restored.getByRole('button', { name: 'Save person' }).click();
    await b.getByText(/yours was saved as a copy/).waitFor();
    saved = await contacts();
    assert.equal(saved.length, 2);
    assert.deepEqual(saved.map((c) => [c.ph, c.no]).sort(), [
      ['555 0100', 'Sponsor since 2019, typed in tab A'],
      ['555 0199', 'New number since March'],
    ]);
  });
});

test('a hidden, stale tab holding the plan notes never writes over the notes another tab saved', async () => {
  await withContext(async (context) => {
    const a = await staleable(context);
    await openApp(a, server.url, '/tools/plan');
    const notesA = a.getByRole('textbox', { name: 'Notes', exact: true });
    await notesA.fill('Keep the fridge copy up to date');
    await a.getByRole('button', { name: 'Save notes' }).click();
    await a.getByText('Notes saved.').waitFor();
    await goStale(a);
    await hide(a);

    const b = await context.newPage();
    await openApp(b, server.url, '/tools/plan');
    const notesB = b.getByRole('textbox', { name: 'Notes', exact: true });
    assert.equal(await notesB.inputValue(), 'Keep the fridge copy up to date');
    await notesB.fill('Call Ana before payday');
    await b.getByRole('button', { name: 'Save notes' }).click();
    await b.getByText('Notes saved.').waitFor();

    // Tab A gets typing at the end of the notes it still shows; its
    // autosave fires, and it is hidden for good.
    assert.equal(await notesA.inputValue(), 'Keep the fridge copy up to date', 'tab A is stale');
    await notesA.click();
    await a.keyboard.press('End');
    await a.keyboard.type('. Walk after work.');
    await settle(a);
    await leave(a);

    const notes = async () => (await stored(b, 'wm:plan')).x.no;
    assert.equal(await notes(), 'Call Ana before payday');
    await b.reload();
    await b.waitForSelector('[data-app-ready]');
    // A's unsaved words came back as a draft, not over the saved notes,
    // and the screen shows the saved notes (B's) beside them.
    const kept = b.getByRole('status').filter({ hasText: 'We kept notes you had not saved yet' });
    await kept.getByText('Call Ana before payday', { exact: true }).waitFor();
    const box = b.getByRole('textbox', { name: 'Notes', exact: true });
    assert.equal(await box.inputValue(), 'Keep the fridge copy up to date. Walk after work.');
    // Saving the draft keeps both, the saved notes first.
    await b.getByRole('button', { name: 'Save notes' }).click();
    await b.getByText(/Both versions are kept/).waitFor();
    assert.equal(await notes(), 'Call Ana before payday\n\nKeep the fridge copy up to date. Walk after work.');
    assert.equal(await box.inputValue(), await notes());
  });
});

test('a hidden tab holding the plan notes shows the notes another tab saved, and adds its typing to them', async () => {
  await withContext(async (context) => {
    const a = await context.newPage();
    await openApp(a, server.url, '/tools/plan');
    await hide(a);
    const b = await context.newPage();
    await openApp(b, server.url, '/tools/plan');
    await b.getByRole('textbox', { name: 'Notes', exact: true }).fill('Call Ana before payday');
    await b.getByRole('button', { name: 'Save notes' }).click();
    await b.getByText('Notes saved.').waitFor();

    const notesA = a.getByRole('textbox', { name: 'Notes', exact: true });
    await waitForValue(notesA, 'Call Ana before payday');
    await notesA.click();
    await a.keyboard.press('End');
    await a.keyboard.type('. Walk after work.');
    await a.getByRole('button', { name: 'Save notes' }).click();
    await a.getByText('Notes saved.').waitFor();
    await leave(a);
    assert.equal((await stored(b, 'wm:plan')).x.no, 'Call Ana before payday. Walk after work.');
  });
});

test('a hidden tab with an untouched form leaves alone the draft another tab is writing', async () => {
  await withContext(async (context) => {
    const a = await context.newPage();
    await openApp(a, server.url, '/journal/new');

    const b = await context.newPage();
    await openApp(b, server.url, '/journal/new');
    await b.getByRole('radio', { name: 'Low', exact: true }).check();
    await b.getByRole('textbox', { name: /note/i }).fill('Half a thought, not saved yet');
    await settle(b);

    // A, untouched all along, goes to the background and then away.
    await hide(a);
    await leave(a);

    // B's tab is killed without warning (a phone reclaiming memory), so it
    // never gets to write its draft again. Its words must still be there.
    const cdp = await context.newCDPSession(b);
    const crashed = b.waitForEvent('crash');
    cdp.send('Page.crash').catch(() => {}); // never answers: the page is gone
    await crashed;
    const c = await context.newPage();
    await openApp(c, server.url, '/journal/new');
    await c.getByText('We kept your unsaved check-in').waitFor({ timeout: 5000 });
    assert.equal(await c.getByRole('textbox', { name: /note/i }).inputValue(), 'Half a thought, not saved yet');
    assert.ok(await c.getByRole('radio', { name: 'Low', exact: true }).isChecked());
  });
});
