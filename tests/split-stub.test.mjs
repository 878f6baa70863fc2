// The split loader's stub (scripts/split-stub.mjs), run in Node against a
// stand-in table: it has the loader's exports, fetches nothing until one is
// called, hands every call on with its arguments, and keeps trying a table
// that cannot be fetched yet instead of failing the screen for good.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { stubLoader, loaderExports } from '../scripts/split-stub.mjs';

/** A table shaped as wasm-split-cli writes it: exports made by `wrapAsyncCb(makeLoad(...))`. */
const TABLE = `globalThis.__tableLoads = (globalThis.__tableLoads || 0) + 1;
export const __wasm_split_load_a_1 = wrapAsyncCb(makeLoad(() => {}, []));
export const __wasm_split_load___help_route_view_2 = wrapAsyncCb(makeLoad(() => {}, []));
function wrapAsyncCb() { return null; }
function makeLoad() { return null; }
`;
/** What the stand-in's exports do instead: record the call. */
const RECORDING_TABLE = TABLE.replace(/wrapAsyncCb\(makeLoad\(\(\) => \{\}, \[\]\)\)/g,
  '(i, d) => { globalThis.__calls.push([i, d]); return "done"; }');

let dir;
const events = [];
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waymark-stub-'));
  globalThis.window = new EventTarget();
  for (const name of ['waymark-module-retry', 'waymark-module-loaded']) {
    window.addEventListener(name, () => events.push(name));
  }
  globalThis.__calls = [];
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the stub exports exactly what the loader exports', () => {
  assert.deepEqual(loaderExports(TABLE), ['__wasm_split_load_a_1', '__wasm_split_load___help_route_view_2']);
  const stub = stubLoader(TABLE, 'table-0123456789abcdef.js');
  assert.deepEqual([...stub.matchAll(/^export const (\w+)/gm)].map((m) => m[1]), loaderExports(TABLE));
  assert.ok(stub.includes('"./table-0123456789abcdef.js"'), 'it names the table by its file name');
  assert.throws(() => stubLoader('const nothing = 1;', 't.js'), /exports nothing/);
});

test('the table is fetched on the first call, not before, and every call reaches it with its arguments', async () => {
  await writeFile(join(dir, 'table-a.js'), RECORDING_TABLE);
  await writeFile(join(dir, 'stub-a.mjs'), stubLoader(TABLE, 'table-a.js'));
  const stub = await import(pathToFileURL(join(dir, 'stub-a.mjs')));
  assert.equal(globalThis.__tableLoads, undefined, 'nothing fetched at import');
  assert.equal(await stub.__wasm_split_load_a_1(7, 11), 'done');
  assert.equal(await stub.__wasm_split_load___help_route_view_2(8, 12), 'done');
  assert.deepEqual(globalThis.__calls, [[7, 11], [8, 12]]);
  assert.equal(globalThis.__tableLoads, 1, 'the table is fetched once');
});

test('a table that cannot be fetched yet is tried again until it comes, and the call then goes through', async () => {
  globalThis.__calls = [];
  await writeFile(join(dir, 'stub-b.mjs'), stubLoader(TABLE, 'table-b.js'));
  const stub = await import(pathToFileURL(join(dir, 'stub-b.mjs')));
  const call = stub.__wasm_split_load_a_1(3, 4);
  // The first try fails (no file); the table appears; "online" wakes the retry.
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(events.includes('waymark-module-retry'), 'the page is told a module is being retried');
  await writeFile(join(dir, 'table-b.tmp'), RECORDING_TABLE);
  await rename(join(dir, 'table-b.tmp'), join(dir, 'table-b.js'));
  window.dispatchEvent(new Event('online'));
  assert.equal(await call, 'done');
  assert.deepEqual(globalThis.__calls, [[3, 4]]);
  assert.ok(events.includes('waymark-module-loaded'), 'and that it has loaded');
});
