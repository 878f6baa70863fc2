// The crisis screen as a plain page, for browsers that cannot run the app's
// WebAssembly (iOS Lockdown Mode, managed browsers, old phones).
//
// Writes four files into a build folder:
//   help.html        the emergency number, the overdose response steps, every
//                    region's helplines, the signs of an overdose and the
//                    naloxone steps, with no WebAssembly, no inline script and
//                    no inline style;
//   help-es.html     the same page in Spanish (<html lang="es">);
//   help-static.css  their look: 360 px first, light and dark, big tap targets;
//   help-static.js   puts the region saved in the app's settings first (also
//                    used by public/boot.js when it shows a page on /help).
//
// The text comes from src/content/<lang>/helplines.json, safety.json and
// overdose.json (the steps of /help/overdose), the same files the Rust app uses, so the numbers can never drift; the page's
// own words from src/content/<lang>/ui/static_help.json and its month names
// from ui/dates.json. public/boot.js picks help-es.html for a Spanish reader.
//
// Used by scripts/post-build.mjs (writeStaticHelp(stagingDir), before the
// service worker's file list is written), or by hand:
//   node scripts/static-help.mjs OUTDIR
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** src/content: one folder per language. */
export const CONTENT_ROOT = join(ROOT, 'src', 'content');
const CONTENT = join(CONTENT_ROOT, 'en');

/** Each page and its language; English first (the app's fallback). */
export const HELP_PAGES = [
  { lang: 'en', file: 'help.html' },
  { lang: 'es', file: 'help-es.html' },
];

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

/** `{name}` in `template` replaced by `values[name]`; an unknown one stays. */
export function fill(template, values) {
  return String(template).replace(/\{([a-z_]+)\}/g, (all, name) =>
    (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all));
}

/** Like fill, for HTML: the template's own text is escaped, the values are
 * HTML already (escape them first). */
function fillHtml(template, htmlValues) {
  return String(template).split(/(\{[a-z_]+\})/).map((part) => {
    const m = /^\{([a-z_]+)\}$/.exec(part);
    return m && Object.prototype.hasOwnProperty.call(htmlValues, m[1]) ? htmlValues[m[1]] : escapeHtml(part);
  }).join('');
}

/**
 * "2026-11" as "November 2026" (or, given a language's ui/dates.json, as
 * that language writes it: "noviembre de 2026"); anything else as it is (as
 * the app's month_words).
 */
export function monthWords(yearMonth, dates) {
  const m = /^(\d{4})-(\d{1,2})$/.exec(String(yearMonth || ''));
  const n = m ? Number(m[2]) : 0;
  if (!(n >= 1 && n <= 12)) return String(yearMonth || '');
  if (dates && dates[`month_${n}`] && dates.month_year) {
    return fill(dates.month_year, { month: dates[`month_${n}`], year: m[1] });
  }
  return `${MONTHS[n - 1]} ${m[1]}`;
}

/**
 * What the static page needs from the stored settings document, or null.
 *
 * The document is an envelope {"v","r","t","x"} (src/data/envelope.rs) whose
 * "x" is the Settings record with short field names (src/domain/settings.rs):
 * "rg" region ("us", "uk", "ca", "mx", "es", "ar" or "cl"; "gb" is read as
 * "uk"; a code with no section on the page is shown as "us"), "th" theme
 * ("light", "dark"; absent means follow the device), "ds" discreet mode. A value sealed by the passphrase lock starts with "wme1:"
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
    if (doc && settings.discreet) {
      // The page's own word for it ("Notes", "Notas").
      var page = root.querySelector('[data-help-static]');
      doc.title = (page && page.getAttribute('data-discreet-title')) || 'Notes';
    }
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
.hs .hs-overdose { padding-left: 1.75rem; }
.hs .hs-overdose > li { margin-bottom: 1.25rem; }
.hs .hs-overdose > li::marker { font-size: 1.25rem; font-weight: 700; }
.hs .hs-overdose h3 { margin-top: 0; }
.hs .hs-overdose h4 { margin-top: 0.75rem; }
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

/** A `tel:` or `sms:` target: digits (and a leading + or *) only, as the
 * JSON's "tel" fields are; anything else is a broken content file. A `*`
 * (Chile's "*4141") is valid in a tel: URI, though an iPhone will not dial
 * it from a link: the line's note says to dial it by hand. */
function dial(value, what) {
  need(value, what);
  if (!/^[+*]?[0-9]+$/.test(value)) { throw new Error(`static-help: ${what} is not digits: ${value}`); }
  return value;
}

/** The region's code, usable in an id. */
function regionCode(value) {
  need(value, 'a region code');
  if (!/^[a-z]{2,8}$/.test(value)) { throw new Error(`static-help: odd region code ${value}`); }
  return value;
}

const e = escapeHtml;

/** "Source: …" in the page's words, the citation itself marked as English
 * (titles of papers and pages), as the app marks it. HTML. */
function sourceHtml(w, source) {
  return fillHtml(w.source, { source: `<span lang="en">${e(source)}</span>` });
}

/** The page's words (ui/static_help.json), every one required. */
const WORD_KEYS = ['doc_title', 'title', 'lead', 'emergency_title', 'emergency_call',
  'emergency_call_hidden', 'country', 'lines_title', 'lines_lead', 'checked_all', 'countries_label',
  'open', 'call_line', 'text_line', 'what_to_send', 'tty', 'source', 'line_checked', 'emergency_line',
  'region_no_lines', 'good_to_know', 'disclaimer', 'works_offline', 'open_app',
  'discreet_title', 'this_language'];

function checkWords(words, lang) {
  if (!words || typeof words !== 'object') throw new Error(`static-help: no page words for ${lang}`);
  for (const key of WORD_KEYS) need(words[key], `${lang}/ui/static_help.json "${key}"`);
  return words;
}

function lineCard(line, w, dates) {
  const name = need(line.name, 'a helpline name');
  const number = need(line.number, `the number of ${name}`);
  const parts = [
    `<li class="hs-card">`,
    `<h4>${e(name)}</h4>`,
  ];
  if (line.what) parts.push(`<p>${e(line.what)}</p>`);
  if (line.hours) parts.push(`<p class="hs-small hs-muted">${e(fill(w.open, { hours: line.hours }))}</p>`);
  parts.push(`<a class="hs-button hs-button--primary" href="tel:${e(dial(line.tel, `the tel of ${name}`))}">` +
    `${fillHtml(w.call_line, { name: e(name), number: `<span class="hs-number">${e(number)}</span>` })}</a>`);
  if (line.sms) {
    const sms = dial(line.sms.number, `the text number of ${name}`);
    parts.push(`<a class="hs-button" href="sms:${e(sms)}">` +
      `${fillHtml(w.text_line, { name: e(name), number: `<span class="hs-number">${e(sms)}</span>` })}</a>`);
    if (line.sms.body_hint) parts.push(`<p class="hs-small hs-muted">${e(fill(w.what_to_send, { hint: line.sms.body_hint }))}</p>`);
  }
  if (line.tty) {
    const digits = String(line.tty).replace(/[^0-9]/g, '');
    if (digits) parts.push(`<p class="hs-small"><a href="tel:${e(digits)}">${e(fill(w.tty, { name, number: line.tty }))}</a></p>`);
  }
  // How to reach a Spanish speaker, or how to dial a * number.
  if (line.note) parts.push(`<p class="hs-small">${e(line.note)}</p>`);
  const notes = [];
  if (line.source) notes.push(`${sourceHtml(w, String(line.source).replace(/\.$/, ''))}.`);
  if (line.checked) notes.push(e(fill(w.line_checked, { date: monthWords(line.checked, dates) })));
  if (notes.length) parts.push(`<p class="hs-small hs-muted">${notes.join(' ')}</p>`);
  parts.push('</li>');
  return parts.join('\n');
}

function regionSection(region, w, dates) {
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
    `<a class="hs-button hs-button--help" href="tel:${e(emTel)}">${e(fill(w.emergency_line, { number: emNumber }))}</a>`,
    lines.length
      ? `<ul class="hs-lines">\n${lines.map((l) => lineCard(l, w, dates)).join('\n')}\n</ul>`
      : `<p>${e(fill(w.region_no_lines, { region: name, number: emNumber }))}</p>`,
    '</section>',
  ].join('\n');
}

/** Where naloxone is not simply bought (Spain): how people get it there. */
function naloxoneNotes(regions, w) {
  return regions.filter((r) => r.naloxone_note && r.naloxone_note.text).map((r) => [
    `<div class="hs-note" data-naloxone-region="${regionCode(r.region)}">`,
    `<p>${e(r.naloxone_note.text)}</p>`,
    r.naloxone_note.source ? `<p class="hs-small hs-muted">${sourceHtml(w, r.naloxone_note.source)}</p>` : '',
    `</div>`,
  ].filter(Boolean).join('\n')).join('\n');
}

/**
 * The overdose response steps (overdose.json, as on /help/overdose) as a
 * section: each step numbered, with its lines, its note, its second list
 * and its source. The app's timer and call button are not here: the page's
 * big call button is just above, and the step says when to give another dose.
 */
function overdoseSection(overdose, w) {
  if (!overdose || typeof overdose !== 'object') throw new Error('static-help: the overdose steps are missing in the content files');
  const steps = needList(overdose.steps, 'the overdose steps');
  const list = (items) => `<ul>\n${items.map((t) => `<li>${e(t)}</li>`).join('\n')}\n</ul>`;
  return [
    `<section id="hs-overdose" aria-labelledby="hs-overdose-title">`,
    `<h2 id="hs-overdose-title">${e(need(overdose.title, 'the overdose guide title'))}</h2>`,
    overdose.lead ? `<p class="hs-lead">${e(overdose.lead)}</p>` : '',
    `<ol class="hs-overdose">`,
    steps.map((step) => {
      const id = need(step && step.id, 'an overdose step id');
      if (!/^[a-z]+$/.test(id)) throw new Error(`static-help: odd overdose step id ${id}`);
      return [
        `<li id="hs-overdose-${id}">`,
        `<h3>${e(need(step.title, `the title of overdose step ${id}`))}</h3>`,
        list(needList(step.lines, `the lines of overdose step ${id}`)),
        step.note ? `<p class="hs-note">${e(step.note)}</p>` : '',
        step.more_title ? `<h4>${e(step.more_title)}</h4>` : '',
        Array.isArray(step.more) && step.more.length ? list(step.more) : '',
        step.source ? `<p class="hs-small hs-muted">${sourceHtml(w, step.source)}</p>` : '',
        `</li>`,
      ].filter(Boolean).join('\n');
    }).join('\n'),
    `</ol>`,
    `</section>`,
  ].filter(Boolean).join('\n');
}

/**
 * The whole of a help page, from the two parsed content files. `options`:
 * `lang` ("en"), `words` (its ui/static_help.json; read from src/content
 * when not given), `dates` (its ui/dates.json, for month names), and
 * `others` ([{lang, file, words}]: the same page in other languages, linked
 * from the footer) and `overdose` (its overdose.json; read from src/content
 * when not given).
 */
export function renderHelpPage(directory, safety, options = {}) {
  const lang = options.lang || 'en';
  const own = options.words ? null : readWords(lang);
  const w = checkWords(options.words || own.words, lang);
  const dates = options.dates || (own && own.dates) || null;
  const overdose = options.overdose !== undefined ? options.overdose : readOverdose(lang);
  const others = options.others || [];
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
  const source = (s) => (s ? `<p class="hs-small hs-muted">${sourceHtml(w, s)}</p>` : '');
  const items = (list) => list.map((t) => `<li>${e(t)}</li>`).join('\n');
  const regionNotes = naloxoneNotes(regions, w);

  const body = [
    `<main id="main" class="hs" data-help-static data-discreet-title="${e(w.discreet_title)}">`,
    `<h1>${e(w.title)}</h1>`,
    `<p class="hs-lead">${e(w.lead)}</p>`,

    `<section aria-labelledby="hs-emergency-title">`,
    `<h2 id="hs-emergency-title">${e(w.emergency_title)}</h2>`,
    `<a class="hs-button hs-emergency" href="tel:${e(homeTel)}" data-hs-emergency>` +
      `<span>${fillHtml(w.emergency_call, { number: `<span data-hs-emergency-number>${e(homeNumber)}</span>` })}</span>` +
      `<span class="hs-vh"> ${e(w.emergency_call_hidden)}</span></a>`,
    `<p class="hs-small">${fillHtml(w.country, { country: `<span data-hs-emergency-region>${e(homeName)}</span>` })}</p>`,
    directory.eu_note ? `<p class="hs-small hs-muted">${e(directory.eu_note)}</p>` : '',
    `</section>`,

    overdoseSection(overdose, w),

    `<section aria-labelledby="hs-lines-title">`,
    `<h2 id="hs-lines-title">${e(w.lines_title)}</h2>`,
    `<p>${e(w.lines_lead)}</p>`,
    directory.checked ? `<p class="hs-small hs-muted">${e(fill(w.checked_all, { date: monthWords(directory.checked, dates) }))}</p>` : '',
    `<nav class="hs-nav" aria-label="${e(w.countries_label)}">`,
    `<ul data-hs-region-nav>`,
    regions.map((r) => `<li data-region="${regionCode(r.region)}"><a href="#hs-region-${regionCode(r.region)}">${e(r.name)}</a></li>`).join('\n'),
    `</ul>`,
    `</nav>`,
    `<div data-hs-regions>`,
    regions.map((r) => regionSection(r, w, dates)).join('\n'),
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
      ? `<h3>${e(w.good_to_know)}</h3>\n<ul>\n${items(naloxone.notes)}\n</ul>` : '',
    regionNotes,
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

    `<p class="hs-small hs-muted">${e(w.disclaimer)}</p>`,
    `<footer class="hs-footer">`,
    `<p class="hs-small">${e(w.works_offline)}</p>`,
    `<p><a href="/">${e(w.open_app)}</a></p>`,
    // Each other language, named in its own words.
    others.map((o) => `<p><a href="/${e(o.file)}" hreflang="${e(o.lang)}" lang="${e(o.lang)}">${e(need(o.words && o.words.this_language, `${o.lang} "this_language"`))}</a></p>`).join('\n'),
    `</footer>`,
    `</main>`,
  ].filter(Boolean).join('\n');

  const alternates = others.map((o) => `<link rel="alternate" hreflang="${e(o.lang)}" href="/${e(o.file)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta http-equiv="Content-Security-Policy" content="${e(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="#2c6e68" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="#121b1a" media="(prefers-color-scheme: dark)">
<title>${e(w.doc_title)}</title>
<link rel="icon" href="/icons/icon.svg" type="image/svg+xml">
${alternates ? `${alternates}\n` : ''}<link rel="stylesheet" href="/help-static.css">
<script src="/help-static.js" defer></script>
</head>
<body class="hs-body">
${body}
</body>
</html>
`;
}

/** A language's page words (ui/static_help.json) and month names (ui/dates.json). */
export function readWords(lang, contentRoot = CONTENT_ROOT) {
  const ui = join(contentRoot, lang, 'ui');
  const read = (name) => JSON.parse(readFileSync(join(ui, name), 'utf8'));
  return { words: read('static_help.json'), dates: read('dates.json') };
}

/** A language's overdose response steps (overdose.json). */
export function readOverdose(lang, contentRoot = CONTENT_ROOT) {
  return JSON.parse(readFileSync(join(contentRoot, lang, 'overdose.json'), 'utf8'));
}

/** Reads the content files the app compiles in. */
export function readContent(contentDir = CONTENT) {
  const directory = JSON.parse(readFileSync(join(contentDir, 'helplines.json'), 'utf8'));
  const safety = JSON.parse(readFileSync(join(contentDir, 'safety.json'), 'utf8'));
  const overdose = JSON.parse(readFileSync(join(contentDir, 'overdose.json'), 'utf8'));
  return { directory, safety, overdose };
}

/**
 * Writes help.html, help-es.html, help-static.css and help-static.js into
 * `stagingDir`, from `contentRoot` (src/content: one folder per language).
 * Throws if a content file or a page word is missing or broken, so a build
 * never ships a crisis page without numbers. Returns the names of the files
 * written.
 */
export function writeStaticHelp(stagingDir, { contentRoot = CONTENT_ROOT } = {}) {
  if (!stagingDir) throw new Error('static-help: no output folder given');
  const pages = HELP_PAGES.map((page) => ({
    ...page,
    ...readContent(join(contentRoot, page.lang)),
    ...readWords(page.lang, contentRoot),
  }));
  mkdirSync(stagingDir, { recursive: true });
  for (const page of pages) {
    const others = pages.filter((o) => o !== page);
    const html = renderHelpPage(page.directory, page.safety,
      { lang: page.lang, words: page.words, dates: page.dates, overdose: page.overdose, others });
    writeFileSync(join(stagingDir, page.file), html);
  }
  writeFileSync(join(stagingDir, 'help-static.css'), stylesheet());
  writeFileSync(join(stagingDir, 'help-static.js'), clientScript());
  return [...pages.map((p) => p.file), 'help-static.css', 'help-static.js'];
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
