/**
 * Colours of the playback map, from the Okabe–Ito palette (distinguishable under the common
 * colour-vision deficiencies): lanes by utilisation band, idle lanes faint, shipment dots black.
 * Bands also differ in the tooltip text, so colour is never the only cue.
 */
import { OKABE_ITO } from '../charts/palette';
import type { PlaybackPalette } from './playback-canvas';

export const PLAYBACK_PALETTE: PlaybackPalette = {
  bands: ['#6f7f8f', OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.vermillion],
  idle: 'rgba(111, 127, 143, 0.35)',
  dot: 'rgba(0, 0, 0, 0.78)',
};

/** Colour of the backorder badge. */
export const BACKORDER_COLOUR = OKABE_ITO.vermillion;

/** Above this many lanes they are painted on canvas rather than as one SVG path each. */
export const SVG_LANE_LIMIT = 300;

/** Above this many sites their rings and badges are painted on canvas (site-state-canvas.ts). */
export const SVG_SITE_STATE_LIMIT = 300;
