// The plain crisis page (scripts/static-help.mjs), without a browser: it is
// built from the same content files as the app, every number is a tap-to-call
// link, all text is escaped, and nothing in it needs an inline script or style.
// help-es.html is the same page in Spanish, from src/content/es.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import vm from 'node:vm';
import {
  writeStaticHelp, escapeHtml, renderHelpPage, readSettings, readContent, monthWords, CSP,
  applySavedSettings, readWords, fill,
} from '../scripts/static-help.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const json = async (path) => JSON.parse(await readFile(join(ROOT, path), 'utf8'));
const helplines = await json('src/content/en/helplines.json');
const safety = await json('src/content/en/safety.json');
const helplinesEs = await json('src/content/es/helplines.json');
const safetyEs = await json('src/content/es/safety.json');
const wordsEn = await json('src/content/en/ui/static_help.json');
const wordsEs = await json('src/content/es/ui/static_help.json');
const datesEs = await json('src/content/es/ui/dates.json');

async function generated() {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-static-help-'));
  try {
    const written = writeStaticHelp(dir);
    const files = {};
    for (const name of await readdir(dir)) files[name] = await readFile(join(dir, name), 'utf8');
    return { written, files };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the generator writes the help page, its stylesheet and its script', async () => {
  const { written, files } = await generated();
  assert.deepEqual(written.sort(), ['help-es.html', 'help-static.css', 'help-static.js', 'help.html']);
  assert.deepEqual(Object.keys(files).sort(), written);
});

test('every region\'s emergency number and every helpline\'s number is a tel: link', async () => {
  const { files } = await generated();
  const html = files['help.html'];
  for (const region of helplines.regions) {
    assert.ok(html.includes(`href="tel:${region.emergency.tel}"`), `emergency ${region.emergency.tel} for ${region.region}`);
    assert.ok(html.includes(`id="hs-region-${region.region}"`), `a section for ${region.region}`);
    assert.ok(html.includes(`>${escapeHtml(region.name)}</h3>`), `a heading for ${region.name}`);
    for (const line of region.lines) {
      assert.ok(html.includes(`href="tel:${line.tel}"`), `tel for ${line.id}`);
      assert.ok(html.includes(escapeHtml(line.number)), `shown number for ${line.id}`);
      assert.ok(html.includes(escapeHtml(line.name)), `name of ${line.id}`);
      assert.ok(html.includes(escapeHtml(line.what)), `what ${line.id} is for`);
      if (line.hours) assert.ok(html.includes(escapeHtml(line.hours)), `hours of ${line.id}`);
      if (line.sms) assert.ok(html.includes(`href="sms:${line.sms.number}"`), `sms for ${line.id}`);
      if (line.tty) assert.ok(html.includes(`href="tel:${line.tty.replace(/\D/g, '')}"`), `TTY for ${line.id}`);
    }
  }
  // The first region in the file (the app's default) has the big button.
  const first = helplines.regions[0].emergency;
  assert.match(html, new RegExp(`class="hs-button hs-emergency" href="tel:${first.tel}"`));
  assert.ok(html.includes(`Numbers last checked: ${monthWords(helplines.checked)}`));
  assert.ok(html.includes(escapeHtml(helplines.eu_note)));
});

test('the overdose signs and every naloxone step are on the page', async () => {
  const { files } = await generated();
  const html = files['help.html'];
  for (const text of [...safety.overdose_signs.signs, ...safety.naloxone_steps.steps, ...safety.naloxone_steps.notes]) {
    assert.ok(html.includes(`<li>${escapeHtml(text)}</li>`), text);
  }
  assert.ok(html.includes(escapeHtml(safety.overdose_signs.title)));
  assert.ok(html.includes(escapeHtml(safety.naloxone_steps.title)));
  assert.ok(html.includes('<a href="/">Open the full app</a>'));
});

for (const page of ['help.html', 'help-es.html']) test(`${page} has its CSP and no inline script, inline style or event attribute`, async () => {
  const { files } = await generated();
  const html = files[page];
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">`));
  assert.match(CSP, /default-src 'self'; script-src 'self'; style-src 'self'/);
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    assert.match(m[0], /\bsrc="\/help-static\.js"/, 'every script is a file from this site');
    assert.equal(m[1].trim(), '', 'no inline script');
  }
  assert.doesNotMatch(html, /<style\b/i);
  assert.doesNotMatch(html, /\sstyle=/i);
  assert.doesNotMatch(html, /\son[a-z]+=/i);
  assert.ok(html.includes('<link rel="stylesheet" href="/help-static.css">'));
  assert.ok(html.includes('<script src="/help-static.js" defer></script>'));
  assert.doesNotMatch(html, /\.wasm|https?:\/\//, 'no WebAssembly and no other site');
});

test('help-static.js is plain old JavaScript that parses, and the CSS is scoped to the page', async () => {
  const { files } = await generated();
  assert.doesNotThrow(() => new vm.Script(files['help-static.js']));
  assert.doesNotMatch(files['help-static.js'], /=>|\blet\b|\bconst\b|`/, 'runs on old phones');
  assert.ok(files['help-static.js'].includes('"wm:settings"'));
  assert.match(files['help-static.css'], /prefers-color-scheme: dark/);
  // Every selector starts at the page (or the root's colour tokens), so the
  // sheet changes nothing in index.html when boot.js shows the page there.
  const rules = files['help-static.css'].replace(/\/\*[\s\S]*?\*\//g, '').replace(/@media[^{]*\{/g, '');
  for (const m of rules.matchAll(/(^|})\s*([^{}@]+)\{/g)) {
    for (const sel of m[2].split(',').map((s) => s.trim())) {
      assert.match(sel, /^(\.hs|:root)/, `scoped selector: ${sel}`);
    }
  }
});

test('the escape function makes a <script> tag and quotes plain text', () => {
  assert.equal(escapeHtml('<script>alert("hi")</script>'), '&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;');
  assert.equal(escapeHtml(`Tom & Jerry's`), 'Tom &amp; Jerry&#39;s');
  assert.equal(escapeHtml('&lt;'), '&amp;lt;');
  assert.equal(escapeHtml(988), '988');
});

test('text in the content files is escaped on the page', () => {
  const { directory, safety: s } = readContent();
  const evil = structuredClone(directory);
  evil.regions[0].lines[0].name = '<script>alert(1)</script>';
  evil.regions[0].lines[0].what = '"><img src=x onerror=alert(1)>';
  const sneaky = structuredClone(s);
  sneaky.overdose_signs.signs.push('<b>bold</b> & more');
  const html = renderHelpPage(evil, sneaky);
  assert.ok(!html.includes('<script>alert(1)'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!html.includes('<img'));
  assert.ok(html.includes('<li>&lt;b&gt;bold&lt;/b&gt; &amp; more</li>'));
});

test('a broken content file stops the build instead of writing a page without numbers', () => {
  const { directory, safety: s } = readContent();
  const noTel = structuredClone(directory);
  noTel.regions[1].lines[0].tel = 'javascript:alert(1)';
  assert.throws(() => renderHelpPage(noTel, s), /not digits/);
  const noRegions = structuredClone(directory);
  noRegions.regions = [];
  assert.throws(() => renderHelpPage(noRegions, s), /regions/);
  const noSigns = structuredClone(s);
  delete noSigns.overdose_signs.signs;
  assert.throws(() => renderHelpPage(directory, noSigns), /overdose signs/);
});

test('the saved region is read from the settings envelope, and a sealed or broken value is ignored', () => {
  const env = (x) => JSON.stringify({ v: 1, r: 3, t: 1760000000000, x });
  assert.deepEqual(readSettings(env({ rg: 'uk', tr: [], hp: [] })), { region: 'uk', theme: null, discreet: false });
  assert.equal(readSettings(env({ rg: ' CA ' })).region, 'ca');
  assert.equal(readSettings(env({ rg: 'gb' })).region, 'uk', 'as Region::from_code');
  assert.equal(readSettings(env({})).region, 'us', 'the default region');
  assert.deepEqual(readSettings(env({ rg: 'us', th: 'dark', ds: true })), { region: 'us', theme: 'dark', discreet: true });
  assert.equal(readSettings(env({ th: 'purple' })).theme, null);
  assert.equal(readSettings('wme1:AAAA.BBBB'), null, 'sealed by the passphrase lock');
  assert.equal(readSettings('{not json'), null);
  assert.equal(readSettings('"uk"'), null);
  assert.equal(readSettings(JSON.stringify({ v: 1, x: 'uk' })), null);
  assert.equal(readSettings(null), null, 'nothing stored, or storage blocked');
});

test('month words match the app\'s', () => {
  assert.equal(monthWords('2026-11'), 'November 2026');
  assert.equal(monthWords('2026-01'), 'January 2026');
  assert.equal(monthWords('2026-13'), '2026-13');
  assert.equal(monthWords('soon'), 'soon');
});

test('help-es.html is the Spanish page: lang="es", Spanish words, and every number as a tel: link', async () => {
  const { files } = await generated();
  const html = files['help-es.html'];
  assert.match(html, /^<!DOCTYPE html>\n<html lang="es">/);
  assert.ok(html.includes(`<title>${escapeHtml(wordsEs.doc_title)}</title>`));
  assert.ok(html.includes(`<h1>${escapeHtml(wordsEs.title)}</h1>`));
  assert.ok(html.includes(`data-discreet-title="${escapeHtml(wordsEs.discreet_title)}"`));
  for (const region of helplinesEs.regions) {
    assert.ok(html.includes(`href="tel:${region.emergency.tel}"`), `emergency ${region.emergency.tel} for ${region.region}`);
    assert.ok(html.includes(`>${escapeHtml(region.name)}</h3>`), `a heading for ${region.name}`);
    assert.ok(html.includes(escapeHtml(fill(wordsEs.emergency_line, { number: region.emergency.number }))));
    for (const line of region.lines) {
      assert.ok(html.includes(`href="tel:${line.tel}"`), `tel for ${line.id}`);
      assert.ok(html.includes(escapeHtml(line.name)), `name of ${line.id}`);
      assert.ok(html.includes(escapeHtml(line.what)), `what ${line.id} is for`);
      assert.ok(html.includes(escapeHtml(fill(wordsEs.open, { hours: line.hours }))), `hours of ${line.id}`);
      if (line.note) assert.ok(html.includes(`<p class="hs-small">${escapeHtml(line.note)}</p>`), `note of ${line.id}`);
      if (line.sms) assert.ok(html.includes(`href="sms:${line.sms.number}"`), `sms for ${line.id}`);
    }
  }
  for (const text of [...safetyEs.overdose_signs.signs, ...safetyEs.naloxone_steps.steps, ...safetyEs.naloxone_steps.notes]) {
    assert.ok(html.includes(`<li>${escapeHtml(text)}</li>`), text);
  }
  for (const p of safetyEs.lost_tolerance.paragraphs) assert.ok(html.includes(`<p>${escapeHtml(p)}</p>`), p);
  assert.ok(html.includes(escapeHtml(helplinesEs.eu_note)));
  assert.ok(html.includes(`Números revisados por última vez: ${monthWords(helplinesEs.checked, datesEs)}.`));
  assert.ok(html.includes('noviembre de 2026'));
  assert.ok(html.includes(`<a href="/">${escapeHtml(wordsEs.open_app)}</a>`));
  // 988 in Spanish: press 2, text AYUDA.
  assert.ok(html.includes('AYUDA'));
});

test('no English page word is left on the Spanish page', async () => {
  const { files } = await generated();
  const html = files['help-es.html'];
  for (const [key, english] of Object.entries(wordsEn)) {
    if (key === 'this_language') continue; // the link back to the English page
    const fixed = english.split(/\{[a-z_]+\}/).map((t) => t.trim()).filter((t) => t.length > 3);
    for (const piece of fixed) assert.ok(!html.includes(escapeHtml(piece)), `"${piece}" (${key}) is on help-es.html`);
  }
  assert.doesNotMatch(html, />Call |Source: |Good to know|Numbers last checked/);
  // The page words have the same keys and placeholders in both languages.
  assert.deepEqual(Object.keys(wordsEs).sort(), Object.keys(wordsEn).sort());
  const holes = (t) => (t.match(/\{[a-z_]+\}/g) || []).sort().join();
  for (const key of Object.keys(wordsEn)) assert.equal(holes(wordsEs[key]), holes(wordsEn[key]), key);
});

test('the English and Spanish pages dial exactly the same numbers', async () => {
  const { files } = await generated();
  const targets = (html) => [...html.matchAll(/href="((?:tel|sms):[^"]*)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(targets(files['help-es.html']), targets(files['help.html']));
  // Chile's suicide line is a short code with a *, valid in a tel: URI.
  assert.ok(files['help.html'].includes('href="tel:*4141"'));
  assert.ok(files['help-es.html'].includes('href="tel:*4141"'));
  for (const code of ['mx', 'es', 'ar', 'cl']) {
    assert.ok(files['help.html'].includes(`id="hs-region-${code}"`), code);
    assert.ok(files['help-es.html'].includes(`id="hs-region-${code}"`), code);
  }
});

test('each page links to the other, named in its own language', async () => {
  const { files } = await generated();
  assert.ok(files['help.html'].includes(
    `<a href="/help-es.html" hreflang="es" lang="es">${escapeHtml(wordsEs.this_language)}</a>`));
  assert.ok(files['help-es.html'].includes(
    `<a href="/help.html" hreflang="en" lang="en">${escapeHtml(wordsEn.this_language)}</a>`));
  assert.ok(files['help.html'].includes('<link rel="alternate" hreflang="es" href="/help-es.html">'));
  assert.ok(files['help-es.html'].includes('<link rel="alternate" hreflang="en" href="/help.html">'));
});

test('both pages say how people get naloxone in Spain, and how to reach a Spanish speaker in the US', async () => {
  const { files } = await generated();
  for (const [page, directory] of [['help.html', helplines], ['help-es.html', helplinesEs]]) {
    const html = files[page];
    const spain = directory.regions.find((r) => r.region === 'es');
    assert.ok(spain.naloxone_note && spain.naloxone_note.text, `${page}: Spain has a naloxone note`);
    assert.ok(html.includes(escapeHtml(spain.naloxone_note.text)), page);
    assert.ok(html.includes(`data-naloxone-region="es"`), page);
    const samhsa = directory.regions[0].lines.find((l) => l.id === 'samhsa');
    assert.ok(html.includes(escapeHtml(samhsa.note)), page);
  }
  assert.ok(files['help.html'].includes('ask for a Spanish speaker'));
  assert.ok(files['help-es.html'].includes('no se vende libremente'));
});

test('the saved region works for the new countries, and discreet mode uses the page\'s word', () => {
  const env = (x) => JSON.stringify({ v: 1, r: 3, t: 1760000000000, x });
  for (const code of ['mx', 'es', 'ar', 'cl']) assert.equal(readSettings(env({ rg: code })).region, code);
  const doc = { title: 'Ayuda ahora · Waymark', documentElement: { setAttribute() {} } };
  const root = {
    querySelector: (sel) => (sel === '[data-help-static]' ? { getAttribute: () => 'Notas' } : null),
  };
  applySavedSettings(root, doc, { region: 'es', theme: null, discreet: true });
  assert.equal(doc.title, 'Notas');
  const plain = { querySelector: () => null };
  applySavedSettings(plain, doc, { region: 'us', theme: null, discreet: true });
  assert.equal(doc.title, 'Notes', 'an older page without the attribute');
});

test('month words follow the page\'s language', () => {
  const { dates } = readWords('es');
  assert.equal(monthWords('2026-11', dates), 'noviembre de 2026');
  assert.equal(monthWords('2026-01', dates), 'enero de 2026');
  assert.equal(monthWords('2026-13', dates), '2026-13');
  assert.equal(monthWords('2026-11', readWords('en').dates), 'November 2026');
});

test('a missing page word stops the build', () => {
  const { directory, safety: s } = readContent();
  const words = { ...wordsEs };
  delete words.call_line;
  assert.throws(() => renderHelpPage(directory, s, { lang: 'es', words }), /call_line/);
});

test('both pages carry every step of the overdose guide as plain text, in order, right after the emergency number', async () => {
  const { files } = await generated();
  for (const [page, lang] of [['help.html', 'en'], ['help-es.html', 'es']]) {
    const html = files[page];
    const guide = await json(`src/content/${lang}/overdose.json`);
    assert.equal(guide.steps.length, 6, 'six steps');
    assert.ok(html.includes(`<h2 id="hs-overdose-title">${escapeHtml(guide.title)}</h2>`), `${page}: the guide's heading`);
    const section = html.slice(html.indexOf('<section id="hs-overdose"'), html.indexOf('</section>', html.indexOf('<section id="hs-overdose"')));
    assert.ok(section.length > 0, `${page}: an overdose section`);
    let at = 0;
    for (const step of guide.steps) {
      const start = section.indexOf(`<li id="hs-overdose-${step.id}">`);
      assert.ok(start >= at, `${page}: step ${step.id} comes in order`);
      at = start;
      assert.ok(section.includes(`<h3>${escapeHtml(step.title)}</h3>`), `${page}: ${step.title}`);
      for (const line of [...step.lines, ...(step.more || [])]) {
        assert.ok(section.includes(`<li>${escapeHtml(line)}</li>`), `${page}: ${line}`);
      }
      if (step.note) assert.ok(section.includes(`<p class="hs-note">${escapeHtml(step.note)}</p>`), `${page}: ${step.note}`);
      if (step.more_title) assert.ok(section.includes(`<h4>${escapeHtml(step.more_title)}</h4>`), `${page}: ${step.more_title}`);
      assert.ok(section.includes(`<span lang="en">${escapeHtml(step.source)}</span>`), `${page}: the source of ${step.id}, marked as English`);
    }
    // The big call button is just above the steps, the helplines below.
    const emergency = html.indexOf('data-hs-emergency>');
    const steps = html.indexOf('<section id="hs-overdose"');
    const lines = html.indexOf('id="hs-lines-title"');
    assert.ok(emergency > 0 && emergency < steps && steps < lines, `${page}: call, then the steps, then the helplines`);
  }
  assert.ok(files['help.html'].includes('2 to 3 minutes'));
  assert.ok(files['help.html'].includes('30 to 90 minutes'));
  assert.ok(files['help.html'].includes('breastbone'));
  assert.ok(files['help-es.html'].includes('2 a 3 minutos'));
  assert.ok(files['help-es.html'].includes('esternón'));
});

test('the overdose steps are escaped, and a broken overdose file stops the build', () => {
  const { directory, safety: s, overdose } = readContent();
  const evil = structuredClone(overdose);
  evil.steps[0].lines.push('<img src=x onerror=alert(1)>');
  const html = renderHelpPage(directory, s, { overdose: evil });
  assert.ok(!html.includes('<img'));
  assert.ok(html.includes('<li>&lt;img src=x onerror=alert(1)&gt;</li>'));
  const noSteps = structuredClone(overdose);
  noSteps.steps = [];
  assert.throws(() => renderHelpPage(directory, s, { overdose: noSteps }), /overdose steps/);
  const noLines = structuredClone(overdose);
  delete noLines.steps[2].lines;
  assert.throws(() => renderHelpPage(directory, s, { overdose: noLines }), /overdose step naloxone/);
  assert.throws(() => renderHelpPage(directory, s, { overdose: null }), /overdose steps/);
});
