/** Lookups shared by the compile steps: indices of sites, products, parties and rows by key. */
import { DAYS_PER_PERIOD } from '../model/tables';
import type { ModelIssue } from '../model/issue';
import type { Scenario, Settings } from '../model/types';
import type { SimOptions } from './options';

export const OWN_PARTY = 0;

export interface CompileContext {
  readonly scenario: Scenario;
  readonly settings: Settings;
  readonly options: SimOptions;
  readonly periods: number;
  readonly daysPerPeriod: number;
  readonly siteIndex: ReadonlyMap<string, number>;
  readonly productIndex: ReadonlyMap<string, number>;
  readonly laneIndex: ReadonlyMap<string, number>;
  /** Party index of each site: OWN_PARTY, a scenario party (1..), or the end customers (last). */
  readonly siteParty: Int32Array;
  readonly externalParty: number;
  readonly partyIndex: ReadonlyMap<string, number>;
  readonly siteOpen: Uint8Array;
  /** Inventory row of (site, product), by key site*P + product. */
  readonly inventoryRow: ReadonlyMap<number, number>;
  readonly productionRow: ReadonlyMap<number, number>;
  /** Demand rows per node key. */
  readonly demandKeys: ReadonlySet<number>;
  /** Open lanes into each site: lane indices. */
  readonly lanesInto: readonly number[][];
  readonly issues: ModelIssue[];
  readonly warnings: string[];
}

export const nodeKey = (ctx: { readonly scenario: Scenario }, site: number, product: number): number =>
  site * ctx.scenario.products.length + product;

export function createContext(scenario: Scenario, options: SimOptions, periods: number): CompileContext {
  const settings = { ...scenario.settings, ...(options.overrides ?? {}) } as Settings;
  const siteIndex = new Map(scenario.sites.map((s, i) => [s.id, i]));
  const productIndex = new Map(scenario.products.map((p, i) => [p.id, i]));
  const laneIndex = new Map(scenario.lanes.map((l, i) => [l.id, i]));
  const partyIndex = new Map(scenario.parties.map((p, i) => [p.id, i + 1]));
  const externalParty = scenario.parties.length + 1;
  const issues: ModelIssue[] = [];
  const warnings: string[] = [];
  const P = scenario.products.length;

  const opened = new Set(options.openSites ?? []);
  (options.openSites ?? []).forEach((id, i) => {
    if (!siteIndex.has(id)) issues.push({ table: 'options.openSites', row: i, message: `unknown site "${id}"` });
  });
  const siteOpen = new Uint8Array(scenario.sites.length);
  const excluded: string[] = [];
  scenario.sites.forEach((s, i) => {
    siteOpen[i] = s.status === 'existing' || (s.status === 'potential' && opened.has(s.id)) ? 1 : 0;
    if (!siteOpen[i]) excluded.push(`${s.id} (${s.status})`);
  });
  if (excluded.length > 0) warnings.push(`not simulated (closed, or potential and not opened): ${excluded.slice(0, 10).join(', ')}${excluded.length > 10 ? ` and ${excluded.length - 10} more` : ''}`);

  // A site without a party belongs to the scenario's own company — except a customer, which is an end customer.
  const siteParty = new Int32Array(scenario.sites.map((s) =>
    s.partyId !== undefined ? partyIndex.get(s.partyId) ?? OWN_PARTY : s.kind === 'customer' ? externalParty : OWN_PARTY));

  const inventoryRow = new Map<number, number>();
  scenario.inventory.forEach((r, i) => {
    const s = siteIndex.get(r.siteId)!;
    if (siteOpen[s]) inventoryRow.set(s * P + productIndex.get(r.productId)!, i);
  });
  const productionRow = new Map<number, number>();
  scenario.production.forEach((r, i) => {
    const s = siteIndex.get(r.siteId)!;
    if (siteOpen[s]) productionRow.set(s * P + productIndex.get(r.productId)!, i);
  });
  const demandKeys = new Set<number>();
  let ignoredDemand = 0;
  scenario.demand.forEach((d) => {
    const s = siteIndex.get(d.customerId)!;
    if (!siteOpen[s]) { ignoredDemand++; return; }
    if (d.period > periods) return;
    demandKeys.add(s * P + productIndex.get(d.productId)!);
  });
  if (ignoredDemand > 0) warnings.push(`${ignoredDemand} demand rows at sites that are not simulated were ignored`);
  const lanesInto: number[][] = scenario.sites.map(() => []);
  scenario.lanes.forEach((l, i) => {
    const from = siteIndex.get(l.from)!;
    const to = siteIndex.get(l.to)!;
    if (siteOpen[from] && siteOpen[to]) lanesInto[to].push(i);
  });

  return {
    scenario, settings, options, periods, daysPerPeriod: DAYS_PER_PERIOD[settings.periodLength],
    siteIndex, productIndex, laneIndex, siteParty, externalParty, partyIndex, siteOpen,
    inventoryRow, productionRow, demandKeys, lanesInto, issues, warnings,
  };
}
