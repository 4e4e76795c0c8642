/**
 * What the result cache keeps per scenario: the last finished run with the fingerprint of the
 * scenario it was computed from (core/compare/fingerprint.ts). A record is current only while
 * the scenario's fingerprint still equals it. Records carry `{format, version}` like every
 * saved thing, and are checked on the way out: a record from another app version, or damaged,
 * reads as "not cached" — never as a crash, never as a wrong result.
 */
import type { RunSettings, SimOutcome } from '../sim/run-types';
import { isSiteBandsValue } from '../sim/site-bands';

export const RESULT_FORMAT = 'chainlab.result';
export const RESULT_VERSION = 1;

/** What was left out of a record to keep it bounded (see result-bounds.ts). */
export interface StrippedParts {
  /** Per-node (site × product) and per-arc (lane × product) series were dropped: network totals remain. */
  readonly nodeSeries: boolean;
  /** Per-company cash, receivables and payables series were dropped. */
  readonly partySeries: boolean;
  /** The per-replication summaries were dropped: the estimate with its CIs remains. */
  readonly perReplication: boolean;
  /** The per-site bands of a Monte Carlo run were dropped (absent in records written before they existed). */
  readonly siteBands?: boolean;
  /** Bytes of typed arrays in the full result, before stripping. */
  readonly fullBytes: number;
}

export interface CachedResult {
  readonly format: typeof RESULT_FORMAT;
  readonly version: typeof RESULT_VERSION;
  readonly scenarioId: string;
  /** scenarioFingerprint() of the scenario as run. */
  readonly fingerprint: string;
  readonly settings: RunSettings;
  readonly replications: number;
  readonly outcome: SimOutcome;
  /** Wall-clock duration of the run. */
  readonly ms: number;
  /** Epoch ms when the record was written. */
  readonly savedAt: number;
  /** Null when stored whole. */
  readonly stripped: StrippedParts | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function looksLikeSummary(v: unknown): boolean {
  return isObject(v) && isObject(v.total) && Array.isArray(v.sites) && Array.isArray(v.parties) && Array.isArray(v.echelons);
}

function looksLikeOutcome(v: unknown): v is SimOutcome {
  if (!isObject(v)) return false;
  if (v.kind === 'single') {
    const r = v.result;
    return isObject(r) && looksLikeSummary(r.summary) && isObject(r.series) && isObject((r.series as Record<string, unknown>).total);
  }
  if (v.kind === 'replications') {
    const p = v.perReplication;
    return looksLikeSummary(v.estimate) && typeof v.replications === 'number' && isObject(p) && looksLikeSummary(p.template)
      && p.values instanceof Float64Array;
  }
  return false;
}

/** The stored value as a CachedResult for `scenarioId`, or null when it is not one we can use. */
export function readCachedResult(raw: unknown, scenarioId: string): CachedResult | null {
  if (!isObject(raw)) return null;
  if (raw.format !== RESULT_FORMAT || raw.version !== RESULT_VERSION) return null;
  if (raw.scenarioId !== scenarioId || typeof raw.fingerprint !== 'string') return null;
  if (!isObject(raw.settings) || typeof raw.replications !== 'number' || typeof raw.ms !== 'number' || typeof raw.savedAt !== 'number') return null;
  if (!looksLikeOutcome(raw.outcome)) return null;
  if (raw.stripped !== null && !isObject(raw.stripped)) return null;
  const outcome = raw.outcome;
  // Per-site bands are an extra: damaged ones are dropped (the run still reads, without them);
  // a record from before they existed simply has none.
  if (outcome.kind === 'replications' && 'siteBands' in outcome && !isSiteBandsValue(outcome.siteBands)) {
    const { siteBands: _dropped, ...rest } = outcome;
    return { ...raw, outcome: rest } as unknown as CachedResult;
  }
  return raw as unknown as CachedResult;
}
