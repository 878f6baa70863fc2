// Trunk post_build hook (see Trunk.toml). Runs in the staging folder of every
// build, release or serve, and:
//  1. writes the list of this build's files and a build id (a hash of their
//     contents) into sw.js, so the service worker precaches exactly this build;
//  2. fills the Content-Security-Policy in index.html with the sha256 hashes of
//     Trunk's inline loader scripts, so no 'unsafe-inline' is needed.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// 1. Content-Security-Policy. Inline scripts are allowed only by hash.
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const hashes = [];
for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
  if (m[0].match(/<script\b[^>]*\bsrc=/)) continue;
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
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
if (!html.includes('__WAYMARK_CSP__')) {
  console.error('post-build: index.html has no __WAYMARK_CSP__ placeholder');
  process.exit(1);
}
html = html.replace('__WAYMARK_CSP__', csp);
writeFileSync(indexPath, html);

// 2. Service worker: exact file list and build id, computed after index.html
//    is final so the id changes whenever any served byte changes.
const swPath = join(dir, 'sw.js');
const files = walk(dir)
  .map((p) => '/' + relative(dir, p).split(sep).join('/'))
  .filter((f) => f !== '/sw.js')
  .sort();
const hash = createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update(readFileSync(join(dir, f)));
}
const buildId = hash.digest('hex').slice(0, 16);
let sw = readFileSync(swPath, 'utf8');
sw = sw
  .replace("'__WAYMARK_BUILD_ID__'", JSON.stringify(buildId))
  .replace("['__WAYMARK_FILES__']", JSON.stringify(files));
writeFileSync(swPath, sw);
console.log(`post-build: build ${buildId}, ${files.length} files precached, ${hashes.length} inline script hash(es)`);
