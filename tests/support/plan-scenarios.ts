/**
 * Tiny scenarios for the planner's tests, written as the scenario format (so every test goes
 * through the real load path), with defaults that keep them short: coordinates 0, lanes with lead
 * time 0 and cost 0, one week per period.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadScenario } from '../../src/core/model/load';
import type { Scenario } from '../../src/core/model/types';
import type { LinearModel } from '../../src/core/plan/model';
import { checkSolution } from '../../src/core/plan/solution-check';
import { scenarioFromJson } from '../../src/core/io/scenario-json';

type Row = Record<string, unknown>;

export interface TinyScenario {
  readonly settings?: Row;
  readonly sites: readonly Row[];
  readonly products?: readonly Row[];
  readonly lanes?: readonly Row[];
  readonly demand?: readonly Row[];
  readonly inventory?: readonly Row[];
  readonly production?: readonly Row[];
  readonly bom?: readonly Row[];
  readonly inTransit?: readonly Row[];
}

/** A valid Scenario from the tables given (throws with the validation issues otherwise). */
export function scenario(t: TinyScenario, id = 'tiny'): Scenario {
  const r = loadScenario({
    format: 'chainlab.scenario', version: 2, id, name: id,
    settings: { horizon: 1, currency: 'EUR', ...t.settings },
    sites: t.sites, products: t.products ?? [{ id: 'P', name: 'Widget' }], lanes: t.lanes ?? [], demand: t.demand ?? [],
    inventory: t.inventory ?? [], production: t.production ?? [], bom: t.bom ?? [], inTransit: t.inTransit ?? [],
  });
  if (!r.ok) throw new Error(`invalid test scenario: ${r.issues.map((i) => `${i.table}[${i.row}].${i.field}: ${i.message}`).join('; ')}`);
  return r.scenario;
}

export const site = (id: string, kind: string, extra: Row = {}): Row => ({ id, name: extra.name ?? id, kind, lat: 0, lon: 0, ...extra });
export const lane = (from: string, to: string, extra: Row = {}): Row => ({ id: `${from}-${to}`, from, to, leadTime: 0, costPerUnit: 0, ...extra });

/** Demand rows for periods 1, 2, … from a list of quantities (zeros are left out). */
export function demandRows(customerId: string, quantities: readonly number[], productId = 'P'): Row[] {
  return quantities.flatMap((quantity, i) => (quantity > 0 ? [{ customerId, productId, period: i + 1, quantity }] : []));
}

/** A scenario shipped with the project, through the real JSON load path. */
export function shippedScenario(file: string): Scenario {
  const r = scenarioFromJson(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}

/** Every solution a test believes is first checked against the model's rows, bounds and integrality. */
export function expectFeasible(model: LinearModel, values: ArrayLike<number> | undefined): void {
  expect(values).toBeDefined();
  const check = checkSolution(model, values as ArrayLike<number>);
  expect(check.violations.slice(0, 3)).toEqual([]);
}

/** Sum of flow quantities matching a filter. */
export function sumBy<T>(rows: readonly T[], pick: (r: T) => number, where: (r: T) => boolean = () => true): number {
  return rows.filter(where).reduce((s, r) => s + pick(r), 0);
}
