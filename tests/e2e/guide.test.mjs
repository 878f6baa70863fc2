// The guide screens, end to end in Chromium: every step opens by its address,
// ticks and answers are kept across a reload and show on the overview, a
// failed save keeps the words, the safety notes are there, and the whole
// guide works offline. Step titles and texts come from the content file, so
// the tests follow the content.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openApp, waitForServiceWorker, goOffline, ROOT } from './support.mjs';

const guide = JSON.parse(await readFile(join(ROOT, 'src', 'content', 'en', 'guide.json'), 'utf8'));
const step = (n) => guide.steps.find((s) => s.n === n);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });
// A test that went offline leaves the server reachable for the next one.
afterEach(() => { server.setOffline(false); });

/** Runs `body` with a fresh browser profile (so no test sees another's data). */
async function withPage(body) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await body(page, context);
  } finally { await close(); }
}

/** The text of the elements a control's aria-describedby points to. */
function description(locator) {
  return locator.evaluate((el) => (el.getAttribute('aria-describedby') || '')
    .split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent || '').join(' '));
}

/** Waits until a control's description contains `text`. */
async function waitForDescription(locator, text) {
  const deadline = Date.now() + 5000;
  let last = '';
  while (Date.now() < deadline) {
    last = await description(locator);
    if (last.includes(text)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`description never contained ${JSON.stringify(text)}; last: ${JSON.stringify(last)}`);
}

/** The overview's link for step `n` (its accessible name starts with "Step n: title"). */
function overviewLink(page, n) {
  return page.getByRole('link', { name: new RegExp(`^Step ${n}: ${escape(step(n).title)}`) });
}

test('every step opens by its address and its heading names the step', async () => {
  assert.equal(guide.steps.length, 10);
  await withPage(async (page) => {
    for (const s of guide.steps) {
      await openApp(page, server.url, `/guide/${s.n}`);
      const h1 = page.getByRole('heading', { level: 1 });
      const text = await h1.textContent();
      assert.ok(text.includes(s.title), `/guide/${s.n} heading "${text}" names "${s.title}"`);
      assert.ok(text.includes(`Step ${s.n} of 10`), `/guide/${s.n} says which step it is`);
      assert.equal(await page.locator('h1').count(), 1, `/guide/${s.n} has one h1`);
    }
  });
});

test('an unknown step says so kindly and links back to the list of steps', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/guide/11');
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /could not find that step/);
    await page.getByRole('link', { name: 'See all the steps' }).click();
    await page.waitForURL(server.url + '/guide');
    await overviewLink(page, 1).waitFor();
  });
});

test('a ticked action and a written answer are still there after a reload', async () => {
  const s = step(2);
  const action = s.actions[1].text;
  const question = s.reflections[0].text;
  const answer = 'Being judged. Going with my sister would help.';
  await withPage(async (page) => {
    await openApp(page, server.url, '/guide/2');
    const box = page.getByRole('checkbox', { name: action, exact: true });
    assert.equal(await box.isChecked(), false);
    await box.check();
    const field = page.getByRole('textbox', { name: question, exact: true });
    await field.fill(answer);
    // Saved a moment after typing stops; the date of the save is shown.
    await waitForDescription(field, 'Saved on');

    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    assert.equal(await page.getByRole('checkbox', { name: action, exact: true }).isChecked(), true);
    const again = page.getByRole('textbox', { name: question, exact: true });
    assert.equal(await again.inputValue(), answer);
    const today = new Date();
    const month = today.toLocaleString('en-GB', { month: 'long' });
    const saved = await description(again);
    assert.ok(saved.includes(`Saved on ${today.getDate()} ${month} ${today.getFullYear()}`), saved);
    // The other actions were not ticked along the way.
    assert.equal(await page.getByRole('checkbox', { name: s.actions[0].text, exact: true }).isChecked(), false);
  });
});

test('an answer is saved when the box loses focus, without waiting', async () => {
  const s = step(7);
  const question = s.reflections[0].text;
  await withPage(async (page) => {
    await openApp(page, server.url, '/guide/7');
    const field = page.getByRole('textbox', { name: question, exact: true });
    await field.fill('My aunt.');
    await page.getByRole('checkbox', { name: 'Mark this step done' }).focus();
    // Read straight away: a blur saves at once, not after the typing pause.
    const stored = await page.evaluate(() => Object.keys(localStorage)
      .map((k) => localStorage.getItem(k)).join('\n'));
    assert.ok(stored.includes('My aunt.'), 'the answer is in storage right after the blur');
  });
});

test('an answer typed just before leaving the step is kept', async () => {
  const question = step(7).reflections[0].text;
  await withPage(async (page) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openApp(page, server.url, '/guide/6');
    await page.getByRole('link', { name: /^Next step/ }).click();
    const field = page.getByRole('textbox', { name: question, exact: true });
    await field.fill('Kept on the way out');
    // Back to step 6 at once, inside the typing pause, with the box still focused.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: new RegExp(escape(step(6).title)) }).waitFor();
    await page.getByRole('link', { name: /^Next step/ }).click();
    assert.equal(await page.getByRole('textbox', { name: question, exact: true }).inputValue(), 'Kept on the way out');
    assert.deepEqual(errors, []);
  });
});

test('the overview shows a started step as working on it and counts its actions', async () => {
  const s = step(4);
  await withPage(async (page) => {
    await openApp(page, server.url, '/guide/4');
    await page.getByRole('checkbox', { name: s.actions[2].text, exact: true }).check();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guide' }).click();
    await page.waitForURL(server.url + '/guide');
    const link = overviewLink(page, 4);
    const text = await link.textContent();
    assert.ok(text.includes('Working on it'), text);
    assert.ok(text.includes(`1 of ${s.actions.length} actions done`), text);
    const untouched = await overviewLink(page, 5).textContent();
    assert.ok(untouched.includes('Not started'), untouched);
    assert.ok(untouched.includes(`0 of ${step(5).actions.length} actions done`), untouched);
    assert.ok(await page.getByText('0 of 10 steps done').isVisible());
  });
});

test('a step marked done shows as done on the overview and the next step becomes yours', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/guide');
    assert.equal(await overviewLink(page, 1).getAttribute('aria-current'), 'step');
    await openApp(page, server.url, '/guide/1');
    const done = page.getByRole('checkbox', { name: 'Mark this step done' });
    await done.check();
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    assert.equal(await page.getByRole('checkbox', { name: 'Mark this step done' }).isChecked(), true);
    await openApp(page, server.url, '/guide');
    const text = await overviewLink(page, 1).textContent();
    assert.ok(text.includes('Done'), text);
    assert.ok(await page.getByText('1 of 10 steps done').isVisible());
    assert.equal(await overviewLink(page, 2).getAttribute('aria-current'), 'step');
    assert.equal(await overviewLink(page, 1).getAttribute('aria-current'), null);
  });
});

test('a failed save says so and keeps the typed answer and the tick as they really are', async () => {
  const s = step(5);
  await withPage(async (page) => {
    await openApp(page, server.url, '/guide/5');
    // From now on the phone's storage is full (the app's probe key still works).
    await page.evaluate(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'wm:probe') return real.call(this, key, value);
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    const field = page.getByRole('textbox', { name: s.reflections[0].text, exact: true });
    await field.fill('Words that must not be lost');
    await field.blur();
    const said = await waitForDescription(field, 'not saved');
    assert.match(said, /still here/);
    assert.equal(await field.inputValue(), 'Words that must not be lost');

    const box = page.getByRole('checkbox', { name: s.actions[0].text, exact: true });
    await box.click();
    assert.match(await description(box), /not saved/);
    assert.equal(await box.isChecked(), false, 'the box shows what is really stored');
  });
});

test('step 3 shows the medical-care warning and step 10 links to the Help screen', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/guide/3');
    const warning = step(3).warning;
    assert.ok(await page.getByRole('heading', { name: warning.title }).isVisible());
    assert.ok(await page.getByText(warning.text).isVisible());
    assert.match(warning.text, /not medical advice/);

    await openApp(page, server.url, '/guide/10');
    assert.ok(await page.getByText(step(10).warning.text).isVisible());
    assert.ok(await page.getByText(/5 times higher/).isVisible(), 'the lost-tolerance figures are shown');
    // Next from step 10 is the key takeaway.
    assert.equal(await page.getByRole('link', { name: /^Next/ }).getAttribute('href'), '/guide/takeaway');
    await page.getByRole('link', { name: 'Open the Help screen' }).click();
    await page.waitForURL(server.url + '/help');
  });
});

test('the introduction shows its sources and the takeaway links to people, meetings and help', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/guide/intro');
    for (const section of guide.intro.sections) {
      assert.ok(await page.getByRole('heading', { name: section.title }).isVisible(), section.title);
    }
    const sources = await page.getByText(/^Source: /).count();
    const facts = guide.intro.sections.reduce((n, s) => n + (s.facts || []).length, 0);
    assert.equal(sources, facts);

    await openApp(page, server.url, '/guide/takeaway');
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), new RegExp(escape(guide.takeaway.title)));
    const hrefs = await page.getByRole('main').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of ['/tools/people', '/tools/meetings', '/help']) {
      assert.ok(hrefs.includes(href), `takeaway links to ${href}`);
    }
  });
});

test('after one visit every guide screen renders offline', async () => {
  await withPage(async (page, context) => {
    await openApp(page, server.url, '/guide');
    await waitForServiceWorker(page);
    await goOffline(context, server);
    for (const s of guide.steps) {
      await openApp(page, server.url, `/guide/${s.n}`);
      const text = await page.getByRole('heading', { level: 1 }).textContent();
      assert.ok(text.includes(s.title), `/guide/${s.n} offline shows "${s.title}"`);
    }
    for (const [path, title] of [['/guide', 'The guide'], ['/guide/intro', guide.intro.title], ['/guide/takeaway', guide.takeaway.title]]) {
      await openApp(page, server.url, path);
      assert.ok((await page.getByRole('heading', { level: 1 }).textContent()).includes(title), path);
    }
  });
});

test('the home screen shows your step and its next unticked action, with a link to it', async () => {
  const s = step(1);
  await withPage(async (page) => {
    await openApp(page, server.url, '/guide/1');
    await page.getByRole('checkbox', { name: s.actions[0].text, exact: true }).check();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    const card = page.getByRole('region', { name: 'Your step' });
    await card.waitFor();
    const text = await card.textContent();
    assert.ok(text.includes('Step 1 of 10') && text.includes(s.title), text);
    assert.ok(text.includes(`Next: ${s.actions[1].text}`), text);
    await card.getByRole('link', { name: 'Open step 1' }).click();
    await page.waitForURL(server.url + '/guide/1');
  });
});
