/**
 * The short text a lane carries on the map, "road · 2 wk": its mode and transport delay in the
 * scenario's periods (plus the information delay when orders take time to arrive too).
 */
import type { Lane, Settings } from '../../core/model/types';
import type { Point } from './lane-path';

const SHORT_PERIOD: Record<Settings['periodLength'], string> = { day: 'd', week: 'wk', month: 'mo' };

export function laneLabel(lane: Pick<Lane, 'mode' | 'leadTime' | 'infoDelay'>, periodLength: Settings['periodLength']): string {
  const unit = SHORT_PERIOD[periodLength];
  const info = lane.infoDelay > 0 ? ` + ${lane.infoDelay} ${unit} info` : '';
  return `${lane.mode} · ${lane.leadTime} ${unit}${info}`;
}

/** Where a lane's label may go, best first: its middle, then further out towards either end. */
export const LABEL_POSITIONS = [0.5, 0.38, 0.62, 0.28, 0.72] as const;

export function arcLabelPoints(start: Point, control: Point, end: Point): Point[] {
  return LABEL_POSITIONS.map((t) => {
    const u = 1 - t;
    return [u * u * start[0] + 2 * u * t * control[0] + t * t * end[0], u * u * start[1] + 2 * u * t * control[1] + t * t * end[1]] as Point;
  });
}

/** Lanes up to this many all carry a label; above it only the selected ones and their site's. */
export const ALL_LABELS_MAX = 24;
