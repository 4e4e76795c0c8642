import { describe, expect, it } from 'vitest';
import { refusalAt } from '../../src/ui/inspector/commit-field';
import { groupColumns, SITE_GROUPS } from '../../src/ui/inspector/column-groups';
import { inspectorTarget } from '../../src/ui/inspector/inspector-target';
import { COMMON_POLICY_FIELDS, policyParameters, type PolicyType } from '../../src/ui/inspector/policy-fields';
import { tableColumns } from '../../src/core/model/introspect';
import { POLICY_TYPES } from '../../src/core/model/tables';
import { validateScenario } from '../../src/core/model/validate';
import type { Scenario } from '../../src/core/model/types';
import { validDoc } from '../support/scenario-doc';

function scenario(): Scenario {
  const r = validateScenario(validDoc());
  if (!r.ok) throw new Error('fixture invalid');
  return r.scenario;
}

describe('policyParameters: the inspector shows only what a policy uses', () => {
  it.each([
    ['base-stock', undefined, ['baseStock']],
    ['s-S', undefined, ['reorderPoint', 'orderUpTo']],
    ['r-Q', undefined, ['reorderPoint', 'orderQuantity']],
    ['periodic', undefined, ['reviewPeriod', 'orderUpTo']],
    ['forecast', 'moving-average', ['forecastMethod', 'forecastWindow', 'safetyFactor']],
    ['forecast', 'exp-smoothing', ['forecastMethod', 'smoothing', 'safetyFactor']],
    ['sterman', undefined, ['stockAdjustment', 'supplyLineWeight', 'smoothing', 'orderUpTo']],
    ['fixed-plan', undefined, []],
    ['manual', undefined, []],
    ['none', undefined, []],
  ] as [PolicyType, string | undefined, string[]][])('%s (%s) → %j', (policy, method, expected) => {
    expect(policyParameters(policy, method)).toEqual(expected);
  });

  it('covers every policy type of the format, with fields that exist in the inventory table', () => {
    const keys = new Set(tableColumns('inventory').map((c) => c.key));
    for (const p of POLICY_TYPES) {
      for (const f of [...policyParameters(p, 'moving-average'), ...policyParameters(p, 'exp-smoothing'), ...COMMON_POLICY_FIELDS]) expect(keys.has(f), `${p}: ${f}`).toBe(true);
    }
  });
});

describe('groupColumns', () => {
  it('orders columns in titled groups and never drops one', () => {
    const groups = groupColumns('sites', SITE_GROUPS);
    expect(groups.map((g) => g.title)).toEqual(['Site', 'Location', 'Capacity and cost']);
    expect(groups.flatMap((g) => g.columns.map((c) => c.key)).sort()).toEqual(tableColumns('sites').map((c) => c.key).sort());
    const partial = groupColumns('sites', [['Names', ['name']]], ['id']);
    expect(partial.map((g) => g.title)).toEqual(['Names', 'More']);
    expect(partial[1].columns.some((c) => c.key === 'id')).toBe(false);
    expect(partial[1].columns.some((c) => c.key === 'storageCapacity')).toBe(true);
  });
});

describe('inspectorTarget: which panel a selection opens', () => {
  const s = scenario();
  it('resolves sites, several sites, a lane, another table\'s row, and ignores stale keys', () => {
    expect(inspectorTarget(s, new Set())).toEqual({ kind: 'none' });
    expect(inspectorTarget(s, new Set(['sites:dc']))).toMatchObject({ kind: 'site', site: { id: 'dc' } });
    expect(inspectorTarget(s, new Set(['sites:dc', 'sites:plant']))).toMatchObject({ kind: 'sites', sites: [{ id: 'dc' }, { id: 'plant' }] });
    expect(inspectorTarget(s, new Set(['lanes:plant-dc']))).toMatchObject({ kind: 'lane', lane: { id: 'plant-dc' } });
    expect(inspectorTarget(s, new Set(['demand:cust|widget|2']))).toMatchObject({ kind: 'row', table: 'demand', row: { quantity: 12 } });
    expect(inspectorTarget(s, new Set(['sites:gone', 'sites:dc']))).toMatchObject({ kind: 'site', site: { id: 'dc' } });
    expect(inspectorTarget(s, new Set(['sites:gone']))).toEqual({ kind: 'none' });
    expect(inspectorTarget(s, new Set(['sites:dc', 'lanes:plant-dc']))).toEqual({ kind: 'mixed', count: 2 });
  });
});

describe('refusalAt: the message shown at the edited field', () => {
  it('prefers issues at the field, else names the field the core blamed', () => {
    expect(refusalAt({ ok: false, issues: [{ table: 'sites', row: 2, field: 'lat', message: 'must be at most 90' }] }, 'lat')).toBe('must be at most 90');
    expect(refusalAt({ ok: false, issues: [{ table: 'inventory', row: 1, field: 'reorderPoint', message: 'reorder point s (60) is above the order-up-to level S (50)' }] }, 'orderUpTo'))
      .toBe('Reorder point: reorder point s (60) is above the order-up-to level S (50)');
    expect(refusalAt({ ok: false, issues: [{ table: 'parties', row: 0, field: 'instalments.1.share', message: 'must be at most 1' }] }, 'instalments')).toBe('must be at most 1');
    expect(refusalAt({ ok: true, scenario: scenario(), label: 'x' }, 'lat')).toBeUndefined();
  });
});
