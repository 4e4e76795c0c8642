/** How the dashboard's charts name sites and products and find a site's storage capacity. */
import type { Scenario } from '../../core/model/types';
import type { DashboardNames } from './dashboard-charts';

export function dashboardNames(scenario: Scenario): DashboardNames {
  const sites = new Map(scenario.sites.map((s) => [s.id, s]));
  const products = new Map(scenario.products.map((p) => [p.id, p.name]));
  return {
    site: (id) => sites.get(id)?.name || id,
    product: (id) => products.get(id) || id,
    capacity: (id) => sites.get(id)?.storageCapacity,
    currency: scenario.settings.currency,
  };
}
