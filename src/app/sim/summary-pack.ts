/**
 * The summaries of many replications as one Float64Array (plus one summary for the shape), so
 * they cross between workers and the page as a transferred buffer. 2,000 summaries of the
 * default network are ~60 MB as structured-cloned objects — hundreds of milliseconds of
 * deserialising on the page — but a zero-copy move as numbers (reliability case 22).
 *
 * Every summary of one scenario has the same shape (same sites, products, parties), so the
 * numbers are written in the template's walk order: object keys in order, arrays by index.
 */
import type { SimSummary } from '../../core/sim';

export interface PackedSummaries {
  /** The first summary: gives the shape, the strings and the booleans of all of them. */
  readonly template: SimSummary;
  /** Numbers per summary. */
  readonly width: number;
  readonly count: number;
  /** Summary i's numbers are values[i·width .. (i+1)·width). */
  readonly values: Float64Array;
}

type Tree = unknown;

function countNumbers(node: Tree): number {
  if (typeof node === 'number') return 1;
  if (node === null || typeof node !== 'object') return 0;
  let n = 0;
  for (const child of Object.values(node)) n += countNumbers(child);
  return n;
}

/** Writes the numbers of `node` (read along `shape`) from `at`; returns the next free index. */
function write(shape: Tree, node: Tree, out: Float64Array, at: number): number {
  if (typeof shape === 'number') {
    if (typeof node !== 'number') throw new Error('the summaries of one scenario must all have the same shape');
    out[at] = node;
    return at + 1;
  }
  if (shape === null || typeof shape !== 'object') return at;
  if (node === null || typeof node !== 'object') throw new Error('the summaries of one scenario must all have the same shape');
  if (Array.isArray(shape) && (!Array.isArray(node) || node.length !== shape.length)) {
    throw new Error('the summaries of one scenario must all have the same shape');
  }
  const from = node as Record<string, unknown>;
  for (const [key, child] of Object.entries(shape)) at = write(child, from[key], out, at);
  return at;
}

function read(shape: Tree, values: Float64Array, cursor: { at: number }): Tree {
  if (typeof shape === 'number') return values[cursor.at++];
  if (shape === null || typeof shape !== 'object') return shape;
  if (Array.isArray(shape)) return shape.map((child) => read(child, values, cursor));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(shape)) out[key] = read(child, values, cursor);
  return out;
}

export function packSummaries(summaries: readonly SimSummary[]): PackedSummaries {
  if (summaries.length === 0) throw new Error('no summaries to pack');
  const template = summaries[0];
  const width = countNumbers(template);
  const values = new Float64Array(width * summaries.length);
  summaries.forEach((s, i) => write(template, s, values, i * width));
  return { template, width, count: summaries.length, values };
}

export function unpackSummary(packed: PackedSummaries, index: number): SimSummary {
  if (!(index >= 0 && index < packed.count)) throw new RangeError(`no summary ${index} (there are ${packed.count})`);
  return read(packed.template, packed.values, { at: index * packed.width }) as SimSummary;
}

export function unpackSummaries(packed: PackedSummaries): SimSummary[] {
  return Array.from({ length: packed.count }, (_, i) => unpackSummary(packed, i));
}

/** Joins packs of the same scenario in the given order (replication order when parts are). */
export function concatPacked(parts: readonly PackedSummaries[]): PackedSummaries {
  if (parts.length === 0) throw new Error('no summaries to join');
  const width = parts[0].width;
  if (parts.some((p) => p.width !== width)) throw new Error('the summaries of one scenario must all have the same shape');
  const count = parts.reduce((n, p) => n + p.count, 0);
  const values = new Float64Array(width * count);
  let at = 0;
  for (const p of parts) { values.set(p.values.subarray(0, p.count * width), at); at += p.count * width; }
  return { template: parts[0].template, width, count, values };
}

/** One number of every summary, by its path in the template (e.g. ['total', 'fillRate']): a KPI's distribution. */
export function packedColumn(packed: PackedSummaries, path: readonly (string | number)[]): Float64Array {
  let offset = 0;
  let node: Tree = packed.template;
  for (const key of path) {
    if (node === null || typeof node !== 'object') throw new Error(`no number at ${path.join('.')}`);
    let next: Tree | undefined;
    for (const [k, child] of Object.entries(node)) {
      if (k === String(key)) { next = child; break; }
      offset += countNumbers(child);
    }
    if (next === undefined) throw new Error(`no number at ${path.join('.')}`);
    node = next;
  }
  if (typeof node !== 'number') throw new Error(`no number at ${path.join('.')}`);
  const out = new Float64Array(packed.count);
  for (let i = 0; i < packed.count; i++) out[i] = packed.values[i * packed.width + offset];
  return out;
}
