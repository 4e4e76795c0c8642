/**
 * settings.csv: `key,value` rows holding the scenario envelope (id, name, description, version)
 * and the settings. Keys match like headers (case, spaces, "_" and "-" ignored). A first row whose
 * key is not a known key is taken as the header and skipped.
 */
import { tableColumns, type ColumnInfo } from '../model/introspect';
import type { ModelIssue } from '../model/issue';
import type { Settings } from '../model/types';
import { isBlankRecord, parseCsv, type CsvCell, type CsvTable } from './csv';
import { detectDecimalStyle } from './csv-cells';
import { columnLookup, findColumn } from './csv-headers';
import { convertCell, lineNote, type RawRow } from './csv-table-read';

/** Envelope fields kept in settings.csv, read like settings columns. */
export const ENVELOPE_COLUMNS: readonly ColumnInfo[] = [
  { key: 'id', type: 'id', required: true, description: 'Stable id of the scenario.', aliases: ['scenario id'] },
  { key: 'name', type: 'text', required: true, description: 'Name of the scenario.', aliases: ['scenario', 'scenario name'] },
  { key: 'description', type: 'text', required: false, description: 'Free text: what the scenario is for.', aliases: [] },
  { key: 'version', type: 'integer', required: true, description: 'Format version of the tables.', aliases: ['format version'] },
];

export const settingsColumns = (): readonly ColumnInfo[] => [...ENVELOPE_COLUMNS, ...tableColumns('settings')];

export interface SettingsRead {
  readonly envelope: RawRow;
  readonly settings: RawRow;
  /** Spreadsheet line of each key, for messages. */
  readonly lines: ReadonlyMap<string, number>;
  readonly issues: ModelIssue[];
  readonly warnings: ModelIssue[];
}

const ENVELOPE_KEYS = new Set(ENVELOPE_COLUMNS.map((c) => c.key));

export function readSettingsCsv(text: string): SettingsRead {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return { envelope: {}, settings: {}, lines: new Map(), issues: [{ table: 'settings', message: `${parsed.message}${lineNote(parsed.line)}` }], warnings: [] };
  }
  return readSettingsRecords(parsed);
}

/** Already-split `key,value` records (a parsed settings.csv, or a workbook's settings sheet). */
export function readSettingsRecords(parsed: CsvTable): SettingsRead {
  const out: SettingsRead = { envelope: {}, settings: {}, lines: new Map(), issues: [], warnings: [] };
  const lines = out.lines as Map<string, number>;
  const columns = settingsColumns();
  const lookup = columnLookup(columns);
  const records = parsed.records.map((r, k) => ({ r, line: parsed.lines[k] })).filter(({ r }) => !isBlankRecord(r));
  if (records.length > 0 && !findColumn(records[0].r[0] ?? '', lookup)) records.shift(); // the header row
  const style = detectDecimalStyle(parsed.delimiter, records.map(({ r }) => r[1] ?? ''));
  for (const { r, line } of records) {
    const [key = '', raw = ''] = r;
    const column = findColumn(key, lookup);
    if (!column) {
      out.warnings.push({ table: 'settings', field: key, message: `unknown setting "${key}" ignored${lineNote(line)}` });
      continue;
    }
    if (lines.has(column.key)) {
      out.issues.push({ table: 'settings', field: column.key, message: `"${key}" is given twice (also line ${lines.get(column.key)})${lineNote(line)}` });
      continue;
    }
    lines.set(column.key, line);
    if (raw.trim() === '') continue;
    const value = convertCell(column, raw, style);
    if (!value.ok) {
      out.issues.push({ table: 'settings', field: column.key, message: `${value.message}${lineNote(line)}` });
      continue;
    }
    (ENVELOPE_KEYS.has(column.key) ? out.envelope : out.settings)[column.key] = value.value;
  }
  return out;
}

/** Records of settings.csv for a scenario: header, envelope, then every setting (empty when unset). */
export function settingsRecords(envelope: { id: string; name: string; description: string; version: number }, settings: Settings): CsvCell[][] {
  const s = settings as unknown as Record<string, CsvCell>;
  return [
    ['key', 'value'],
    ['id', envelope.id],
    ['name', envelope.name],
    ['description', envelope.description],
    ['version', envelope.version],
    ...tableColumns('settings').map((c) => [c.key, s[c.key]]),
  ];
}

