/**
 * How each transport mode strokes a lane. Modes differ by dash pattern, not colour, so colour stays
 * free for emphasis (the selected site's lanes) and the map works in greyscale. Dash lengths are in
 * screen px; the view multiplies them by 1/k so they keep their size while zooming.
 */
import { TRANSPORT_MODES } from '../../core';

export type TransportMode = (typeof TRANSPORT_MODES)[number];

export interface LaneStyle {
  readonly label: string;
  /** SVG stroke-dasharray in screen px; empty = solid. */
  readonly dash: readonly number[];
  /** Stroke width in screen px. */
  readonly width: number;
}

export const LANE_STYLES: Record<TransportMode, LaneStyle> = {
  road: { label: 'Road', dash: [], width: 1.5 },
  rail: { label: 'Rail', dash: [9, 2, 2, 2], width: 1.5 },
  sea: { label: 'Sea', dash: [7, 4], width: 1.5 },
  air: { label: 'Air', dash: [1.5, 3.5], width: 1.75 },
};

export const MAP_TRANSPORT_MODES: readonly TransportMode[] = TRANSPORT_MODES;

/** The dash pattern in screen px, as an SVG attribute value (the legend, drawn unzoomed). */
export function laneDashArray(mode: TransportMode): string {
  const dash = LANE_STYLES[mode].dash;
  return dash.length === 0 ? 'none' : dash.join(' ');
}

/**
 * The dash pattern as a CSS value that follows the zoom: each length is multiplied by the custom
 * property `--ik` (1/k), which the zoom controller sets once per frame on the map root. One
 * property write re-dashes every lane; no per-lane update while zooming.
 */
export function laneDashCss(mode: TransportMode): string {
  const dash = LANE_STYLES[mode].dash;
  return dash.length === 0 ? 'none' : dash.map((d) => `calc(${d}px * var(--ik, 1))`).join(' ');
}

/** Stroke width as a CSS value that keeps its screen size while zooming (see laneDashCss). */
export function laneWidthCss(mode: TransportMode): string {
  return `calc(${LANE_STYLES[mode].width}px * var(--ik, 1))`;
}
