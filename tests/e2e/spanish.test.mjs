// Waymark in Spanish, end to end, in a Chromium profile whose language is
// es-ES: the app starts in Spanish; the journal's messages are Spanish; a
// language switch keeps a half-typed note; the choice survives a reload and
// an export and import; no route shows common English words; axe finds
// nothing in light or dark; nothing scrolls sideways at 360 px.
//
// Expected words are looked up in the catalogues (src/content/*/ui), by the
// English text the other tests use, so a reworded Spanish string never
// breaks the test and a missing one always does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, launch, openApp, ROUTES } from './support.mjs';
import { slots } from '../../scripts/lang-bundle.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const english = new Map(slots('en'));
const spanish = new Map(slots('es'));

/** The Spanish text of the string whose English text is `text`. */
function es(text) {
  for (const [name, value] of english) {
    if (value === text) {
      const translated = spanish.get(name);
      assert.ok(translated, `no Spanish for ${name}`);
      return translated;
    }
  }
  throw new Error(`no catalogue entry reads "${text}"`);
}

/** Common English words that must not appear in a Spanish screen. */
const ENGLISH_WORDS = ['the', 'your', 'you', 'and', 'with', 'save', 'add'];

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const spanishProfile = (options = {}) => launch({ locale: 'es-ES', ...options });

async function withSpanish(fn, options) {
  const { context, close } = await spanishProfile(options);
  try {
    const page = await context.newPage();
    await fn(page, context);
  } finally { await close(); }
}

/**
 * Every English word from ENGLISH_WORDS in what the page shows or names:
 * text, and the accessible names in aria-label, title, alt and placeholder.
 * Elements marked lang="en" (source titles, the name of a language) and the
 * user's own words in form fields are left out.
 */
function englishWordsOnPage(page) {
  return page.evaluate((words) => {
    const found = [];
    const pattern = new RegExp(`\\b(${words.join('|')})\\b`, 'i');
    const skip = (el) => el.closest('[lang]:not(html)') && el.closest('[lang]:not(html)').lang.startsWith('en');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || el.closest('script, style, noscript, textarea, [hidden]')) continue;
      if (el.closest('option') && el.closest('select#settings-language')) continue;
      const m = pattern.exec(n.textContent);
      if (m) found.push(`"${m[1]}" in "${n.textContent.trim().slice(0, 80)}"`);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      if (skip(el)) continue;
      for (const attr of ['aria-label', 'title', 'alt', 'placeholder']) {
        const v = el.getAttribute(attr);
        const m = v && pattern.exec(v);
        if (m) found.push(`"${m[1]}" in ${attr}="${v.slice(0, 80)}"`);
      }
    }
    if (pattern.test(document.title)) found.push(`title "${document.title}"`);
    return found;
  }, ENGLISH_WORDS);
}

test('a Spanish browser gets Waymark in Spanish: home, a guide step, the journal form, Help and Settings', () => withSpanish(async (page) => {
  await openApp(page, server.url, '/');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  await page.getByRole('link', { name: es("I'm having a craving") }).waitFor();

  await openApp(page, server.url, '/guide/3');
  assert.deepEqual(await englishWordsOnPage(page), []);

  await openApp(page, server.url, '/journal/new');
  await page.getByRole('button', { name: es('Save check-in') }).waitFor();

  await openApp(page, server.url, '/help');
  assert.deepEqual(await englishWordsOnPage(page), []);

  await openApp(page, server.url, '/settings');
  await page.getByRole('heading', { name: 'Idioma' }).waitFor();
  assert.equal(await page.getByLabel(es('Language of Waymark')).inputValue(), 'es');
}));

test('saving a check-in with no mood says what is missing in Spanish', () => withSpanish(async (page) => {
  await openApp(page, server.url, '/journal/new');
  await page.getByRole('button', { name: es('Save check-in') }).click();
  await page.getByText(es('Pick how you feel today.')).first().waitFor();
  assert.match(page.url(), /\/journal\/new$/);
}));

test('switching to English and back keeps a half-typed note, and the choice survives a reload', () => withSpanish(async (page) => {
  await openApp(page, server.url, '/journal/new');
  const note = () => page.getByRole('textbox', { name: new RegExp(es('Note'), 'i') });
  await note().fill('Medio escrito, no lo pierdas');
  await page.waitForTimeout(700); // the draft is written as the user types

  await page.getByRole('link', { name: es('Settings') }).first().click();
  await page.getByLabel(es('Language of Waymark')).selectOption('en');
  await page.getByRole('heading', { name: 'Language', exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  await page.goBack();
  await page.getByRole('textbox', { name: /note/i }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), 'Medio escrito, no lo pierdas');

  // English was chosen: it outlasts a reload, although the browser is Spanish.
  await page.reload();
  await page.waitForSelector('main h1');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('button', { name: 'Save check-in' }).waitFor();

  await openApp(page, server.url, '/settings');
  await page.getByLabel('Language of Waymark').selectOption('es');
  await page.getByRole('heading', { name: 'Idioma' }).waitFor();
  await openApp(page, server.url, '/journal/new');
  assert.equal(await note().inputValue(), 'Medio escrito, no lo pierdas');
}));

test('the chosen language travels in a backup: imported into an English browser, Waymark turns Spanish', async () => {
  let text;
  await withSpanish(async (page) => {
    await openApp(page, server.url, '/settings');
    // Chosen on purpose (not only followed from the browser), so it is saved.
    await page.getByLabel(es('Language of Waymark')).selectOption('en');
    await page.getByRole('heading', { name: 'Language', exact: true }).waitFor();
    await page.getByLabel('Language of Waymark').selectOption('es');
    await page.getByRole('heading', { name: 'Idioma' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: es('Download a backup'), exact: true }).click(),
    ]);
    text = await readFile(await download.path(), 'utf8');
  });
  assert.match(text, /"lg":\s*"es"/);

  const { context, close } = await launch({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/settings');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByLabel('Choose a backup file').setInputFiles({
      name: 'waymark-backup-2026-12-01.json', mimeType: 'application/json', buffer: Buffer.from(text, 'utf8'),
    });
    const preview = page.getByRole('region', { name: 'Before you import' });
    await preview.waitFor();
    await preview.getByRole('button', { name: 'Import now' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'es', null, { timeout: 10000 });
    await page.getByRole('heading', { name: 'Idioma' }).waitFor();
    await page.reload();
    await page.waitForSelector('main h1');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  } finally { await close(); }
});

test('the English-word scan finds English words on an English screen (so it can fail)', async () => {
  const { context, close } = await launch({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/settings');
    const hits = await englishWordsOnPage(page);
    assert.ok(hits.length > 5, `only ${hits.length} hits on the English settings screen`);
  } finally { await close(); }
});

test('no route in Spanish shows common English words', () => withSpanish(async (page) => {
  const hits = [];
  for (const route of ROUTES) {
    await openApp(page, server.url, route);
    await page.waitForTimeout(100);
    for (const hit of await englishWordsOnPage(page)) hits.push(`${route}: ${hit}`);
  }
  assert.deepEqual(hits, []);
}));

async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on any route in Spanish, ${scheme} mode`, () => withSpanish(async (page) => {
    const problems = [];
    for (const route of ROUTES) {
      await openApp(page, server.url, route);
      await page.waitForTimeout(100);
      for (const v of await axe(page)) problems.push(`${route} ${v}`);
    }
    assert.deepEqual(problems, []);
  }, { colorScheme: scheme }));
}

test('no route in Spanish scrolls sideways at 360 px', () => withSpanish(async (page) => {
  const wide = [];
  for (const route of ROUTES) {
    await openApp(page, server.url, route);
    await page.waitForTimeout(50);
    const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
    if (sw > cw + 1) wide.push(`${route}: ${sw}px wide in ${cw}px`);
  }
  assert.deepEqual(wide, []);
}));

test('a browser set to es-MX is offered Mexico’s helplines once, and a yes puts them first on Help', () => withSpanish(async (page) => {
  await openApp(page, server.url, '/');
  const offer = page.getByText(es('Show helplines for Mexico?'));
  await offer.waitFor();
  await page.getByRole('button', { name: es('Yes'), exact: true }).click();
  await offer.waitFor({ state: 'detached' });
  await openApp(page, server.url, '/help');
  await page.locator('a[href="tel:911"]').first().waitFor();
  await page.locator('a[href^="tel:8009112000"]').first().waitFor();
  // Asked once: a reload does not ask again.
  await openApp(page, server.url, '/');
  await page.waitForTimeout(300);
  assert.equal(await page.getByText(es('Show helplines for Mexico?')).count(), 0);
}, { locale: 'es-MX' }));

test('without WebAssembly, a Spanish reader gets the plain Help page in Spanish', () => withSpanish(async (page, context) => {
  await context.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.goto(server.url + '/help');
  await page.waitForFunction(() => document.documentElement.lang === 'es' && !!document.querySelector('main[data-help-static]'), null, { timeout: 10000 });
  assert.deepEqual(await englishWordsOnPage(page), []);
  await page.locator('a[href="tel:112"]').first().waitFor({ state: 'attached' });
}));
