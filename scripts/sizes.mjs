// Prints the release build's sizes (raw, gzip, brotli) as a table and JSON.
// With --check, fails when the budget is broken. Sizes are deterministic for
// a given source, so this is safe in CI.
//
// The product targets are a .wasm of at most 150 KB brotli and a first load
// of at most 180 KB (see the benchmarks issue). Today's Leptos build is far
// above that, so CI holds the line where it is instead: the budget below
// stops growth while the size work is done, and is lowered toward the
// targets as it lands. It is never raised to let an accident pass; it was
// raised once, from 700/730 KB, for a deliberate feature: the passphrase
// lock (Web Crypto, lock screen, encrypted backups) added about 42 KB.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const DIST = process.env.WAYMARK_DIST || new URL('../dist', import.meta.url).pathname;
const TARGET = { wasmBrotli: 150 * 1024, firstLoadBrotli: 180 * 1024 };
const BUDGET = { wasmBrotli: 705 * 1024, firstLoadBrotli: 735 * 1024 };

function walk(d) {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
function measure(file) {
  const buf = readFileSync(file);
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const files = walk(DIST).map((p) => ({ path: '/' + relative(DIST, p), ...measure(p) }));
const pick = (pred) => files.filter((f) => pred(f.path));
const sum = (list) => list.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const groups = {
  wasm: sum(pick((p) => extname(p) === '.wasm')),
  'js glue': sum(pick((p) => /^\/waymark-.*\.js$/.test(p))),
  css: sum(pick((p) => extname(p) === '.css')),
  'index.html': sum(pick((p) => p === '/index.html')),
  'boot.js + sw.js': sum(pick((p) => p === '/boot.js' || p === '/sw.js')),
};
// First load: everything the first visit fetches except icons.
groups['first load (all but icons)'] = sum(pick((p) => !p.startsWith('/icons/') && p !== '/manifest.webmanifest'));
// The service worker precaches every file of the build.
groups['precache total'] = sum(files.filter((f) => f.path !== '/sw.js'));

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('what'.padEnd(28) + 'raw KB'.padStart(8) + 'gzip KB'.padStart(9) + 'br KB'.padStart(8));
for (const [name, s] of Object.entries(groups)) {
  console.log(name.padEnd(28) + kb(s.raw) + ' ' + kb(s.gzip) + kb(s.brotli));
}
console.log(JSON.stringify({ sizes: groups }));

if (process.argv.includes('--check')) {
  const problems = [];
  if (groups.wasm.brotli > BUDGET.wasmBrotli) problems.push(`.wasm is ${kb(groups.wasm.brotli)} KB brotli, over the ${BUDGET.wasmBrotli / 1024} KB budget`);
  if (groups['first load (all but icons)'].brotli > BUDGET.firstLoadBrotli) problems.push(`first load is ${kb(groups['first load (all but icons)'].brotli)} KB brotli, over the ${BUDGET.firstLoadBrotli / 1024} KB budget`);
  if (groups.wasm.raw === 0) problems.push('no .wasm in dist: build first');
  if (problems.length) {
    console.error('size budget: ' + problems.join('; '));
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const far = groups.wasm.brotli > TARGET.wasmBrotli || groups['first load (all but icons)'].brotli > TARGET.firstLoadBrotli;
  if (far) console.log(`note: still above the product targets (.wasm ${TARGET.wasmBrotli / 1024} KB, first load ${TARGET.firstLoadBrotli / 1024} KB brotli)`);
  console.log('budget: 1 passed, 0 failed');
}
