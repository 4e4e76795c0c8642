/**
 * The KPI summary of one run. Every quantity is over the measured periods (after the warm-up);
 * averages are per period; a ratio whose denominator is 0 is NaN (null in JSON). Money is in the
 * scenario's currency, quantities in product units, days are calendar days
 * (periods × days per period). docs/simulation.md gives each formula.
 */

export interface Costs {
  readonly holding: number;
  readonly transport: number;
  readonly production: number;
  readonly ordering: number;
  readonly shortage: number;
  readonly total: number;
}

/** Orders by status at the end of the run, and their ages in periods. */
export interface OrderStatus {
  readonly placed: number;
  /** Placed, not yet at the supplier (in the information delay). */
  readonly open: number;
  /** At the supplier, nothing shipped yet after at least one ship step. */
  readonly backordered: number;
  readonly partlyShipped: number;
  /** Completely shipped, still in transit. */
  readonly shipped: number;
  readonly delivered: number;
  /** Cancelled as lost sales (wholly or partly, and nothing of them left to deliver). */
  readonly cancelled: number;
  /** Orders not completely filled in the period they reached the supplier. */
  readonly late: number;
  /** Mean periods from placement to delivery of the delivered orders. */
  readonly averageAgeDelivered: number;
  /** Mean age at the end of the run of the orders not yet delivered. */
  readonly averageAgeOutstanding: number;
}

interface ServiceKpis {
  /** Demand received: orders arriving, end-customer demand, component consumption. */
  readonly demand: number;
  /** Share of demand received filled in the period it arrived. */
  readonly fillRate: number;
  /** Share of periods without a stock-out (no backorders at the end, no lost sales). */
  readonly cycleServiceLevel: number;
  readonly onHandAvg: number;
  readonly backordersAvg: number;
  readonly inTransitAvg: number;
  readonly lostSales: number;
  readonly shipped: number;
  readonly ordered: number;
  readonly produced: number;
  /** Annualised: units shipped per year ÷ average on hand. */
  readonly turns: number;
  /** Var(orders placed per period) ÷ Var(demand received per period). */
  readonly bullwhip: number;
  /** Var(orders placed per period) ÷ Var(end-customer demand of the same products per period). */
  readonly bullwhipVsCustomer: number;
  readonly costs: Costs;
}

export interface NodeKpis extends ServiceKpis {
  readonly siteId: string;
  readonly productId: string;
  readonly customerDemand: number;
  readonly customerFilled: number;
  readonly returnsReceived: number;
  readonly restocked: number;
  readonly scrapped: number;
}

export interface SiteKpis extends ServiceKpis {
  readonly siteId: string;
  readonly name: string;
  readonly kind: string;
  readonly partyId: string;
  /** 0 at end-customer demand points, +1 per lane upstream; −1 when not on a supply path. */
  readonly echelon: number;
  readonly orders: OrderStatus;
}

export interface ProductKpis {
  readonly productId: string;
  readonly name: string;
  readonly customerDemand: number;
  readonly customerFilled: number;
  readonly fillRate: number;
  readonly lostSales: number;
  readonly onHandAvg: number;
  readonly backordersAvg: number;
  readonly costs: Costs;
}

export interface PartyKpis {
  readonly partyId: string;
  readonly name: string;
  readonly external: boolean;
  /** Invoiced sales net of credit notes. */
  readonly revenue: number;
  /** Units sold × product value, net of restocked returns. */
  readonly cogs: number;
  /** Invoiced purchases net of credit notes received. */
  readonly purchases: number;
  /** revenue − cogs. */
  readonly margin: number;
  readonly creditNotes: number;
  readonly discountsGiven: number;
  readonly discountsTaken: number;
  readonly costs: Costs;
  readonly cashStart: number;
  readonly cashEnd: number;
  readonly cashMin: number;
  readonly cashAvg: number;
  readonly receivablesAvg: number;
  readonly payablesAvg: number;
  /** Average value (units × product value) of the stock the party owns, on hand and in transit. */
  readonly inventoryValueAvg: number;
  /** Days sales outstanding: receivables avg ÷ (revenue per day). */
  readonly dso: number;
  /** Days inventory outstanding: inventory value avg ÷ (COGS per day). */
  readonly dio: number;
  /** Days payables outstanding: payables avg ÷ (COGS per day). */
  readonly dpo: number;
  /** DIO + DSO − DPO. */
  readonly cashToCash: number;
}

export interface EchelonKpis {
  readonly echelon: number;
  readonly sites: readonly string[];
  /** Var(orders placed by the echelon per period) ÷ Var(end-customer demand per period). */
  readonly bullwhipVsCustomer: number;
}

export interface TotalKpis {
  readonly customerDemand: number;
  readonly customerFilled: number;
  /** End-customer demand filled at once ÷ end-customer demand. */
  readonly fillRate: number;
  /** Mean cycle service level of the nodes facing end customers. */
  readonly cycleServiceLevel: number;
  readonly lostSales: number;
  /** End-customer backorders, average per period. */
  readonly backordersAvg: number;
  readonly onHandAvg: number;
  readonly inTransitAvg: number;
  readonly inventoryValueAvg: number;
  readonly shipped: number;
  readonly produced: number;
  readonly turns: number;
  readonly costs: Costs;
  /** Sums over the companies (inter-company sales included). */
  readonly revenue: number;
  readonly cogs: number;
  readonly margin: number;
  readonly orders: OrderStatus;
}

/** One arc (a lane carrying one product) over the measured periods. */
export interface LaneKpis {
  readonly laneId: string;
  readonly productId: string;
  /** Origin and destination site ids. */
  readonly from: string;
  readonly to: string;
  /** Units shipped on the arc. */
  readonly shipped: number;
  /** Units in transit on the arc at the end of a period, average. */
  readonly inTransitAvg: number;
  /** costPerUnit × shipped (paid by the origin's party). */
  readonly transportCost: number;
}

/** Customer returns from one customer site to one returns site, one product, over the measured periods. */
export interface ReturnFlow {
  /** Customer site the units come back from. */
  readonly from: string;
  /** Returns site they reach. */
  readonly to: string;
  readonly productId: string;
  /** Units that reached the returns site. */
  readonly quantity: number;
  readonly restocked: number;
  readonly scrapped: number;
}

/** Money between two parties (ids as in SimResult.parties) over the measured periods. */
export interface PartyFlow {
  /** The buyer: invoiced by `to`, pays `to`. */
  readonly fromPartyId: string;
  /** The seller. */
  readonly toPartyId: string;
  /** invoiced by `to` to `from` (net of credit notes) */
  readonly invoiced: number;
  /** cash paid by `from` to `to` */
  readonly paid: number;
}

export interface SimSummary {
  readonly periods: number;
  readonly measuredPeriods: number;
  readonly periodLength: 'day' | 'week' | 'month';
  readonly total: TotalKpis;
  readonly sites: readonly SiteKpis[];
  readonly products: readonly ProductKpis[];
  readonly nodes: readonly NodeKpis[];
  readonly parties: readonly PartyKpis[];
  readonly echelons: readonly EchelonKpis[];
  /** One per arc (lane × product), in the engine's arc order. */
  readonly lanes: readonly LaneKpis[];
  /** One per (customer site, returns site, product) with a return route; for the Sankey's "returns back". */
  readonly returnFlows: readonly ReturnFlow[];
  /** One per pair of parties that can trade (seller ≠ buyer), money over the measured periods. */
  readonly partyFlows: readonly PartyFlow[];
}
