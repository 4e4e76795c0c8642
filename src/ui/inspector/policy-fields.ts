/**
 * Which inventory fields a policy uses (docs/scenario-format.md, "inventory"; the simulation's
 * compile-policies.ts reads exactly these). The inspector shows only these parameters for the
 * chosen policy, so a (s,S) row never shows an unused base-stock level.
 */
import type { POLICY_TYPES } from '../../core/model/tables';

export type PolicyType = (typeof POLICY_TYPES)[number];

/** Fields every policy row has whatever the rule: stock at the start and costs. */
export const COMMON_POLICY_FIELDS = ['initialStock', 'holdingCost', 'orderCost', 'targetEndStock'] as const;

/**
 * The parameters of a policy, in the order a textbook writes them. The forecast policy uses its
 * window or its smoothing constant depending on the forecast method.
 */
export function policyParameters(policy: PolicyType, forecastMethod?: string): readonly string[] {
  switch (policy) {
    case 'base-stock': return ['baseStock'];
    case 's-S': return ['reorderPoint', 'orderUpTo'];
    case 'r-Q': return ['reorderPoint', 'orderQuantity'];
    case 'periodic': return ['reviewPeriod', 'orderUpTo'];
    case 'forecast': return ['forecastMethod', forecastMethod === 'exp-smoothing' ? 'smoothing' : 'forecastWindow', 'safetyFactor'];
    case 'sterman': return ['stockAdjustment', 'supplyLineWeight', 'smoothing', 'orderUpTo'];
    case 'fixed-plan':
    case 'manual':
    case 'none': return [];
  }
}

/** One-line reading of the rule, shown under the policy choice. */
export const POLICY_SUMMARY: Record<PolicyType, string> = {
  'base-stock': 'Every period, order up to the base-stock level S.',
  's-S': 'When the inventory position falls to s or below, order up to S.',
  'r-Q': 'When the inventory position falls to the reorder point r or below, order Q.',
  periodic: 'Every R periods, order up to S.',
  forecast: 'Order up to forecast × protection interval + safety stock.',
  sterman: 'Sterman\'s anchoring-and-adjustment rule (the beer game).',
  'fixed-plan': 'Orders follow the optimiser\'s plan; no parameters.',
  manual: 'A person places the orders; no parameters.',
  none: 'Never orders.',
};
