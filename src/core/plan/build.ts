/**
 * buildPlanModel: scenario → time-expanded LP/MIP. Index the network, define the columns, then
 * one define* per constraint family (each with its equation in its doc comment), then the
 * objective. docs/planning.md writes out the same formulation.
 */
import type { Scenario } from '../model/types';
import type { BuildContext, DemandMode, PlanVariables } from './build-context';
import { defineFlowBalance } from './constraints/flow-balance';
import { defineLaneCapacity, defineProductionCapacity, defineStorageCapacity } from './constraints/capacities';
import { defineDemand } from './constraints/demand';
import { defineEndStockTargets } from './constraints/end-stock';
import { defineLaneUse } from './constraints/lane-use';
import { defineSetups } from './constraints/setup';
import { defineSingleSourcing } from './constraints/single-sourcing';
import { defineMaxOpenSites, defineSiteOpening } from './constraints/site-opening';
import type { LinearModel } from './model';
import { ModelBuilder } from './model-builder';
import { buildPlanNetwork, type PlanNetwork } from './network';
import { defineObjective } from './objective';
import { defineVariables } from './variables';

export interface BuildOptions {
  /** 'soft' (default): unmet demand is backordered or lost with its penalty; 'must-meet': every demand is served on time. */
  readonly demand?: DemandMode;
  /** Solve the LP relaxation: binaries become continuous in [0, 1]. */
  readonly relaxIntegrality?: boolean;
}

export interface PlanModel {
  readonly model: LinearModel;
  readonly network: PlanNetwork;
  readonly variables: PlanVariables;
  readonly demandMode: DemandMode;
}

export function buildPlanModel(scenario: Scenario, options: BuildOptions = {}): PlanModel {
  const network = buildPlanNetwork(scenario);
  return buildPlanModelFromNetwork(network, options);
}

export function buildPlanModelFromNetwork(network: PlanNetwork, options: BuildOptions = {}): PlanModel {
  const H = network.horizon;
  const columns = H * (network.arcs.length + network.pairs.length + network.productions.length + 2 * network.demands.length) + network.sites.length;
  const rows = H * (network.pairs.length + network.demands.length + network.sites.length + network.lanes.length + network.productions.length);
  const b = new ModelBuilder({ columns, rows, entries: 3 * columns });
  const demandMode = options.demand ?? 'soft';
  const relax = options.relaxIntegrality ?? false;
  const variables = defineVariables(b, network, demandMode, relax);
  const ctx: BuildContext = { b, net: network, v: variables, demandMode, relax };
  defineFlowBalance(ctx);
  defineDemand(ctx);
  defineStorageCapacity(ctx);
  defineProductionCapacity(ctx);
  defineLaneCapacity(ctx);
  defineEndStockTargets(ctx);
  defineSiteOpening(ctx);
  defineMaxOpenSites(ctx);
  defineLaneUse(ctx);
  defineSingleSourcing(ctx);
  defineSetups(ctx);
  defineObjective(ctx);
  const sense = network.scenario.settings.objective === 'max-profit' ? 'max' : 'min';
  return { model: b.finish(network.scenario.id, sense), network, variables, demandMode };
}
