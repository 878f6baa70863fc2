// The split loader in two parts, so the first load carries only the small one.
//
// wasm-split-cli's loader names every module of every screen (their hashed
// file names and which chunks each needs): 160 KB of script, about 9.5 KB
// brotli, and the glue imports it, so the first visit fetched it before the
// app could draw, though Home needs none of it. Here the glue imports a stub
// instead, with the same exports; the first call of any of them imports the
// full loader (the "table"), which the service worker precaches like every
// other file, and hands the call on. A table that cannot be fetched yet is
// tried again, as the table itself retries a module (see post-build.mjs).
// Opened at any address but `/` (a lazy screen first), the stub fetches the
// table at once, beside the main module.

/** The retry loop both parts use: `loadUntilDone(callee)` resolves with what `callee` resolves to, trying again after growing pauses and at once when the browser is back online. */
export const LOAD_UNTIL_DONE = `async function loadUntilDone(callee) {
    for (let pause = 1000, failed = false; ; pause = Math.min(pause * 2, 30000)) {
        try {
            const done = await callee();
            if (failed) window.dispatchEvent(new Event("waymark-module-loaded"));
            return done;
        } catch (e) {
            failed = true;
            // Recovered by the next try: a warning, not an error.
            console.warn("Waymark: a screen module did not load; trying again", e);
            window.dispatchEvent(new Event("waymark-module-retry"));
            await new Promise((done) => {
                const again = () => { window.removeEventListener("online", again); done(); };
                window.addEventListener("online", again);
                setTimeout(again, pause);
            });
        }
    }
}
`;

/** The names the loader exports (what the main module imports from it). */
export function loaderExports(loader) {
  const names = [...loader.matchAll(/^export const (\w+) = /gm)].map((m) => m[1]);
  if (!names.length) throw new Error('the split loader changed: it exports nothing');
  return names;
}

/**
 * The stub for a loader that will be served as `./${tableName}`: the same
 * exports, each importing the table on first use. A failed import is tried
 * again under a new address (a browser may keep a failed module's address
 * failed for the page's lifetime).
 */
export function stubLoader(loader, tableName) {
  const exports = loaderExports(loader)
    .map((name) => `export const ${name} = later("${name}");`)
    .join('\n');
  return `// Waymark's split loader, first part: see scripts/split-stub.mjs.
${LOAD_UNTIL_DONE}let table;
let tries = 0;
const loadTable = () => {
    if (table === undefined) {
        const url = tries++ === 0 ? "./${tableName}" : \`./${tableName}?try=\${tries}\`;
        table = import(url);
        table.catch(() => { table = undefined; });
    }
    return table;
};
const later = (name) => async (callbackIndex, callbackData) => {
    const full = await loadUntilDone(loadTable);
    return full[name](callbackIndex, callbackData);
};
// Any first screen but Home is a lazy one: fetch the table now, beside the
// main module, not after it.
if (typeof location !== "undefined" && location.pathname !== "/") loadTable().catch(() => {});
${exports}
`;
}
