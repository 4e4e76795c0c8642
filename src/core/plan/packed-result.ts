/**
 * A PlanResult for the trip across a worker boundary: its bulky tables (flows, production, stock,
 * demand outcomes, shadow prices) as columns of typed arrays, ids as indices into one small
 * string table, and the shadow prices' sentences as one string with their lengths. The buffers
 * are transferred, not copied, and the page rebuilds the objects in a few milliseconds — where a
 * structured clone of the same tens of thousands of objects takes the main thread 80–170 ms on
 * the large benchmark plan (reliability case 22).
 *
 *   pack (worker) → transfer packedTransferables(p) → unpack (page): deep-equal to the original.
 */
import type {
  PlanDemandOutcome, PlanFlow, PlanProduction, PlanResult, PlanStock, ShadowPrice, ShadowPriceKind,
} from './result';

export interface PackedFlows {
  readonly lane: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly product: Int32Array;
  readonly period: Int32Array;
  readonly arrival: Int32Array;
  readonly quantity: Float64Array;
  readonly cost: Float64Array;
}

export interface PackedProduction {
  readonly site: Int32Array;
  readonly product: Int32Array;
  readonly period: Int32Array;
  readonly finished: Int32Array;
  readonly quantity: Float64Array;
  readonly cost: Float64Array;
}

export interface PackedStock {
  readonly site: Int32Array;
  readonly product: Int32Array;
  readonly period: Int32Array;
  readonly quantity: Float64Array;
}

export interface PackedDemand {
  readonly customer: Int32Array;
  readonly product: Int32Array;
  readonly period: Int32Array;
  readonly demand: Float64Array;
  readonly served: Float64Array;
  readonly unmet: Float64Array;
}

export interface PackedShadowPrices {
  readonly kind: Uint8Array;
  /** String-table index, or -1 where the price has no such field. */
  readonly site: Int32Array;
  readonly lane: Int32Array;
  readonly product: Int32Array;
  /** Period, or NO_PERIOD where the price has none. */
  readonly period: Int32Array;
  readonly value: Float64Array;
  /** Every sentence, one after the other; `messageLength[i]` characters each. */
  readonly messages: string;
  readonly messageLength: Int32Array;
}

export interface PackedPlanResult {
  readonly format: 'chainlab.packed-plan-result';
  /** The result with its five bulky tables emptied. */
  readonly head: PlanResult;
  /** Ids the tables point at. */
  readonly strings: readonly string[];
  readonly flows: PackedFlows;
  readonly production: PackedProduction;
  readonly stock: PackedStock;
  readonly demand: PackedDemand;
  readonly shadowPrices: PackedShadowPrices;
}

const KINDS: readonly ShadowPriceKind[] = ['storage', 'production', 'lane', 'demand', 'target'];
/** A shadow price without a period (−1 is a period value some rows carry). */
const NO_PERIOD = -0x80000000;

export function packPlanResult(r: PlanResult): PackedPlanResult {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const ints = (n: number) => new Int32Array(n);
  const reals = (n: number) => new Float64Array(n);

  const nf = r.flows.length;
  const flows: PackedFlows = { lane: ints(nf), from: ints(nf), to: ints(nf), product: ints(nf), period: ints(nf), arrival: ints(nf), quantity: reals(nf), cost: reals(nf) };
  r.flows.forEach((f, i) => {
    flows.lane[i] = id(f.laneId); flows.from[i] = id(f.from); flows.to[i] = id(f.to); flows.product[i] = id(f.productId);
    flows.period[i] = f.period; flows.arrival[i] = f.arrival; flows.quantity[i] = f.quantity; flows.cost[i] = f.cost;
  });
  const np = r.production.length;
  const production: PackedProduction = { site: ints(np), product: ints(np), period: ints(np), finished: ints(np), quantity: reals(np), cost: reals(np) };
  r.production.forEach((p, i) => {
    production.site[i] = id(p.siteId); production.product[i] = id(p.productId); production.period[i] = p.period;
    production.finished[i] = p.finished; production.quantity[i] = p.quantity; production.cost[i] = p.cost;
  });
  const ns = r.stock.length;
  const stock: PackedStock = { site: ints(ns), product: ints(ns), period: ints(ns), quantity: reals(ns) };
  r.stock.forEach((s, i) => {
    stock.site[i] = id(s.siteId); stock.product[i] = id(s.productId); stock.period[i] = s.period; stock.quantity[i] = s.quantity;
  });
  const nd = r.demand.length;
  const demand: PackedDemand = { customer: ints(nd), product: ints(nd), period: ints(nd), demand: reals(nd), served: reals(nd), unmet: reals(nd) };
  r.demand.forEach((d, i) => {
    demand.customer[i] = id(d.customerId); demand.product[i] = id(d.productId); demand.period[i] = d.period;
    demand.demand[i] = d.demand; demand.served[i] = d.served; demand.unmet[i] = d.unmet;
  });
  const nx = r.shadowPrices.length;
  const prices = { kind: new Uint8Array(nx), site: ints(nx), lane: ints(nx), product: ints(nx), period: ints(nx), value: reals(nx), messageLength: ints(nx) };
  r.shadowPrices.forEach((x, i) => {
    prices.kind[i] = KINDS.indexOf(x.kind); prices.site[i] = id(x.siteId); prices.lane[i] = id(x.laneId); prices.product[i] = id(x.productId);
    prices.period[i] = x.period ?? NO_PERIOD; prices.value[i] = x.value; prices.messageLength[i] = x.message.length;
  });
  const shadowPrices: PackedShadowPrices = { ...prices, messages: r.shadowPrices.map((x) => x.message).join('') };
  return {
    format: 'chainlab.packed-plan-result',
    head: { ...r, flows: [], production: [], stock: [], demand: [], shadowPrices: [] },
    strings, flows, production, stock, demand, shadowPrices,
  };
}

/** The buffers of a packed result, to transfer rather than copy. */
export function packedTransferables(p: PackedPlanResult): ArrayBuffer[] {
  const tables = [p.flows, p.production, p.stock, p.demand, p.shadowPrices] as const;
  return tables.flatMap((t) => Object.values(t).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v)).map((v) => v.buffer as ArrayBuffer));
}

export function unpackPlanResult(p: PackedPlanResult): PlanResult {
  const s = p.strings;
  const f = p.flows;
  const flows: PlanFlow[] = new Array<PlanFlow>(f.lane.length);
  for (let i = 0; i < flows.length; i++) {
    flows[i] = { laneId: s[f.lane[i]], from: s[f.from[i]], to: s[f.to[i]], productId: s[f.product[i]], period: f.period[i], arrival: f.arrival[i], quantity: f.quantity[i], cost: f.cost[i] };
  }
  const pr = p.production;
  const production: PlanProduction[] = new Array<PlanProduction>(pr.site.length);
  for (let i = 0; i < production.length; i++) {
    production[i] = { siteId: s[pr.site[i]], productId: s[pr.product[i]], period: pr.period[i], finished: pr.finished[i], quantity: pr.quantity[i], cost: pr.cost[i] };
  }
  const st = p.stock;
  const stock: PlanStock[] = new Array<PlanStock>(st.site.length);
  for (let i = 0; i < stock.length; i++) stock[i] = { siteId: s[st.site[i]], productId: s[st.product[i]], period: st.period[i], quantity: st.quantity[i] };
  const d = p.demand;
  const demand: PlanDemandOutcome[] = new Array<PlanDemandOutcome>(d.customer.length);
  for (let i = 0; i < demand.length; i++) {
    demand[i] = { customerId: s[d.customer[i]], productId: s[d.product[i]], period: d.period[i], demand: d.demand[i], served: d.served[i], unmet: d.unmet[i] };
  }
  const x = p.shadowPrices;
  const shadowPrices: ShadowPrice[] = new Array<ShadowPrice>(x.kind.length);
  for (let i = 0, at = 0; i < shadowPrices.length; i++) {
    const message = x.messages.slice(at, at + x.messageLength[i]);
    at += x.messageLength[i];
    shadowPrices[i] = {
      kind: KINDS[x.kind[i]],
      ...(x.site[i] >= 0 ? { siteId: s[x.site[i]] } : {}),
      ...(x.lane[i] >= 0 ? { laneId: s[x.lane[i]] } : {}),
      ...(x.product[i] >= 0 ? { productId: s[x.product[i]] } : {}),
      ...(x.period[i] !== NO_PERIOD ? { period: x.period[i] } : {}),
      value: x.value[i], message,
    };
  }
  return { ...p.head, flows, production, stock, demand, shadowPrices };
}
