/**
 * Time series kept by a run. Per node and period (period-major: entry t·N + k) when they fit,
 * as Float32Array (quantities to 7 significant digits, ample for charts); network totals per
 * period and party balances per period as Float64Array. Everything is a typed array, so a worker
 * can transfer the result without copying.
 */
import { MAX_SERIES_ENTRIES, type SeriesMode } from './options';

export interface NodeSeries {
  /** End-of-period on-hand stock. */
  readonly onHand: Float32Array;
  /** End-of-period backorders (orders and customer demand not yet filled). */
  readonly backorders: Float32Array;
  /** Stock shipped to the node and still travelling, end of period. */
  readonly inTransit: Float32Array;
  /** Quantity ordered (or production started) in the period. */
  readonly ordered: Float32Array;
  /** Demand received in the period: orders arriving, customer demand, component consumption. */
  readonly demand: Float32Array;
  /** Quantity shipped (or served to end customers) in the period. */
  readonly shipped: Float32Array;
  /** Quantity arrived at the node in the period (shipments, production output); at a customer without stock, its deliveries. */
  readonly received: Float32Array;
}

export interface TotalSeries {
  readonly onHand: Float64Array;
  readonly backorders: Float64Array;
  readonly inTransit: Float64Array;
  readonly ordered: Float64Array;
  readonly demand: Float64Array;
  readonly shipped: Float64Array;
  readonly customerDemand: Float64Array;
  readonly customerFilled: Float64Array;
  readonly lostSales: Float64Array;
}

export interface PartySeries {
  /** Cash at the end of each period (entry t·parties + party). */
  readonly cash: Float64Array;
  readonly receivables: Float64Array;
  readonly payables: Float64Array;
}

export interface SimSeries {
  readonly periods: number;
  /** Nodes with per-node series (columns of `node`; which ones: SimResult.nodes). */
  readonly nodes: number;
  readonly parties: number;
  /** Per-node series, or undefined when T × nodes was too large (then only totals are kept). */
  readonly node?: NodeSeries;
  readonly total: TotalSeries;
  /** Undefined when T × parties was too large. */
  readonly party?: PartySeries;
}

/** Which nodes get per-node series: all, none, or those of the given sites (column per node, −1 = none). */
export function seriesColumns(periods: number, nodeSite: Int32Array, mode: SeriesMode, sites: ReadonlySet<number> | undefined): Int32Array {
  const N = nodeSite.length;
  const keep = sites ? (k: number) => sites.has(nodeSite[k])
    : mode === 'nodes' || (mode === 'auto' && periods * N <= MAX_SERIES_ENTRIES) ? () => true : () => false;
  const columns = new Int32Array(N);
  let m = 0;
  for (let k = 0; k < N; k++) columns[k] = keep(k) ? m++ : -1;
  return columns;
}

export function createSeries(periods: number, nNodes: number, nParties: number): SimSeries {
  const perNode = nNodes > 0;
  const nf = () => new Float32Array(periods * nNodes);
  const tf = () => new Float64Array(periods);
  const pf = () => new Float64Array(periods * nParties);
  return {
    periods, nodes: nNodes, parties: nParties,
    node: perNode ? { onHand: nf(), backorders: nf(), inTransit: nf(), ordered: nf(), demand: nf(), shipped: nf(), received: nf() } : undefined,
    total: {
      onHand: tf(), backorders: tf(), inTransit: tf(), ordered: tf(), demand: tf(), shipped: tf(),
      customerDemand: tf(), customerFilled: tf(), lostSales: tf(),
    },
    party: periods * nParties <= MAX_SERIES_ENTRIES ? { cash: pf(), receivables: pf(), payables: pf() } : undefined,
  };
}

/** The ArrayBuffers of a series object: pass them as the transfer list of postMessage. */
export function seriesTransferables(s: SimSeries): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [...Object.values(s.total)];
  if (s.node) arrays.push(...Object.values(s.node));
  if (s.party) arrays.push(...Object.values(s.party));
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
