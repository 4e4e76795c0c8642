/**
 * `npm run bench:edit`: time of one edit through the command layer (applyEdit: row schema +
 * cross-table rules) on a large scenario: 1,000 sites, 3,000 lanes, 52,000 demand rows.
 */
import { applyEdit } from '../src/core/edit/apply-edit';
import { rowKey } from '../src/core/edit/row-keys';
import { loadScenario } from '../src/core/model/load';
import { CURRENT_VERSION } from '../src/core/model/tables';

const sites = Array.from({ length: 1000 }, (_, i) => ({
  id: `s${i}`, name: `Site ${i}`, kind: i < 20 ? 'plant' : i < 100 ? 'dc' : 'customer',
  lat: -60 + (i % 120), lon: -170 + ((i * 7) % 340),
}));
// 1,800 DC → customer lanes, then 1,200 plant → DC lanes (20 plants × 60 DCs): all pairs distinct.
const lanes = Array.from({ length: 3000 }, (_, i) => i < 1800
  ? { id: `l${i}`, from: `s${20 + (i % 80)}`, to: `s${100 + (i % 900)}` }
  : { id: `l${i}`, from: `s${i % 20}`, to: `s${20 + Math.floor((i - 1800) / 20)}` });
const demand = sites.filter((s) => s.kind === 'customer').slice(0, 1000).flatMap((s) =>
  Array.from({ length: 52 }, (_, t) => ({ customerId: s.id, productId: 'p', period: t + 1, quantity: 10 + (t % 5) })));
const r = loadScenario({ format: 'chainlab.scenario', version: CURRENT_VERSION, id: 'big', name: 'Big', products: [{ id: 'p', name: 'P' }], sites, lanes, demand });
if (!r.ok) throw new Error(r.issues.slice(0, 5).map((i) => `${i.table}[${i.row}].${i.field}: ${i.message}`).join('\n'));
const s = r.scenario;

function time(label: string, run: () => void, n = 20): void {
  run();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) run();
  console.log(`${label}: ${((performance.now() - t0) / n).toFixed(2)} ms per edit`);
}

console.log(`${s.sites.length} sites, ${s.lanes.length} lanes, ${s.demand.length} demand rows`);
time('edit one demand quantity', () => { applyEdit(s, { kind: 'update-rows', table: 'demand', changes: [{ key: rowKey('demand', s.demand[777]), patch: { quantity: 99 } }] }); });
time('move one site', () => { applyEdit(s, { kind: 'move-sites', moves: [{ id: 's150', lat: 10, lon: 10 }] }); });
time('edit one lane lead time', () => { applyEdit(s, { kind: 'update-rows', table: 'lanes', changes: [{ key: 'l10', patch: { leadTime: 3 } }] }); });
time('add one site', () => { applyEdit(s, { kind: 'add-rows', table: 'sites', rows: [{ id: 'new', name: 'New', kind: 'dc', lat: 1, lon: 1 }] }); });
