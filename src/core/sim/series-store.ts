/**
 * Time series kept by a run. Per node and period (period-major: entry t·N + k) and per arc
 * (lane × product) and period (entry t·A + a) when they fit, as Float32Array (quantities to 7 significant digits, ample for charts); network totals per
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

export interface ArcSeries {
  /** Units shipped on the arc (lane × product) in the period. Entry t·arcs + a. */
  readonly shipped: Float32Array;
  /** Units on the arc still travelling at the end of the period. */
  readonly inTransit: Float32Array;
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

/**
 * Per-site series (mode 'sites'): the site's stock nodes summed over its products, entry t·sites + s,
 * s in the order of the network's sites (Network.labels.sites). Customers without stock stay 0.
 */
export interface SiteSeries {
  /** End-of-period on-hand stock. */
  readonly onHand: Float64Array;
  /** End-of-period backorders (as NodeSeries.backorders). */
  readonly backorders: Float64Array;
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
  /** Number of arcs with per-arc series (columns of `arc`; which ones: SimResult.arcs); 0 when not kept. */
  readonly arcs: number;
  /** Per-node series, or undefined when T × nodes was too large (then only totals are kept). */
  readonly node?: NodeSeries;
  /** Per-arc series, or undefined when T × arcs was too large or the series mode keeps none. */
  readonly arc?: ArcSeries;
  readonly total: TotalSeries;
  /** Sites with per-site series (columns of `site`); present only with `site`. */
  readonly sites?: number;
  /** Per-site on hand and backorders: series mode 'sites' only, and only when T × sites fits. */
  readonly site?: SiteSeries;
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

/**
 * Which arcs get per-arc series, by the rule of the node series: all ('nodes', or 'auto' when
 * T × arcs fits), none ('totals'), or with seriesSites those starting or ending at one of the sites.
 */
export function arcSeriesColumns(periods: number, fromSite: Int32Array, toSite: Int32Array, mode: SeriesMode, sites: ReadonlySet<number> | undefined): Int32Array {
  const A = fromSite.length;
  const keep = sites ? (a: number) => sites.has(fromSite[a]) || sites.has(toSite[a])
    : mode === 'nodes' || (mode === 'auto' && periods * A <= MAX_SERIES_ENTRIES) ? () => true : () => false;
  const columns = new Int32Array(A);
  let m = 0;
  for (let a = 0; a < A; a++) columns[a] = keep(a) ? m++ : -1;
  return columns;
}

/**
 * Allocates the series. The per-node and per-arc series are views of one Float32Array, totals of
 * one Float64Array, party balances of another: three buffers to transfer, and one array for the
 * account step to write (SeriesBlocks).
 */
export function createSeries(periods: number, nNodes: number, nArcs: number, nParties: number, nSites = 0): SimSeries {
  const nodeLength = periods * nNodes;
  const arcLength = periods * nArcs;
  const quantities = new Float32Array(7 * nodeLength + 2 * arcLength);
  let at = 0;
  const q = (n: number) => { const v = quantities.subarray(at, at + n); at += n; return v; };
  const nf = () => q(nodeLength);
  const af = () => q(arcLength);
  const totals = new Float64Array(9 * periods);
  let tAt = 0;
  const tf = () => { const v = totals.subarray(tAt, tAt + periods); tAt += periods; return v; };
  const partyLength = periods * nParties;
  const keepParty = partyLength <= MAX_SERIES_ENTRIES;
  const money = new Float64Array(keepParty ? 3 * partyLength : 0);
  const pf = (i: number) => money.subarray(i * partyLength, (i + 1) * partyLength);
  const siteLength = periods * nSites;
  const siteBlock = nSites > 0 ? new Float64Array(2 * siteLength) : undefined;
  // Only with per-site series do the keys exist: the other modes' results keep their exact shape.
  const site = siteBlock ? { sites: nSites, site: { onHand: siteBlock.subarray(0, siteLength), backorders: siteBlock.subarray(siteLength) } } : {};
  return {
    periods, nodes: nNodes, parties: nParties, arcs: nArcs,
    node: nNodes > 0 ? { onHand: nf(), backorders: nf(), inTransit: nf(), ordered: nf(), demand: nf(), shipped: nf(), received: nf() } : undefined,
    arc: nArcs > 0 ? { shipped: af(), inTransit: af() } : undefined,
    total: {
      onHand: tf(), backorders: tf(), inTransit: tf(), ordered: tf(), demand: tf(), shipped: tf(),
      customerDemand: tf(), customerFilled: tf(), lostSales: tf(),
    },
    ...site,
    party: keepParty ? { cash: pf(0), receivables: pf(1), payables: pf(2) } : undefined,
  };
}

/** Sites that get per-site series: all of them in mode 'sites' when T × sites fits, else none. */
export function siteSeriesCount(periods: number, nSites: number, mode: SeriesMode): number {
  return mode === 'sites' && periods * nSites <= MAX_SERIES_ENTRIES ? nSites : 0;
}

/** The ArrayBuffers of a series object, each once: pass them as the transfer list of postMessage. */
export function seriesTransferables(s: SimSeries): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [...Object.values(s.total)];
  if (s.node) arrays.push(...Object.values(s.node));
  if (s.arc) arrays.push(...Object.values(s.arc));
  if (s.site) arrays.push(...Object.values(s.site));
  if (s.party) arrays.push(...Object.values(s.party));
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
