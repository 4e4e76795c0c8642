/**
 * Stock rings and backorder badges painted on a canvas, for networks with many sites. In SVG,
 * every period changed hundreds of ring arcs scattered over the map, so the browser re-rastered
 * the whole sites layer (symbols and labels included) each step; on a canvas above it only these
 * marks are repainted and the SVG stays as drawn. Same geometry as the SVG marks: a faint track
 * circle, an arc from 12 o'clock clockwise over the fill share, and a "!" disc at the top right.
 */
import type { Frame } from './playback-frame';

export interface StateSite {
  /** Index in the playback data (scenario.sites order). */
  readonly index: number;
  readonly x: number;
  readonly y: number;
  /** Radius of the ring in px. */
  readonly ring: number;
}

export interface SiteStateColours {
  readonly track: string;
  readonly ring: string;
  readonly badge: string;
  readonly badgeText: string;
}

export const RING_WIDTH = 2.5;
export const BADGE_RADIUS = 6;

/** The subset of CanvasRenderingContext2D this painter uses (tests pass a recorder). */
export type StateContext = Pick<CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'arc' | 'stroke' | 'fill' | 'fillText' | 'lineWidth' | 'strokeStyle' | 'fillStyle' | 'font' | 'textAlign' | 'textBaseline'>;

/** Paints rings (sites with `stocked` 1) and badges (frame.siteBackorder 1); the caller clears first. */
export function paintSiteState(ctx: StateContext, sites: readonly StateSite[], frame: Frame, stocked: Uint8Array, colours: SiteStateColours): void {
  const top = -Math.PI / 2;
  ctx.lineWidth = RING_WIDTH;
  ctx.beginPath();
  for (const s of sites) {
    if (!stocked[s.index]) continue;
    ctx.moveTo(s.x + s.ring, s.y);
    ctx.arc(s.x, s.y, s.ring, 0, 2 * Math.PI);
  }
  ctx.strokeStyle = colours.track;
  ctx.stroke();
  ctx.beginPath();
  for (const s of sites) {
    const fill = frame.siteFill[s.index];
    if (!stocked[s.index] || !(fill > 0)) continue;
    ctx.moveTo(s.x + s.ring * Math.cos(top), s.y + s.ring * Math.sin(top));
    ctx.arc(s.x, s.y, s.ring, top, top + 2 * Math.PI * Math.min(1, fill));
  }
  ctx.strokeStyle = colours.ring;
  ctx.stroke();
  const badges = sites.filter((s) => frame.siteBackorder[s.index] === 1);
  if (badges.length === 0) return;
  ctx.beginPath();
  for (const s of badges) {
    const [bx, by] = badgeAt(s);
    ctx.moveTo(bx + BADGE_RADIUS, by);
    ctx.arc(bx, by, BADGE_RADIUS, 0, 2 * Math.PI);
  }
  ctx.fillStyle = colours.badge;
  ctx.fill();
  ctx.fillStyle = colours.badgeText;
  ctx.font = 'bold 10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const s of badges) {
    const [bx, by] = badgeAt(s);
    ctx.fillText('!', bx, by + 0.5);
  }
}

/** Centre of a site's badge: top right of its ring (as the SVG badge). */
export function badgeAt(s: StateSite): [number, number] {
  return [s.x + s.ring * 0.75, s.y - s.ring * 0.95];
}
