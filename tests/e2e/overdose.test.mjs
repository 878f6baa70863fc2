// The overdose response guide (/help/overdose) end to end: one tap from
// Help; the call button dials the region chosen in Settings; Playwright's
// clock drives the dose timer through the second-dose prompt (the timer reads
// timestamps, so a jump in time, as after a locked screen, shows at once),
// and it speaks only once sound is turned on; the screen wake lock is asked
// for, asked for again when the page comes back into view, and let go when
// the user leaves; axe finds nothing, with the prompt showing, in light and
// dark.
//
// The words are read from the content files and catalogues, so a reworded
// step never breaks the test and a missing one always does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startServer, launch, openApp, withPage, ROOT } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const json = async (path) => JSON.parse(await readFile(join(ROOT, path), 'utf8'));
const guide = await json('src/content/en/overdose.json');
const words = await json('src/content/en/ui/overdose.json');
const helplines = await json('src/content/en/helplines.json');

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A catalogue string with its `{time}` as a pattern of minutes and seconds. */
const withTime = (template) => new RegExp(`^${escape(template).replace('\\{time\\}', '(\\d+:\\d\\d)')}$`);
const sinceDose = (n) => words.since_dose.replace('{n}', String(n));

/** Records what the page would say, in place of speechSynthesis. */
async function stubSpeech(page) {
  await page.addInitScript(() => {
    window.__spoken = [];
    window.SpeechSynthesisUtterance = function SpeechSynthesisUtterance(text) { this.text = text; this.lang = ''; };
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: { speak(u) { window.__spoken.push(`${u.lang}: ${u.text}`); }, cancel() {} },
    });
  });
}

/** A navigator.wakeLock that records each request and release. */
async function stubWakeLock(page, supported = true) {
  await page.addInitScript((supported) => {
    const log = [];
    const sentinels = [];
    window.__wake = { log, sentinels };
    const wakeLock = {
      request(type) {
        log.push(`request:${type}`);
        const sentinel = {
          type,
          released: false,
          release() {
            if (!this.released) { this.released = true; log.push('release'); }
            return Promise.resolve();
          },
          addEventListener() {},
          removeEventListener() {},
        };
        sentinels.push(sentinel);
        return Promise.resolve(sentinel);
      },
    };
    Object.defineProperty(Navigator.prototype, 'wakeLock', {
      configurable: true,
      get: () => (supported ? wakeLock : undefined),
    });
  }, supported);
}

async function chooseRegion(page, name, code) {
  await openApp(page, server.url, '/settings');
  await page.getByRole('group', { name: 'Your region' }).getByRole('radio', { name }).check();
  await page.waitForFunction((code) => (localStorage.getItem('wm:settings') || '').includes(`"rg":"${code}"`), code);
}

test('one tap from Help opens the guide: six numbered steps, the call button and the dose button', () => withPage(async (page) => {
  await openApp(page, server.url, '/help');
  const link = page.getByRole('link', { name: words.help_link });
  const emergency = page.getByRole('link', { name: /^Call 911/ });
  assert.ok((await link.boundingBox()).y < (await emergency.boundingBox()).y, 'the guide comes before the emergency block');
  assert.ok((await link.boundingBox()).height >= 48, 'a big target');
  await link.click();
  await page.waitForURL(`${server.url}/help/overdose`);
  await page.getByRole('heading', { level: 1, name: guide.title }).waitFor();
  for (const [i, step] of guide.steps.entries()) {
    assert.ok(await page.getByRole('heading', { level: 2, name: `${i + 1}. ${step.title}` }).isVisible(), step.title);
    for (const line of step.lines) assert.equal(await page.getByText(line, { exact: true }).count(), 1, line);
  }
  const call = page.getByRole('link', { name: 'Call 911 for emergency services' });
  assert.equal(await call.getAttribute('href'), 'tel:911');
  assert.ok(await page.getByRole('button', { name: words.dose_first }).isVisible());
  assert.equal(await page.getByRole('link', { name: words.all_help }).getAttribute('href'), '/help');
}));

test('the call button dials the emergency number of the region chosen in Settings', () => withPage(async (page) => {
  await chooseRegion(page, 'United Kingdom', 'uk');
  await openApp(page, server.url, '/help/overdose');
  const call = page.getByRole('link', { name: 'Call 999 for emergency services' });
  assert.equal(await call.getAttribute('href'), 'tel:999');
  assert.equal(await page.locator('a[href="tel:911"]').count(), 0, 'no US number');

  // Spain: 112, and how people get naloxone there (not over the counter).
  await chooseRegion(page, 'Spain', 'es');
  await openApp(page, server.url, '/help/overdose');
  assert.equal(await page.getByRole('link', { name: 'Call 112 for emergency services' }).getAttribute('href'), 'tel:112');
  const spain = helplines.regions.find((r) => r.region === 'es');
  assert.ok(await page.getByText(spain.naloxone_note.text).isVisible(), 'the Spanish naloxone note');
}));

test('Playwright\'s clock drives the dose timer through the second-dose prompt; it speaks only with sound on', () => withPage(async (page) => {
  await stubSpeech(page);
  await page.clock.install({ time: new Date('2026-03-01T10:00:00Z') });
  await openApp(page, server.url, '/help/overdose');
  const timer = (n) => page.getByRole('timer', { name: sinceDose(n) });
  const prompt = page.getByRole('alert').filter({ hasText: words.due_now });
  const nextIn = page.getByText(withTime(words.next_in));
  assert.equal(await timer(1).count(), 0, 'no timer before a dose');

  await page.getByRole('button', { name: words.dose_first }).click();
  await page.getByRole('status').filter({ hasText: words.started }).waitFor();
  assert.match(await timer(1).textContent(), /^0:0\d$/);
  assert.match(await nextIn.textContent(), /in (2:00|1:5\d)\.$/);

  // One minute on, in one jump: a count of ticks would still say 0:01.
  await page.clock.fastForward('01:00');
  await timer(1).filter({ hasText: /^1:0\d$/ }).waitFor();
  assert.match(await nextIn.textContent(), /in (1:00|0:5\d)\.$/);
  assert.equal(await prompt.count(), 0, 'no prompt before 2 minutes');

  await page.clock.fastForward('01:05');
  await prompt.waitFor();
  assert.match(await timer(1).textContent(), /^2:0\d$/);
  assert.equal(await nextIn.count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__spoken), [], 'silent until sound is turned on');

  await page.getByRole('checkbox', { name: words.sound_label }).check();
  assert.deepEqual(await page.evaluate(() => window.__spoken), [`en: ${words.sound_on}`]);

  await page.getByRole('button', { name: words.dose_again }).click();
  await timer(2).waitFor();
  assert.equal(await prompt.count(), 0, 'a new dose starts a new wait');
  const doses = new URL(page.url()).searchParams.get('doses').split('.').map(Number);
  assert.equal(doses.length, 2);
  assert.ok(doses[1] - doses[0] >= 125000, 'the times of both doses are in the address');

  await page.clock.fastForward('02:00');
  await prompt.waitFor();
  assert.ok((await page.evaluate(() => window.__spoken)).includes(`en: ${words.due_now}`), 'the prompt is spoken');

  // A reload (the idle lock, a crash) keeps both doses and the time since.
  await page.reload();
  await page.waitForSelector('main h1');
  await timer(2).waitFor();
  assert.match(await timer(2).textContent(), /^2:\d\d$/);
  await prompt.waitFor();

  // So does going to Help for a number and opening the guide from there
  // again, with the sound as the user left it.
  const soundBox = page.getByRole('checkbox', { name: words.sound_label });
  assert.equal(await soundBox.isChecked(), false, 'sound is off after a reload');
  await soundBox.check();
  await page.getByRole('link', { name: words.all_help }).click();
  await page.waitForURL(`${server.url}/help`);
  await page.getByRole('link', { name: words.help_link }).click();
  await timer(2).waitFor();
  await page.waitForURL(/\/help\/overdose\?doses=\d+\.\d+$/);
  assert.ok(await soundBox.isChecked(), 'sound is still on');
  await page.goBack();
  await page.waitForURL(`${server.url}/help`, { timeout: 5000 });
}));

test('the screen wake lock is asked for while the guide is open, again on return, and let go on leaving', () => withPage(async (page) => {
  await stubWakeLock(page);
  await openApp(page, server.url, '/help/overdose');
  await page.getByText(words.screen_on).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__wake.log), ['request:screen']);

  // The browser lets go when the page is hidden; back in view, it asks again.
  await page.evaluate(() => {
    window.__wake.sentinels[0].released = true;
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  await page.waitForFunction(() => window.__wake.log.length === 2);
  assert.deepEqual(await page.evaluate(() => window.__wake.log), ['request:screen', 'request:screen']);

  // Leaving the guide lets go of the lock now held.
  await page.getByRole('link', { name: words.all_help }).click();
  await page.waitForURL(`${server.url}/help`);
  await page.waitForFunction(() => window.__wake.log.includes('release'));
  assert.deepEqual(await page.evaluate(() => window.__wake.log), ['request:screen', 'request:screen', 'release']);
  assert.ok(await page.evaluate(() => window.__wake.sentinels.every((s) => s.released)));
  // And another view change on another screen asks for nothing.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__wake.log.length), 3);
}));

test('without a wake lock the guide says nothing about the screen and still works', () => withPage(async (page) => {
  await stubWakeLock(page, false);
  await openApp(page, server.url, '/help/overdose');
  await page.getByRole('button', { name: words.dose_first }).click();
  await page.getByRole('timer', { name: sinceDose(1) }).waitFor();
  assert.equal(await page.getByText(words.screen_on).count(), 0);
}));

async function axe(page) {
  // Injected through the DevTools protocol, so the page's CSP does not apply.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on the guide, with the timer and the prompt showing, in ${scheme} mode`, async () => {
    const { context, close } = await launch({ colorScheme: scheme });
    try {
      const page = await context.newPage();
      await stubSpeech(page);
      await stubWakeLock(page);
      await page.clock.install({ time: new Date('2026-03-01T10:00:00Z') });
      await openApp(page, server.url, '/help/overdose');
      assert.deepEqual(await axe(page), [], 'before a dose');
      await page.getByRole('button', { name: words.dose_first }).click();
      await page.clock.fastForward('02:10');
      await page.getByRole('alert').filter({ hasText: words.due_now }).waitFor();
      assert.deepEqual(await axe(page), [], 'with the prompt');
    } finally { await close(); }
  });
}
