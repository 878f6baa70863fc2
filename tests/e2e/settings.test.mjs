// Settings end to end: theme, region and its helplines, the recovery start
// date, the storage meter, set-aside data, and "delete everything".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, launch, openApp } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

/** Every localStorage key and value. */
const snapshot = (page) => page.evaluate(() =>
  Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

async function withPage(fn) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await fn(page, context);
  } finally { await close(); }
}

test('choosing the dark theme sets it on the page and it survives a reload', () => withPage(async (page) => {
  await openApp(page, server.url, '/settings');
  const group = page.getByRole('group', { name: 'Theme' });
  for (const name of ['System', 'Light', 'Dark']) {
    assert.ok(await group.getByRole('radio', { name, exact: true }).isVisible(), `${name} is offered`);
  }
  assert.ok(await group.getByRole('radio', { name: 'System' }).isChecked(), 'System is the default');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.reload();
  await page.waitForSelector('[data-app-ready]');
  await page.waitForSelector('main h1'); // the screen may come in a lazy module
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.ok(await page.getByRole('radio', { name: 'Dark' }).isChecked());
  await page.getByRole('radio', { name: 'System' }).check();
  await page.waitForFunction(() => document.documentElement.dataset.theme === undefined);
}));

test('choosing the United Kingdom shows its helpline numbers with the date they were checked', () => withPage(async (page) => {
  await openApp(page, server.url, '/settings');
  const region = page.locator('#region');
  assert.ok(await region.getByText('1-800-662-4357').isVisible(), 'US numbers first');
  assert.equal(await region.getByText('0300 123 6600').count(), 0);
  await page.getByRole('group', { name: 'Your region' }).getByRole('radio', { name: 'United Kingdom' }).check();
  await region.getByText('0300 123 6600').waitFor();
  assert.equal(await region.getByText('1-800-662-4357').count(), 0, 'US numbers are gone');
  const link = region.getByRole('link', { name: '0300 123 6600' });
  assert.equal(await link.getAttribute('href'), 'tel:03001236600');
  assert.match(await region.textContent(), /Last checked: [A-Z][a-z]+ \d{4}/);
  assert.match(await region.textContent(), /Emergency: 999/);
  await page.reload();
  await page.waitForSelector('[data-app-ready]');
  await page.waitForSelector('main h1'); // the screen may come in a lazy module
  assert.ok(await page.getByRole('radio', { name: 'United Kingdom' }).isChecked(), 'the choice is kept');
  assert.ok(await page.locator('#region').getByText('0300 123 6600').isVisible());
}));

test('a recovery start date in the future is refused and a past one is kept', () => withPage(async (page) => {
  await openApp(page, server.url, '/settings');
  const input = page.getByLabel('Your first clean day');
  const future = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
  await input.fill(future);
  await page.getByRole('button', { name: 'Save date' }).click();
  await page.locator('#recovery-start-error').getByText(/still to come/).waitFor();
  assert.equal(await input.inputValue(), future, 'what was typed stays');
  assert.doesNotMatch(JSON.stringify(await snapshot(page)), /"rs"/, 'nothing was saved');
  await input.fill('2025-01-30');
  await page.getByRole('button', { name: 'Save date' }).click();
  await page.getByText('Saved. Your clean time counts from this day.').waitFor();
  await page.reload();
  await page.waitForSelector('[data-app-ready]');
  await page.waitForSelector('main h1'); // the screen may come in a lazy module
  assert.equal(await page.getByLabel('Your first clean day').inputValue(), '2025-01-30');
}));

test('the storage meter shows how full storage is as a percentage', () => withPage(async (page) => {
  await openApp(page, server.url, '/settings');
  // About two thirds of the 5 MiB quota, under another site's key, so the
  // 60 % note shows without touching Waymark's data.
  await page.evaluate(() => localStorage.setItem('other-app', 'x'.repeat(3_300_000)));
  await page.reload();
  await page.waitForSelector('[data-app-ready]');
  await page.waitForSelector('main h1'); // the screen may come in a lazy module
  const storage = page.locator('#storage');
  const text = await storage.textContent();
  const m = text.match(/(\d+(?:\.\d)?)% of this browser's space/);
  assert.ok(m, `a percentage is shown: ${text}`);
  assert.ok(Number(m[1]) >= 62 && Number(m[1]) <= 64, `about 63%, got ${m[1]}`);
  const meter = page.getByRole('progressbar', { name: 'Storage used' });
  assert.ok(Math.abs(Number(await meter.getAttribute('value')) - Number(m[1])) < 1);
  assert.match(text, /more than half full/);
  assert.match(text, /only on this device/);
  assert.match(text, /clear this browser's data/);
  await page.evaluate(() => localStorage.removeItem('other-app'));
}));

test('set-aside data can be downloaded, and only then removed after a second yes', () => withPage(async (page) => {
  await openApp(page, server.url, '/');
  const raw = '{"v":1,"x": broken “quote” 🌱';
  await page.evaluate((raw) => localStorage.setItem('wm:q:wm:j:0m7q1a2b3c4d5', raw), raw);
  await openApp(page, server.url, '/settings#set-aside');
  const section = page.locator('#set-aside');
  await section.getByText('A check-in').waitFor();
  const remove = section.getByRole('button', { name: 'Remove: A check-in' });
  assert.ok(await remove.isDisabled(), 'nothing can be removed before it is downloaded');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Download set-aside data' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^waymark-set-aside-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(file, { 'wm:q:wm:j:0m7q1a2b3c4d5': raw }, 'the exact stored text');
  await remove.click();
  await section.getByRole('button', { name: 'Keep it' }).click();
  assert.ok(await page.evaluate(() => localStorage.getItem('wm:q:wm:j:0m7q1a2b3c4d5') !== null), 'kept');
  await section.getByRole('button', { name: 'Remove: A check-in' }).click();
  await section.getByRole('button', { name: 'Yes, remove it' }).click();
  await section.getByText('Nothing is set aside.').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('wm:q:wm:j:0m7q1a2b3c4d5')), null);
}));

test('delete everything after typing DELETE removes every Waymark key and leaves other sites alone', () => withPage(async (page) => {
  await openApp(page, server.url, '/settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.evaluate(() => {
    localStorage.setItem('wm:q:wm:j:abc', 'broken');
    localStorage.setItem('wm:draft:checkin:new', '{"n":"half a thought"}');
    localStorage.setItem('wm:zz:future', '1');
    localStorage.setItem('other-app', 'keep me');
  });
  const before = Object.keys(await snapshot(page)).filter((k) => k.startsWith('wm:'));
  assert.ok(before.length >= 4, `there is Waymark data to delete: ${before}`);

  await page.getByRole('button', { name: 'Delete everything', exact: true }).click();
  assert.ok(await page.getByRole('region', { name: 'Delete everything' }).getByRole('button', { name: 'Download a backup first' }).isVisible());
  const confirm = page.getByRole('button', { name: 'Yes, delete everything' });
  assert.ok(await confirm.isDisabled(), 'not before DELETE is typed');
  await page.getByLabel('Type DELETE to confirm').fill('delete');
  assert.ok(await confirm.isDisabled(), 'lower case is not enough');
  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  // What is left at the moment the page goes away (after any last writes).
  await page.evaluate(() => window.addEventListener('pagehide', () => {
    sessionStorage.setItem('left', JSON.stringify(Object.keys(localStorage)));
  }));
  await Promise.all([page.waitForURL(server.url + '/'), confirm.click()]);
  await page.waitForSelector('[data-app-ready]');
  await page.waitForSelector('main h1'); // the screen may come in a lazy module
  const left = JSON.parse(await page.evaluate(() => sessionStorage.getItem('left')));
  assert.deepEqual(left.filter((k) => k.startsWith('wm:')), [], 'no Waymark key was left');
  assert.ok(left.includes('other-app'));
  const now = await snapshot(page);
  // The reopened app only marks a fresh, empty store.
  assert.deepEqual(Object.keys(now).filter((k) => k.startsWith('wm:') && k !== 'wm:schema'), []);
  assert.equal(now['other-app'], 'keep me');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined, 'theme is back to System');
}));
