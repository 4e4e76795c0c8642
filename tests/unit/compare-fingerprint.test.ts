/**
 * The scenario fingerprint the result cache is keyed on: FNV-1a against published test vectors,
 * canonical JSON (key order does not matter, values do), and the default network: equal after
 * a reload through the load path, different after any edit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fnv1a32, scenarioFingerprint, textFingerprint } from '../../src/core/compare/fingerprint';
import { scenarioFromJson, scenarioToJson } from '../../src/core/io/scenario-json';
import { loadScenario } from '../../src/core/model/load';

describe('FNV-1a 32', () => {
  it('matches the published test vectors (Noll: "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('puts the FNV lane first in the fingerprint, then the mixing lane and the length', () => {
    expect(textFingerprint('foobar')).toMatch(/^bf9cf968[0-9a-f]{8}-6$/);
    expect(textFingerprint('')).toMatch(/^811c9dc5[0-9a-f]{8}-0$/);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('follows JSON for undefined, non-finite numbers and top-level undefined', () => {
    expect(canonicalJson({ a: undefined, b: Number.NaN, c: [undefined] })).toBe('{"b":null,"c":[null]}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('tells apart values that differ anywhere, even in one digit or in array order', () => {
    const a = scenarioFingerprint({ sites: [{ id: 'x', cap: 40000 }, { id: 'y' }] });
    expect(scenarioFingerprint({ sites: [{ cap: 40000, id: 'x' }, { id: 'y' }] })).toBe(a);
    expect(scenarioFingerprint({ sites: [{ id: 'x', cap: 40001 }, { id: 'y' }] })).not.toBe(a);
    expect(scenarioFingerprint({ sites: [{ id: 'y' }, { id: 'x', cap: 40000 }] })).not.toBe(a);
  });
});

describe('the default network', () => {
  const raw = readFileSync(new URL('../../scenarios/default-europe.json', import.meta.url), 'utf8');
  const loaded = loadScenario(JSON.parse(raw));
  if (!loaded.ok) throw new Error('the default scenario does not load');
  const s = loaded.scenario;

  it('keeps its fingerprint through export and re-import (what a reload does), changes with any edit', () => {
    const again = scenarioFromJson(scenarioToJson(s));
    if (!again.ok) throw new Error(again.message);
    expect(scenarioFingerprint(again.scenario)).toBe(scenarioFingerprint(s));
    // An edit made the way the editor makes it: a new object with the field set (key appended last).
    const edited = { ...s, sites: s.sites.map((x) => (x.id === 'dc-lyon' ? { ...x, storageCapacity: 1500 } : x)) };
    expect(scenarioFingerprint(edited)).not.toBe(scenarioFingerprint(s));
    const undone = { ...edited, sites: edited.sites.map((x) => (x.id === 'dc-lyon' ? { ...x, storageCapacity: 40000 } : x)) };
    expect(scenarioFingerprint(undone)).toBe(scenarioFingerprint(s));
  });
});
