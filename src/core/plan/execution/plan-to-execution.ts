/**
 * Plan → execution: everything the simulator needs to run a plan as a fixed-plan policy, built
 * from the user's scenario (left untouched) and a plan result. The notes say in words where the
 * execution departs from the plan, so a planner reading "plan vs actual" can tell the gaps the
 * conversion makes from the gaps demand makes.
 */
import type { Scenario } from '../../model/types';
import type { PlanResult } from '../result';
import { formatMoney } from '../labels';
import type { InitialOrder, OrderEntry } from '../../sim';
import { executionNodes } from './execution-nodes';
import { executionScenario } from './execution-scenario';
import { planOrders } from './plan-orders';

export interface ExecutionPlan {
  /** A copy of the scenario in which every stock node follows the plan. */
  readonly scenario: Scenario;
  readonly plan: readonly OrderEntry[];
  readonly initialOrders: readonly InitialOrder[];
  /** Potential sites the plan opens. */
  readonly openSites: readonly string[];
  readonly notes: readonly string[];
}

export type ExecutablePlan = Pick<PlanResult, 'flows' | 'production' | 'sites'>;

const units = (q: number) => Math.round(q).toLocaleString('en-US');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function planToExecution(scenario: Scenario, result: ExecutablePlan): ExecutionPlan {
  const nodes = executionNodes(scenario);
  const orders = planOrders(scenario, result, nodes);
  const exec = executionScenario(scenario, result, nodes, orders.startStock);
  const period = scenario.settings.periodLength;

  const notes: string[] = [
    'Every site orders and produces exactly what the plan says, whatever demand turns out to be; customers receive the planned deliveries and keep what they do not sell.',
  ];
  if (orders.initialOrders.length > 0) {
    notes.push(`${plural(orders.initialOrders.length, 'shipment')} planned for the first ${period}s start as orders already at the supplier.`);
  }
  const started = [...orders.startStock.values()].reduce((s, q) => s + q, 0);
  if (started > 0) {
    const cost = result.production.filter((p) => p.period <= 1).reduce((s, p) => s + p.cost, 0);
    notes.push(`${units(started)} units of production planned for ${period} 1 are on hand at the start (the simulator cannot start production before ${period} 1), so the simulation does not pay their production cost${cost > 0 ? `, ${formatMoney(cost, scenario.settings.currency)}` : ''}.`);
  }
  if (scenario.returns.length > 0) {
    notes.push('Customer returns are simulated but not planned: restocked returns add stock (and holding cost) the plan does not have.');
  }
  if (orders.unexecutable > 0) {
    notes.push(`${units(orders.unexecutable)} units the plan ships into producing sites or suppliers are not executed: the simulator replenishes those by production only.`);
  }
  const openSites = result.sites.filter((s) => s.open && s.status === 'potential').map((s) => s.siteId);
  return { scenario: exec.scenario, plan: orders.plan, initialOrders: orders.initialOrders, openSites, notes };
}
