/** deflate-raw of `n` zero bytes (CompressionStream, Node ≥ 18), fed 1 MiB at a time so the test itself stays small: a decompression bomb. */
export async function deflatedZeros(n: number): Promise<Uint8Array> {
  const cs = new CompressionStream('deflate-raw');
  const writer = cs.writable.getWriter();
  const mib = new Uint8Array(1 << 20);
  const fed = (async () => {
    for (let left = n; left > 0; left -= mib.length) await writer.write(left >= mib.length ? mib : mib.subarray(0, left));
    await writer.close();
  })();
  const parts: Uint8Array[] = [];
  const reader = cs.readable.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  await fed;
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
