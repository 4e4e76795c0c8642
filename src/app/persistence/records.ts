/**
 * The write rules both stores share: what a record looks like and when a write is refused.
 * Keeping them in one place is what makes the memory fallback a faithful stand-in.
 */
import { CURRENT_VERSION } from '../../core';
import type { PutResult, ScenarioMeta } from './store';

export interface PlainDoc {
  readonly id: string;
  readonly doc: Record<string, unknown>;
  readonly json: string;
}

/**
 * A JSON round trip: turns a Svelte `$state` proxy (which structured clone rejects with
 * DataCloneError) or any other exotic object into plain data, and detaches it from the caller.
 */
export function toPlainDoc(doc: unknown): PlainDoc {
  const json = JSON.stringify(doc);
  const plain: unknown = json === undefined ? undefined : JSON.parse(json);
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) throw new TypeError('a scenario must be an object');
  const id = (plain as Record<string, unknown>).id;
  if (typeof id !== 'string' || id === '') throw new TypeError('a scenario needs a text id to be stored');
  return { id, doc: plain as Record<string, unknown>, json };
}

const encoder = new TextEncoder();

export function buildMeta(plain: PlainDoc, revision: number, now: number): ScenarioMeta {
  const { name, version } = plain.doc;
  return {
    id: plain.id,
    name: typeof name === 'string' ? name : plain.id,
    updatedAt: now,
    revision,
    formatVersion: typeof version === 'number' ? version : 0,
    sizeBytes: encoder.encode(plain.json).length,
  };
}

export type PutDecision = { readonly ok: true; readonly revision: number } | Exclude<PutResult, { ok: true }>;

/** Optimistic concurrency: write only on top of the revision the caller started from. */
export function decidePut(existing: ScenarioMeta | undefined, expectedRevision: number | null): PutDecision {
  if (existing && existing.formatVersion > CURRENT_VERSION) {
    return {
      ok: false,
      reason: 'newer',
      current: existing,
      message: `“${existing.name}” was saved by a newer ChainLab (format version ${existing.formatVersion}; this app writes version ${CURRENT_VERSION}). It was not overwritten.`,
    };
  }
  const matches = expectedRevision === null ? existing === undefined : existing !== undefined && existing.revision === expectedRevision;
  if (!matches) return { ok: false, reason: 'conflict', current: existing ?? null };
  return { ok: true, revision: (existing?.revision ?? 0) + 1 };
}
