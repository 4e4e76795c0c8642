/**
 * Human labels and units for columns, derived from the column definitions so a new field gets a
 * readable label without code: "storageCapacity" → "Storage capacity", a reference "partyId" →
 * "Party". Only names that camelCase cannot spell are listed.
 */
import type { ColumnInfo } from '../../core/model/introspect';

const SPECIAL: Record<string, string> = {
  id: 'Id',
  lat: 'Latitude',
  lon: 'Longitude',
  x: 'Schematic x',
  y: 'Schematic y',
  partyId: 'Party (owner)',
  infoDelay: 'Information delay',
  leadTimeStdDev: 'Lead time σ',
  stdDev: 'Std dev σ',
  speedKmPerDay: 'Speed',
  costPerUnitKm: 'Cost per unit·km',
  paymentTermDays: 'Payment term',
  earlyPaymentDays: 'Early-payment days',
  earlyPaymentDiscount: 'Early-payment discount',
  inTransit: 'In transit',
  bom: 'BOM',
  maxOpenSites: 'Max open sites',
  demandCv: 'Demand CV',
};

/** "storageCapacity" → "Storage capacity"; reference columns drop their "Id" suffix. */
export function labelOf(key: string): string {
  const special = SPECIAL[key];
  if (special) return special;
  const bare = key.length > 2 && key.endsWith('Id') ? key.slice(0, -2) : key;
  const words = bare.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The column's unit with "money" spelled as the scenario's currency ("money/unit" → "EUR/unit"). */
export function unitOf(col: Pick<ColumnInfo, 'unit'>, currency: string): string | undefined {
  if (!col.unit || col.unit === 'integer') return undefined;
  return col.unit.replace(/\bmoney\b/g, currency);
}

/**
 * What an empty optional field means, shown as the input's placeholder: the default value, or
 * the "empty = …" clause of the description ("unlimited", "all products").
 */
export function emptyMeaning(col: Pick<ColumnInfo, 'default' | 'description' | 'required'>): string {
  if (col.required) return '';
  const m = /empty(?: or 0)? = ([^.;]+)/.exec(col.description);
  if (m) return m[1].trim();
  if (col.default !== undefined && typeof col.default !== 'object') return `default ${String(col.default)}`;
  return 'none';
}
