/**
 * A four-site network for the editor's tests: supplier → plant → DC → customer, with real
 * coordinates (Germany / Benelux / France) so lane geography is meaningful.
 */
import { loadScenario } from '../../src/core/model/load';
import type { Scenario } from '../../src/core/model/types';

export function network(extra: Record<string, unknown> = {}): Scenario {
  const r = loadScenario({
    format: 'chainlab.scenario',
    version: 2,
    id: 'editor-test',
    name: 'Editor test',
    sites: [
      { id: 'sup', name: 'Supplier', kind: 'supplier', lat: 50, lon: 10 },
      { id: 'plant', name: 'Plant', kind: 'plant', lat: 51, lon: 12, storageCapacity: 1000 },
      { id: 'dc', name: 'DC', kind: 'dc', lat: 51.4, lon: 6.2 },
      { id: 'cust', name: 'Customer', kind: 'customer', lat: 48, lon: 4.2 },
    ],
    lanes: [
      { id: 'sup-plant', from: 'sup', to: 'plant', leadTime: 2 },
      { id: 'plant-dc', from: 'plant', to: 'dc', leadTime: 1 },
      { id: 'dc-cust', from: 'dc', to: 'cust', leadTime: 1 },
    ],
    ...extra,
  });
  if (!r.ok) throw new Error(`fixture invalid: ${r.message}`);
  return r.scenario;
}
