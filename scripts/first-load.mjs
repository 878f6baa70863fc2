// What a first visit fetches before the app is ready, read from index.html:
// the page itself and every style, script and module it names up front
// (never the icons or the manifest). The size budget (scripts/sizes.mjs) and
// the end-to-end test of the first visit (tests/e2e/split.test.mjs) share it.

/** The files index.html makes the browser fetch up front, as /paths. */
export function firstLoadFiles(html) {
  const paths = new Set(['/index.html']);
  for (const m of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const tag = m[0];
    const rel = (tag.match(/\brel="([^"]+)"/) || [])[1] || '';
    const url = (tag.match(/\b(?:href|src)="(\/[^"]+)"/) || [])[1];
    if (!url || rel === 'manifest' || rel === 'icon' || rel === 'apple-touch-icon') continue;
    paths.add(url);
  }
  // Trunk's inline loader fetches the main module (preloaded above too).
  for (const m of html.matchAll(/['"](\/[^'"]+\.wasm)['"]/g)) paths.add(m[1]);
  return [...paths].sort();
}
