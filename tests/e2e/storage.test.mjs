// Nothing is lost, ever: a full disk keeps the words on screen, a corrupt
// record is set aside while the rest of the journal shows, two tabs never
// overwrite each other, any script round-trips, and blocked storage still
// gives a working, read-only app instead of a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

async function withContext(fn, initScript) {
  const { context, close } = await launch();
  try {
    if (initScript) await context.addInitScript(initScript);
    await fn(context);
  } finally { await close(); }
}

async function checkIn(page, note, mood = 'Okay') {
  await openApp(page, server.url, '/journal/new');
  await page.getByRole('radio', { name: mood, exact: true }).check();
  await page.getByRole('textbox', { name: /note/i }).fill(note);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.waitForURL(/\/journal$/);
  await page.getByText('Your check-in is saved.').waitFor();
}

/** The id of the entry whose link text matches `text`, from its address. */
async function entryId(page, text) {
  const href = await page.getByRole('link', { name: text }).getAttribute('href');
  return href.split('/').pop();
}

async function journalNotes(page) {
  await openApp(page, server.url, '/journal');
  return page.locator('main').textContent();
}

test('when storage is full, saving says so and keeps everything typed on screen', async () => {
  await withContext(async (context) => {
    const page = await context.newPage();
    await openApp(page, server.url, '/journal/new');
    const filled = await page.evaluate(() => {
      let chunk = 'x'.repeat(1 << 20);
      let i = 0;
      for (;;) {
        try { localStorage.setItem(`filler:${i++}`, chunk); } catch {
          if (chunk.length <= 1) break;
          chunk = chunk.slice(0, Math.floor(chunk.length / 2));
        }
      }
      return i;
    });
    assert.ok(filled > 1, 'storage was filled');
    await page.getByRole('radio', { name: 'Good', exact: true }).check();
    const note = 'A long day, but I made it through. 🌙';
    await page.getByRole('textbox', { name: /note/i }).fill(note);
    await page.getByRole('button', { name: 'Save check-in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /storage for Waymark is full/ }).first();
    await alert.waitFor();
    assert.match(page.url(), /\/journal\/new$/);
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), note);
    assert.ok(await page.getByRole('radio', { name: 'Good', exact: true }).isChecked());
    const backup = page.getByRole('link', { name: /download a backup/i });
    assert.equal(await backup.getAttribute('href'), '/settings#backup');
    // Nothing half-saved: the journal has no entry.
    const saved = await page.evaluate(() => Object.keys(localStorage).filter((k) => /^wm:j:/.test(k)).length);
    assert.equal(saved, 0);
  });
});

test('a corrupt journal record is set aside and the rest of the journal still shows', async () => {
  await withContext(async (context) => {
    const page = await context.newPage();
    await checkIn(page, 'This one is fine');
    await page.evaluate(() => { localStorage.setItem('wm:j:0corrupt0001', '{not json'); });
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    await page.getByRole('link', { name: /This one is fine/ }).waitFor();
    await page.getByText(/could not be read, so Waymark set it aside/).waitFor();
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.ok(!keys.includes('wm:j:0corrupt0001'), 'the broken record left the journal');
    const setAside = keys.filter((k) => k.startsWith('wm:q:') && k.includes('0corrupt0001'));
    assert.equal(setAside.length, 1, 'the broken record was kept aside, not deleted');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), setAside[0]), '{not json');
  });
});

test('two tabs editing different entries both keep their changes', async () => {
  await withContext(async (context) => {
    const a = await context.newPage();
    await checkIn(a, 'Entry one');
    await checkIn(a, 'Entry two');
    const one = await entryId(a, /Entry one/);
    const two = await entryId(a, /Entry two/);
    const b = await context.newPage();
    await openApp(a, server.url, `/journal/${one}`);
    await openApp(b, server.url, `/journal/${two}`);
    await a.getByRole('textbox', { name: /note/i }).fill('Entry one, edited in tab A');
    await b.getByRole('textbox', { name: /note/i }).fill('Entry two, edited in tab B');
    await a.getByRole('button', { name: 'Save check-in' }).click();
    await a.waitForURL(/\/journal$/);
    await b.getByRole('button', { name: 'Save check-in' }).click();
    await b.waitForURL(/\/journal$/);
    await b.getByText('Your check-in is saved.').waitFor();
    const text = await journalNotes(a);
    assert.match(text, /Entry one, edited in tab A/);
    assert.match(text, /Entry two, edited in tab B/);
    assert.doesNotMatch(text, /Entry one\b(?!, edited)/);
  });
});

test('the same entry edited in two tabs keeps both versions, the later one as a copy', async () => {
  await withContext(async (context) => {
    const a = await context.newPage();
    await checkIn(a, 'Shared entry');
    const id = await entryId(a, /Shared entry/);
    const b = await context.newPage();
    await openApp(a, server.url, `/journal/${id}`);
    await openApp(b, server.url, `/journal/${id}`);
    await a.getByRole('textbox', { name: /note/i }).fill('Version from tab A');
    await b.getByRole('textbox', { name: /note/i }).fill('Version from tab B');
    await a.getByRole('button', { name: 'Save check-in' }).click();
    await a.waitForURL(/\/journal$/);
    await b.getByRole('button', { name: 'Save check-in' }).click();
    await b.waitForURL(/\/journal$/);
    await b.getByText(/changed in another tab or window/).waitFor();
    const text = await journalNotes(b);
    assert.match(text, /Version from tab A/);
    assert.match(text, /Version from tab B/);
    const records = await b.evaluate(() => Object.keys(localStorage).filter((k) => /^wm:j:/.test(k)).length);
    assert.equal(records, 2);
  });
});

test('emoji, curly quotes and right-to-left text round-trip unchanged', async () => {
  await withContext(async (context) => {
    const page = await context.newPage();
    const note = 'שלום “quotes” 😀 مرحبا — ‘single’ café 👩🏽‍🦱';
    await checkIn(page, note);
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    const link = page.getByRole('link', { name: /שלום/ });
    await link.waitFor();
    assert.ok((await link.textContent()).includes(note));
    await link.click();
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), note);
    await openApp(page, server.url, '/journal');
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('مرحبا');
    await page.getByText('1 check-in matches.').waitFor();
  });
});

test('when storage is blocked the app still opens, read-only, with a notice', async () => {
  await withContext(async (context) => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const path of ['/', '/journal', '/journal/new']) {
      await openApp(page, server.url, path);
      const h1 = await page.locator('main h1').first().textContent();
      assert.ok(h1 && h1.trim().length > 0, `${path} has a heading`);
      await page.getByText(/not letting Waymark save anything right now/).waitFor();
    }
    // The form still works on screen, and a save explains itself.
    await page.getByRole('radio', { name: 'Good', exact: true }).check();
    await page.getByRole('textbox', { name: /note/i }).fill('Still here');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByRole('alert').filter({ hasText: /not letting Waymark save/ }).first().waitFor();
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), 'Still here');
    assert.deepEqual(errors.filter((e) => /panicked|unreachable/.test(e)), []);
  }, () => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('Storage is blocked', 'SecurityError');
    };
  });
});
