/** `chainlab simulate`: tables, JSON, replications, refusals and usage errors, run in-process. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli';

const cli = runCliCaptured;

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'chainlab-sim-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const chain = (inventory: Record<string, unknown>) => ({
  format: 'chainlab.scenario', version: 2, id: 'tiny', name: 'Tiny',
  settings: { horizon: 4 },
  sites: [
    { id: 'sup', name: 'Sup', kind: 'supplier', lat: 0, lon: 0 },
    { id: 'dc', name: 'DC', kind: 'dc', lat: 0, lon: 0 },
    { id: 'cust', name: 'Cust', kind: 'customer', lat: 0, lon: 0 },
  ],
  products: [{ id: 'p', name: 'P' }],
  lanes: [{ id: 'a', from: 'sup', to: 'dc', leadTime: 1 }, { id: 'b', from: 'dc', to: 'cust', leadTime: 0 }],
  demand: [1, 2, 3, 4].map((period) => ({ customerId: 'cust', productId: 'p', period, quantity: 2 })),
  inventory: [{ siteId: 'dc', productId: 'p', ...inventory }],
});

const write = async (doc: unknown) => {
  const path = join(dir, 's.json');
  await writeFile(path, JSON.stringify(doc), 'utf8');
  return path;
};

describe('chainlab simulate', () => {
  it('prints the KPI tables of the default scenario', async () => {
    const r = await cli('simulate', 'scenarios/default-europe.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Simulated "European network \(default\)": 52 weeks, seed 42/);
    expect(r.stdout).toMatch(/fill rate\s+\d+\.\d %/);
    expect(r.stdout).toContain('dc-lyon');
    expect(r.stdout).toContain('brewline');
  });

  it('--json: the documented document, with null for undefined ratios', async () => {
    const r = await cli('simulate', await write(chain({ policy: 'base-stock', baseStock: 4, initialStock: 4 })), '--json', '--seed', '3');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format: 'chainlab.simulation', version: 1, scenario: { id: 'tiny', name: 'Tiny' }, seed: 3, periods: 4, replications: 1 });
    expect(doc.summary.total.customerDemand).toBe(8);
    // Base-stock 4 with lead time 1 covers 2 periods of 2: every unit filled at once.
    expect(doc.summary.total.fillRate).toBe(1);
    expect(doc.summary.sites.find((s: { siteId: string }) => s.siteId === 'cust').fillRate).toBeNull();
  });

  it('--json: lane KPIs, return flows and party flows', async () => {
    const doc = { ...chain({ policy: 'base-stock', baseStock: 4, initialStock: 4 }), products: [{ id: 'p', name: 'P', price: 3 }] };
    const r = await cli('simulate', await write(doc), '--json');
    expect(r.code).toBe(0);
    const { summary } = JSON.parse(r.stdout);
    // The DC reorders the 2 it ships each week; the supplier ships them a week later (weeks 2–4),
    // in transit at the end of weeks 2, 3 and 4.
    expect(summary.lanes).toEqual([
      { laneId: 'a', productId: 'p', from: 'sup', to: 'dc', shipped: 6, inTransitAvg: 1.5, transportCost: 0 },
      { laneId: 'b', productId: 'p', from: 'dc', to: 'cust', shipped: 8, inTransitAvg: 0, transportCost: 0 },
    ]);
    expect(summary.returnFlows).toEqual([]);
    // End customers buy 8 at 3 from the own company, which gives net 30 days (5 weeks): not paid yet.
    expect(summary.partyFlows).toEqual([{ fromPartyId: '(end customers)', toPartyId: '', invoiced: 24, paid: 0 }]);
  });

  it('--replications and --periods: estimates with confidence intervals', async () => {
    const doc = { ...chain({ policy: 'base-stock', baseStock: 4, initialStock: 4 }), settings: { horizon: 4, demandVariability: 'poisson' } };
    const r = await cli('simulate', await write(doc), '--replications', '5', '--periods', '3', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.replications).toBe(5);
    expect(out.periods).toBe(3);
    expect(out.estimate.total.customerDemand).toMatchObject({ n: 5 });
    expect(out.estimate.total.customerDemand.halfWidth).toBeGreaterThan(0);
    const text = await cli('simulate', await write(doc), '--replications', '5');
    expect(text.stdout).toMatch(/: 4 weeks, seed \d+, 5 replications/);
    expect(text.stdout).toMatch(/ ± /);
  });

  it('a scenario that cannot be simulated: one line per problem, exit 1', async () => {
    const r = await cli('simulate', await write(chain({ policy: 'base-stock' })));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('inventory[0].baseStock: base-stock policy needs the base-stock level S (site "dc", product "p")\n');
    expect(r.stderr).toMatch(/cannot simulate: 1 problem/);
  });

  it('an invalid scenario is reported as validate does, exit 1', async () => {
    const bad = chain({ policy: 'none' });
    bad.sites[0].lat = 100;
    const r = await cli('simulate', await write(bad));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('sites[0].lat: must be at most 90 (got 100)');
  });

  it('bad options are usage errors, exit 2', async () => {
    const path = await write(chain({ policy: 'none', initialStock: 9 }));
    for (const args of [['--replications', '0'], ['--periods', '100001'], ['--seed', 'x'], ['--bogus'], []]) {
      const r = await cli('simulate', ...(args.length ? [path, ...args] : []));
      expect(r.code).toBe(2);
    }
  });
});
