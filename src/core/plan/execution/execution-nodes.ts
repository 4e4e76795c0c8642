/**
 * How the simulator will treat each (site, product) when it executes a plan, which decides what
 * planned quantities can become fixed-plan orders. The simulator's rules (docs/simulation.md,
 * "Nodes, arcs and what a site does"):
 * - a node with an inventory row is a **stock** node and follows its policy — here 'fixed-plan';
 * - a node with a production row replenishes by **producing**: planned production becomes its
 *   orders, and lanes into it carry nothing but the initial pipeline;
 * - a supplier with neither production nor inventory rows is an unlimited **source**: the plan's
 *   free source too, so nothing is ordered there.
 */
import type { Scenario } from '../../model/types';

export const nodeKey = (siteId: string, productId: string): string => `${siteId}\u0000${productId}`;

export interface ExecutionNodes {
  /** (site, product) pairs with an inventory row in the user's scenario. */
  readonly inventory: ReadonlySet<string>;
  /** Produces the product (it has a production row there). */
  isProducer(siteId: string, productId: string): boolean;
  /** A supplier that makes nothing: the simulator's (and the plan's) unlimited source. */
  isSource(siteId: string, productId: string): boolean;
}

export function executionNodes(scenario: Scenario): ExecutionNodes {
  const inventory = new Set(scenario.inventory.map((r) => nodeKey(r.siteId, r.productId)));
  const production = new Set(scenario.production.map((r) => nodeKey(r.siteId, r.productId)));
  const producingSites = new Set(scenario.production.map((r) => r.siteId));
  const suppliers = new Set(scenario.sites.filter((s) => s.kind === 'supplier').map((s) => s.id));
  return {
    inventory,
    isProducer: (siteId, productId) => production.has(nodeKey(siteId, productId)),
    isSource: (siteId, productId) => suppliers.has(siteId) && !producingSites.has(siteId) && !inventory.has(nodeKey(siteId, productId)),
  };
}
