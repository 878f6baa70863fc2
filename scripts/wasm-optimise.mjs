// wasm-opt -Oz for many modules at once, in-process. The split build has a
// few hundred small modules; the wasm-opt command from npm binaryen starts a
// fresh engine for each (about 0.8 s apiece, 5 minutes in all), while
// binaryen's own API in one worker per core does them all in about half a
// minute. Same binaryen (132), same passes as `wasm-opt -Oz`, the same
// features the app targets (Safari 15, Firefox 79, Chrome 96), and no debug
// names or producers section in the output.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { readFileSync, writeFileSync, statSync } from 'node:fs';

async function optimiseFiles(paths) {
  const { default: binaryen } = await import('binaryen');
  const F = binaryen.Features;
  const features = F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.BulkMemoryOpt
    | F.SignExt | F.ReferenceTypes | F.Multivalue;
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(2); // -Oz
  binaryen.setDebugInfo(false); // --strip-debug: no name section
  for (const path of paths) {
    const module = binaryen.readBinary(readFileSync(path));
    try {
      module.setFeatures(features);
      module.optimize();
      if (!module.validate()) throw new Error(`${path} does not validate after optimising`);
      writeFileSync(path, module.emitBinary());
    } finally {
      module.dispose();
    }
  }
}

/** Optimises every file in `paths` in place, largest first, one worker per core. */
export async function optimiseAll(paths) {
  const workers = Math.max(1, Math.min(availableParallelism(), paths.length));
  const shares = Array.from({ length: workers }, () => []);
  const sizes = new Array(workers).fill(0);
  for (const p of [...paths].sort((a, b) => statSync(b).size - statSync(a).size)) {
    const i = sizes.indexOf(Math.min(...sizes));
    shares[i].push(p);
    sizes[i] += statSync(p).size;
  }
  await Promise.all(shares.map((share) => new Promise((ok, fail) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: share, stderr: true });
    let errors = '';
    // binaryen warns about name subsections it does not know; names go anyway.
    worker.stderr.on('data', (d) => { errors += d; });
    worker.on('message', (m) => (m.ok ? ok() : fail(new Error(m.error))));
    worker.on('error', fail);
    worker.on('exit', (code) => code && fail(new Error(`wasm optimiser exited ${code}: ${errors.slice(-500)}`)));
  })));
}

if (!isMainThread) {
  optimiseFiles(workerData)
    .then(() => parentPort.postMessage({ ok: true }))
    .catch((e) => parentPort.postMessage({ ok: false, error: e.message }));
}
