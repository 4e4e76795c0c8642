/**
 * stepPeriod: one period of the simulation, in this exact order (docs/simulation.md):
 *   1 demand      end-customer demand of t is drawn; at sinks it becomes orders upstream
 *   2 receive     shipments due arrive, production completes, orders due reach suppliers
 *   3 ship        suppliers fill backlog and new orders from stock (allocation rule, lane
 *                 capacity), upstream first; lead-time-0 shipments arrive at once
 *   4 serve       stock nodes serve end-customer demand (backorder or lost)
 *   5 decide      policies order upstream or start production
 *   6 returns     returns due reach their site: restocked or scrapped, credit notes
 *   7 account     holding and ordering costs, finance settlement, KPI sums, time series
 */
import { accountPeriod } from './account-step';
import { decideOrders } from './decide-step';
import { generateDemand } from './demand-step';
import { completeProduction, receiveArcs } from './receive-step';
import { processReturns } from './returns-flow';
import { serveDemand } from './serve-step';
import { shipOrders } from './ship-step';
import type { SimState } from './state';

export function stepPeriod(st: SimState): void {
  st.t++;
  generateDemand(st);
  receiveArcs(st);
  completeProduction(st);
  shipOrders(st);
  serveDemand(st);
  decideOrders(st);
  processReturns(st);
  accountPeriod(st);
}
