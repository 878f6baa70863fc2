// The journal end to end: a check-in is written, kept, edited, deleted and
// brought back, found by search and by trigger; a logged use shows the
// overdose warning at once and never takes the clean days away; a draft
// survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

/** Runs `fn(page, context)` in a fresh browser profile. */
async function withPage(fn) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await fn(page, context);
  } finally { await close(); }
}

/** Writes and saves a check-in through the form, then waits for the journal. */
async function checkIn(page, { mood = 'Good', craving, note = '', used = false, addTrigger } = {}) {
  await openApp(page, server.url, '/journal/new');
  await page.getByRole('radio', { name: mood, exact: true }).check();
  if (craving !== undefined) await page.getByRole('slider', { name: /craving/i }).fill(String(craving));
  if (used) await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  if (addTrigger) {
    await page.getByRole('textbox', { name: 'Add a trigger' }).fill(addTrigger);
    await page.getByRole('button', { name: 'Add trigger' }).click();
  }
  if (note) await page.getByRole('textbox', { name: /note/i }).fill(note);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.waitForURL(/\/journal$/);
  await page.getByText('Your check-in is saved.').waitFor();
}

/** The local date `days` ago as YYYY-MM-DD, from the browser's clock. */
function localDate(page, days) {
  return page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() - n);
    const p = (x) => String(x).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  }, days);
}

test('a check-in is saved, listed under today, and still there after a reload', async () => {
  await withPage(async (page) => {
    await checkIn(page, { mood: 'Good', craving: 4, note: 'Walked to the meeting with Sam' });
    const entry = page.getByRole('link', { name: /Walked to the meeting/ });
    await entry.waitFor();
    assert.match(await entry.textContent(), /Good · craving 4 of 10/);
    assert.ok(await page.getByRole('heading', { name: /^Today · / }).isVisible());
    // After the first entry the app asked once to keep its storage, and kept the answer.
    await page.waitForFunction(() => {
      const raw = localStorage.getItem('wm:settings');
      return raw && typeof JSON.parse(raw).x.ps === 'boolean';
    });
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    await page.getByRole('link', { name: /Walked to the meeting/ }).waitFor();
    // Home shows today's check-in instead of the button.
    await openApp(page, server.url, '/');
    await page.getByText(/You checked in today: Good · craving 4 of 10/).waitFor();
    assert.equal(await page.getByRole('link', { name: 'How are you today?' }).count(), 0);
    // There is now something to lose and no backup yet: home says so, quietly.
    assert.equal(await page.getByRole('link', { name: 'Back up in Settings' }).getAttribute('href'), '/settings#backup');
  });
});

test('an entry can be edited and the change is kept', async () => {
  await withPage(async (page) => {
    await checkIn(page, { mood: 'Low', note: 'First words' });
    await page.getByRole('link', { name: /First words/ }).click();
    await page.waitForURL(/\/journal\/[0-9a-z]+$/);
    const note = page.getByRole('textbox', { name: /note/i });
    assert.equal(await note.inputValue(), 'First words');
    assert.ok(await page.getByRole('radio', { name: 'Low', exact: true }).isChecked());
    await note.fill('Second thoughts');
    await page.getByRole('radio', { name: 'Okay', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Tired', exact: true }).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.waitForURL(/\/journal$/);
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    const edited = page.getByRole('link', { name: /Second thoughts/ });
    await edited.waitFor();
    assert.match(await edited.textContent(), /Okay/);
    assert.equal(await page.getByRole('link', { name: /First words/ }).count(), 0);
    await edited.click();
    assert.ok(await page.getByRole('checkbox', { name: 'Tired', exact: true }).isChecked());
    assert.ok(!(await page.getByRole('checkbox', { name: 'Hungry', exact: true }).isChecked()));
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), 'Second thoughts');
  });
});

test('delete asks nothing, and Undo brings the entry back for good', async () => {
  await withPage(async (page) => {
    await checkIn(page, { note: 'Keep me please' });
    await page.getByRole('link', { name: /Keep me please/ }).click();
    await page.getByRole('button', { name: 'Delete this check-in' }).click();
    await page.waitForURL(/\/journal$/);
    await page.getByText('Check-in deleted.').waitFor();
    assert.equal(await page.getByRole('link', { name: /Keep me please/ }).count(), 0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('link', { name: /Keep me please/ }).waitFor();
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    await page.getByRole('link', { name: /Keep me please/ }).waitFor();
  });
});

test('search finds an entry by a word in its note and hides the rest', async () => {
  await withPage(async (page) => {
    await checkIn(page, { note: 'Went fishing with my brother' });
    await checkIn(page, { note: 'Rainy day at home' });
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('FISHING');
    await page.getByText('1 check-in matches.').waitFor();
    assert.ok(await page.getByRole('link', { name: /Went fishing/ }).isVisible());
    assert.equal(await page.getByRole('link', { name: /Rainy day/ }).count(), 0);
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('nothing like this');
    await page.getByText('No check-ins match.').waitFor();
  });
});

test('the trigger filter shows only the entries with that trigger', async () => {
  await withPage(async (page) => {
    await checkIn(page, { note: 'Got paid today', addTrigger: 'Payday' });
    await checkIn(page, { note: 'Quiet evening' });
    // The new trigger was saved to the user's list: it is a chip next time.
    await openApp(page, server.url, '/journal/new');
    assert.ok(await page.getByRole('checkbox', { name: 'Payday', exact: true }).isVisible());
    await openApp(page, server.url, '/journal');
    await page.getByRole('combobox', { name: 'Filter by trigger' }).selectOption('Payday');
    await page.getByText('1 check-in matches.').waitFor();
    assert.ok(await page.getByRole('link', { name: /Got paid today/ }).isVisible());
    assert.equal(await page.getByRole('link', { name: /Quiet evening/ }).count(), 0);
  });
});

test('logging a use shows the lost-tolerance warning at once and keeps every clean day', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/');
    await page.getByLabel('Your first clean day').fill(await localDate(page, 30));
    await page.getByRole('button', { name: 'Save start date' }).click();
    await page.getByText('days since your last use').waitFor();
    const card = page.getByRole('region', { name: 'Your clean time' });
    assert.match(await card.textContent(), /30\s*days since your last use/);
    assert.match(await card.textContent(), /30 clean days in all · next: 60 days/);

    await openApp(page, server.url, '/journal/new');
    const warning = page.getByRole('region', { name: /smaller amount can kill/ });
    assert.equal(await warning.count(), 0);
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await warning.waitFor();
    assert.match(await warning.textContent(), /tolerance/);
    assert.ok(await warning.getByRole('link', { name: /Never Use Alone/ }).isVisible());
    assert.ok(await warning.getByRole('link', { name: /Emergency: call 911/ }).isVisible());
    assert.equal(await warning.getByRole('link', { name: /Never Use Alone/ }).getAttribute('href'), 'tel:18004843731');
    assert.ok(await warning.getByRole('link', { name: /More help/ }).getAttribute('href'), '/help');
    assert.match(await page.locator('main').textContent(), /does not erase your clean days/);
    // The optional review is saved with the entry.
    await page.getByText('Look back at what happened (optional)').click();
    await page.getByRole('textbox', { name: 'What happened?' }).fill('Ran into an old friend');
    await page.getByRole('radio', { name: 'Low', exact: true }).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.waitForURL(/\/journal$/);
    await page.getByText('You logged a use. Your clean days still count.').first().waitFor();

    await openApp(page, server.url, '/');
    const after = page.getByRole('region', { name: 'Your clean time' });
    await after.getByText(/clean days in all/).waitFor();
    assert.match(await after.textContent(), /0\s*days since your last use/);
    assert.match(await after.textContent(), /30 clean days in all/);

    await openApp(page, server.url, '/journal');
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('old friend');
    await page.getByText('1 check-in matches.').waitFor();
  });
});

test('an unsaved check-in survives a reload and can be discarded', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/journal/new');
    await page.getByRole('radio', { name: 'Very good', exact: true }).check();
    await page.getByRole('textbox', { name: /note/i }).fill('Half a thought…');
    await page.waitForTimeout(800); // past the autosave debounce
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    await page.getByText('We kept your unsaved check-in').waitFor();
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), 'Half a thought…');
    assert.ok(await page.getByRole('radio', { name: 'Very good', exact: true }).isChecked());
    assert.equal(await page.getByRole('textbox', { name: /note/i }).count(), 1);

    await page.getByRole('button', { name: /Discard it/ }).click();
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), '');
    await page.waitForTimeout(800);
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), '');
    assert.equal(await page.getByText('We kept your unsaved check-in').count(), 0);
  });
});

test('a save with no mood picked says what is missing next to the field and keeps the note', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/journal/new');
    await page.getByRole('textbox', { name: /note/i }).fill('Words I do not want to lose');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByText('Pick how you feel today.').first().waitFor();
    assert.match(page.url(), /\/journal\/new$/);
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), 'Words I do not want to lose');
  });
});

test('a past day can be logged, a future day cannot, and Jump to date finds the closest earlier day', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/journal/new');
    await page.getByLabel('Date').fill(await localDate(page, -2));
    await page.getByRole('radio', { name: 'Okay', exact: true }).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByText('This date is in the future. Pick today or an earlier day.').first().waitFor();
    assert.match(page.url(), /\/journal\/new$/);
    await page.getByLabel('Date').fill(await localDate(page, 5));
    await page.getByRole('textbox', { name: /note/i }).fill('Backfilled entry');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.waitForURL(/\/journal$/);
    await checkIn(page, { note: 'Fresh entry' });
    // Newest first.
    const text = await page.locator('main').textContent();
    assert.ok(text.indexOf('Fresh entry') < text.indexOf('Backfilled entry'));
    await page.getByLabel('Jump to date').fill(await localDate(page, 3));
    await page.getByText(/No check-in that day\. Showing the closest earlier day/).waitFor();
    const target = await localDate(page, 5);
    await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, `day-${target}`);
  });
});

// Speed is measured by scripts/bench.sh; this checks behaviour with ten years.
test('ten years of daily check-ins open, fifty at a time, and every one counts', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/');
    await page.evaluate(() => {
      const day = 24 * 60 * 60 * 1000;
      const start = Date.UTC(2015, 0, 1);
      const index = [];
      for (let i = 0; i < 3650; i++) {
        const date = new Date(start + i * day).toISOString().slice(0, 10);
        const id = `fixture${String(i).padStart(5, '0')}`;
        const x = { i: id, d: date, m: 1 + (i % 5), c: i % 11, n: `Day ${i} of the fixture, tag${i}x. ${'words '.repeat(30)}` };
        // The last use is in the oldest part of the history, which is read last.
        if (i === 100) x.u = true;
        localStorage.setItem(`wm:j:${id}`, JSON.stringify({ v: 1, r: 1, t: start + i * day, x }));
        index.push([id, date]);
      }
      // The journal index earlier builds kept (and rewrote on every save).
      localStorage.setItem('wm:j', JSON.stringify(index));
    });
    // Clean time counts from the use on day 100, not from the newest slice.
    await openApp(page, server.url, '/', 60000);
    const clean = page.locator('.clean-time .big-number');
    await clean.waitFor({ timeout: 60000 });
    const expected = await page.evaluate(() => {
      const use = new Date(2015, 0, 1 + 100);
      const now = new Date();
      const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
      return Math.round((today - use) / (24 * 60 * 60 * 1000));
    });
    assert.ok(Math.abs(Number(await clean.textContent()) - expected) <= 1, `${await clean.textContent()} vs ${expected}`);
    await page.waitForFunction(() => localStorage.getItem('wm:j') === null);

    const started = Date.now();
    await openApp(page, server.url, '/journal', 60000);
    await page.getByText('3650 check-ins. Showing the newest 50.').waitFor({ timeout: 60000 });
    const elapsed = Date.now() - started;
    console.log(`# 3650 check-ins: journal opened in ${elapsed} ms`);
    assert.equal(await page.locator('main li a[href^="/journal/fixture"]').count(), 50);
    assert.ok(await page.getByRole('link', { name: /Day 3649 of the fixture/ }).isVisible());
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.getByText('3650 check-ins. Showing the newest 100.').waitFor();
    assert.equal(await page.locator('main li a[href^="/journal/fixture"]').count(), 100);
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('TAG12X');
    await page.getByText('1 check-in matches.').waitFor();
    assert.ok(await page.getByRole('link', { name: /Day 12 of the fixture/ }).isVisible());
  });
});
