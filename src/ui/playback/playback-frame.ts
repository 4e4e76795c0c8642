/**
 * What the playback map shows in one period, read from the prepared arrays (playback-data.ts):
 *   lane width  = MAX_LANE_WIDTH × flow ÷ largest flow of the run (proportional, one fixed scale
 *                 for the whole run so periods compare), at least MIN_LANE_WIDTH when anything moves;
 *   lane colour = utilisation band of flow (all products) ÷ lane capacity, or "no capacity";
 *   site fill   = on hand ÷ storage capacity, or ÷ the site's own peak when it has no capacity;
 *   badge       = backorders above zero at the end of the period.
 * `frameAt` writes into arrays the caller keeps, so scrubbing allocates nothing per period.
 */
import { ticks } from 'd3';
import type { PlaybackData } from './playback-data';

export const MAX_LANE_WIDTH = 14;
export const MIN_LANE_WIDTH = 1;

/** Utilisation bands of lanes with a capacity; 0 = the lane has none. */
export const UTILISATION_BANDS = [
  { band: 0, label: 'no capacity' },
  { band: 1, label: 'under 50 % of capacity' },
  { band: 2, label: '50–90 % of capacity' },
  { band: 3, label: '90 % of capacity or more' },
] as const;

export type UtilisationBand = 0 | 1 | 2 | 3;

/** Stroke width of a lane carrying `flow` when the run's largest flow is `maxFlow` (0 = idle). */
export function laneWidth(flow: number, maxFlow: number): number {
  if (!(flow > 0) || !(maxFlow > 0)) return 0;
  return Math.max(MIN_LANE_WIDTH, (MAX_LANE_WIDTH * Math.min(flow, maxFlow)) / maxFlow);
}

/** Band of `use ÷ capacity`: under ½, ½ to 0.9, 0.9 and more; 0 when the capacity is unlimited. */
export function utilisationBand(use: number, capacity: number): UtilisationBand {
  if (!Number.isFinite(capacity)) return 0;
  const u = capacity > 0 ? use / capacity : use > 0 ? Number.POSITIVE_INFINITY : 0;
  return u >= 0.9 ? 3 : u >= 0.5 ? 2 : 1;
}

/** Share of the site's room in use: on hand ÷ capacity (or ÷ its peak), within [0, 1]. */
export function siteFill(onHand: number, capacity: number, peak: number): number {
  const ref = Number.isFinite(capacity) ? capacity : peak;
  if (!(onHand > 0) || !(ref > 0)) return 0;
  return Math.min(1, onHand / ref);
}

/** Backorders this small are float noise from summing Float32 columns, not a shortage. */
export const BACKORDER_EPSILON = 1e-6;

export interface Frame {
  /** Period, 0-based. */
  t: number;
  readonly laneWidth: Float32Array;
  readonly laneBand: Uint8Array;
  readonly siteFill: Float32Array;
  readonly siteBackorder: Uint8Array;
}

export function createFrame(data: PlaybackData): Frame {
  return {
    t: -1,
    laneWidth: new Float32Array(data.laneIds.length),
    laneBand: new Uint8Array(data.laneIds.length),
    siteFill: new Float32Array(data.siteIds.length),
    siteBackorder: new Uint8Array(data.siteIds.length),
  };
}

/** Fills `frame` for period t (clamped into the run); returns it. */
export function frameAt(data: PlaybackData, t: number, frame: Frame = createFrame(data)): Frame {
  const T = data.periods;
  const L = data.laneIds.length;
  const S = data.siteIds.length;
  const p = T === 0 ? -1 : Math.max(0, Math.min(T - 1, Math.floor(t)));
  frame.t = p;
  for (let l = 0; l < L; l++) {
    const flow = p < 0 ? 0 : data.laneFlow[p * L + l];
    frame.laneWidth[l] = laneWidth(flow, data.maxLaneFlow);
    frame.laneBand[l] = utilisationBand(p < 0 ? 0 : data.laneUse[p * L + l], data.laneCapacity[l]);
  }
  for (let s = 0; s < S; s++) {
    const onHand = p < 0 ? 0 : data.siteOnHand[p * S + s];
    frame.siteFill[s] = siteFill(onHand, data.siteCapacity[s], data.sitePeak[s]);
    frame.siteBackorder[s] = p >= 0 && data.siteBackorders[p * S + s] > BACKORDER_EPSILON ? 1 : 0;
  }
  return frame;
}

export interface WidthLegendEntry {
  readonly flow: number;
  readonly width: number;
}

/** Two or three round flows with their widths, the largest not above the run's largest flow. */
export function widthLegend(maxFlow: number): WidthLegendEntry[] {
  if (!(maxFlow > 0)) return [];
  const round = ticks(0, maxFlow, 3).filter((v) => v > 0);
  const picked = round.length > 3 ? [round[0], round[Math.floor(round.length / 2)], round[round.length - 1]] : round;
  const list = picked.length > 0 ? picked : [maxFlow];
  return list.map((flow) => ({ flow, width: laneWidth(flow, maxFlow) }));
}
