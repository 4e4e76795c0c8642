/**
 * Reliability case 12: export → import → deep-equal. scenarioToJson then scenarioFromJson must
 * give back exactly the same scenario, whatever the names, numbers and ids hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromJson, scenarioToJson } from '../../src/core/io/scenario-json';
import type { Scenario } from '../../src/core/model/types';
import { validateScenario } from '../../src/core/model/validate';
import { rowsOf, validDoc } from '../support/scenario-doc';

function valid(doc: unknown): Scenario {
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

function roundTrip(s: Scenario): Scenario {
  const r = scenarioFromJson(scenarioToJson(s));
  if (!r.ok) throw new Error(`${r.message}: ${JSON.stringify(r.issues)}`);
  return r.scenario;
}

/** A document full of the values that break naive serialisers. */
function awkwardDoc(): Record<string, unknown> {
  const doc = validDoc();
  doc.name = 'Zürich Lager 東京 🚚';
  doc.description = 'Line one\nline two\t"quoted" \\ back\\slash, emoji 👩‍👩‍👧, RTL שלום, nul-ish \u0001, lone surrogate \ud800, <img src=x onerror=alert(1)>, =HYPERLINK("x")';
  const sites = rowsOf(doc, 'sites');
  sites[2].id = 'eu.west:dc-1';
  sites[2].name = 'Zürich Lager 東京 🚚';
  sites[2].city = 'São Paulo — Ørsted Ålesund';
  sites[2].lat = 0.1 + 0.2; // 0.30000000000000004: must survive exactly
  sites[2].lon = -0.000001234;
  sites[1].x = 1 / 3;
  sites[1].storageCapacity = 999_999_999_999.5;
  for (const lane of rowsOf(doc, 'lanes')) {
    if (lane.from === 'dc') lane.from = 'eu.west:dc-1';
    if (lane.to === 'dc') lane.to = 'eu.west:dc-1';
  }
  rowsOf(doc, 'lanes')[1].costPerUnit = 0.1 + 0.7; // 0.7999999999999999
  rowsOf(doc, 'inventory')[0].siteId = 'eu.west:dc-1';
  rowsOf(doc, 'returns')[0].destinationId = 'eu.west:dc-1';
  rowsOf(doc, 'products')[0].id = 'SKU_42.v2:red';
  rowsOf(doc, 'products')[0].price = 5e-324; // smallest positive double
  for (const table of ['demand', 'inventory', 'production', 'bom', 'returns', 'lanes', 'prices', 'inTransit']) {
    for (const row of rowsOf(doc, table)) for (const key of ['productId', 'componentId']) if (row[key] === 'widget') row[key] = 'SKU_42.v2:red';
  }
  rowsOf(doc, 'demand')[0].quantity = 1e-7;
  rowsOf(doc, 'demand')[1].quantity = 123456789.123456;
  rowsOf(doc, 'parties')[0].initialCash = -1e12;
  return doc;
}

describe('scenarioToJson → scenarioFromJson', () => {
  it('round-trips Unicode names, awkward floats and ids with dots and colons exactly', () => {
    const original = valid(awkwardDoc());
    const back = roundTrip(original);
    expect(back).toStrictEqual(original);
    expect(back.name).toBe('Zürich Lager 東京 🚚');
    expect(back.sites[2].lat).toBe(0.30000000000000004);
    expect(back.lanes[1].costPerUnit).toBe(0.7999999999999999);
    expect(back.products[0].price).toBe(5e-324);
    expect(back.sites[2].id).toBe('eu.west:dc-1');
    expect(back.description).toContain('\ud800');
  });

  it('is stable: a second export is byte-identical to the first', () => {
    const once = scenarioToJson(valid(awkwardDoc()));
    const twice = scenarioToJson(roundTrip(valid(awkwardDoc())));
    expect(twice).toBe(once);
    expect(once.endsWith('}\n')).toBe(true);
  });

  it('keeps optional fields absent (not turned into null or defaults)', () => {
    const back = roundTrip(valid(validDoc()));
    expect(back.lanes[0]).not.toHaveProperty('capacity');
    expect(back.sites[0]).not.toHaveProperty('partyId');
    expect(scenarioToJson(back)).not.toContain('null');
  });

  it.each(readdirSync(new URL('../../scenarios/', import.meta.url)).filter((f) => f.endsWith('.json')))('round-trips built-in %s', (file) => {
    const r = scenarioFromJson(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));
    if (!r.ok) throw new Error(r.message);
    expect(roundTrip(r.scenario)).toStrictEqual(r.scenario);
  });
});
