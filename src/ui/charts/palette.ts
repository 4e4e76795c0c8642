/**
 * The chart palette: Okabe & Ito's eight colours ("Color Universal Design", 2002), told apart by
 * people with any of the common colour-vision deficiencies. Ordered for lines on white: the
 * strong colours first, yellow (low contrast on white) last. Every chart takes its colours from
 * here; `paletteStyle` also exposes them as CSS variables (--oi-blue, …) for stylesheets.
 */

export const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  black: '#000000',
  yellow: '#F0E442',
} as const;

export type PaletteName = keyof typeof OKABE_ITO;

/** Colours for series 0, 1, 2, … in order (repeats after eight; pair with dashes beyond that). */
export const SERIES_COLORS: readonly string[] = [
  OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.vermillion,
  OKABE_ITO.purple, OKABE_ITO.sky, OKABE_ITO.black, OKABE_ITO.yellow,
];

export function seriesColor(i: number): string {
  return SERIES_COLORS[((i % SERIES_COLORS.length) + SERIES_COLORS.length) % SERIES_COLORS.length];
}

/** Reference lines (capacity, a target): neutral grey, drawn dashed. */
export const REFERENCE_COLOR = '#5b6b7a';

/** Fill opacity of a replication band under its mean line. */
export const BAND_OPACITY = 0.22;

/** The palette as CSS custom properties ("--oi-blue: #0072B2; …") for a style attribute. */
export function paletteStyle(): string {
  return Object.entries(OKABE_ITO).map(([name, hex]) => `--oi-${name}: ${hex}`).join('; ');
}
