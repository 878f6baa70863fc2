// The plain crisis page (scripts/static-help.mjs), without a browser: it is
// built from the same content files as the app, every number is a tap-to-call
// link, all text is escaped, and nothing in it needs an inline script or style.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import vm from 'node:vm';
import {
  writeStaticHelp, escapeHtml, renderHelpPage, readSettings, readContent, monthWords, CSP,
} from '../scripts/static-help.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const helplines = JSON.parse(await readFile(join(ROOT, 'src/content/en/helplines.json'), 'utf8'));
const safety = JSON.parse(await readFile(join(ROOT, 'src/content/en/safety.json'), 'utf8'));

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
  assert.deepEqual(written.sort(), ['help-static.css', 'help-static.js', 'help.html']);
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

test('the page has its CSP and no inline script, inline style or event attribute', async () => {
  const { files } = await generated();
  const html = files['help.html'];
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
