// The crisis screen as a plain page, for browsers that cannot run the app's
// WebAssembly (iOS Lockdown Mode, managed browsers, old phones).
//
// Writes three files into a build folder:
//   help.html        the emergency number, every region's helplines, the signs
//                    of an overdose and the naloxone steps, with no WebAssembly,
//                    no inline script and no inline style;
//   help-static.css  its look: 360 px first, light and dark, big tap targets;
//   help-static.js   puts the region saved in the app's settings first (also
//                    used by public/boot.js when it shows this page on /help).
//
// The text comes from src/content/helplines.json and src/content/safety.json,
// the same files the Rust app compiles in, so the numbers can never drift.
//
// Used by scripts/post-build.mjs (writeStaticHelp(stagingDir), before the
// service worker's file list is written), or by hand:
//   node scripts/static-help.mjs OUTDIR
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT = join(ROOT, 'src', 'content', 'en');

/** The page's Content-Security-Policy: everything from this site only. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'";

/** The localStorage key of the settings document (src/data/keys.rs: doc_key(SETTINGS)). */
export const SETTINGS_KEY = 'wm:settings';

/** Text made safe to put in HTML, as element text or inside a quoted attribute. */
export function escapeHtml(value) {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];

/** "2026-11" as "November 2026"; anything else as it is (as the app's month_words). */
export function monthWords(yearMonth) {
  const m = /^(\d{4})-(\d{1,2})$/.exec(String(yearMonth || ''));
  const n = m ? Number(m[2]) : 0;
  return n >= 1 && n <= 12 ? `${MONTHS[n - 1]} ${m[1]}` : String(yearMonth || '');
}

/**
 * What the static page needs from the stored settings document, or null.
 *
 * The document is an envelope {"v","r","t","x"} (src/data/envelope.rs) whose
 * "x" is the Settings record with short field names (src/domain/settings.rs):
 * "rg" region ("us", "uk" or "ca"; "gb" is read as "uk"; anything else as
 * "us"), "th" theme ("light", "dark"; absent means follow the device), "ds"
 * discreet mode. A value sealed by the passphrase lock starts with "wme1:"
 * and cannot be read here. Never throws.
 *
 * Written in old-style JavaScript on purpose: its source is copied into
 * help-static.js, which must run on old phones.
 */
export function readSettings(raw) {
  if (typeof raw !== 'string' || raw.indexOf('wme1:') === 0) { return null; }
  var env;
  try { env = JSON.parse(raw); } catch (e) { return null; }
  if (!env || typeof env !== 'object' || !env.x || typeof env.x !== 'object') { return null; }
  var x = env.x;
  var region = 'us';
  if (typeof x.rg === 'string') {
    var code = x.rg.replace(/^\s+|\s+$/g, '').toLowerCase();
    region = code === 'gb' ? 'uk' : code;
  }
  var theme = x.th === 'light' || x.th === 'dark' ? x.th : null;
  return { region: region, theme: theme, discreet: x.ds === true };
}

/**
 * Puts the saved region's section first, and its emergency number in the big
 * button, inside `root` (a document or an element holding the page's main).
 * Sets the theme and the neutral tab title of discreet mode like the app
 * does. Anything that fails leaves the page as it is. Old-style JavaScript,
 * copied into help-static.js.
 */
export function applySavedSettings(root, doc, settings) {
  if (!root || !settings) { return; }
  function child(list, code) {
    if (!list) { return null; }
    for (var el = list.firstElementChild; el; el = el.nextElementSibling) {
      if (el.getAttribute('data-region') === code) { return el; }
    }
    return null;
  }
  function first(list, el) {
    if (list && el && list.firstElementChild !== el) { list.insertBefore(el, list.firstElementChild); }
  }
  try {
    var regions = root.querySelector('[data-hs-regions]');
    var section = child(regions, settings.region);
    // The app shows "us" for a region it does not know; so does this page.
    if (!section) { section = child(regions, 'us'); }
    if (section) {
      var code = section.getAttribute('data-region');
      first(regions, section);
      first(root.querySelector('[data-hs-region-nav]'), child(root.querySelector('[data-hs-region-nav]'), code));
      var call = root.querySelector('[data-hs-emergency]');
      var number = root.querySelector('[data-hs-emergency-number]');
      var where = root.querySelector('[data-hs-emergency-region]');
      var tel = section.getAttribute('data-emergency-tel');
      if (call && number && tel) {
        call.setAttribute('href', 'tel:' + tel);
        number.textContent = section.getAttribute('data-emergency-number') || tel;
        if (where) { where.textContent = section.getAttribute('data-region-name') || ''; }
      }
    }
  } catch (e) { /* keep the usual order */ }
  try {
    if (doc && settings.theme) { doc.documentElement.setAttribute('data-theme', settings.theme); }
    if (doc && settings.discreet) { doc.title = 'Notes'; }
  } catch (e) { /* keep the usual look */ }
}

/** The source of help-static.js. */
export function clientScript() {
  return `// Waymark static help. Written by scripts/static-help.mjs; do not edit.
// Puts the region saved in Waymark's settings first. Storage may be blocked
// or sealed by the passphrase lock: then the page keeps its usual order.
(function () {
  'use strict';
  var readSettings = ${readSettings.toString()};
  var applySavedSettings = ${applySavedSettings.toString()};
  function apply(root) {
    try {
      var raw = null;
      try { raw = window.localStorage.getItem(${JSON.stringify(SETTINGS_KEY)}); } catch (e) { raw = null; }
      applySavedSettings(root || document, document, readSettings(raw));
    } catch (e) { /* leave the page as it is */ }
  }
  window.waymarkHelpStatic = { apply: apply };
  if (document.querySelector('[data-help-static]')) { apply(document); }
})();
`;
}

/** The source of help-static.css. Every rule is under .hs or .hs-body, so it
 * changes nothing else when public/boot.js shows this page inside index.html. */
export function stylesheet() {
  return `/* Waymark static help. Written by scripts/static-help.mjs; do not edit.
 * The app's colours (style/main.css), phones first, light and dark. */
:root {
  --hs-bg: #f6f4ef; --hs-surface: #ffffff; --hs-text: #1d2a28; --hs-muted: #4c5b58;
  --hs-border: #c9cfc7; --hs-primary: #2c6e68; --hs-primary-strong: #1f534e; --hs-on-primary: #ffffff;
  --hs-focus: #7a4fd6; --hs-note-border: #c99a2e; --hs-help: #8e2b2b; --hs-on-help: #ffffff;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    --hs-bg: #121b1a; --hs-surface: #1b2726; --hs-text: #e8eeec; --hs-muted: #b3c2bf;
    --hs-border: #3d4f4d; --hs-primary: #7cc7bf; --hs-primary-strong: #a3dbd4; --hs-on-primary: #0c1716;
    --hs-focus: #c7a8ff; --hs-note-border: #d9b25a; --hs-help: #ffb4a9; --hs-on-help: #2b0b08;
  }
}
:root[data-theme="dark"] {
  --hs-bg: #121b1a; --hs-surface: #1b2726; --hs-text: #e8eeec; --hs-muted: #b3c2bf;
  --hs-border: #3d4f4d; --hs-primary: #7cc7bf; --hs-primary-strong: #a3dbd4; --hs-on-primary: #0c1716;
  --hs-focus: #c7a8ff; --hs-note-border: #d9b25a; --hs-help: #ffb4a9; --hs-on-help: #2b0b08;
}
.hs-body {
  margin: 0; background: var(--hs-bg); color: var(--hs-text);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 100%; line-height: 1.55; -webkit-text-size-adjust: 100%; text-size-adjust: 100%;
}
.hs {
  display: block; box-sizing: border-box; max-width: 42rem; margin: 0 auto;
  padding: 1rem 1rem 3rem; color: var(--hs-text); background: var(--hs-bg);
  text-align: left; overflow-wrap: anywhere; font-size: 1.0625rem; line-height: 1.55;
}
.hs *, .hs *::before, .hs *::after { box-sizing: border-box; }
.hs h1, .hs h2, .hs h3, .hs h4 { line-height: 1.25; margin: 0 0 0.75rem; color: var(--hs-text); }
.hs h1 { font-size: 2.25rem; }
.hs h2 { font-size: 1.375rem; margin-top: 2rem; }
.hs h3 { font-size: 1.25rem; margin-top: 1.5rem; }
.hs h4 { font-size: 1.0625rem; margin-top: 0; }
.hs p, .hs ul, .hs ol { margin: 0 0 0.75rem; }
.hs ul, .hs ol { padding-left: 1.5rem; }
.hs li { margin-bottom: 0.5rem; }
.hs a { color: var(--hs-primary-strong); text-underline-offset: 0.15em; }
.hs a:focus-visible { outline: 3px solid var(--hs-focus); outline-offset: 2px; border-radius: 4px; }
.hs-lead { font-size: 1.25rem; }
.hs-small { font-size: 0.9375rem; }
.hs-muted { color: var(--hs-muted); }
.hs-number { display: inline-block; }
.hs-vh {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.hs a.hs-button {
  display: block; width: 100%; line-height: 1.35;
  min-height: 3.25rem; margin: 0 0 0.5rem; padding: 0.8rem 1rem;
  border: 2px solid var(--hs-primary); border-radius: 0.75rem;
  background: var(--hs-surface); color: var(--hs-primary-strong);
  font-weight: 600; text-align: center; text-decoration: none;
}
.hs a.hs-button--primary { background: var(--hs-primary); color: var(--hs-on-primary); }
.hs a.hs-button--help { border-color: var(--hs-help); background: var(--hs-surface); color: var(--hs-text); }
.hs a.hs-emergency {
  min-height: 4.5rem; padding: 1rem; font-size: 1.75rem; font-weight: 700;
  background: var(--hs-help); color: var(--hs-on-help); border-color: var(--hs-help);
}
.hs .hs-nav ul { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; }
.hs-nav li { margin: 0; }
.hs-nav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 0.75rem;
  border: 1px solid var(--hs-border); border-radius: 999px; background: var(--hs-surface); }
.hs .hs-lines { list-style: none; padding: 0; }
.hs .hs-card {
  margin: 0 0 1rem; padding: 1rem; border: 1px solid var(--hs-border); border-radius: 0.75rem;
  background: var(--hs-surface);
}
.hs-card > :last-child { margin-bottom: 0; }
.hs-steps li, .hs-signs li { margin-bottom: 0.5rem; }
.hs-note { border-left: 4px solid var(--hs-note-border); padding-left: 0.75rem; }
.hs-footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--hs-border); }
.hs-footer a { display: inline-flex; align-items: center; min-height: 44px; font-weight: 600; }
@media (min-width: 40rem) {
  .hs a.hs-button { display: inline-block; width: auto; min-width: 16rem; margin-right: 0.5rem; vertical-align: top; }
  .hs a.hs-emergency { display: block; width: 100%; }
}
@media print {
  .hs-nav, .hs-footer { display: none; }
}
`;
}

function need(value, what) {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`static-help: ${what} is missing in the content files`);
  }
  return value;
}

function needList(value, what) {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error(`static-help: ${what} is missing in the content files`);
  }
  return value;
}

/** A `tel:` or `sms:` target: digits (and a leading +) only, as the JSON's
 * "tel" fields are; anything else is a broken content file. */
function dial(value, what) {
  need(value, what);
  if (!/^\+?[0-9]+$/.test(value)) { throw new Error(`static-help: ${what} is not digits: ${value}`); }
  return value;
}

/** The region's code, usable in an id. */
function regionCode(value) {
  need(value, 'a region code');
  if (!/^[a-z]{2,8}$/.test(value)) { throw new Error(`static-help: odd region code ${value}`); }
  return value;
}

const e = escapeHtml;

function lineCard(line) {
  const name = need(line.name, 'a helpline name');
  const number = need(line.number, `the number of ${name}`);
  const parts = [
    `<li class="hs-card">`,
    `<h4>${e(name)}</h4>`,
  ];
  if (line.what) parts.push(`<p>${e(line.what)}</p>`);
  if (line.hours) parts.push(`<p class="hs-small hs-muted">Open: ${e(line.hours)}</p>`);
  parts.push(`<a class="hs-button hs-button--primary" href="tel:${e(dial(line.tel, `the tel of ${name}`))}">` +
    `${e(`Call ${name}, `)}<span class="hs-number">${e(number)}</span></a>`);
  if (line.sms) {
    const sms = dial(line.sms.number, `the text number of ${name}`);
    parts.push(`<a class="hs-button" href="sms:${e(sms)}">${e(`Text ${name} at `)}<span class="hs-number">${e(sms)}</span></a>`);
    if (line.sms.body_hint) parts.push(`<p class="hs-small hs-muted">What to send: ${e(line.sms.body_hint)}</p>`);
  }
  if (line.tty) {
    const digits = String(line.tty).replace(/[^0-9]/g, '');
    if (digits) parts.push(`<p class="hs-small"><a href="tel:${e(digits)}">${e(`TTY for ${name}: ${line.tty}`)}</a></p>`);
  }
  const notes = [];
  if (line.source) notes.push(`Source: ${String(line.source).replace(/\.$/, '')}.`);
  if (line.checked) notes.push(`Number last checked: ${monthWords(line.checked)}.`);
  if (notes.length) parts.push(`<p class="hs-small hs-muted">${e(notes.join(' '))}</p>`);
  parts.push('</li>');
  return parts.join('\n');
}

function regionSection(region) {
  const code = regionCode(region.region);
  const name = need(region.name, `the name of region ${code}`);
  const em = region.emergency || {};
  const emTel = dial(em.tel, `the emergency number of ${name}`);
  const emNumber = em.number || emTel;
  const lines = Array.isArray(region.lines) ? region.lines : [];
  return [
    `<section class="hs-region" id="hs-region-${code}" data-region="${code}" data-region-name="${e(name)}" ` +
      `data-emergency-number="${e(emNumber)}" data-emergency-tel="${e(emTel)}" aria-labelledby="hs-region-${code}-title">`,
    `<h3 id="hs-region-${code}-title">${e(name)}</h3>`,
    `<a class="hs-button hs-button--help" href="tel:${e(emTel)}">${e(`Emergency: call ${emNumber}`)}</a>`,
    lines.length
      ? `<ul class="hs-lines">\n${lines.map(lineCard).join('\n')}\n</ul>`
      : `<p>${e(`For help in ${name}, call ${emNumber}.`)}</p>`,
    '</section>',
  ].join('\n');
}

/** The whole of help.html, from the two parsed content files. */
export function renderHelpPage(directory, safety) {
  const regions = needList(directory && directory.regions, 'the list of regions');
  const home = regions[0];
  const homeName = need(home.name, 'the first region name');
  const homeTel = dial(home.emergency && home.emergency.tel, `the emergency number of ${homeName}`);
  const homeNumber = (home.emergency && home.emergency.number) || homeTel;
  const signs = (safety && safety.overdose_signs) || {};
  const naloxone = (safety && safety.naloxone_steps) || {};
  const tolerance = (safety && safety.lost_tolerance) || null;
  needList(signs.signs, 'the overdose signs');
  needList(naloxone.steps, 'the naloxone steps');
  const source = (s) => (s ? `<p class="hs-small hs-muted">${e(`Source: ${s}`)}</p>` : '');
  const items = (list) => list.map((t) => `<li>${e(t)}</li>`).join('\n');

  const body = [
    `<main id="main" class="hs" data-help-static>`,
    `<h1>Help now</h1>`,
    `<p class="hs-lead">You do not have to get through this alone. Tap a number to call.</p>`,

    `<section aria-labelledby="hs-emergency-title">`,
    `<h2 id="hs-emergency-title">Emergency</h2>`,
    `<a class="hs-button hs-emergency" href="tel:${e(homeTel)}" data-hs-emergency>` +
      `<span>Call <span data-hs-emergency-number>${e(homeNumber)}</span></span><span class="hs-vh"> for emergency services</span></a>`,
    `<p class="hs-small">Country: <span data-hs-emergency-region>${e(homeName)}</span>. ` +
      `Numbers for other countries are below.</p>`,
    directory.eu_note ? `<p class="hs-small hs-muted">${e(directory.eu_note)}</p>` : '',
    `</section>`,

    `<section aria-labelledby="hs-lines-title">`,
    `<h2 id="hs-lines-title">Helplines</h2>`,
    `<p>Call or text. Someone will listen and help you find support.</p>`,
    directory.checked ? `<p class="hs-small hs-muted">${e(`Numbers last checked: ${monthWords(directory.checked)}.`)}</p>` : '',
    `<nav class="hs-nav" aria-label="Countries">`,
    `<ul data-hs-region-nav>`,
    regions.map((r) => `<li data-region="${regionCode(r.region)}"><a href="#hs-region-${regionCode(r.region)}">${e(r.name)}</a></li>`).join('\n'),
    `</ul>`,
    `</nav>`,
    `<div data-hs-regions>`,
    regions.map(regionSection).join('\n'),
    `</div>`,
    `</section>`,

    `<section aria-labelledby="hs-signs-title">`,
    `<h2 id="hs-signs-title">${e(need(signs.title, 'the overdose signs title'))}</h2>`,
    signs.intro ? `<p>${e(signs.intro)}</p>` : '',
    `<ul class="hs-signs">\n${items(signs.signs)}\n</ul>`,
    source(signs.source),
    `</section>`,

    `<section aria-labelledby="hs-naloxone-title">`,
    `<h2 id="hs-naloxone-title">${e(need(naloxone.title, 'the naloxone title'))}</h2>`,
    `<ol class="hs-steps">\n${items(naloxone.steps)}\n</ol>`,
    Array.isArray(naloxone.notes) && naloxone.notes.length
      ? `<h3>Good to know</h3>\n<ul>\n${items(naloxone.notes)}\n</ul>` : '',
    source(naloxone.source),
    `</section>`,

    tolerance && Array.isArray(tolerance.paragraphs) && tolerance.title
      ? [
        `<section class="hs-note" aria-labelledby="hs-tolerance-title">`,
        `<h2 id="hs-tolerance-title">${e(tolerance.title)}</h2>`,
        tolerance.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n'),
        source(tolerance.source),
        `</section>`,
      ].join('\n')
      : '',

    `<p class="hs-small hs-muted">Waymark gives information, not medical care. ` +
      `A doctor, nurse or pharmacist can answer questions about your own health.</p>`,
    `<footer class="hs-footer">`,
    `<p class="hs-small">This page works even when the full app cannot open in this browser.</p>`,
    `<p><a href="/">Open the full app</a></p>`,
    `</footer>`,
    `</main>`,
  ].filter(Boolean).join('\n');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta http-equiv="Content-Security-Policy" content="${e(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#2c6e68" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#121b1a" media="(prefers-color-scheme: dark)">
<title>Help now · Waymark</title>
<link rel="icon" href="/icons/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/help-static.css">
<script src="/help-static.js" defer></script>
</head>
<body class="hs-body">
${body}
</body>
</html>
`;
}

/** Reads the content files the app compiles in. */
export function readContent(contentDir = CONTENT) {
  const directory = JSON.parse(readFileSync(join(contentDir, 'helplines.json'), 'utf8'));
  const safety = JSON.parse(readFileSync(join(contentDir, 'safety.json'), 'utf8'));
  return { directory, safety };
}

/**
 * Writes help.html, help-static.css and help-static.js into `stagingDir`.
 * Throws if a content file is missing or broken, so a build never ships a
 * crisis page without numbers. Returns the names of the files written.
 */
export function writeStaticHelp(stagingDir, { contentDir = CONTENT } = {}) {
  if (!stagingDir) throw new Error('static-help: no output folder given');
  const { directory, safety } = readContent(contentDir);
  const html = renderHelpPage(directory, safety);
  mkdirSync(stagingDir, { recursive: true });
  writeFileSync(join(stagingDir, 'help.html'), html);
  writeFileSync(join(stagingDir, 'help-static.css'), stylesheet());
  writeFileSync(join(stagingDir, 'help-static.js'), clientScript());
  return ['help.html', 'help-static.css', 'help-static.js'];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/static-help.mjs OUTDIR');
    process.exit(2);
  }
  const files = writeStaticHelp(resolve(out));
  console.log(`static-help: wrote ${files.join(', ')} to ${out}`);
}
