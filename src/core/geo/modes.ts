/**
 * Built-in speed and rate tables per transport mode, used when a scenario's `modes` table has no
 * row for a mode. Typical European figures per unit of a ~10 kg parcel-sized product; users edit
 * the `modes` table for their own.
 */
import type { ModeRow, Scenario } from '../model/types';
import type { TRANSPORT_MODES } from '../model/tables';

export type TransportMode = (typeof TRANSPORT_MODES)[number];

export const DEFAULT_MODES: Readonly<Record<TransportMode, ModeRow>> = {
  road: { mode: 'road', speedKmPerDay: 600, handlingDays: 0.5, circuity: 1.25, costPerUnitKm: 0.002, costPerUnit: 0.5 },
  rail: { mode: 'rail', speedKmPerDay: 400, handlingDays: 2, circuity: 1.3, costPerUnitKm: 0.0012, costPerUnit: 0.8 },
  sea: { mode: 'sea', speedKmPerDay: 700, handlingDays: 5, circuity: 1.4, costPerUnitKm: 0.0004, costPerUnit: 1 },
  air: { mode: 'air', speedKmPerDay: 8000, handlingDays: 1, circuity: 1.05, costPerUnitKm: 0.012, costPerUnit: 2 },
};

export function modeRates(s: Pick<Scenario, 'modes'>, mode: TransportMode): ModeRow {
  return s.modes.find((m) => m.mode === mode) ?? DEFAULT_MODES[mode];
}
