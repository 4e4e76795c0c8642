import { describe, expect, it } from 'vitest';
import { parseCellText, formatCellValue } from '../../src/app/tables/cell-text';
import { parseClipboardGrid, formatClipboardGrid } from '../../src/app/tables/clipboard-grid';
import { emptyMeaning, labelOf, unitOf } from '../../src/app/tables/column-labels';
import { buildRefIndex } from '../../src/app/tables/ref-index';
import { decimalStyleOf, parseUserNumber } from '../../src/app/tables/user-number';
import { tableColumns } from '../../src/core/model/introspect';
import { validateScenario } from '../../src/core/model/validate';
import type { Scenario } from '../../src/core/model/types';
import { validDoc } from '../support/scenario-doc';

function scenario(): Scenario {
  const r = validateScenario(validDoc());
  if (!r.ok) throw new Error('fixture invalid');
  return r.scenario;
}
const col = (table: Parameters<typeof tableColumns>[0], key: string) => tableColumns(table).find((c) => c.key === key)!;
const value = (r: { ok: boolean; value?: unknown; message?: string }) => (r.ok ? r.value : `error: ${r.message}`);

describe('parseUserNumber: numbers as typed or pasted', () => {
  it.each([
    ['1234.5', 1234.5], ['1234,5', 1234.5], ['1.234,5', 1234.5], ['1 234,5', 1234.5], ['1\u00a0234', 1234],
    ['1\u202f234,75', 1234.75], ["1'234.5", 1234.5], ['1,234.5', 1234.5], ['1,234,567', 1234567], ['-0,25', -0.25],
    ['  42  ', 42], ['1e3', 1000], ['.5', 0.5],
  ])('%j → %d', (text, expected) => {
    expect(value(parseUserNumber(text))).toBe(expected);
  });

  it('reads a lone comma as a decimal comma, like the CSV reader (European spreadsheets)', () => {
    expect(value(parseUserNumber('1,234'))).toBe(1.234);
  });

  it.each(['12abc', 'NaN', 'Infinity', '0x1F', '1,2,3.4.5', '', '12 34'])('refuses %j with a message', (text) => {
    const r = parseUserNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/must be a number/);
  });

  it('decides the decimal style of a block from all its cells', () => {
    expect(decimalStyleOf(['12', '1.234', '7,5'])).toBe('comma');
    expect(value(parseUserNumber('1.234', decimalStyleOf(['1.234', '7,5'])))).toBe(1234);
    expect(decimalStyleOf(['12', '1.5'])).toBe('dot');
  });
});

describe('parseCellText / formatCellValue: one column type each', () => {
  const s = scenario();
  const refs = buildRefIndex(s);

  it('empty clears an optional field and is refused for a required one', () => {
    expect(parseCellText(col('sites', 'storageCapacity'), '  ', refs)).toEqual({ ok: true, value: undefined });
    expect(parseCellText(col('sites', 'lat'), '', refs)).toEqual({ ok: false, message: 'is required' });
  });

  it('references accept the id or the name (any case) and display the name', () => {
    const from = col('lanes', 'from');
    expect(parseCellText(from, 'plant', refs)).toEqual({ ok: true, value: 'plant' });
    expect(parseCellText(from, 'supplier', refs)).toEqual({ ok: true, value: 'sup' });
    expect(value(parseCellText(from, 'Nowhere', refs))).toMatch(/no site has the id or name "Nowhere"/);
    expect(formatCellValue(from, 'sup', refs)).toBe('Supplier');
    expect(formatCellValue(col('inTransit', 'laneId'), 'plant-dc', refs)).toBe('Plant → DC · road');
  });

  it('refuses a name shared by two rows instead of guessing', () => {
    const doc = validDoc();
    (doc.sites as Record<string, unknown>[])[4].name = 'Customer';
    const r = validateScenario(doc);
    if (!r.ok) throw new Error('fixture invalid');
    expect(value(parseCellText(col('demand', 'customerId'), 'customer', buildRefIndex(r.scenario)))).toMatch(/names 2 sites \(cust, shop\); use the id/);
  });

  it('enums match ignoring case and separators; booleans take yes/no', () => {
    expect(parseCellText(col('inventory', 'policy'), 'Base Stock', refs)).toEqual({ ok: true, value: 'base-stock' });
    expect(value(parseCellText(col('lanes', 'mode'), 'truck', refs))).toBe('error: must be one of: road, rail, sea, air');
    expect(parseCellText(col('lanes', 'consignment'), 'Yes', refs)).toEqual({ ok: true, value: true });
    expect(formatCellValue(col('lanes', 'consignment'), false, refs)).toBe('no');
  });

  it('instalments round-trip as days:share pairs', () => {
    const c = col('parties', 'instalments');
    const parsed = parseCellText(c, '30:0,5;60:0,5', refs);
    expect(parsed).toEqual({ ok: true, value: [{ days: 30, share: 0.5 }, { days: 60, share: 0.5 }] });
    expect(formatCellValue(c, [{ days: 30, share: 0.5 }], refs)).toBe('30:0.5');
  });
});

describe('clipboard blocks', () => {
  it('parses Excel TSV: quoted cells with tabs and line breaks, final newline, ragged rows', () => {
    expect(parseClipboardGrid('a\tb\r\n"x\ty"\t"line1\nline2"\r\nlast\r\n')).toEqual([['a', 'b'], ['x\ty', 'line1\nline2'], ['last', '']]);
    expect(parseClipboardGrid('')).toEqual([]);
    expect(parseClipboardGrid('5')).toEqual([['5']]);
  });

  it('keeps a stray quote literally rather than swallowing the rest', () => {
    expect(parseClipboardGrid('"open\t1\nnext\t2')).toEqual([['"open', '1'], ['next', '2']]);
  });

  it('formats cells back to TSV that parses to the same block', () => {
    const cells = [['DC "A"', 'tab\there'], ['1.5', '']];
    expect(parseClipboardGrid(formatClipboardGrid(cells))).toEqual(cells);
  });
});

describe('column labels', () => {
  it('derives labels, units with the currency and the meaning of empty', () => {
    expect(labelOf('storageCapacity')).toBe('Storage capacity');
    expect(labelOf('partyId')).toBe('Party (owner)');
    expect(labelOf('customerId')).toBe('Customer');
    expect(labelOf('lat')).toBe('Latitude');
    expect(unitOf(col('sites', 'holdingCost'), 'EUR')).toBe('EUR/(unit·period)');
    expect(emptyMeaning(col('sites', 'storageCapacity'))).toBe('unlimited');
    expect(emptyMeaning(col('lanes', 'productId'))).toBe('all products');
    expect(emptyMeaning(col('sites', 'holdingCost'))).toBe('default 0');
    expect(emptyMeaning(col('sites', 'lat'))).toBe('');
  });
});
