// Money not spent, end to end: off by default (Home shows nothing); turned
// on in Settings with an amount, it counts the clean days since the
// recovery start, a lapse logged in the journal takes away only its day, a
// changed amount applies from its day on; it survives a reload; a backup
// carries it to a fresh profile; amounts are written for the language and
// region (Spanish in Spain: "125,00 €").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, launch, openApp } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations inside `selector`. */
async function axe(page, selector) {
  await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const r = await window.axe.run(selector, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, selector);
}

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

async function withPage(fn, options) {
  const { context, close } = await launch(options);
  try {
    const page = await context.newPage();
    await fn(page, context);
  } finally { await close(); }
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

/** Home, once the clean-time card has counted (the journal is all read). */
async function openHome(page) {
  await openApp(page, server.url, '/');
  await page.getByRole('region', { name: 'Your clean time' })
    .getByText(/days? since your last use|When did your recovery start/).first().waitFor();
}

/**
 * Lets anything still on its way arrive (the line's code is fetched on
 * demand), so "shows nothing" is not just "has not shown it yet".
 */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

const moneyLine = (page) => page.getByRole('link', { name: /not spent since your recovery start/ });

/** Settings › Recovery start: `days` ago. */
async function setRecoveryStart(page, days) {
  await openApp(page, server.url, '/settings');
  const section = page.locator('#recovery');
  await section.getByLabel('Your first clean day').fill(await localDate(page, days));
  await section.getByRole('button', { name: 'Save date' }).click();
  await section.getByText('Saved. Your clean time counts from this day.').waitFor();
}

/** Logs a lapse `days` ago through the journal form. */
async function logLapse(page, days) {
  await openApp(page, server.url, '/journal/new');
  await page.getByLabel('Date').fill(await localDate(page, days));
  await page.getByRole('radio', { name: 'Okay', exact: true }).check();
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.waitForURL(/\/journal$/);
  await page.getByText('You logged a use. Your clean days still count.').first().waitFor();
}

test('money not spent is off by default: Home shows nothing and Settings offers the switch', () => withPage(async (page) => {
  await setRecoveryStart(page, 10);
  const section = page.getByRole('region', { name: 'Money not spent' });
  const toggle = section.getByRole('checkbox', { name: 'Show money not spent on Home' });
  assert.equal(await toggle.isChecked(), false);
  assert.equal(await section.getByRole('textbox', { name: 'What you used to spend' }).count(), 0);
  await openHome(page);
  assert.match(await page.locator('main').textContent(), /10\s*days since your last use/);
  await settle(page);
  assert.equal(await moneyLine(page).count(), 0);
  assert.doesNotMatch(await page.locator('main').textContent(), /not spent/);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('wm:settings')));
  assert.equal(stored.x.mn, undefined, 'nothing about money is stored');
}));

test('turned on, Home counts each clean day at the amount of that day, through a lapse and a change, after a reload and in a backup', () => withPage(async (page) => {
  await setRecoveryStart(page, 10);
  const section = page.getByRole('region', { name: 'Money not spent' });
  await section.getByRole('checkbox', { name: 'Show money not spent on Home' }).check();
  await section.getByLabel('Currency').selectOption({ label: 'US dollar (USD)' });
  const amount = section.getByRole('textbox', { name: 'What you used to spend' });
  // A wrong amount is refused, with the reason, and nothing is saved.
  await amount.fill('$20');
  await section.getByRole('button', { name: 'Save amount' }).click();
  await section.getByText('Type the amount with digits only, like 20 or 12.50.').waitFor();
  assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('wm:settings'))).x.mn.h, undefined);
  await amount.fill('20');
  await section.getByRole('button', { name: 'Save amount' }).click();
  await section.getByText('Saved. Home shows the money you have not spent.').waitFor();
  await section.getByText('$20.00 a day, from your recovery start').waitFor();
  // With the whole form showing (a change has a "from" day), light and dark.
  await section.getByLabel('From this day').waitFor();
  assert.equal(await section.getByLabel('From this day').inputValue(), await localDate(page, 0), 'a change is from today unless changed');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axe(page, '#money'), [], `no axe violations in ${scheme} mode`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'fits 360 px');

  // Ten completed days at $20.00.
  await openHome(page);
  assert.match(await moneyLine(page).textContent(), /^\$200\.00 not spent since your recovery start$/);
  assert.equal(await moneyLine(page).getAttribute('href'), '/settings#money');

  // A lapse three days ago takes away that day only.
  await logLapse(page, 3);
  await openHome(page);
  assert.match(await moneyLine(page).textContent(), /^\$180\.00 not spent/);

  // From two days ago it was $70.00 a week: $10.00 a day for those two days.
  await openApp(page, server.url, '/settings');
  await section.getByRole('textbox', { name: 'What you used to spend' }).fill('70');
  await section.getByRole('radio', { name: 'Each week' }).check();
  await section.getByLabel('From this day').fill(await localDate(page, 2));
  await section.getByRole('button', { name: 'Save amount' }).click();
  await section.getByText(/^\$70\.00 a week, from /).waitFor();
  // 7 days at $20.00 (the lapse day is not counted) and 2 at $10.00.
  await openHome(page);
  assert.match(await moneyLine(page).textContent(), /^\$160\.00 not spent/);

  await page.reload();
  await openHome(page);
  assert.match(await moneyLine(page).textContent(), /^\$160\.00 not spent/, 'the count survives a reload');

  // Stored as whole cents, with the change's day.
  const mn = JSON.parse(await page.evaluate(() => localStorage.getItem('wm:settings'))).x.mn;
  assert.equal(mn.c, 'USD');
  assert.deepEqual(mn.h.map((a) => [a.a, a.p ?? 'd']), [[2000, 'd'], [7000, 'w']]);
  assert.equal(mn.h[0].f, undefined, 'the first amount counts from the recovery start');
  assert.equal(mn.h[1].f, await localDate(page, 2));

  // Export here, import into a fresh profile: it is all there.
  await openApp(page, server.url, '/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup', exact: true }).click(),
  ]);
  const backup = await readFile(await download.path(), 'utf8');
  assert.deepEqual(JSON.parse(backup).records['wm:settings'].x.mn, mn, 'the backup holds the money settings');

  await withPage(async (fresh) => {
    await openApp(fresh, server.url, '/settings');
    await fresh.getByLabel('Choose a backup file').setInputFiles({
      name: 'waymark-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup, 'utf8'),
    });
    const preview = fresh.getByRole('region', { name: 'Before you import' });
    await preview.getByRole('button', { name: 'Import now' }).click();
    await fresh.getByRole('region', { name: 'Import finished' }).waitFor();
    await openHome(fresh);
    assert.match(await moneyLine(fresh).textContent(), /^\$160\.00 not spent/, 'the backup carries it');
    await openApp(fresh, server.url, '/settings');
    const moved = fresh.getByRole('region', { name: 'Money not spent' });
    assert.equal(await moved.getByRole('checkbox', { name: 'Show money not spent on Home' }).isChecked(), true);
    await moved.getByText('$20.00 a day, from your recovery start').waitFor();
  });

  // Turned off, Home shows nothing; the amounts are kept for later.
  await openApp(page, server.url, '/settings');
  await section.getByRole('checkbox', { name: 'Show money not spent on Home' }).uncheck();
  await section.getByText('It is off. The amounts you saved are kept').waitFor();
  await openHome(page);
  await settle(page);
  assert.equal(await moneyLine(page).count(), 0);
  await openApp(page, server.url, '/settings');
  await section.getByRole('checkbox', { name: 'Show money not spent on Home' }).check();
  await openHome(page);
  assert.match(await moneyLine(page).textContent(), /^\$160\.00 not spent/);
}));

test('in Spanish, for Spain, the amount is written the Spanish way in euros', () => withPage(async (page) => {
  await openApp(page, server.url, '/');
  const start = await localDate(page, 10);
  await page.evaluate(({ start }) => {
    const x = { rg: 'es', rq: true, lg: 'es', rs: start, mn: { c: 'EUR', h: [{ a: 1250 }] } };
    localStorage.setItem('wm:settings', JSON.stringify({ v: 1, r: 1, t: Date.now(), x }));
    localStorage.setItem('wm:lang', 'es');
  }, { start });
  await openApp(page, server.url, '/');
  const line = page.getByRole('link', { name: /que no gastaste/ });
  await line.waitFor();
  // Ten days at 12,50 €.
  assert.match(await line.textContent(), /^125,00\s€ que no gastaste desde el inicio de tu recuperación$/);
}, { locale: 'es-ES' }));
