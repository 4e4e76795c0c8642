/**
 * Keeps a cached result bounded. A run's typed arrays can be large (per-node series grow with
 * periods × nodes, per-replication summaries with replications × KPIs); above the limit the
 * record keeps what a comparison needs — the summary (or the estimate with its CIs) and the
 * network-total series — and says what it left out.
 *
 * Order of stripping for a single run: the per-element series (per node = site × product, and
 * per arc = lane × product), then per-company series (network totals are at most 9 × 8 bytes ×
 * 100,000 periods = 7.2 MB, so they always fit the default). Stripped series are left out the
 * way the engine leaves them out when they would be too large (undefined, count 0, no columns),
 * so every reader already copes. For replications: the per-site bands first (replaced by a
 * "skipped" note, reason 'cache'), then, if still too large, the per-replication summaries (kept
 * as an empty pack of the same shape).
 */
import type { SimResult } from '../../core/sim';
import type { SimOutcome } from '../sim/run-types';
import type { StrippedParts } from './result-record';

/** 8 MB of typed arrays per cached result. */
export const MAX_CACHED_BYTES = 8 * 1024 * 1024;

/** Sum of byteLength of every typed array reachable from `value` (each buffer view counted once). */
export function typedArrayBytes(value: unknown): number {
  const seen = new Set<object>();
  let bytes = 0;
  const walk = (v: unknown, depth: number): void => {
    if (typeof v !== 'object' || v === null || seen.has(v) || depth > 64) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) { bytes += v.byteLength; return; }
    for (const child of Object.values(v)) walk(child, depth + 1);
  };
  walk(value, 0);
  return bytes;
}

export interface BoundedOutcome {
  readonly outcome: SimOutcome;
  readonly stripped: StrippedParts | null;
}

export function boundOutcome(outcome: SimOutcome, maxBytes: number = MAX_CACHED_BYTES): BoundedOutcome {
  const fullBytes = typedArrayBytes(outcome);
  if (fullBytes <= maxBytes) return { outcome, stripped: null };
  if (outcome.kind === 'replications') {
    let bounded: SimOutcome = outcome;
    let siteBands = false;
    if (outcome.siteBands?.kind === 'bands') {
      const s = outcome.siteBands;
      bounded = { ...outcome, siteBands: { kind: 'skipped', reason: 'cache', sites: s.siteIds.length, periods: s.periods } };
      siteBands = true;
      if (typedArrayBytes(bounded) <= maxBytes) return { outcome: bounded, stripped: { nodeSeries: false, partySeries: false, perReplication: false, siteBands, fullBytes } };
    }
    const p = outcome.perReplication;
    return {
      outcome: { ...bounded, perReplication: { template: p.template, width: p.width, count: 0, values: new Float64Array(0) } },
      stripped: { nodeSeries: false, partySeries: false, perReplication: true, ...(siteBands ? { siteBands } : {}), fullBytes },
    };
  }
  let result = withoutPerElementSeries(outcome.result);
  let partySeries = false;
  if (typedArrayBytes(result.series) > maxBytes && result.series.party) {
    const { party: _party, ...series } = result.series;
    result = { ...result, series };
    partySeries = true;
  }
  return { outcome: { kind: 'single', result }, stripped: { nodeSeries: true, partySeries, perReplication: false, fullBytes } };
}

/**
 * Per-element series and where they are described: series key → its count field in the
 * series and its column list in the result (parallel arrays of ids).
 */
const PER_ELEMENT = [['node', 'nodes'], ['arc', 'arcs']] as const;

function withoutPerElementSeries(result: SimResult): SimResult {
  const series: Record<string, unknown> = { ...result.series };
  const out: Record<string, unknown> = { ...result };
  for (const [key, count] of PER_ELEMENT) {
    if (series[key] === undefined) continue;
    delete series[key];
    series[count] = 0;
    const columns = out[count];
    if (typeof columns === 'object' && columns !== null) out[count] = Object.fromEntries(Object.keys(columns).map((k) => [k, []]));
  }
  out.series = series;
  return out as unknown as SimResult;
}

/** One sentence on what a stripped record lacks, for the Compare view. */
export function describeStripped(s: StrippedParts): string {
  const mb = (s.fullBytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 });
  const parts = [
    s.nodeSeries ? 'per-site and per-lane series' : null,
    s.partySeries ? 'per-company series' : null,
    s.perReplication ? 'per-replication summaries' : null,
    s.siteBands ? 'per-site bands' : null,
  ].filter((p): p is string => p !== null);
  return `The full result (${mb} MB) was too large to keep: the cached copy has the KPIs and network totals, without ${parts.join(' and ')}.`;
}
