// Moving to a new phone with no cloud (issue 13, part 2), end to end: on the
// old phone a check-in and a contact are written, the guided flow at
// /settings/move makes a backup file sealed with a passphrase (with the lock
// off) and hands it to the share sheet (navigator.share, stubbed in the page
// to record the File); on a fresh profile that file imports with the
// passphrase and everything is back, and a wrong passphrase changes nothing.
// Where the browser cannot share files, the flow saves the file instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, openApp, withPage } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const PASS = 'harbour lights at six 19';
const NOTE = 'moved along with me heron 31';
const PERSON = 'Rosa Delgado';

/** Every Waymark key and value in local storage. */
const snapshot = (page) => page.evaluate(() =>
  Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('wm:')).sort()
    .map((k) => [k, localStorage.getItem(k)])));

/** In the page: a share sheet that records what it was given, and a way to
 * hold the key derivation (so the busy state can be seen). */
function stubShareSheet() {
  window.__shared = null;
  window.__shareCalls = 0;
  Object.defineProperty(Navigator.prototype, 'canShare', {
    configurable: true,
    writable: true,
    value(data) { return !!(data && Array.isArray(data.files) && data.files.length > 0); },
  });
  Object.defineProperty(Navigator.prototype, 'share', {
    configurable: true,
    writable: true,
    async value(data) {
      window.__shareCalls += 1;
      if (window.__abortNext) {
        window.__abortNext = false;
        throw new DOMException('Share canceled', 'AbortError');
      }
      const file = data.files[0];
      window.__shared = {
        count: data.files.length, title: data.title, name: file.name, type: file.type, text: await file.text(),
      };
    },
  });
  const derive = SubtleCrypto.prototype.deriveKey;
  SubtleCrypto.prototype.deriveKey = function (...args) {
    if (!window.__holdDerive) return derive.apply(this, args);
    return new Promise((resolve, reject) => {
      window.__releaseDerive = () => derive.apply(this, args).then(resolve, reject);
    });
  };
}

/** In the page: a browser that cannot share files at all. */
function noShareSheet() {
  for (const name of ['canShare', 'share']) {
    Object.defineProperty(Navigator.prototype, name, { configurable: true, writable: true, value: undefined });
  }
}

async function writeCheckIn(page, note) {
  await openApp(page, server.url, '/journal/new');
  await page.getByRole('radio', { name: 'Good', exact: true }).check();
  await page.getByRole('textbox', { name: /note/i }).fill(note);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.waitForURL(/\/journal$/);
  await page.getByText('Your check-in is saved.').waitFor();
}

async function writeContact(page, name) {
  await openApp(page, server.url, '/tools/people');
  const add = page.getByRole('region', { name: 'Add a person' });
  await add.getByLabel('Name', { exact: true }).fill(name);
  await add.getByLabel('Phone (optional)').fill('555 0142');
  await add.getByRole('button', { name: 'Save person' }).click();
  await add.getByText('Saved.').waitFor();
}

/** Settings › Move to a new phone, then into the flow, as a person goes. */
async function openFlow(page) {
  await openApp(page, server.url, '/settings');
  const section = page.getByRole('region', { name: 'Move to a new phone' });
  await section.getByRole('link', { name: 'Move to a new phone, step by step' }).click();
  await page.waitForURL(/\/settings\/move$/);
  await page.getByRole('heading', { level: 1, name: 'Move to a new phone' }).waitFor();
}

const step = (page, n) => page.getByRole('region', { name: new RegExp(`^Step ${n} of 3`) });

async function makeEncrypted(page, passphrase = PASS) {
  const one = step(page, 1);
  await one.getByLabel('Passphrase for this file').fill(passphrase);
  await one.getByLabel('Type it again').fill(passphrase);
  await one.getByRole('button', { name: 'Make the backup file' }).click();
  await one.getByRole('status').filter({ hasText: 'Your file is ready' }).waitFor({ timeout: 20000 });
}

test('the file goes to the share sheet sealed, and opens on a fresh phone with the passphrase only', async () => {
  let shared;
  await withPage(async (page, context) => {
    await context.addInitScript(stubShareSheet);
    await writeCheckIn(page, NOTE);
    await writeContact(page, PERSON);
    await openFlow(page);
    for (const n of [1, 2, 3]) await step(page, n).getByRole('heading', { level: 2 }).waitFor();
    assert.match(await page.locator('main').textContent(), /only copy of your data outside this phone/);
    assert.match(await step(page, 2).textContent(), /Make the file in step 1 first/);
    assert.equal(await step(page, 2).getByRole('button').count(), 0, 'nothing to send before the file exists');

    // The same rules as the lock: two passphrases that differ are refused.
    const one = step(page, 1);
    await one.getByLabel('Passphrase for this file').fill(PASS);
    await one.getByLabel('Type it again').fill(PASS + ' typo');
    await one.getByRole('button', { name: 'Make the backup file' }).click();
    await one.getByRole('alert').filter({ hasText: /do not match|not the same/i }).waitFor();
    assert.equal(await one.getByLabel('Passphrase for this file').inputValue(), PASS, 'what was typed stays');

    // While the key is derived the button says so and cannot be pressed again.
    await page.evaluate(() => { window.__holdDerive = true; });
    await one.getByLabel('Type it again').fill(PASS);
    await one.getByRole('button', { name: 'Make the backup file' }).click();
    const busy = one.getByRole('button', { name: /^Locking the file/ });
    await busy.waitFor();
    assert.ok(await busy.isDisabled(), 'the busy button cannot be pressed twice');
    await page.waitForFunction(() => typeof window.__releaseDerive === 'function');
    await page.evaluate(() => { window.__holdDerive = false; window.__releaseDerive(); });
    const ready = one.getByRole('status').filter({ hasText: 'Your file is ready' });
    await ready.waitFor({ timeout: 20000 });
    assert.match(await ready.textContent(), /waymark-backup-\d{4}-\d{2}-\d{2}-encrypted\.json\. It holds \d+ items?\./);
    assert.equal(await one.getByLabel('Passphrase for this file').inputValue(), '', 'the passphrase is not kept on screen');
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'move-step2-title',
      'focus moves on to step 2');

    // Closing the share sheet sends nothing and says so; the file is still there.
    const two = step(page, 2);
    await page.evaluate(() => { window.__abortNext = true; });
    await two.getByRole('button', { name: 'Send the file' }).click();
    await two.getByText('The share menu closed and nothing was sent.').waitFor();
    assert.equal(await page.evaluate(() => window.__shared), null);
    await two.getByRole('button', { name: 'Send the file' }).click();
    await two.getByText('The file went to the app you chose.').waitFor();
    shared = await page.evaluate(() => window.__shared);
    assert.equal(await page.evaluate(() => window.__shareCalls), 2);

    // Step 3 points at the import, and the old phone keeps its data until deleted.
    const three = step(page, 3);
    assert.equal(await three.getByRole('link', { name: /Bring back a backup/ }).getAttribute('href'), '/settings#backup');
    assert.ok((await three.textContent()).includes(server.url), 'step 3 gives the address to open');
    const old = page.getByRole('region', { name: 'Your data stays on this phone' });
    assert.equal(await old.getByRole('link', { name: /Delete everything/ }).getAttribute('href'), '/settings#delete');

    await openApp(page, server.url, '/settings');
    await page.locator('#backup').getByText('Last backup: today').waitFor();
  });

  assert.equal(shared.count, 1);
  assert.equal(shared.title, 'Waymark backup');
  assert.match(shared.name, /^waymark-backup-\d{4}-\d{2}-\d{2}-encrypted\.txt$/);
  assert.equal(shared.type, 'text/plain');
  const sealed = JSON.parse(shared.text);
  assert.equal(sealed.format, 'waymark-encrypted-backup');
  assert.equal(sealed.it, 600000);
  assert.ok(!shared.text.includes('heron') && !shared.text.includes('Delgado'), 'the file does not hold the words');

  await withPage(async (page) => {
    await openApp(page, server.url, '/settings');
    const before = await snapshot(page);
    const input = page.getByLabel('Choose a backup file');
    await input.setInputFiles({ name: shared.name, mimeType: shared.type, buffer: Buffer.from(shared.text) });
    await page.getByLabel('Backup passphrase').fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Open backup' }).click();
    await page.getByRole('alert').filter({ hasText: 'does not open this backup' }).waitFor({ timeout: 20000 });
    assert.match(await page.getByRole('alert').filter({ hasText: 'does not open' }).textContent(), /Nothing was imported/);
    assert.equal(await page.getByRole('region', { name: 'Before you import' }).count(), 0);
    assert.deepEqual(await snapshot(page), before, 'a wrong passphrase changes nothing');

    await page.getByLabel('Backup passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Open backup' }).click();
    const preview = page.getByRole('region', { name: 'Before you import' });
    await preview.waitFor({ timeout: 20000 });
    const fresh = Number((await preview.textContent()).match(/New:\s*(\d+)/)[1]);
    assert.ok(fresh >= 2, `the preview says what will come (${fresh} new)`);
    await preview.getByRole('button', { name: 'Import now' }).click();
    await page.getByRole('region', { name: 'Import finished' }).waitFor();

    await openApp(page, server.url, '/journal');
    await page.getByRole('link', { name: new RegExp(NOTE) }).waitFor();
    await openApp(page, server.url, '/tools/people');
    await page.getByRole('heading', { name: PERSON, exact: true }).waitFor();
  });
});

test('where the browser cannot share files, the flow saves the file to the downloads instead', () => withPage(async (page, context) => {
  await context.addInitScript(noShareSheet);
  await writeCheckIn(page, NOTE);
  await openFlow(page);
  await makeEncrypted(page);
  const two = step(page, 2);
  assert.match(await two.textContent(), /cannot send files from Waymark/);
  assert.equal(await two.getByRole('button', { name: 'Send the file' }).count(), 0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    two.getByRole('button', { name: 'Save the file to this phone' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^waymark-backup-\d{4}-\d{2}-\d{2}-encrypted\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  assert.equal(JSON.parse(text).format, 'waymark-encrypted-backup');
  assert.ok(!text.includes('heron'));
  await two.getByText('The file is in your downloads.').waitFor();
}));

test('a file with no passphrase is made only after its warning, and says it is not locked', () => withPage(async (page, context) => {
  await context.addInitScript(noShareSheet);
  await writeCheckIn(page, NOTE);
  await openFlow(page);
  const one = step(page, 1);
  // Folded away (out of the accessibility tree until opened) and off.
  assert.equal(await one.locator('#move-plain').isVisible(), false, 'the plain option is folded away');
  assert.equal(await one.locator('#move-plain').isChecked(), false, 'encrypted is the default');
  await one.getByText('Other ways').click();
  const plain = one.getByRole('checkbox', { name: 'Make a file with no passphrase' });
  assert.ok(await one.getByText(/anyone who gets the file can read/).isVisible(), 'the warning comes with the option');
  await plain.check();
  assert.equal(await one.getByLabel('Passphrase for this file').count(), 0);
  await one.getByRole('button', { name: 'Make the backup file' }).click();
  await one.getByRole('status').filter({ hasText: 'This file is not locked' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    step(page, 2).getByRole('button', { name: 'Save the file to this phone' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^waymark-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.app, 'waymark');
  assert.ok(JSON.stringify(file.records).includes(NOTE));
}));
