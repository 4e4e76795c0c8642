/**
 * Parties, prices and credit terms → finance arrays. A *pair* is one (seller, buyer) couple that
 * trades; its invoices follow the seller's terms. Prices: the most specific prices row wins
 * (seller and buyer > seller only > buyer only > neither), else the product's price.
 * Credit days become periods: an instalment due d days after the invoice is paid ⌈d / days per
 * period⌉ periods after it; the early-payment window is ⌊days / days per period⌋ periods.
 */
import type { Network } from './network';
import { NODE_STOCK } from './network';
import type { CompileContext } from './compile-context';
import type { NodeDraft } from './compile-nodes';
import type { ArcArrays } from './compile-arcs';
import type { ReturnArrays } from './compile-returns';

/** The part of the compiled Network this step fills in. */
export type FinanceArrays = Pick<Network, 'nParties' | 'partyInitialCash' | 'nodeParty' | 'nPairs' | 'pairSeller' | 'pairBuyer' | 'instStart' | 'instOffset' | 'instShare' | 'pairDiscount' | 'pairEarlyOffset' | 'pairEarlyShare' | 'pairRingStart' | 'pairRingSize' | 'arcPair' | 'arcPrice' | 'arcTitleAtShipment' | 'arcConsignment' | 'arcTransitOwner' | 'arcTransitHolding' | 'nodeConsignedIn' | 'nodeServePair' | 'nodeServePrice' | 'retPair' | 'retPrice'>;

interface Terms { readonly instalments: readonly { days: number; share: number }[]; readonly discount: number; readonly earlyDays: number }

/** The own company (no party row) and the end customers sell on net 30 days without discount. */
const DEFAULT_TERMS: Terms = { instalments: [{ days: 30, share: 1 }], discount: 0, earlyDays: 0 };

export function compileFinance(ctx: CompileContext, nodes: readonly NodeDraft[], arcs: ArcArrays, holding: Float64Array, returns: ReturnArrays): FinanceArrays {
  const { scenario, siteParty, externalParty, daysPerPeriod } = ctx;
  const nParties = externalParty + 1;
  const partyInitialCash = new Float64Array(nParties);
  scenario.parties.forEach((p, i) => { partyInitialCash[i + 1] = p.initialCash; });
  const terms = (party: number): Terms => {
    const p = party >= 1 && party < externalParty ? scenario.parties[party - 1] : undefined;
    if (!p) return DEFAULT_TERMS;
    const instalments = p.instalments && p.instalments.length > 0 ? p.instalments : [{ days: p.paymentTermDays, share: 1 }];
    return { instalments, discount: p.earlyPaymentDiscount, earlyDays: p.earlyPaymentDays };
  };
  const pricesByProduct = new Map<number, typeof scenario.prices>();
  for (const r of scenario.prices) {
    const p = ctx.productIndex.get(r.productId)!;
    pricesByProduct.set(p, [...(pricesByProduct.get(p) ?? []), r]);
  }
  const priceOf = (product: number, seller: number, buyer: number): number => {
    let best = scenario.products[product].price;
    let bestScore = -1;
    for (const r of pricesByProduct.get(product) ?? []) {
      const s = r.sellerId === undefined ? 0 : ctx.partyIndex.get(r.sellerId) === seller ? 2 : -1;
      const b = r.buyerId === undefined ? 0 : ctx.partyIndex.get(r.buyerId) === buyer ? 1 : -1;
      if (s < 0 || b < 0 || s + b <= bestScore) continue;
      bestScore = s + b;
      best = r.price;
    }
    return best;
  };

  const pairIndex = new Map<number, number>();
  const pairs: { seller: number; buyer: number }[] = [];
  const pairOf = (seller: number, buyer: number): number => {
    if (seller === buyer) return -1;
    const key = seller * nParties + buyer;
    let i = pairIndex.get(key);
    if (i === undefined) { i = pairs.length; pairIndex.set(key, i); pairs.push({ seller, buyer }); }
    return i;
  };

  const N = nodes.length;
  const nodeParty = Int32Array.from(nodes, (n) => siteParty[n.site]);
  const A = arcs.nArcs;
  const arcPair = new Int32Array(A);
  const arcPrice = new Float64Array(A);
  const arcTitleAtShipment = new Uint8Array(A);
  const arcConsignment = new Uint8Array(A);
  const arcTransitOwner = new Int32Array(A);
  const arcTransitHolding = new Float64Array(A);
  const nodeConsignedIn = new Uint8Array(N);
  for (let a = 0; a < A; a++) {
    const lane = scenario.lanes[arcs.arcLane[a]];
    const from = arcs.arcFrom[a];
    const to = arcs.arcTo[a];
    const seller = nodeParty[from];
    const buyer = nodeParty[to];
    arcPair[a] = pairOf(seller, buyer);
    arcPrice[a] = arcPair[a] >= 0 ? priceOf(nodes[from].product, seller, buyer) : 0;
    arcTitleAtShipment[a] = lane.titleTransfer === 'shipment' ? 1 : 0;
    arcConsignment[a] = lane.consignment && arcPair[a] >= 0 ? 1 : 0;
    if (arcConsignment[a]) nodeConsignedIn[to] = 1;
    const buyerOwnsTransit = arcTitleAtShipment[a] === 1 && arcConsignment[a] === 0;
    arcTransitOwner[a] = buyerOwnsTransit ? buyer : seller;
    arcTransitHolding[a] = buyerOwnsTransit ? holding[to] : holding[from];
  }
  const nodeServePair = new Int32Array(N).fill(-1);
  const nodeServePrice = new Float64Array(N);
  nodes.forEach((n, k) => {
    if (n.kind !== NODE_STOCK || !ctx.demandKeys.has(n.key)) return;
    nodeServePair[k] = pairOf(nodeParty[k], externalParty);
    if (nodeServePair[k] >= 0) nodeServePrice[k] = priceOf(n.product, nodeParty[k], externalParty);
  });
  const retPair = new Int32Array(returns.routes.length);
  const retPrice = new Float64Array(returns.routes.length);
  returns.routes.forEach((rt, i) => {
    const seller = nodeParty[rt.dest];
    const buyer = nodeParty[rt.customer];
    retPair[i] = pairOf(seller, buyer);
    retPrice[i] = retPair[i] >= 0 ? priceOf(nodes[rt.customer].product, seller, buyer) : 0;
  });

  const nPairs = pairs.length;
  const instStart = new Int32Array(nPairs + 1);
  const offsets: number[] = [];
  const shares: number[] = [];
  const pairDiscount = new Float64Array(nPairs);
  const pairEarlyOffset = new Int32Array(nPairs);
  const pairEarlyShare = new Float64Array(nPairs);
  const pairRingStart = new Int32Array(nPairs);
  const pairRingSize = new Int32Array(nPairs);
  let ring = 0;
  pairs.forEach((p, i) => {
    const t = terms(p.seller);
    instStart[i] = offsets.length;
    const early = Math.floor(t.earlyDays / daysPerPeriod);
    let maxOffset = early;
    let after = 0;
    for (const inst of t.instalments) {
      const off = Math.ceil(inst.days / daysPerPeriod);
      offsets.push(off);
      shares.push(inst.share);
      maxOffset = Math.max(maxOffset, off);
      if (off > early) after += inst.share;
    }
    // End customers are not modelled as having cash: they never take the discount.
    const discountable = t.discount > 0 && p.buyer !== externalParty;
    pairDiscount[i] = discountable ? t.discount : 0;
    pairEarlyOffset[i] = early;
    pairEarlyShare[i] = discountable ? after : 0;
    pairRingStart[i] = ring;
    pairRingSize[i] = maxOffset + 1;
    ring += maxOffset + 1;
  });
  instStart[nPairs] = offsets.length;
  return {
    nParties, partyInitialCash, nodeParty, nPairs,
    pairSeller: Int32Array.from(pairs, (p) => p.seller), pairBuyer: Int32Array.from(pairs, (p) => p.buyer),
    instStart, instOffset: Int32Array.from(offsets), instShare: Float64Array.from(shares),
    pairDiscount, pairEarlyOffset, pairEarlyShare, pairRingStart, pairRingSize,
    arcPair, arcPrice, arcTitleAtShipment, arcConsignment, arcTransitOwner, arcTransitHolding, nodeConsignedIn,
    nodeServePair, nodeServePrice, retPair, retPrice,
  };
}
