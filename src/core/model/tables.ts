/**
 * The scenario's tables, in the vocabulary of the network-design suites (Sites, Products, Lanes,
 * Demand, Inventory policies, Production, BOM, Parties, Returns) plus Settings. Rows reference
 * each other by stable ids and carry human names. Units: quantities in product units, time in
 * periods (the scenario's period length), money in the scenario currency, distances in km.
 */
import * as v from 'valibot';
import {
  booleanField, enumField, idField, nameField, numberField, refField, textField, MAX_MAGNITUDE,
} from './fields';

export const SITE_KINDS = ['supplier', 'plant', 'dc', 'retailer', 'customer', 'returns'] as const;
export const SITE_STATUSES = ['existing', 'potential', 'closed'] as const;
export const TRANSPORT_MODES = ['road', 'rail', 'sea', 'air'] as const;
export const TITLE_TRANSFER = ['shipment', 'delivery'] as const;
export const PERIOD_LENGTHS = ['day', 'week', 'month'] as const;
export const UNMET_DEMAND = ['backorder', 'lost'] as const;
export const ALLOCATION_RULES = ['fifo', 'fair-share', 'priority'] as const;
export const OBJECTIVES = ['min-cost', 'max-profit'] as const;
export const POLICY_TYPES = [
  'base-stock', 's-S', 'r-Q', 'periodic', 'forecast', 'sterman', 'fixed-plan', 'manual', 'none',
] as const;
export const FORECAST_METHODS = ['moving-average', 'exp-smoothing'] as const;
export const DEMAND_VARIABILITY = ['none', 'normal', 'poisson'] as const;

/** Days in one period of each length; converts credit terms (days) into periods. */
export const DAYS_PER_PERIOD: Record<(typeof PERIOD_LENGTHS)[number], number> = { day: 1, week: 7, month: 30 };

const qty = (description: string, aliases: readonly string[] = []) =>
  numberField({ description, unit: 'units', min: 0, aliases });
const money = (description: string, unit: string, aliases: readonly string[] = []) =>
  numberField({ description, unit, min: 0, aliases });
const periods = (description: string, aliases: readonly string[] = [], max = 100_000) =>
  numberField({ description, unit: 'periods', min: 0, max, integer: true, aliases });
const share = (description: string, aliases: readonly string[] = []) =>
  numberField({ description, unit: 'share 0–1', min: 0, max: 1, aliases });

export const SettingsSchema = v.object({
  horizon: v.optional(numberField({ description: 'Number of periods simulated and planned.', unit: 'periods', min: 1, max: 100_000, integer: true }), 52),
  periodLength: v.optional(enumField(PERIOD_LENGTHS, 'Length of one period: day, week or month (30 days).'), 'week'),
  startDate: v.optional(v.pipe(v.string(), v.isoDate('must be a date YYYY-MM-DD'), v.description('Calendar date of period 1 (labels only).'))),
  seed: v.optional(numberField({ description: 'Seed of the random number generator: same seed, same results.', unit: 'integer', min: 0, max: 2 ** 32 - 1, integer: true }), 1),
  currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code such as EUR'), v.description('ISO 4217 code of all money amounts.')), 'EUR'),
  unmetDemand: v.optional(enumField(UNMET_DEMAND, 'What happens to customer demand not served from stock: kept as backorder or lost.'), 'backorder'),
  allocation: v.optional(enumField(ALLOCATION_RULES, 'How a short site splits stock between orders: first come first served, pro rata, or by lane priority.'), 'fifo'),
  informationSharing: v.optional(booleanField('When true, every site sees end-customer demand for its forecasts (the bullwhip cure).'), false),
  objective: v.optional(enumField(OBJECTIVES, 'What the planner optimises: minimise total cost or maximise profit.'), 'min-cost'),
  shortagePenalty: v.optional(money('Cost of one unit of unmet demand per period (backorder) or once (lost sale), when a product sets none.', 'money/unit'), 10),
  demandVariability: v.optional(enumField(DEMAND_VARIABILITY, 'Randomness of demand around the forecast in simulations: none (the forecast happens), normal (σ = demand row stdDev, else demandCv × forecast; truncated at 0) or Poisson (mean = forecast).'), 'none'),
  demandCv: v.optional(numberField({ description: 'Coefficient of variation of normal demand when a demand row sets no stdDev.', unit: 'σ/mean', min: 0, max: 5 }), 0.2),
  singleSourcing: v.optional(booleanField('Planning: each customer and product is served from exactly one site (network design).'), false),
  maxOpenSites: v.optional(numberField({ description: 'Planning: most potential sites the plan may open; empty = no limit.', unit: 'sites', min: 0, max: 100_000, integer: true })),
  pipelineHolding: v.optional(booleanField('Charge holding cost on stock in transit too (to the party that owns it).'), false),
});

export const PartySchema = v.object({
  id: idField('Stable id of the party (company).', ['party id', 'company id']),
  name: nameField('Name of the company.', ['party', 'party name', 'company']),
  initialCash: v.optional(numberField({ description: 'Cash at the start of period 1 (may be negative: an overdraft).', unit: 'money', aliases: ['cash', 'opening cash'] }), 0),
  paymentTermDays: v.optional(numberField({ description: 'Net credit term this party grants its buyers: invoices fall due this many days after issue.', unit: 'days', min: 0, max: 3650, integer: true, aliases: ['payment terms', 'net days', 'credit days'] }), 30),
  earlyPaymentDiscount: v.optional(share('Discount granted when the buyer pays within the early-payment days (e.g. 0.02 for 2/10 net 30).', ['discount']), 0),
  earlyPaymentDays: v.optional(numberField({ description: 'Days within which the early-payment discount applies.', unit: 'days', min: 0, max: 3650, integer: true, aliases: ['discount days'] }), 0),
  instalments: v.optional(v.pipe(
    v.array(v.object({
      days: numberField({ description: 'Days after the invoice that this instalment falls due.', unit: 'days', min: 0, max: 3650, integer: true }),
      share: share('Share of the invoice paid in this instalment.'),
    })),
    v.maxLength(24, 'must have at most 24 instalments'),
    v.description('Optional schedule replacing the net term: instalments whose shares add up to 1.'),
  )),
});

export const SiteSchema = v.object({
  id: idField('Stable id of the site.', ['site id', 'facility id', 'location id']),
  name: nameField('Name shown on the map and in tables.', ['site', 'site name', 'facility', 'location', 'location name']),
  kind: enumField(SITE_KINDS, 'Role of the site in the network.', ['type', 'site type', 'facility type']),
  lat: numberField({ description: 'Latitude (WGS 84).', unit: 'degrees', min: -90, max: 90, aliases: ['latitude'] }),
  lon: numberField({ description: 'Longitude (WGS 84).', unit: 'degrees', min: -180, max: 180, aliases: ['longitude', 'lng'] }),
  x: v.optional(numberField({ description: 'Position in the schematic (free layout) view.', unit: 'px', aliases: ['schematic x'] })),
  y: v.optional(numberField({ description: 'Position in the schematic (free layout) view.', unit: 'px', aliases: ['schematic y'] })),
  city: v.optional(textField('City or address (labels only).', 200, ['address'])),
  country: v.optional(textField('Country (labels only).', 100)),
  status: v.optional(enumField(SITE_STATUSES, 'existing: always open; potential: the planner may open it (network design); closed: kept but unused.', ['site status']), 'existing'),
  partyId: v.optional(refField('parties', 'Party (company) that owns the site; empty = the scenario\'s own company.', ['party', 'owner', 'company'])),
  storageCapacity: v.optional(qty('Maximum on-hand stock of all products together; empty = unlimited.', ['capacity', 'storage capacity', 'max capacity'])),
  holdingCost: v.optional(money('Cost of holding one unit for one period, when an inventory row sets none.', 'money/(unit·period)', ['holding cost', 'inventory carrying cost']), 0),
  fixedCost: v.optional(money('Cost per period of keeping the site open (network design).', 'money/period', ['fixed cost', 'fixed operating cost']), 0),
  openingCost: v.optional(money('One-off cost of opening a potential site.', 'money', ['opening cost']), 0),
});

export const ProductSchema = v.object({
  id: idField('Stable id of the product.', ['product id', 'sku', 'item id']),
  name: nameField('Name of the product.', ['product', 'product name', 'item']),
  value: v.optional(money('Standard cost (value) of one unit: basis of inventory valuation and cost of goods sold.', 'money/unit', ['unit value', 'unit cost', 'cost']), 0),
  price: v.optional(money('Sale price of one unit to end customers.', 'money/unit', ['unit price', 'sales price', 'selling price']), 0),
  volume: v.optional(numberField({ description: 'Volume of one unit.', unit: 'm³/unit', min: 0, aliases: ['unit volume'] }), 0),
  weight: v.optional(numberField({ description: 'Weight of one unit.', unit: 'kg/unit', min: 0, aliases: ['unit weight'] }), 0),
  shortagePenalty: v.optional(money('Cost of one unit of unmet demand (overrides the settings value).', 'money/unit', ['shortage cost', 'penalty'])),
});

export const LaneSchema = v.object({
  id: idField('Stable id of the lane.', ['lane id', 'route id']),
  from: refField('sites', 'Origin site id.', ['origin', 'source', 'from site', 'origin name']),
  to: refField('sites', 'Destination site id.', ['destination', 'dest', 'to site', 'destination name']),
  productId: v.optional(refField('products', 'Product moved on the lane; empty = all products.', ['product'])),
  mode: v.optional(enumField(TRANSPORT_MODES, 'Transport mode.', ['transport mode']), 'road'),
  leadTime: v.optional(periods('Transport delay: shipped in period t, arrives in t + leadTime.', ['lead time', 'transit time', 'delay']), 1),
  infoDelay: v.optional(periods('Information delay: an order placed in t reaches the origin in t + infoDelay.', ['information delay', 'order delay']), 0),
  costPerUnit: v.optional(money('Transport cost of one unit on the lane.', 'money/unit', ['cost', 'unit cost', 'transport cost', 'cost per unit']), 0),
  fixedCost: v.optional(money('Cost per period of using the lane at all (network design).', 'money/period', ['fixed cost']), 0),
  capacity: v.optional(qty('Most units shipped per period; empty = unlimited.', ['max flow', 'lane capacity'])),
  distance: v.optional(numberField({ description: 'Road/sea distance; empty = great-circle distance from coordinates.', unit: 'km', min: 0, aliases: ['distance km'] })),
  titleTransfer: v.optional(enumField(TITLE_TRANSFER, 'When ownership passes to the buyer: at shipment (buyer owns stock in transit) or at delivery.', ['title', 'incoterm']), 'delivery'),
  share: v.optional(share('Share of the destination\'s orders placed on this lane when it has several sources; empty = equal split.', ['sourcing share', 'split'])),
  priority: v.optional(numberField({ description: 'Allocation priority of the destination at the origin (1 = served first) under the priority rule.', unit: 'rank', min: 1, max: 1000, integer: true }), 1),
  leadTimeStdDev: v.optional(numberField({ description: 'Standard deviation of a random lead time (normal, rounded, at least 0); empty or 0 = deterministic.', unit: 'periods', min: 0, max: 1000, aliases: ['lead time std dev', 'lead time sigma'] })),
  consignment: v.optional(booleanField('Stock delivered on this lane stays the shipper\'s until the buyer consumes (sells or ships) it, and is invoiced then.', ['consignment stock']), false),
  autoDistance: v.optional(booleanField('Distance follows the sites\' coordinates (great circle × the mode\'s circuity) and is recomputed when a site moves.'), false),
  autoLeadTime: v.optional(booleanField('Lead time follows distance and the mode\'s speed (modes table) and is recomputed when a site moves; false = pinned.'), false),
  autoCost: v.optional(booleanField('Cost per unit follows distance and the mode\'s rates (modes table) and is recomputed when a site moves; false = pinned.'), false),
});

export const ModeSchema = v.object({
  mode: enumField(TRANSPORT_MODES, 'Transport mode these rates apply to.', ['transport mode']),
  speedKmPerDay: numberField({ description: 'Distance covered per day in transit.', unit: 'km/day', min: 1, max: 100_000, aliases: ['speed'] }),
  handlingDays: v.optional(numberField({ description: 'Days of loading, unloading and waiting added to every trip.', unit: 'days', min: 0, max: 365, aliases: ['handling'] }), 0),
  circuity: v.optional(numberField({ description: 'Route distance ÷ great-circle distance (roads and rails wind).', unit: 'ratio', min: 1, max: 5 }), 1),
  costPerUnitKm: v.optional(money('Transport cost of one unit per km.', 'money/(unit·km)', ['rate', 'rate per km']), 0),
  costPerUnit: v.optional(money('Fixed cost per unit and trip (handling, terminal charges).', 'money/unit', ['handling cost', 'fixed rate']), 0),
});

export const PriceSchema = v.object({
  productId: refField('products', 'Product sold.', ['product']),
  sellerId: v.optional(refField('parties', 'Selling party; empty = any seller.', ['seller', 'from party'])),
  buyerId: v.optional(refField('parties', 'Buying party; empty = any buyer (end customers are buyers without a party).', ['buyer', 'to party', 'customer party'])),
  price: money('Price of one unit between these parties (the most specific row wins; otherwise the product price).', 'money/unit', ['unit price', 'transfer price']),
});

export const InTransitSchema = v.object({
  laneId: refField('lanes', 'Lane the shipment is travelling on at the start.', ['lane']),
  productId: refField('products', 'Product in transit.', ['product']),
  arrivalPeriod: numberField({ description: 'Period in which the shipment arrives (1 = first period).', unit: 'period', min: 1, max: 100_000, integer: true, aliases: ['arrival', 'due period', 'eta'] }),
  quantity: qty('Units in the shipment.', ['qty', 'units']),
});

export const DemandSchema = v.object({
  customerId: refField('sites', 'Customer (or retailer) site with the demand.', ['customer', 'site', 'customer name']),
  productId: refField('products', 'Product demanded.', ['product', 'product name']),
  period: numberField({ description: 'Period of the demand (1 = first period).', unit: 'period', min: 1, max: 100_000, integer: true, aliases: ['week', 'time period', 'bucket'] }),
  quantity: qty('Units demanded in the period.', ['demand', 'qty', 'amount']),
  stdDev: v.optional(qty('Standard deviation of the demand (normal variability); empty = settings demandCv × quantity.', ['std dev', 'sigma', 'standard deviation'])),
});

export const InventoryPolicySchema = v.object({
  siteId: refField('sites', 'Site holding the stock.', ['site', 'facility', 'site name']),
  productId: refField('products', 'Product.', ['product', 'product name']),
  policy: v.optional(enumField(POLICY_TYPES, 'Replenishment policy (see docs/simulation.md for each rule).', ['policy type', 'inventory policy']), 'base-stock'),
  initialStock: v.optional(qty('On-hand stock at the start of period 1.', ['initial inventory', 'initial stock', 'on hand']), 0),
  baseStock: v.optional(qty('Order-up-to level S of the base-stock policy.', ['base stock', 'base stock level'])),
  reorderPoint: v.optional(qty('Reorder point s of (s,S) and (r,Q).', ['reorder point', 'rop', 'min'])),
  orderUpTo: v.optional(qty('Order-up-to level S of (s,S) and periodic (R,S).', ['order up to level', 'max'])),
  orderQuantity: v.optional(qty('Fixed order quantity Q of (r,Q).', ['Q', 'order quantity', 'eoq'])),
  reviewPeriod: v.optional(periods('Review period R: the policy orders every R periods.', ['R', 'review period']), 1),
  forecastMethod: v.optional(enumField(FORECAST_METHODS, 'Forecast of the forecast-driven policy.', ['forecast']), 'moving-average'),
  forecastWindow: v.optional(numberField({ description: 'Periods averaged by the moving-average forecast.', unit: 'periods', min: 1, max: 1000, integer: true, aliases: ['window'] }), 4),
  smoothing: v.optional(share('Smoothing constant α of exponential smoothing.', ['alpha']), 0.3),
  safetyFactor: v.optional(numberField({ description: 'Safety factor z: safety stock = z · σ of forecast error · √(protection interval).', unit: 'σ', min: 0, max: 10, aliases: ['z', 'safety factor'] }), 1.65),
  stockAdjustment: v.optional(share('Sterman α_S: share of the stock gap ordered each period.', ['alpha s']), 0.3),
  supplyLineWeight: v.optional(share('Sterman β: weight of the supply line in the stock gap (0 = ignores orders in transit).', ['beta']), 0.15),
  holdingCost: v.optional(money('Holding cost per unit per period for this product here (overrides the site).', 'money/(unit·period)', ['holding cost'])),
  orderCost: v.optional(money('Fixed cost per order placed (setup cost).', 'money/order', ['ordering cost', 'setup cost', 'K']), 0),
  targetEndStock: v.optional(qty('Stock the plan must leave at the end of the horizon.', ['end stock', 'final inventory'])),
});

export const ProductionSchema = v.object({
  siteId: refField('sites', 'Producing site (plant or supplier).', ['site', 'plant', 'facility']),
  productId: refField('products', 'Product made.', ['product']),
  capacity: v.optional(qty('Most units produced per period; empty = unlimited.', ['production capacity', 'max production'])),
  cost: v.optional(money('Production cost of one unit.', 'money/unit', ['unit cost', 'production cost']), 0),
  leadTime: v.optional(periods('Periods from starting production to finished stock.', ['production lead time']), 0),
});

export const BomSchema = v.object({
  productId: refField('products', 'Product made (the parent).', ['product', 'parent', 'end item']),
  componentId: refField('products', 'Component consumed.', ['component', 'child', 'material']),
  quantity: numberField({ description: 'Units of the component per unit of the product.', unit: 'units/unit', min: 0, aliases: ['qty', 'qty per'] }),
  siteId: v.optional(refField('sites', 'Plant where this recipe applies; empty = every plant making the product.', ['site', 'plant'])),
});

export const ReturnsSchema = v.object({
  customerId: refField('sites', 'Customer site whose deliveries come back in part.', ['customer', 'site']),
  productId: v.optional(refField('products', 'Product; empty = every product.', ['product'])),
  rate: share('Share of delivered units that are returned.', ['return rate']),
  delay: periods('Periods from delivery to the return reaching the returns site.', ['return delay', 'lag']),
  destinationId: refField('sites', 'Site receiving the returns (a returns centre or DC).', ['destination', 'returns site']),
  restockShare: v.optional(share('Share of returned units put back into stock; the rest is scrapped.', ['restock', 'restock rate']), 1),
});

export const TABLES = {
  parties: PartySchema,
  sites: SiteSchema,
  products: ProductSchema,
  lanes: LaneSchema,
  demand: DemandSchema,
  inventory: InventoryPolicySchema,
  production: ProductionSchema,
  bom: BomSchema,
  returns: ReturnsSchema,
  prices: PriceSchema,
  inTransit: InTransitSchema,
  modes: ModeSchema,
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Most rows any one table may hold (a guard against runaway files, far above real networks). */
export const MAX_ROWS = 2_000_000;

const table = <S extends v.GenericSchema>(row: S, description: string) =>
  v.optional(v.pipe(v.array(row, 'must be a list of rows'), v.maxLength(MAX_ROWS, `must have at most ${MAX_ROWS} rows`), v.description(description)), []);

export const SCENARIO_FORMAT = 'chainlab.scenario';
export const CURRENT_VERSION = 2;

export const ScenarioSchema = v.object({
  format: v.pipe(v.literal(SCENARIO_FORMAT, `must be "${SCENARIO_FORMAT}"`), v.description('Marks the file as a ChainLab scenario.')),
  version: v.pipe(v.literal(CURRENT_VERSION, `must be ${CURRENT_VERSION} after migration`), v.description('Format version; older files are migrated on load.')),
  id: idField('Stable id of the scenario.'),
  name: nameField('Name of the scenario.'),
  description: v.optional(textField('Free text: what the scenario is for.', 5000), ''),
  settings: v.optional(SettingsSchema, {}),
  parties: table(PartySchema, 'Companies: owners of sites, with their credit terms and cash.'),
  sites: table(SiteSchema, 'Suppliers, plants, DCs, retailers, customers and returns centres.'),
  products: table(ProductSchema, 'Products with value, price, volume and weight.'),
  lanes: table(LaneSchema, 'Transport lanes between sites.'),
  demand: table(DemandSchema, 'Demand forecast per customer, product and period.'),
  inventory: table(InventoryPolicySchema, 'Inventory policy and initial stock per site and product.'),
  production: table(ProductionSchema, 'What each plant makes, with capacity and cost.'),
  bom: table(BomSchema, 'Bills of materials: components per unit of a product.'),
  returns: table(ReturnsSchema, 'Customer returns: rate, delay and destination.'),
  prices: table(PriceSchema, 'Prices per product between parties (transfer and customer prices).'),
  inTransit: table(InTransitSchema, 'Shipments already on their way at the start (the initial pipeline).'),
  modes: table(ModeSchema, 'Speed and rates per transport mode, for lane defaults from geography; empty = built-in defaults.'),
});

export { MAX_MAGNITUDE };
