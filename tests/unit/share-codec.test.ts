/**
 * The share-link codec (src/core/share) with the platform's deflate streams (src/app/share):
 * a round trip of every built-in scenario, and every way a link is refused (reliability case 24):
 * oversized, truncated, a changed character, wrong version, decompression bombs, not JSON, and
 * JSON that fails migration/validation. Hand-made links are framed with packFragment, so each test
 * breaks exactly one thing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromJson } from '../../src/core/io/scenario-json';
import { utf8Encode } from '../../src/core/io/utf8';
import type { Scenario } from '../../src/core/model/types';
import { decodeBase64Url, encodeBase64Url } from '../../src/core/share/base64url';
import type { Compressor, InflateOutcome } from '../../src/core/share/compressor';
import { crc32 } from '../../src/core/io/crc32';
import { decodeShareFragment, encodeShareFragment } from '../../src/core/share/share-codec';
import type { ShareFailure } from '../../src/core/share/share-failure';
import { packFragment } from '../../src/core/share/share-frame';
import { MAX_FRAGMENT_CHARS, MAX_PAYLOAD_BYTES, MAX_SHARED_JSON_BYTES } from '../../src/core/share/share-limits';
import { streamCompressor } from '../../src/app/share/stream-compressor';
import { deflatedZeros } from '../support/deflated-zeros';

const dir = new URL('../../scenarios/', import.meta.url);
const builtIns = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function loadText(text: string): Scenario {
  const r = scenarioFromJson(text);
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}
const beerGame = (): Scenario => loadText(readFileSync(new URL('beer-game.json', dir), 'utf8'));

/** The real compressor, recording how often and how far it inflated. */
function spyCompressor() {
  const calls: { maxBytes: number; outcome: InflateOutcome }[] = [];
  const c: Compressor = {
    deflate: (b) => streamCompressor.deflate(b),
    async inflate(bytes, maxBytes) {
      const outcome = await streamCompressor.inflate(bytes, maxBytes);
      calls.push({ maxBytes, outcome });
      return outcome;
    },
  };
  return { c, calls };
}

async function encoded(s: Scenario): Promise<string> {
  const r = await encodeShareFragment(s, streamCompressor);
  if (!r.ok) throw new Error(r.message);
  return r.fragment;
}

async function refused(fragment: string, compressor: Compressor = streamCompressor): Promise<ShareFailure> {
  const r = await decodeShareFragment(fragment, compressor);
  if (r.ok) throw new Error('the link was accepted');
  return r;
}


const deflateText = async (text: string) => streamCompressor.deflate(utf8Encode(text));

describe('base64url and CRC-32 (known answers)', () => {
  it('encodes the RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'], ['foobar', 'Zm9vYmFy']];
    for (const [plain, b64] of vectors) {
      expect(encodeBase64Url(utf8Encode(plain))).toBe(b64);
      const back = decodeBase64Url(b64);
      expect(back.ok && [...back.bytes]).toEqual([...utf8Encode(plain)]);
    }
  });

  it('uses the URL-safe alphabet: bytes FB FF BF are "-_-_" (standard base64: "+/+/")', () => {
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });

  it('refuses a foreign character, an impossible length and set trailing bits', () => {
    expect(decodeBase64Url('Zm9v+')).toEqual({ ok: false, reason: 'character', at: 4, char: '+' });
    expect(decodeBase64Url('Zm9vY')).toEqual({ ok: false, reason: 'length' });
    // "Zh": 'h' = 33 = 10 0001, its low 4 bits are not zero; only "Zg" encodes "f".
    expect(decodeBase64Url('Zh')).toEqual({ ok: false, reason: 'trailing-bits' });
  });

  it('computes the CRC-32 check value of "123456789" (0xCBF43926)', () => {
    expect(crc32(utf8Encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(utf8Encode('xx123456789'), 2)).toBe(0xcbf43926);
  });
});

describe('round trip', () => {
  it.each(builtIns)('%s comes back deep-equal from its link', async (file) => {
    const original = loadText(readFileSync(new URL(file, dir), 'utf8'));
    const r = await encodeShareFragment(original, streamCompressor);
    if (!r.ok) throw new Error(r.message);
    expect(r.fragment).toMatch(/^share=v1\.[A-Za-z0-9_-]+$/);
    expect(r.fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT_CHARS);
    expect(r.jsonBytes).toBe(utf8Encode(JSON.stringify(original)).length);
    // 4 base64 characters per 3 payload bytes, no padding.
    expect(r.fragment.length - 'share=v1.'.length).toBe(Math.ceil((r.payloadBytes * 4) / 3));
    const back = await decodeShareFragment(`#${r.fragment}`, streamCompressor);
    expect(back.ok ? back.scenario : back).toStrictEqual(original);
  });

  it('keeps Unicode names, floats and ids exactly', async () => {
    const s = beerGame();
    const odd: Scenario = { ...s, name: 'Zürich → 東京 🚚 <img src=x onerror=alert(1)>', sites: s.sites.map((x, i) => (i === 0 ? { ...x, lat: 47.376_887_123, lon: 8.541_694_9 } : x)) };
    const back = await decodeShareFragment(await encoded(odd), streamCompressor);
    expect(back.ok ? back.scenario : back).toStrictEqual(odd);
  });

  it('migrates an old-format document through the one load path (frozen v1 fixture → golden)', async () => {
    const v1 = readFileSync(new URL('../fixtures/scenario-v1.json', import.meta.url), 'utf8');
    const golden = loadText(readFileSync(new URL('../fixtures/scenario-v1.golden.json', import.meta.url), 'utf8'));
    const json = JSON.stringify(JSON.parse(v1));
    const { fragment } = packFragment(await deflateText(json), utf8Encode(json).length);
    const r = await decodeShareFragment(fragment, streamCompressor);
    expect(r.ok && r.migratedFrom).toBe(1);
    expect(r.ok ? r.scenario : r).toStrictEqual(golden);
  });
});

describe('refused links (reliability case 24)', () => {
  it('oversized: refused by length alone, before any decoding', async () => {
    const { c, calls } = spyCompressor();
    const f = await refused(`share=v1.${'A'.repeat(MAX_FRAGMENT_CHARS)}`, c);
    expect(f.kind).toBe('oversized');
    expect(f.message).toContain(`${MAX_FRAGMENT_CHARS + 'share=v1.'.length} characters`);
    expect(calls).toHaveLength(0);
  });

  it('truncated: cut at any of the last 4 characters, in the middle, or inside the header', async () => {
    const full = await encoded(beerGame());
    const body = full.length - 'share=v1.'.length;
    for (const keep of [full.length - 1, full.length - 2, full.length - 3, full.length - 4, 'share=v1.'.length + Math.floor(body / 2), 'share=v1.'.length + 10]) {
      const f = await refused(full.slice(0, keep));
      expect(f.kind, `kept ${keep} of ${full.length}`).toBe('truncated');
      expect(f.message).toMatch(/incomplete .* cut off/);
    }
  });

  it('a changed character: refused as tampered (checksum)', async () => {
    const full = await encoded(beerGame());
    const i = Math.floor(full.length / 2);
    const flipped = full.slice(0, i) + (full[i] === 'A' ? 'B' : 'A') + full.slice(i + 1);
    const f = await refused(flipped);
    expect(f.kind).toBe('tampered');
    expect(f.message).toContain('checksum does not match');
  });

  it('every single-character change anywhere in the data is refused, without inflating', async () => {
    const full = await encoded(loadText(readFileSync(new URL('transportation-ampl.json', dir), 'utf8')));
    const { c, calls } = spyCompressor();
    const kinds = new Set<string>();
    for (let i = 'share=v1.'.length; i < full.length; i++) {
      const other = full[i] === 'x' ? 'y' : 'x';
      const r = await decodeShareFragment(full.slice(0, i) + other + full.slice(i + 1), c);
      expect(r.ok, `changed character ${i}`).toBe(false);
      if (!r.ok) kinds.add(r.kind);
    }
    // Changes in the length field read as a cut or padded link, all others as tampering.
    expect([...kinds].sort()).toEqual(['corrupt', 'tampered', 'truncated']);
    expect(calls).toHaveLength(0);
  });

  it('an appended character or a character no link contains is refused as corrupt', async () => {
    const full = await encoded(beerGame());
    // One more character is either a partial group (no whole byte) or one byte too many.
    for (const extra of ['A', 'AA', 'AAA']) expect((await refused(full + extra)).kind, extra).toBe('corrupt');
    for (const junk of [')', '…', '%20', '=']) {
      const f = await refused(full + junk);
      expect(f.kind).toBe('corrupt');
      expect(f.message).toContain(`“${junk[0]}”`);
    }
    const appended = await refused(`${full}AAAA`);
    expect(appended.kind).toBe('corrupt');
  });

  it('wrong version: a newer one says to update; an unknown or missing one is refused', async () => {
    const full = await encoded(beerGame());
    const v2 = await refused(full.replace('share=v1.', 'share=v2.'));
    expect(v2.kind).toBe('version');
    expect(v2.message).toContain('newer ChainLab (link format v2; this version reads v1)');
    expect((await refused(full.replace('share=v1.', 'share=v0.'))).kind).toBe('version');
    expect((await refused(full.replace('share=v1.', 'share='))).kind).toBe('corrupt');
    expect((await refused('share=')).kind).toBe('corrupt');
  });

  it('a bomb that declares its size (30 MB of zeros) is refused without inflating', async () => {
    const zeros = await deflatedZeros(30 * 1024 * 1024);
    const { fragment } = packFragment(zeros, 30 * 1024 * 1024);
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_CHARS); // it fits in a link: only the header check stops it
    const { c, calls } = spyCompressor();
    const f = await refused(fragment, c);
    expect(f.kind).toBe('bomb');
    expect(f.message).toContain('31.5 MB');
    expect(calls).toHaveLength(0);
  });

  it('a bomb that lies about its size is stopped one chunk past the declared size', async () => {
    const zeros = await deflatedZeros(30 * 1024 * 1024);
    const { fragment } = packFragment(zeros, 1000);
    const { c, calls } = spyCompressor();
    const f = await refused(fragment, c);
    expect(f.kind).toBe('bomb');
    expect(f.message).toContain('expands beyond the 1.0 kB it declares');
    expect(calls).toHaveLength(1);
    const out = calls[0].outcome;
    expect(out.ok).toBe(false);
    // Stopped at the first output chunk past 1000 bytes: far from the 30 MB the data holds.
    if (!out.ok && out.reason === 'over-limit') expect(out.produced).toBeLessThan(2 * 1024 * 1024);
    else throw new Error(`expected over-limit, got ${JSON.stringify(out)}`);
  });

  it('200 MB of zeros: too long for a link, and the inflater alone stops at the cap quickly with bounded memory', async () => {
    const bomb = await deflatedZeros(200 * 1024 * 1024);
    const { fragment } = packFragment(bomb, 1000);
    expect((await refused(fragment)).kind).toBe('oversized');

    const before = process.memoryUsage().arrayBuffers;
    const t0 = performance.now();
    const out = await streamCompressor.inflate(bomb, MAX_SHARED_JSON_BYTES);
    const ms = performance.now() - t0;
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(out.ok).toBe(false);
    if (out.ok || out.reason !== 'over-limit') throw new Error('not stopped');
    expect(out.produced).toBeGreaterThan(MAX_SHARED_JSON_BYTES);
    expect(out.produced).toBeLessThan(MAX_SHARED_JSON_BYTES + 2 * 1024 * 1024);
    // The whole output would be 200 MB; what stays allocated is at most the cap and a chunk.
    expect(grown).toBeLessThan(60 * 1024 * 1024);
    expect(ms).toBeLessThan(5000);
  });

  it('a damaged deflate stream with a matching checksum is refused as corrupt', async () => {
    const deflated = await deflateText(JSON.stringify(beerGame()));
    const cut = deflated.subarray(0, deflated.length - 40);
    const f = await refused(packFragment(cut, 7152).fragment);
    expect(f.kind).toBe('corrupt');
    expect(f.message).toContain('compressed data is damaged');
    // Invalid block type 3 (first byte 0b111: final block, type 11).
    expect((await refused(packFragment(new Uint8Array([0x07, 0, 0, 0]), 10).fragment)).kind).toBe('corrupt');
  });

  it('data shorter than it declares is refused as corrupt', async () => {
    const f = await refused(packFragment(await deflateText('{"a":1}'), 8).fragment);
    expect(f.kind).toBe('corrupt');
    expect(f.message).toContain('expands to 7 bytes, not the 8 bytes it declares');
  });

  it('not JSON, or JSON with a forbidden key: refused through the safe parser', async () => {
    const text = 'hello, not a scenario';
    const f = await refused(packFragment(await deflateText(text), text.length).fragment);
    expect(f.kind).toBe('not-json');
    expect(f.message).toContain('the shared data is not valid JSON');
    const proto = '{"format":"chainlab.scenario","version":2,"id":"p","name":"P","__proto__":{"polluted":true}}';
    const g = await refused(packFragment(await deflateText(proto), proto.length).fragment);
    expect(g.kind).toBe('not-json');
    expect(g.message).toContain('forbidden key "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a document that fails validation lists its issues by table, row and field', async () => {
    const doc = JSON.stringify({ format: 'chainlab.scenario', version: 1, id: 'x', name: 'Bad', sites: [{ id: 'a', name: 'A', kind: 'plant', lat: 95, lon: 0 }] });
    const f = await refused(packFragment(await deflateText(doc), doc.length).fragment);
    expect(f.kind).toBe('invalid');
    expect(f.message).toBe('the shared scenario does not load: the scenario has 1 problem');
    expect(f.issues).toEqual([{ table: 'sites', row: 0, field: 'lat', message: 'must be at most 90 (got 95)' }]);
  });

  it('a document of another format or a newer version is refused with the migration\'s reason', async () => {
    for (const doc of ['{"format":"other","version":1}', '{"format":"chainlab.scenario","version":99,"id":"n","name":"N"}', '[1,2,3]']) {
      const f = await refused(packFragment(await deflateText(doc), doc.length).fragment);
      expect(f.kind, doc).toBe('invalid');
      expect(f.issues.length, doc).toBeGreaterThan(0);
    }
  });
});

describe('encoding limits', () => {
  it('a scenario too large for a link gets the size message', async () => {
    // 2500 sites with random (incompressible) names: far more than 45 kB of deflate.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const word = () => Array.from({ length: 16 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)]).join('');
    const base = beerGame();
    const big: Scenario = {
      ...base,
      name: 'Big network',
      sites: [...base.sites, ...Array.from({ length: 2500 }, (_, i) => ({ ...base.sites[0], id: `x${i}-${word()}`, name: word(), lat: rand() * 80, lon: rand() * 170 }))],
    };
    const r = await encodeShareFragment(big, streamCompressor);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('too-large');
    expect(r.message).toMatch(/^“Big network” is \d+\.\d kB compressed; links hold up to 45\.0 kB — export a file instead$/);
    const kb = Number(/is (\d+\.\d) kB/.exec(r.message)?.[1]);
    expect(kb * 1000).toBeGreaterThan(MAX_PAYLOAD_BYTES);
  });
});
