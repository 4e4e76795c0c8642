/**
 * How each site kind looks on the map: one d3 symbol shape and one colour per kind, so a site
 * reads by shape alone (printouts, colour-blind readers) and by colour at a glance. Colours are
 * the Okabe–Ito palette, chosen to stay distinguishable under the common colour-vision deficiencies.
 */
import {
  symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle, symbolWye,
  type SymbolType,
} from 'd3';
import { SITE_KINDS, SITE_STATUSES } from '../../core';
import type { SiteKind } from '../../core';

type SiteStatus = (typeof SITE_STATUSES)[number];

export interface SiteStyle {
  readonly label: string;
  /** Label where space is short (the legend). */
  readonly short: string;
  readonly shape: SymbolType;
  readonly colour: string;
  /** Symbol area in screen px² (d3.symbol's size); tuned per shape so all look the same weight. */
  readonly area: number;
  /** Label priority when labels compete for space (0 first): the network's backbone wins. */
  readonly labelRank: number;
  /** Typical distance from the centre to the outline in screen px (between the in- and
   *  circumradius, since lanes arrive from any side): where lane arrows stop. */
  readonly radius: number;
}

export const SITE_STYLES: Record<SiteKind, SiteStyle> = {
  supplier: { label: 'Supplier', short: 'Supplier', shape: symbolTriangle, colour: '#E69F00', labelRank: 2, area: 170, radius: 8 },
  plant: { label: 'Plant', short: 'Plant', shape: symbolSquare, colour: '#D55E00', labelRank: 0, area: 130, radius: 7 },
  dc: { label: 'Distribution centre', short: 'DC', shape: symbolDiamond, colour: '#0072B2', labelRank: 1, area: 150, radius: 8.5 },
  retailer: { label: 'Retailer', short: 'Retailer', shape: symbolWye, colour: '#009E73', labelRank: 4, area: 170, radius: 8.5 },
  customer: { label: 'Customer', short: 'Customer', shape: symbolCircle, colour: '#CC79A7', labelRank: 5, area: 130, radius: 6.5 },
  returns: { label: 'Returns centre', short: 'Returns', shape: symbolCross, colour: '#56B4E9', labelRank: 3, area: 150, radius: 8 },
};

/** Closed sites are kept in the file but unused: drawn grey whatever their kind. */
export const CLOSED_COLOUR = '#9AA0A6';

export const STATUS_LABELS: Record<SiteStatus, string> = {
  existing: 'Existing',
  potential: 'Potential (planner may open)',
  closed: 'Closed',
};

const pathCache = new Map<string, string>();

/** SVG path of a kind's symbol centred on (0, 0), `scale` times its normal size; cached because
 *  a thousand sites share six shapes. */
export function siteSymbolPath(kind: SiteKind, scale = 1): string {
  const key = `${kind}:${scale}`;
  let d = pathCache.get(key);
  if (d === undefined) {
    const style = SITE_STYLES[kind];
    d = symbol(style.shape, style.area * scale * scale)() ?? '';
    pathCache.set(key, d);
  }
  return d;
}

/** The colours a site is painted with: hollow for potential sites, grey for closed ones. */
export function siteColours(kind: SiteKind, status: SiteStatus): { fill: string; stroke: string } {
  const colour = SITE_STYLES[kind].colour;
  if (status === 'closed') return { fill: CLOSED_COLOUR, stroke: '#6B7178' };
  if (status === 'potential') return { fill: '#FFFFFF', stroke: colour };
  return { fill: colour, stroke: '#FFFFFF' };
}

/** Every kind in the scenario's fixed order; re-exported so views iterate the same list. */
export const MAP_SITE_KINDS: readonly SiteKind[] = SITE_KINDS;
