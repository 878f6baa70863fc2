// What a .wasm module holds: the size of every function body, grouped by the
// Rust path its (mangled or demangled) name starts with, from the module's
// `name` section. Run it on a module that still has names, e.g. the split
// main module before wasm-opt:
//   node scripts/wasm-breakdown.mjs target/waymark-split/waymark.wasm [depth]
import { readFileSync } from 'node:fs';
import { sections, readLeb } from './wasm-sections.mjs';


/** Function index → name, from the name section's function subsection. */
function functionNames(buf, name) {
  const names = new Map();
  let at = name.start + 1;
  at = readLeb(buf, at).next; // section size
  const len = readLeb(buf, at);
  at = len.next + len.value; // past "name"
  while (at < name.end) {
    const id = buf[at];
    const size = readLeb(buf, at + 1);
    if (id === 1) {
      let p = size.next;
      const count = readLeb(buf, p);
      p = count.next;
      for (let i = 0; i < count.value; i++) {
        const idx = readLeb(buf, p);
        const n = readLeb(buf, idx.next);
        names.set(idx.value, buf.subarray(n.next, n.next + n.value).toString('utf8'));
        p = n.next + n.value;
      }
    }
    at = size.next + size.value;
  }
  return names;
}

/** Number of imported functions (they take the first function indices). */
function importedFunctions(buf, imp) {
  if (!imp) return 0;
  let p = readLeb(buf, imp.start + 1).next;
  const count = readLeb(buf, p);
  p = count.next;
  let funcs = 0;
  for (let i = 0; i < count.value; i++) {
    for (let k = 0; k < 2; k++) { const l = readLeb(buf, p); p = l.next + l.value; }
    const kind = buf[p++];
    if (kind === 0) { funcs++; p = readLeb(buf, p).next; }
    else if (kind === 1) { p++; const f = buf[p++]; p = readLeb(buf, p).next; if (f & 1) p = readLeb(buf, p).next; }
    else if (kind === 2) { const f = buf[p++]; p = readLeb(buf, p).next; if (f & 1) p = readLeb(buf, p).next; }
    else if (kind === 3) { p += 2; }
    else if (kind === 4) { p++; p = readLeb(buf, p).next; }
  }
  return funcs;
}

/** A readable crate path from a symbol: `_ZN7waymark3app5pages4help…` → waymark::app::pages::help. */
function pathOf(symbol, depth) {
  let parts = [];
  if (symbol.startsWith('_ZN')) {
    let p = 3;
    while (p < symbol.length && /\d/.test(symbol[p])) {
      const m = symbol.slice(p).match(/^(\d+)/);
      const n = Number(m[1]);
      p += m[1].length;
      parts.push(symbol.slice(p, p + n));
      p += n;
    }
  } else {
    parts = symbol.replace(/^<|>$/g, '').split('::');
  }
  parts = parts.map((s) => s.replace(/^_\$LT\$|\$.*$/g, '')).filter((s) => s && !/^h[0-9a-f]{16}$/.test(s));
  return parts.slice(0, depth).join('::') || symbol.slice(0, 40);
}

export function breakdown(buf, depth = 2) {
  const list = sections(buf);
  const name = list.find((s) => s.id === 0 && s.name === 'name');
  const code = list.find((s) => s.id === 10);
  const data = list.find((s) => s.id === 11);
  const names = name ? functionNames(buf, name) : new Map();
  const first = importedFunctions(buf, list.find((s) => s.id === 2));
  const groups = new Map();
  let p = readLeb(buf, code.start + 1).next;
  const count = readLeb(buf, p);
  p = count.next;
  for (let i = 0; i < count.value; i++) {
    const size = readLeb(buf, p);
    const bytes = size.next + size.value - p;
    const key = pathOf(names.get(first + i) || '?', depth);
    groups.set(key, (groups.get(key) || 0) + bytes);
    p = size.next + size.value;
  }
  return { code: code.end - code.start, data: data ? data.end - data.start : 0, groups: [...groups].sort((a, b) => b[1] - a[1]) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, data, groups } = breakdown(readFileSync(process.argv[2]), Number(process.argv[3] || 2));
  console.log(`code ${(code / 1024).toFixed(1)} KB, data ${(data / 1024).toFixed(1)} KB (before wasm-opt)`);
  for (const [k, v] of groups.slice(0, Number(process.argv[4] || 40))) console.log(`${(v / 1024).toFixed(1).padStart(8)} KB  ${k}`);
}
