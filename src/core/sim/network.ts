/**
 * The compiled network: a scenario turned into flat typed arrays the period loop indexes
 * directly. A *node* is one (site, product) pair that takes part in the simulation; an *arc* is
 * one lane carrying one product (a lane without a product becomes one arc per product that
 * needs it). Adjacency is stored as CSR: the arcs out of node k are outArcs[outStart[k] ..
 * outStart[k+1]), likewise for arcs into a node and for bill-of-materials lines.
 */

/** What a node does with stock. */
export const NODE_SOURCE = 0; // unlimited supply (a supplier without production or inventory row)
export const NODE_STOCK = 1;  // holds stock, ships from it, replenishes by its policy
export const NODE_SINK = 2;   // a customer without stock: its demand goes straight to its suppliers

export const POLICY_NONE = 0;
export const POLICY_BASE_STOCK = 1;
export const POLICY_S_S = 2;
export const POLICY_R_Q = 3;
export const POLICY_PERIODIC = 4;
export const POLICY_FORECAST = 5;
export const POLICY_STERMAN = 6;
export const POLICY_FIXED_PLAN = 7;
export const POLICY_MANUAL = 8;

export const POLICY_CODES: Record<string, number> = {
  none: POLICY_NONE, 'base-stock': POLICY_BASE_STOCK, 's-S': POLICY_S_S, 'r-Q': POLICY_R_Q,
  periodic: POLICY_PERIODIC, forecast: POLICY_FORECAST, sterman: POLICY_STERMAN,
  'fixed-plan': POLICY_FIXED_PLAN, manual: POLICY_MANUAL,
};

export const FORECAST_MOVING_AVERAGE = 0;
export const FORECAST_EXP_SMOOTHING = 1;

export const ALLOC_FIFO = 0;
export const ALLOC_FAIR_SHARE = 1;
export const ALLOC_PRIORITY = 2;

export interface NetworkLabels {
  readonly sites: readonly { readonly id: string; readonly name: string; readonly kind: string; readonly partyId: string }[];
  readonly products: readonly { readonly id: string; readonly name: string }[];
  /** Index 0 is the scenario's own company (id ""), the last one the end customers (external). */
  readonly parties: readonly { readonly id: string; readonly name: string; readonly external: boolean }[];
  readonly lanes: readonly { readonly id: string }[];
}

export interface Network {
  readonly labels: NetworkLabels;
  /** Simulated periods T (1-based periods 1..T). */
  readonly periods: number;
  readonly periodLength: 'day' | 'week' | 'month';
  readonly daysPerPeriod: number;
  readonly periodsPerYear: number;
  readonly lostSales: boolean;
  readonly allocation: number;
  readonly informationSharing: boolean;
  readonly pipelineHolding: boolean;

  // ── nodes ──
  readonly nNodes: number;
  readonly nodeSite: Int32Array;
  readonly nodeProduct: Int32Array;
  readonly nodeKind: Uint8Array;
  readonly nodeParty: Int32Array;
  /** Row of the node in the scenario's inventory table, −1 if none. */
  readonly nodeInventoryRow: Int32Array;
  /** Nodes of site s are siteNodeStart[s] .. siteNodeStart[s+1]. */
  readonly siteNodeStart: Int32Array;
  readonly nodeValue: Float64Array;
  readonly nodeHolding: Float64Array;
  readonly nodePenalty: Float64Array;
  readonly nodeOrderCost: Float64Array;
  readonly nodeInitialStock: Float64Array;
  /** Storage capacity of the node's site (Infinity = unlimited). */
  readonly siteStorage: Float64Array;
  /** 1 when the node's site has a finite storage capacity. */
  readonly nodeCapacitated: Uint8Array;
  /** 1 when the node is an end-customer demand point (a sink, or a stock node with demand rows). */
  readonly nodeHasDemand: Uint8Array;
  /** Echelon: 0 for end-customer demand points, else 1 + the lowest echelon it supplies. */
  readonly siteEchelon: Int32Array;

  // ── policies ──
  readonly policy: Uint8Array;
  readonly pBaseStock: Float64Array;
  readonly pReorderPoint: Float64Array;
  readonly pOrderUpTo: Float64Array;
  readonly pOrderQty: Float64Array;
  readonly pReview: Int32Array;
  readonly pForecastMethod: Uint8Array;
  readonly pWindow: Int32Array;
  readonly pSmoothing: Float64Array;
  readonly pSafety: Float64Array;
  readonly pStockAdj: Float64Array;
  readonly pSupplyLine: Float64Array;
  /** Protection interval of the forecast policy: mean (lead time + info delay) of the sources + R. */
  readonly pProtection: Float64Array;
  /** Moving-average history of node k: histStart[k] .. histStart[k] + pWindow[k]. */
  readonly histStart: Int32Array;
  /** Nodes in decision order: parents before the components they consume. */
  readonly decideOrder: Int32Array;

  // ── production ──
  /** Production lead time, −1 when the node does not produce. */
  readonly prodLead: Int32Array;
  readonly prodCapacity: Float64Array;
  readonly prodCost: Float64Array;
  readonly wipStart: Int32Array;
  readonly wipSize: Int32Array;
  readonly bomStart: Int32Array;
  readonly bomComponent: Int32Array;
  readonly bomQty: Float64Array;

  // ── arcs ──
  readonly nArcs: number;
  readonly arcFrom: Int32Array;
  readonly arcTo: Int32Array;
  readonly arcLane: Int32Array;
  readonly arcLead: Int32Array;
  readonly arcLeadSd: Float64Array;
  /** Largest lead time a random draw may take (lead + ⌈4σ⌉). */
  readonly arcLeadMax: Int32Array;
  readonly arcInfo: Int32Array;
  readonly arcCost: Float64Array;
  /** Share of the destination's orders placed on the arc (the shares into a node sum to 1). */
  readonly arcShare: Float64Array;
  readonly arcPriority: Int32Array;
  /** 1 when the arc ends at a sink: its orders are end-customer demand. */
  readonly arcToSink: Uint8Array;
  /** Ring buffers (sizes are powers of two: the slot of period t is start + (t & (size − 1))). */
  readonly arcRingStart: Int32Array;
  readonly arcRingSize: Int32Array;
  readonly arcInfoStart: Int32Array;
  readonly arcInfoSize: Int32Array;
  readonly laneCapacity: Float64Array;
  /** 1 when some outbound arc of the node runs on a lane with finite capacity. */
  readonly nodeCapOut: Uint8Array;
  readonly outStart: Int32Array;
  /** Outbound arcs, sorted by (priority, arc) under the priority rule, by arc otherwise. */
  readonly outArcs: Int32Array;
  readonly inStart: Int32Array;
  readonly inArcs: Int32Array;
  /**
   * The nodes that ship (those with outbound arcs), in ship order: a node ships after every node
   * that sends it goods on a lane with lead time 0 (or a random lead time), so what arrives within
   * the period can be shipped on at once.
   */
  readonly shipOrder: Int32Array;

  // ── finance on arcs ──
  /** Finance pair (seller → buyer) of a sale on the arc, −1 for an internal move. */
  readonly arcPair: Int32Array;
  readonly arcPrice: Float64Array;
  /** 1: title passes at shipment (invoice then); 0: at delivery. */
  readonly arcTitleAtShipment: Uint8Array;
  readonly arcConsignment: Uint8Array;
  /** Party owning the arc's stock in transit. */
  readonly arcTransitOwner: Int32Array;
  /** Holding rate of in-transit stock (of the owning end). */
  readonly arcTransitHolding: Float64Array;
  /** 1 when some consignment arc ends at the node. */
  readonly nodeConsignedIn: Uint8Array;

  // ── demand ──
  /** Demand rows of period t are dRow[dStart[t] .. dStart[t+1]) (t = 1..T). */
  readonly dStart: Int32Array;
  readonly dNode: Int32Array;
  readonly dQty: Float64Array;
  readonly dSd: Float64Array;
  /** 0 none, 1 normal, 2 Poisson, 3 bootstrap. */
  readonly demandVariability: number;
  /** Demand slot j of a node (−1: no demand rows); for bootstrap, its rows are bootStart[j] .. bootStart[j+1]. */
  readonly nodeDemandSlot: Int32Array;
  /** Node of each demand slot. */
  readonly demandNodes: Int32Array;
  readonly bootStart: Int32Array;
  readonly bootPeriod: Int32Array;
  readonly bootQty: Float64Array;
  readonly nDemandNodes: number;

  // ── returns ──
  /** Return routes starting at node k: retStart[k] .. retStart[k+1]. */
  readonly retStart: Int32Array;
  readonly retRate: Float64Array;
  readonly retDelay: Int32Array;
  readonly retDest: Int32Array;
  readonly retRestock: Float64Array;
  readonly retRingStart: Int32Array;
  readonly retRingSize: Int32Array;
  /** Finance pair for the credit note (returns site party → customer party), −1 if none. */
  readonly retPair: Int32Array;
  readonly retPrice: Float64Array;

  // ── finance ──
  readonly nParties: number;
  readonly partyInitialCash: Float64Array;
  readonly nPairs: number;
  readonly pairSeller: Int32Array;
  readonly pairBuyer: Int32Array;
  /** Instalments of pair p: instStart[p] .. : due offset in periods and share. */
  readonly instStart: Int32Array;
  readonly instOffset: Int32Array;
  readonly instShare: Float64Array;
  readonly pairDiscount: Float64Array;
  /** Periods after the invoice within which the early-payment discount applies. */
  readonly pairEarlyOffset: Int32Array;
  /** Share of an invoice due after the discount deadline (what paying early settles). */
  readonly pairEarlyShare: Float64Array;
  readonly pairRingStart: Int32Array;
  readonly pairRingSize: Int32Array;
  /** Served demand at stock node k is sold on this pair (−1: the site's owner is the end customer). */
  readonly nodeServePair: Int32Array;
  readonly nodeServePrice: Float64Array;

  // ── information sharing ──
  /** Nodes downstream-first (customers before their suppliers), for propagating end-customer demand. */
  readonly shareOrder: Int32Array;

  // ── initial state ──
  readonly initialPipeline: readonly { readonly arc: number; readonly arrival: number; readonly quantity: number }[];
  readonly initialOrders: readonly { readonly arc: number; readonly arrival: number; readonly quantity: number }[];

  // ── orders given from outside (fixed plan and manual) ──
  /** Entries of period t: planStart[t] .. planStart[t+1]; planArc −1 = split by shares. */
  readonly planStart: Int32Array;
  readonly planNode: Int32Array;
  readonly planArc: Int32Array;
  readonly planQty: Float64Array;

  readonly warnings: readonly string[];
}
