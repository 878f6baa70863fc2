// The passphrase lock end to end in Chromium: with the lock on, nothing the
// user wrote is readable in storage; the right passphrase opens it and a
// wrong one does not; a changed value is reported and set aside, not shown;
// every write has its own IV; an encrypted backup comes back with the
// passphrase; the lock can be turned off; Help opens without the passphrase.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, openApp, withPage } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const PASS = 'blue kettle at dawn 42';

/** Every Waymark key and value in local storage. */
const snapshot = (page) => page.evaluate(() =>
  Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('wm:')).sort()
    .map((k) => [k, localStorage.getItem(k)])));

/** Keys that hold user data (all but the schema version and the lock). */
// The schema version, the lock's parameters and the language stay readable
// (src/data/vault.rs: is_user_key).
const PLAIN_KEYS = ['wm:schema', 'wm:lock', 'wm:lang'];
const userKeys = (snap) => Object.keys(snap).filter((k) => !PLAIN_KEYS.includes(k));

/** Writes a check-in. With `inApp`, goes there by links (a full page load
 * while the lock is on would ask for the passphrase again). */
async function checkIn(page, note, inApp = false) {
  if (inApp) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('link', { name: 'New check-in' }).click();
  } else {
    await openApp(page, server.url, '/journal/new');
  }
  await page.getByRole('radio', { name: 'Good', exact: true }).check();
  await page.getByRole('textbox', { name: /note/i }).fill(note);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.waitForURL(/\/journal$/);
  await page.getByText('Your check-in is saved.').waitFor();
}

async function turnOnLock(page) {
  await openApp(page, server.url, '/settings');
  const section = page.getByRole('region', { name: 'Passphrase lock' });
  await section.getByLabel('New passphrase').fill(PASS);
  await section.getByLabel('Type it again').fill(PASS);
  await section.getByRole('button', { name: 'Turn on the lock' }).click();
  await section.getByText('The lock is on.').waitFor({ timeout: 20000 });
}

/** Waits until every user value in storage is sealed (writes are behind). */
async function waitAllSealed(page) {
  await page.waitForFunction(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('wm:') && !['wm:schema', 'wm:lock', 'wm:lang'].includes(k))
    .every((k) => localStorage.getItem(k).startsWith('wme1:')));
}

async function unlock(page, passphrase) {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('with the lock on no stored value holds what was written, and only the right passphrase opens it', () => withPage(async (page) => {
  await checkIn(page, 'before-lock zebra 4471');
  await turnOnLock(page);
  await checkIn(page, 'after-lock walrus 9902', true);
  await waitAllSealed(page);

  const snap = await snapshot(page);
  assert.ok(userKeys(snap).length >= 3, `both records and the settings are stored: ${userKeys(snap)}`);
  for (const [k, v] of Object.entries(snap)) {
    for (const word of ['zebra', 'walrus', 'before-lock', 'after-lock', 'Good']) {
      assert.ok(!v.includes(word), `${k} does not contain "${word}"`);
    }
  }
  for (const k of userKeys(snap)) assert.match(snap[k], /^wme1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/, k);
  const meta = JSON.parse(snap['wm:lock']);
  assert.equal(meta.kdf, 'PBKDF2-SHA-256');
  assert.equal(meta.alg, 'AES-256-GCM');
  assert.ok(meta.it >= 600000, `iterations ${meta.it}`);
  assert.equal(Buffer.from(meta.salt, 'base64').length, 16);
  assert.ok(!JSON.stringify(meta).includes(PASS), 'the passphrase is not stored');

  await page.reload();
  await page.getByRole('heading', { name: 'Waymark is locked', level: 1 }).waitFor();
  const lockedText = await page.locator('body').innerText();
  assert.ok(!lockedText.includes('zebra') && !lockedText.includes('walrus'), 'nothing shows while locked');

  await unlock(page, 'blue kettle at dusk 42');
  await page.getByRole('alert').filter({ hasText: 'not the right one' }).waitFor({ timeout: 20000 });
  assert.ok(await page.getByRole('heading', { name: 'Waymark is locked' }).isVisible());

  await unlock(page, PASS);
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 20000 });
  await openApp(page, server.url, '/journal');
  // A full load asks again: the key lived only in the page.
  await page.getByRole('heading', { name: 'Waymark is locked' }).waitFor();
  await unlock(page, PASS);
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 20000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('link', { name: /zebra 4471/ }).waitFor();
  await page.getByRole('link', { name: /walrus 9902/ }).waitFor();
}));

test('a changed sealed value is reported and set aside, never shown', () => withPage(async (page) => {
  await checkIn(page, 'untouched otter 1');
  await checkIn(page, 'tampered heron 2');
  await turnOnLock(page);
  await waitAllSealed(page);
  // Flip one base64 character inside the ciphertext of the second entry.
  const key = await page.evaluate(async () => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('wm:j:'));
    return keys.sort()[keys.length - 1];
  });
  await page.evaluate((key) => {
    const v = localStorage.getItem(key);
    const i = v.lastIndexOf(':') + 5;
    const c = v[i] === 'A' ? 'B' : 'A';
    localStorage.setItem(key, v.slice(0, i) + c + v.slice(i + 1));
  }, key);
  await page.reload();
  await unlock(page, PASS);
  await page.getByText('could not be opened').first().waitFor({ timeout: 20000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('link', { name: /untouched otter 1/ }).waitFor();
  assert.equal(await page.getByText(/tampered heron/).count(), 0, 'the changed entry is not shown');
  const snap = await snapshot(page);
  assert.equal(snap[key], undefined, 'the changed value moved away from its key');
  const aside = Object.keys(snap).filter((k) => k.startsWith('wm:q:'));
  assert.equal(aside.length, 1, `one value set aside: ${aside}`);
  assert.match(snap[aside[0]], /^wme1:/, 'and kept exactly as found');
}));

test('every write is sealed with a fresh IV', () => withPage(async (page) => {
  await turnOnLock(page);
  const ivOf = (v) => v.split(':')[1];
  const ivs = [];
  for (const theme of ['Dark', 'Light', 'Dark']) {
    const before = (await snapshot(page))['wm:settings'];
    await page.getByRole('radio', { name: theme }).check();
    await page.waitForFunction((b) => localStorage.getItem('wm:settings') !== b
      && localStorage.getItem('wm:settings').startsWith('wme1:'), before);
    ivs.push(ivOf((await snapshot(page))['wm:settings']));
  }
  const all = Object.entries(await snapshot(page)).filter(([k]) => k !== 'wm:schema' && k !== 'wm:lock')
    .map(([, v]) => ivOf(v));
  assert.equal(new Set(ivs).size, ivs.length, `three saves, three IVs: ${ivs}`);
  assert.equal(new Set(all).size, all.length, 'no two stored values share an IV');
  for (const iv of ivs) assert.equal(Buffer.from(iv, 'base64').length, 12);
}));

test('an encrypted backup imports on a fresh device with the passphrase, and a wrong one changes nothing', async () => {
  let text;
  await withPage(async (page) => {
    await checkIn(page, 'carried over ibis 77');
    await turnOnLock(page);
    await openApp(page, server.url, '/settings');
    await page.getByRole('heading', { name: 'Waymark is locked' }).waitFor();
    await unlock(page, PASS);
    const backup = page.getByRole('region', { name: 'Backup' });
    await backup.waitFor({ timeout: 20000 });
    assert.ok(await backup.getByRole('checkbox', { name: 'Encrypt the backup with my passphrase' }).isChecked());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      backup.getByRole('button', { name: 'Download a backup', exact: true }).click(),
    ]);
    assert.match(download.suggestedFilename(), /-encrypted\.json$/);
    text = await readFile(await download.path(), 'utf8');
  });
  assert.ok(!text.includes('ibis'), 'the file does not hold the words');
  assert.equal(JSON.parse(text).format, 'waymark-encrypted-backup');

  await withPage(async (page) => {
    await openApp(page, server.url, '/settings');
    const before = await snapshot(page);
    const input = page.getByLabel('Choose a backup file');
    await input.setInputFiles({ name: 'waymark-backup-encrypted.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByLabel('Backup passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Open backup' }).click();
    await page.getByRole('alert').filter({ hasText: 'does not open this backup' }).waitFor({ timeout: 20000 });
    assert.deepEqual(await snapshot(page), before, 'a wrong passphrase changes nothing');
    await page.getByLabel('Backup passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Open backup' }).click();
    const preview = page.getByRole('region', { name: 'Before you import' });
    await preview.waitFor({ timeout: 20000 });
    await preview.getByRole('button', { name: 'Import now' }).click();
    await page.getByRole('region', { name: 'Import finished' }).waitFor();
    await openApp(page, server.url, '/journal');
    await page.getByRole('link', { name: /carried over ibis 77/ }).waitFor();
  });
});

test('turning the lock off with the passphrase stores everything readable again', () => withPage(async (page) => {
  await checkIn(page, 'plain again lynx 5');
  await turnOnLock(page);
  await waitAllSealed(page);
  const section = page.getByRole('region', { name: 'Passphrase lock' });
  await section.getByLabel('Your passphrase').fill('wrong one entirely');
  await section.getByRole('button', { name: 'Turn off the lock' }).click();
  await section.getByRole('alert').filter({ hasText: 'not the right one' }).waitFor({ timeout: 20000 });
  await section.getByLabel('Your passphrase').fill(PASS);
  await section.getByRole('button', { name: 'Turn off the lock' }).click();
  await page.getByRole('region', { name: 'Passphrase lock' }).getByLabel('New passphrase').waitFor({ timeout: 20000 });
  const snap = await snapshot(page);
  assert.equal(snap['wm:lock'], undefined);
  assert.ok(Object.values(snap).some((v) => v.includes('plain again lynx 5')));
  assert.ok(Object.values(snap).every((v) => !v.startsWith('wme1:')));
}));

test('while locked, Help opens with its numbers and no passphrase', () => withPage(async (page) => {
  await turnOnLock(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Waymark is locked' }).waitFor();
  await page.getByRole('link', { name: /^Help/ }).first().click();
  await page.waitForURL(/\/help$/);
  await page.getByRole('link', { name: /988/ }).first().waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Waymark is locked' }).count(), 0);
}));

test('after the chosen idle time the app locks itself, and the note being typed comes back', () => withPage(async (page) => {
  await page.clock.install();
  await openApp(page, server.url, '/settings');
  const section = page.getByRole('region', { name: 'Passphrase lock' });
  await section.getByLabel('New passphrase').fill(PASS);
  await section.getByLabel('Type it again').fill(PASS);
  await section.getByLabel('Lock by itself').selectOption({ label: 'After 1 minute of no use' });
  await section.getByRole('button', { name: 'Turn on the lock' }).click();
  await section.getByText('The lock is on.').waitFor({ timeout: 20000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('link', { name: /new check-in|check in/i }).first().click();
  await page.getByRole('textbox', { name: /note/i }).fill('half-typed when it locked');
  await page.clock.fastForward('01:30');
  await page.getByRole('heading', { name: 'Waymark is locked' }).waitFor({ timeout: 20000 });
  const snap = await snapshot(page);
  assert.ok(Object.values(snap).every((v) => !v.includes('half-typed')), 'the draft is sealed too');
  await unlock(page, PASS);
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 20000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('link', { name: /new check-in|check in/i }).first().click();
  assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), 'half-typed when it locked');
}));

test('a second tab open when the lock is turned on locks too, and writes no plain text', () => withPage(async (page, context) => {
  await checkIn(page, 'two tabs puffin 3');
  const other = await context.newPage();
  await openApp(other, server.url, '/journal');
  await other.getByRole('link', { name: /puffin 3/ }).waitFor();
  await turnOnLock(page);
  await other.getByRole('heading', { name: 'Waymark is locked' }).waitFor({ timeout: 10000 });
  await waitAllSealed(page);
  const snap = await snapshot(page);
  assert.ok(Object.values(snap).every((v) => !v.includes('puffin')), 'nothing readable in storage');
  // The second tab opens with the passphrase and sees what the first one writes.
  await unlock(other, PASS);
  await other.getByRole('link', { name: /puffin 3/ }).waitFor({ timeout: 20000 });
  await checkIn(page, 'sealed in tab one gannet 8', true);
  await other.getByRole('link', { name: /gannet 8/ }).waitFor({ timeout: 10000 });
}));

test('a forgotten passphrase: typing DELETE on the lock screen removes everything and starts afresh', () => withPage(async (page) => {
  await checkIn(page, 'forgotten tern 6');
  await turnOnLock(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Waymark is locked' }).waitFor();
  await page.getByText('I forgot my passphrase').click();
  const confirm = page.getByRole('button', { name: 'Delete everything and start again' });
  await page.getByLabel('Type DELETE to delete everything').fill('delete');
  await confirm.click();
  await page.getByRole('alert').filter({ hasText: 'capital letters' }).waitFor();
  assert.ok((await snapshot(page))['wm:lock'], 'lower case deletes nothing');
  await page.getByLabel('Type DELETE to delete everything').fill('DELETE');
  await Promise.all([page.waitForURL(server.url + '/'), confirm.click()]);
  await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 20000 });
  const left = Object.keys(await snapshot(page)).filter((k) => k !== 'wm:schema');
  assert.deepEqual(left, [], 'no Waymark data and no lock are left');
}));
