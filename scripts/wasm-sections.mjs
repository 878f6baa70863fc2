// Reads and drops a .wasm module's custom sections (id 0), by name. Used by
// the build hook to drop the linker's relocation sections after the split,
// and by the size test to check that no shipped module keeps them.

/** An unsigned LEB128 number at `at`: its value and the offset after it. */
export function readLeb(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return { value, next: at };
  }
}

/** Every section as { id, name (custom only), start, end } (whole section). */
export function sections(buf) {
  if (buf.readUInt32BE(0) !== 0x0061736d) throw new Error('not a WebAssembly module');
  const list = [];
  let at = 8;
  while (at < buf.length) {
    const start = at;
    const id = buf[at];
    const size = readLeb(buf, at + 1);
    const end = size.next + size.value;
    let name = null;
    if (id === 0) {
      const len = readLeb(buf, size.next);
      name = buf.subarray(len.next, len.next + len.value).toString('utf8');
    }
    list.push({ id, name, start, end });
    at = end;
  }
  return list;
}

/** The names of the module's custom sections, in order. */
export function customSectionNames(buf) {
  return sections(buf).filter((s) => s.id === 0).map((s) => s.name);
}

/** A copy of the module without the custom sections whose name `drop` picks. */
export function stripCustomSections(buf, drop) {
  const keep = sections(buf).filter((s) => !(s.id === 0 && drop(s.name)));
  return Buffer.concat([buf.subarray(0, 8), ...keep.map((s) => buf.subarray(s.start, s.end))]);
}
