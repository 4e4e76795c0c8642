/** Numbers in chart read-outs and data tables: "1,234", "12.5", "0.25", or "—" when undefined. */
export function valueText(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  return v.toLocaleString('en-US', { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 });
}

/** A band's low–high: "12 – 30". */
export function rangeText(low: number | undefined, high: number | undefined): string {
  return `${valueText(low)} – ${valueText(high)}`;
}
