// Trunk post_build hook (see Trunk.toml). Runs in the staging folder of every
// build, release or serve, after Trunk has written index.html, the CSS and its
// own wasm-bindgen output. Trunk cannot split a .wasm (trunk-rs/trunk#1022),
// so this hook does it, as cargo-leptos's `--split` does, in small steps:
//
//  1. split      wasm-split-cli cuts the linker's .wasm into a main module,
//                one module per lazy screen and the chunks they share, plus
//                the JS loader that fetches them;
//  2. bindgen    wasm-bindgen on the split main module (with the linker's
//                exports kept, which the chunks import), replacing Trunk's;
//  3. optimise   wasm-opt -Oz on every module (release only), and drop the
//                linker's relocation sections, which only the split needed;
//  4. hash       content-hashed names for the glue, every module and the
//                loader, rewriting the references between them; the glue
//                imports a small stub of the loader (scripts/split-stub.mjs);
//  5. index      index.html points at the new names, with fresh integrity
//                hashes and a modulepreload for the loader;
//  6. help       the static Help page (scripts/static-help.mjs), for
//                browsers that cannot run WebAssembly;
//  7. csp        the Content-Security-Policy, with the hashes of Trunk's
//                inline loader, so no 'unsafe-inline' is needed;
//  8. precache   the exact file list and a build id, written into sw.js.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  readFileSync, writeFileSync, readdirSync, statSync, renameSync, rmSync, mkdtempSync, existsSync,
} from 'node:fs';
import { join, relative, sep, resolve, basename } from 'node:path';
import { tmpdir } from 'node:os';
import { writeStaticHelp } from './static-help.mjs';
import { writeLanguageBundles } from './lang-bundle.mjs';
import { stripCustomSections, customSectionNames } from './wasm-sections.mjs';
import { optimiseAll } from './wasm-optimise.mjs';
import { LOAD_UNTIL_DONE, stubLoader } from './split-stub.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';
// WAYMARK_WASM_OPT=0 skips wasm-opt, for a quick local look at a release build.
const wasmOpt = release && process.env.WAYMARK_WASM_OPT !== '0';
const source = process.env.TRUNK_SOURCE_DIR || resolve(import.meta.dirname, '..');
const targetDir = process.env.CARGO_TARGET_DIR || join(source, 'target');
const CRATE = 'waymark';
/** Sections only the split needed; no shipped module keeps them. */
const LINKER_SECTION = (name) => name === 'linking' || name.startsWith('reloc.');

const log = (msg) => console.log(`post-build: ${msg}`);
const sha = (algo, buf, enc = 'hex') => createHash(algo).update(buf).digest(enc);
const walk = (d) => readdirSync(d).flatMap((name) => {
  const p = join(d, name);
  return statSync(p).isDirectory() ? walk(p) : [p];
});

/** Trunk's staged glue and module: `waymark-<hash>.js`, `waymark-<hash>_bg.wasm`. */
function trunkOutput() {
  const js = readdirSync(dir).find((f) => new RegExp(`^${CRATE}-[0-9a-f]+\\.js$`).test(f));
  if (!js) throw new Error(`no ${CRATE}-<hash>.js in the staging folder`);
  const base = js.slice(0, -3);
  return { base, js, wasm: `${base}_bg.wasm` };
}

// 1. split
function split(work) {
  const raw = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${CRATE}.wasm`);
  if (!existsSync(raw)) throw new Error(`no linker output at ${raw}`);
  execFileSync('wasm-split-cli', [raw, work, '--out-name', CRATE], { stdio: ['ignore', 'ignore', 'inherit'] });
  const modules = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${CRATE}.wasm`);
  return { main: join(work, `${CRATE}.wasm`), loader: join(work, '__wasm_split.js'), modules };
}

// 2. bindgen
function bindgen(mainWasm, work) {
  const out = join(work, 'bindgen');
  execFileSync('wasm-bindgen', [
    '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-dir', out, '--out-name', CRATE, mainWasm,
  ], { stdio: 'inherit' });
  return { js: join(out, `${CRATE}.js`), wasm: join(out, `${CRATE}_bg.wasm`), snippets: join(out, 'snippets') };
}

// 3. optimise: wasm-opt -Oz on every module (scripts/wasm-optimise.mjs), then
//    the relocation sections go, whether or not the optimiser kept them.
async function optimise(paths) {
  if (wasmOpt) await optimiseAll(paths);
  for (const p of paths) {
    writeFileSync(p, stripCustomSections(readFileSync(p), LINKER_SECTION));
    const left = customSectionNames(readFileSync(p)).filter(LINKER_SECTION);
    if (left.length) throw new Error(`${basename(p)} still has ${left.join(', ')}`);
  }
}

/** `name.ext` as `name-<first 16 hex of sha256>.ext`. */
const hashedName = (name, buf) => name.replace(/(\.[a-z]+)$/, `-${sha('sha256', buf).slice(0, 16)}$1`);

// 4. hash: chunks first (the loader names them), then the loader (the glue
//    imports it), then the glue and the main module (index.html names them).
function hashAndPlace(work, parts, glue) {
  let loader = readFileSync(parts.loader, 'utf8')
    // Its comments list, per chunk, every screen that shares it: a third of
    // the loader's bytes, and it is on the first load.
    .replace(/^\/\* [^\n]*\*\/\n/gm, '');
  loader = retryFailedLoads(loader);
  for (const name of parts.modules) {
    const buf = readFileSync(join(work, name));
    const final = hashedName(name, buf);
    writeFileSync(join(dir, final), buf);
    loader = loader.split(`"./${name}"`).join(`"./${final}"`);
  }
  // The loader imports the glue, and the glue imports the loader: the glue's
  // final name is fixed first from the glue alone, the loader's from its text
  // with that name in it, and the glue then points at the loader.
  let glueJs = readFileSync(glue.js, 'utf8');
  const mainWasm = readFileSync(glue.wasm);
  const wasmName = hashedName(`${CRATE}_bg.wasm`, mainWasm);
  const jsName = hashedName(`${CRATE}.js`, Buffer.concat([Buffer.from(glueJs), mainWasm]));
  loader = loader.split(`"./${CRATE}.js"`).join(`"./${jsName}"`);
  // The glue imports a stub with the loader's exports; the loader itself,
  // the table of every screen's modules, comes on the first lazy load.
  const tableName = hashedName('__wasm_split_table.js', Buffer.from(loader));
  writeFileSync(join(dir, tableName), loader);
  const stub = stubLoader(loader, tableName);
  const loaderName = hashedName('__wasm_split.js', Buffer.from(stub));
  // Only the import specifiers change: the import object's keys must stay
  // "./__wasm_split.js", the module name the main module's imports carry.
  if (!glueJs.includes('from "./__wasm_split.js"')) throw new Error('the glue does not import ./__wasm_split.js');
  glueJs = glueJs.split('from "./__wasm_split.js"').join(`from "./${loaderName}"`);
  writeFileSync(join(dir, loaderName), stub);
  writeFileSync(join(dir, jsName), glueJs);
  writeFileSync(join(dir, wasmName), mainWasm);
  if (existsSync(glue.snippets)) throw new Error('wasm-bindgen wrote snippets, which this hook does not place');
  return { jsName, wasmName, loaderName };
}

/**
 * A screen's module that fails to load (no network before the service worker
 * has cached it) would be reported to Rust as a failure, and Leptos's lazy
 * route panics on that, which stops the whole app. Instead the loader keeps
 * trying, with growing pauses and at once when the browser is back online,
 * and tells the page (boot.js shows a notice): the screen opens when its
 * module arrives, and the app stays usable meanwhile.
 */
function retryFailedLoads(loader) {
  const call = '            await callee();\n';
  if (!loader.includes(call)) throw new Error('the split loader changed: no `await callee();` to wrap');
  return loader.replace(call, '            await loadUntilDone(callee);\n').replace('function wrapAsyncCb(', `${LOAD_UNTIL_DONE}function wrapAsyncCb(`);
}

/** Subresource integrity as Trunk writes it. */
const integrity = (file) => `sha384-${sha('sha384', readFileSync(join(dir, file)), 'base64')}`;

// 5. index: Trunk's names swapped for the final ones, integrity recomputed
//    for every file that has it, and the loader preloaded with the glue.
function rewriteIndex(trunk, final) {
  const path = join(dir, 'index.html');
  let html = readFileSync(path, 'utf8');
  html = html.split(`/${trunk.wasm}`).join(`/${final.wasmName}`).split(`/${trunk.js}`).join(`/${final.jsName}`);
  html = html.replace(/(<link\b[^>]*\bhref="\/([^"]+)"[^>]*\bintegrity=")[^"]*(")/g,
    (_m, pre, file, post) => `${pre}${integrity(file)}${post}`);
  const glueLink = html.match(/<link\b[^>]*rel="modulepreload"[^>]*>/);
  if (!glueLink) throw new Error('index.html has no modulepreload for the glue');
  const loaderLink = `<link rel="modulepreload" href="/${final.loaderName}" crossorigin="anonymous" integrity="${integrity(final.loaderName)}">`;
  html = html.replace(glueLink[0], `${glueLink[0]}\n${loaderLink}`);
  writeFileSync(path, html);
  rmSync(join(dir, trunk.js));
  rmSync(join(dir, trunk.wasm));
}

// 7. csp
function fillCsp() {
  const path = join(dir, 'index.html');
  let html = readFileSync(path, 'utf8');
  const hashes = [];
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[0].match(/<script\b[^>]*\bsrc=/)) continue;
    hashes.push(`'sha256-${sha('sha256', Buffer.from(m[1], 'utf8'), 'base64')}'`);
  }
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // trunk serve's live reload talks over a websocket to the same host.
    release ? "connect-src 'self'" : "connect-src 'self' ws: wss:",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  if (!html.includes('__WAYMARK_CSP__')) throw new Error('index.html has no __WAYMARK_CSP__ placeholder');
  writeFileSync(path, html.replace('__WAYMARK_CSP__', csp));
  return hashes.length;
}

// 8. precache: computed last, so the build id changes whenever any served
//    byte changes.
function writePrecache() {
  const swPath = join(dir, 'sw.js');
  const files = walk(dir)
    .map((p) => '/' + relative(dir, p).split(sep).join('/'))
    .filter((f) => f !== '/sw.js')
    .sort();
  const template = readFileSync(swPath, 'utf8');
  // The worker's own code counts too: a release that changes only sw.js
  // gets a new cache, not the old name with other rules.
  const hash = createHash('sha256').update(template);
  for (const f of files) {
    hash.update(f);
    hash.update(readFileSync(join(dir, f)));
  }
  const buildId = hash.digest('hex').slice(0, 16);
  const sw = template
    .replace("'__WAYMARK_BUILD_ID__'", JSON.stringify(buildId))
    .replace("['__WAYMARK_FILES__']", JSON.stringify(files));
  writeFileSync(swPath, sw);
  return { buildId, count: files.length };
}

try {
  const started = Date.now();
  const trunk = trunkOutput();
  const work = mkdtempSync(join(tmpdir(), 'waymark-split-'));
  try {
    const parts = split(work);
    const glue = bindgen(parts.main, work);
    await optimise([glue.wasm, ...parts.modules.map((m) => join(work, m))]);
    const final = hashAndPlace(work, parts, glue);
    rewriteIndex(trunk, final);
    log(`split into a main module and ${parts.modules.length} lazy modules`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const languages = writeLanguageBundles(dir);
  log(`language bundles: ${Object.values(languages).join(', ') || 'none'}`);
  writeStaticHelp(dir);
  const inline = fillCsp();
  const { buildId, count } = writePrecache();
  log(`build ${buildId}, ${count} files precached, ${inline} inline script hash(es), ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`post-build: ${e.message}`);
  process.exit(1);
}
