import { describe, expect, it } from 'vitest';
import {
  detectDecimalStyle, parseBooleanCell, parseEnumCell, parseInstalmentsCell, parseNumberCell,
} from '../../src/core/io/csv-cells';
import { detectDelimiter, escapeFormula, parseCsv, unescapeFormula, writeCsv } from '../../src/core/io/csv';

function records(text: string) {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('parseCsv', () => {
  it('strips a UTF-8 BOM so the first header is clean', () => {
    const r = records('\ufeffid,name\nA,Alpha\n');
    expect(r.records).toEqual([['id', 'name'], ['A', 'Alpha']]);
  });

  it('detects ; and tab delimiters from the header, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('Site Name;Type;Latitude\nx;y;1,5')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('single\n')).toBe(',');
    expect(records('a;b\n1,5;2\n').records).toEqual([['a', 'b'], ['1,5', '2']]);
    expect(records('a\tb\nx y\tz\n').delimiter).toBe('\t');
  });

  it('reads quoted cells with delimiters, doubled quotes and embedded newlines', () => {
    const r = records('name,note\n"Smith, J.","said ""hi""\nthen left"\nB,"x\r\ny"\n');
    expect(r.records).toEqual([['name', 'note'], ['Smith, J.', 'said "hi"\nthen left'], ['B', 'x\r\ny']]);
    // Line numbers count physical lines, so a record after a multi-line cell is located right.
    expect(r.lines).toEqual([1, 2, 4]);
  });

  it('accepts CRLF, LF and CR line ends and drops trailing empty lines', () => {
    const expected = [['a', 'b'], ['1', '2'], ['3', '4']];
    expect(records('a,b\r\n1,2\r\n3,4\r\n\r\n\r\n').records).toEqual(expected);
    expect(records('a,b\n1,2\n3,4').records).toEqual(expected);
    expect(records('a,b\r1,2\r3,4\r').records).toEqual(expected);
  });

  it('keeps empty cells, including trailing ones and empty quoted cells', () => {
    expect(records('a,b,c\n,"",\nx,,\n').records).toEqual([['a', 'b', 'c'], ['', '', ''], ['x', '', '']]);
  });

  it('keeps a stray quote inside an unquoted cell literally', () => {
    expect(records('a,b\n5" pipe,x\n').records).toEqual([['a', 'b'], ['5" pipe', 'x']]);
  });

  it('reports an unterminated quoted cell with its line instead of swallowing the file', () => {
    const r = parseCsv('a,b\n1,2\n"open,3\n4,5\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(3);
      expect(r.message).toContain('line 3');
    }
  });
});

describe('writeCsv', () => {
  it('quotes only cells that need it and ends lines with CRLF', () => {
    const text = writeCsv([['id', 'name', 'note'], ['A', 'Smith, J.', 'said "hi"\nbye'], ['B', ' padded', 'plain']]);
    expect(text).toBe('id,name,note\r\nA,"Smith, J.","said ""hi""\nbye"\r\nB," padded",plain\r\n');
  });

  it('defuses formula injection in text cells', () => {
    const text = writeCsv([['=HYPERLINK("http://evil","x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']], { newline: '\n' });
    expect(text).toBe(`"'=HYPERLINK(""http://evil"",""x"")",'+1,'-2+3,'@SUM(A1),'\tx,"'\rx"\n`);
  });

  it('writes real negative numbers as numbers, without the prefix', () => {
    expect(writeCsv([[-5, -0.25, 1e-7, true, null, undefined]], { newline: '\n' })).toBe('-5,-0.25,1e-7,true,,\n');
  });

  it('refuses non-finite numbers rather than writing something unreadable', () => {
    expect(() => writeCsv([[Number.NaN]])).toThrow(RangeError);
    expect(() => writeCsv([[Number.POSITIVE_INFINITY]])).toThrow(RangeError);
  });

  it('can write a BOM and another delimiter', () => {
    expect(writeCsv([['a;b', 'c']], { delimiter: ';', bom: true, newline: '\n' })).toBe('\ufeff"a;b";c\n');
  });

  it('round-trips arbitrary text through write and parse', () => {
    const rows = [
      ['id', 'name', 'note'],
      ['A', 'Ünïcödé 東京 🚚', 'line1\nline2\r\nline3'],
      ['B', '"quoted"', 'a,b;c\td'],
      ['C', '=1+1', "'=already quoted"],
      ['D', '', ' spaces '],
    ];
    for (const delimiter of [',', ';', '\t'] as const) {
      const parsed = records(writeCsv(rows, { delimiter }));
      expect(parsed.delimiter).toBe(delimiter);
      expect(parsed.records.map((r) => r.map(unescapeFormula))).toEqual(rows);
    }
  });
});

describe('formula escaping', () => {
  it('is undone exactly by unescapeFormula, even for text already starting with a quote', () => {
    for (const s of ['=x', "'=x", "''=x", "'abc", 'plain', '-', '', "'"]) {
      expect(unescapeFormula(escapeFormula(s))).toBe(s);
    }
    expect(escapeFormula("'abc")).toBe("'abc"); // a leading quote alone is harmless and kept as is
  });
});

describe('cell conversion', () => {
  it('parses numbers strictly', () => {
    expect(parseNumberCell('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseNumberCell(' -3 ')).toEqual({ ok: true, value: -3 });
    expect(parseNumberCell('1e3')).toEqual({ ok: true, value: 1000 });
    expect(parseNumberCell('-0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['12abc', 'NaN', 'Infinity', '-Infinity', '0x1F', '1,5', '', '1 000', '1e999']) {
      expect(parseNumberCell(bad).ok, bad).toBe(false);
    }
  });

  it('reads decimal commas with optional thousands dots', () => {
    expect(parseNumberCell('12,5', 'comma')).toEqual({ ok: true, value: 12.5 });
    expect(parseNumberCell('1.234,5', 'comma')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumberCell('1.234.567', 'comma')).toEqual({ ok: true, value: 1234567 });
    expect(parseNumberCell('-0,25', 'comma')).toEqual({ ok: true, value: -0.25 });
    expect(parseNumberCell('12.5', 'comma').ok).toBe(false); // a lone dot decimal in a comma file is ambiguous
    expect(parseNumberCell('1.23,4', 'comma').ok).toBe(false);
  });

  it('detects a decimal comma only when the delimiter is not a comma and some cell needs it', () => {
    expect(detectDecimalStyle(';', ['52', '12,5'])).toBe('comma');
    expect(detectDecimalStyle(';', ['52.37', '13.4'])).toBe('dot');
    expect(detectDecimalStyle('\t', ['1.234,5'])).toBe('comma');
    expect(detectDecimalStyle(',', ['12,5'])).toBe('dot');
  });

  it('reads booleans as true/false/yes/no/1/0', () => {
    for (const t of ['true', 'TRUE', 'Yes', '1']) expect(parseBooleanCell(t)).toEqual({ ok: true, value: true });
    for (const f of ['false', 'no', 'NO', '0']) expect(parseBooleanCell(f)).toEqual({ ok: true, value: false });
    expect(parseBooleanCell('maybe').ok).toBe(false);
  });

  it('matches enum values ignoring case, spaces, "_" and "-"', () => {
    expect(parseEnumCell('Base Stock', ['base-stock', 's-S'])).toBe('base-stock');
    expect(parseEnumCell('S-s', ['base-stock', 's-S'])).toBe('s-S');
    expect(parseEnumCell('DC', ['plant', 'dc'])).toBe('dc');
    expect(parseEnumCell(' warehouse ', ['plant', 'dc'])).toBe('warehouse'); // left for validation to reject
  });

  it('reads instalments as days:share pairs', () => {
    expect(parseInstalmentsCell('30:0.5;60:0.5')).toEqual({ ok: true, value: [{ days: 30, share: 0.5 }, { days: 60, share: 0.5 }] });
    expect(parseInstalmentsCell('30:0,5; 60:0,5', 'comma')).toEqual({ ok: true, value: [{ days: 30, share: 0.5 }, { days: 60, share: 0.5 }] });
    expect(parseInstalmentsCell('30-0.5').ok).toBe(false);
    expect(parseInstalmentsCell('30:half').ok).toBe(false);
  });
});
