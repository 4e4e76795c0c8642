/** Demand as series: reading a pair's series, pasting one, and the undoable edit that stores it. */
import { describe, expect, it } from 'vitest';
import { setDemandSeriesCommand } from '../../src/core/demand/apply-series';
import { fitToHorizon, parseSeries } from '../../src/core/demand/parse-series';
import { allDemandSeries, demandPairs, demandSeries, demandSites, summarise } from '../../src/core/demand/series';
import { applyEdit } from '../../src/core/edit/apply-edit';
import { History } from '../../src/core/edit/history';
import type { Scenario } from '../../src/core/model/types';
import { validateScenario } from '../../src/core/model/validate';
import { validDoc } from '../support/scenario-doc';

function base(): Scenario {
  const r = validateScenario(validDoc());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('series of a scenario', () => {
  it('reads a pair\'s quantities by period, zeros where no row is', () => {
    const s = base(); // horizon 4; cust × widget: 10, 12 in periods 1, 2
    expect(demandSeries(s, { customerId: 'cust', productId: 'widget' })).toEqual([10, 12, 0, 0]);
    expect(allDemandSeries(s).get('shop|widget')).toEqual([5, 0, 0, 0]);
    expect(demandPairs(s)).toEqual([{ customerId: 'cust', productId: 'widget' }, { customerId: 'shop', productId: 'widget' }]);
    expect(demandSites(s).map((x) => x.id)).toEqual(['cust', 'shop']);
    expect(summarise([10, 12, 0, 0])).toEqual({ total: 22, average: 5.5, min: 0, max: 12 });
  });
});

describe('setDemandSeriesCommand', () => {
  it('replaces the pair\'s rows with one row per period in one undoable step; other pairs untouched', () => {
    const s = base();
    const cmd = setDemandSeriesCommand(s, { customerId: 'cust', productId: 'widget' }, [7, 8, 0, 9]);
    const r = applyEdit(s, cmd);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.label).toBe('set demand of Customer × Widget');
    expect(r.scenario.demand.filter((d) => d.customerId === 'cust').map((d) => [d.period, d.quantity])).toEqual([[1, 7], [2, 8], [3, 0], [4, 9]]);
    expect(r.scenario.demand.filter((d) => d.customerId === 'shop')).toEqual(s.demand.filter((d) => d.customerId === 'shop'));

    const h = new History<Scenario>(s);
    h.push(r.scenario, r.label);
    expect(h.undo()).toBe(s);
  });

  it('works for a pair without demand yet, and is refused as a whole for a negative value', () => {
    const s = base();
    const ok = applyEdit(s, setDemandSeriesCommand(s, { customerId: 'shop', productId: 'part' }, [1, 2, 3, 4]));
    expect(ok.ok && ok.scenario.demand.length).toBe(7);
    const bad = applyEdit(s, setDemandSeriesCommand(s, { customerId: 'cust', productId: 'widget' }, [1, -2, 3, 4]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ table: 'demand', field: 'quantity' });
  });
});

describe('parseSeries', () => {
  it('reads a column pasted from Excel, with decimal commas', () => {
    expect(parseSeries('120\n130,5\n\n1.234,5\n')).toEqual({ ok: true, values: [120, 130.5, 1234.5], count: 3 });
    expect(parseSeries('12.5\r\n13\r\n')).toEqual({ ok: true, values: [12.5, 13], count: 2 });
  });

  it('takes "1,5" alone as one number, never two cells', () => {
    expect(parseSeries('1,5\n2,5')).toEqual({ ok: true, values: [1.5, 2.5], count: 2 });
  });

  it('reads period and quantity columns (tab, ";" or a CSV with a header), gaps as zeros', () => {
    expect(parseSeries('1\t10\n2\t20\n4\t40')).toEqual({ ok: true, values: [10, 20, 0, 40], count: 3 });
    expect(parseSeries('\ufeffWeek;Customer;Demand\n2;Paris;7,5\n1;Paris;3')).toEqual({ ok: true, values: [3, 7.5], count: 2 });
    expect(parseSeries('period,quantity\n1,120.5\n2,99\n')).toEqual({ ok: true, values: [120.5, 99], count: 2 });
  });

  it('lists the lines it cannot read', () => {
    expect(parseSeries('10\nabc\n-3\n')).toEqual({ ok: false, problems: [
      'line 2: quantity must be a number (got "abc")',
      'line 3: quantity must be at least 0 (got -3)',
    ] });
    expect(parseSeries('week;qty\n1;5\n1;6')).toEqual({ ok: false, problems: ['line 3: period 1 is given twice'] });
    expect(parseSeries('  \n')).toEqual({ ok: false, problems: ['nothing to read: paste a column of numbers'] });
  });

  it('fits a series to the horizon', () => {
    expect(fitToHorizon([1, 2, 3], 5)).toEqual({ values: [1, 2, 3, 0, 0], cut: 0, padded: 2 });
    expect(fitToHorizon([1, 2, 3], 2)).toEqual({ values: [1, 2], cut: 1, padded: 0 });
  });
});
