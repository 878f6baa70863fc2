// Every language but English as one file the app fetches on demand.
//
// English is compiled into the app (build.rs turns src/content/en/ui into
// `enum Key` and a table). Each other language, src/content/<lang>/, becomes
// `lang/<lang>-<hash>.json` in the build folder:
//
//   { "lang": "es", "keys": "<hash of the slot names>",
//     "strings": [ every slot's text, in slot order ],
//     "content": { "guide": "<the JSON text of guide.json>", ... } }
//
// The slot rule is the one in build.rs: each entry of ui/<area>.json is the
// slot `area.key` (a plural {"one","other"} is `area.key` for "other" and
// `area.key#one`), sorted by name; `keys` is FNV-1a (32 bit) of the names,
// each followed by "\n". The app uses a bundle only when `keys` matches its
// own, so a stale file can never put the wrong words on a button.
//
// index.html gets <meta name="waymark-lang-<lang>" content="/lang/…"> so the
// app (src/app/language.rs) and boot.js know the file's hashed name.
//
// Used by scripts/post-build.mjs (writeLanguageBundles(stagingDir)), or by
// hand: node scripts/lang-bundle.mjs OUTDIR
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CONTENT = join(ROOT, 'src', 'content');
export const CONTENT_FILES = ['guide', 'helplines', 'safety', 'sows', 'coping', 'overdose'];
const NAME = /^[a-z][a-z0-9_]*$/;

/** Every slot of src/content/<lang>/ui, as a sorted array of [name, text]. */
export function slots(lang, content = CONTENT) {
  const dir = join(content, lang, 'ui');
  const out = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const area = file.slice(0, -5);
    if (!NAME.test(area)) throw new Error(`${lang}/ui/${file}: bad area name`);
    let entries;
    try {
      entries = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      throw new Error(`${lang}/ui/${file}: ${e.message}`);
    }
    for (const [key, value] of Object.entries(entries)) {
      if (!NAME.test(key)) throw new Error(`${lang}/ui/${file}: bad key "${key}"`);
      const name = `${area}.${key}`;
      if (typeof value === 'string') {
        out.set(name, value);
      } else if (value && typeof value.one === 'string' && typeof value.other === 'string') {
        out.set(`${name}#one`, value.one);
        out.set(name, value.other);
      } else {
        throw new Error(`${lang}/ui/${file}: ${key} is not a string or a plural`);
      }
    }
  }
  // Names are ASCII, so JavaScript's UTF-16 order is Rust's byte order.
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** FNV-1a (32 bit) of the names, each followed by a newline, as 8 hex digits. */
export function keysHash(names) {
  let hash = 0x811c9dc5;
  for (const name of names) {
    for (const byte of Buffer.from(`${name}\n`, 'utf8')) {
      hash ^= byte;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash.toString(16).padStart(8, '0');
}

/** The bundle of one language, as the app reads it. */
export function bundle(lang, content = CONTENT) {
  const english = slots('en', content).map(([n]) => n);
  const own = slots(lang, content);
  const names = own.map(([n]) => n);
  const missing = english.filter((n) => !names.includes(n));
  if (missing.length) throw new Error(`${lang}: missing ${missing.slice(0, 10).join(', ')}`);
  const extra = names.filter((n) => !english.includes(n));
  if (extra.length) throw new Error(`${lang}: keys English lacks: ${extra.slice(0, 10).join(', ')}`);
  const files = {};
  for (const name of CONTENT_FILES) {
    const path = join(content, lang, `${name}.json`);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    JSON.parse(text); // a broken file stops the build
    files[name] = text;
  }
  return { lang, keys: keysHash(names), strings: own.map(([, t]) => t), content: files };
}

/** The languages that are fetched: every folder of src/content but "en". */
export function otherLanguages(content = CONTENT) {
  return readdirSync(content, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'en' && existsSync(join(content, e.name, 'ui')))
    .map((e) => e.name)
    .sort();
}

/** Writes every bundle into `dir/lang/` and names them in `dir/index.html`. */
export function writeLanguageBundles(dir, content = CONTENT) {
  const written = {};
  mkdirSync(join(dir, 'lang'), { recursive: true });
  for (const lang of otherLanguages(content)) {
    const text = JSON.stringify(bundle(lang, content));
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const file = `lang/${lang}-${hash}.json`;
    writeFileSync(join(dir, file), text);
    written[lang] = `/${file}`;
  }
  const index = join(dir, 'index.html');
  if (existsSync(index)) {
    let html = readFileSync(index, 'utf8');
    const metas = Object.entries(written)
      .map(([lang, href]) => `<meta name="waymark-lang-${lang}" content="${href}">`)
      .join('\n');
    if (!html.includes('</head>')) throw new Error('index.html has no </head>');
    html = html.replace('</head>', `${metas}\n</head>`);
    writeFileSync(index, fillBootWords(html, bootWords(content)));
  }
  return written;
}

/** Every language's boot.json (the words of the first-paint shell and boot.js). */
export function bootWords(content = CONTENT) {
  const all = {};
  for (const lang of ['en', ...otherLanguages(content)]) {
    const path = join(content, lang, 'boot.json');
    all[lang] = JSON.parse(readFileSync(path, 'utf8'));
  }
  return all;
}

const escapeHtml = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Fills index.html's shell with the English words (each element names its
 * key: data-w for the text, data-w-label for aria-label) and puts every
 * language's words in the __WAYMARK_WORDS__ JSON block for the inline
 * script. Throws on a key boot.json lacks, so a word is never left blank.
 */
export function fillBootWords(html, all) {
  const en = all.en;
  const word = (key) => {
    if (typeof en[key] !== 'string') throw new Error(`index.html names "${key}", which en/boot.json lacks`);
    return en[key];
  };
  html = html.replace(/(<([a-z0-9]+)\b[^>]*\bdata-w="([a-z_]+)"[^>]*>)[^<]*(<\/\2>)/g,
    (_m, open, _tag, key, close) => `${open}${escapeHtml(word(key))}${close}`);
  html = html.replace(/(<[a-z0-9]+\b[^>]*?)\baria-label="[^"]*"([^>]*\bdata-w-label="([a-z_]+)")/g,
    (_m, pre, post, key) => `${pre}aria-label="${escapeHtml(word(key))}"${post}`);
  html = html.replace(/(<[a-z0-9]+\b[^>]*\bdata-w-label="([a-z_]+)"[^>]*?)\baria-label="[^"]*"/g,
    (_m, pre, key) => `${pre}aria-label="${escapeHtml(word(key))}"`);
  if (!html.includes('__WAYMARK_WORDS__')) throw new Error('index.html has no __WAYMARK_WORDS__ block');
  // Inside <script type="application/json">: "<" is escaped so no text can
  // close the element.
  const json = JSON.stringify(all).replace(/</g, '\\u003c');
  return html.replace('__WAYMARK_WORDS__', json);
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/lang-bundle.mjs OUTDIR');
    process.exit(2);
  }
  console.log(writeLanguageBundles(resolve(out)));
}
