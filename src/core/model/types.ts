import type * as v from 'valibot';
import type {
  BomSchema, DemandSchema, InventoryPolicySchema, LaneSchema, PartySchema, ProductionSchema,
  ProductSchema, ReturnsSchema, ScenarioSchema, PriceSchema, InTransitSchema, ModeSchema, SettingsSchema, SiteSchema,
} from './tables';

/** A scenario after migration and validation, with every default filled in. */
export type Scenario = v.InferOutput<typeof ScenarioSchema>;
/** A scenario as a user may write it: defaults may be omitted. */
export type ScenarioInput = v.InferInput<typeof ScenarioSchema>;
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type Party = v.InferOutput<typeof PartySchema>;
export type Site = v.InferOutput<typeof SiteSchema>;
export type Product = v.InferOutput<typeof ProductSchema>;
export type Lane = v.InferOutput<typeof LaneSchema>;
export type DemandRow = v.InferOutput<typeof DemandSchema>;
export type InventoryPolicy = v.InferOutput<typeof InventoryPolicySchema>;
export type ProductionRow = v.InferOutput<typeof ProductionSchema>;
export type BomRow = v.InferOutput<typeof BomSchema>;
export type ReturnsRow = v.InferOutput<typeof ReturnsSchema>;
export type PriceRow = v.InferOutput<typeof PriceSchema>;
export type InTransitRow = v.InferOutput<typeof InTransitSchema>;
export type ModeRow = v.InferOutput<typeof ModeSchema>;
export type SiteKind = Site['kind'];
