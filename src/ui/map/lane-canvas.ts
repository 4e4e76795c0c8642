/**
 * Lanes painted on <canvas> under the SVG sites, for networks too big for one SVG path per lane
 * (3,000 SVG lanes cost ~70 ms a frame in headless Chromium). Framework-free; the component calls
 * `draw(transform)` when lanes, selection or view change, and the zoom controller moves the
 * canvases as bitmaps during gestures (bitmap-layers.ts), so they are repainted once per settled
 * view, not per frame.
 *
 * Two canvases: the plain lanes below, the emphasised ones (selected, or touching a selected site)
 * above. Dragging a selected site changes only emphasised lanes, so only the small top canvas is
 * repainted per step; the 3,000 plain lanes are repainted only when they change (routeLanes keeps
 * unchanged lanes' objects) or the view moves.
 *
 * Measured in software raster (Chromium --disable-gpu, 3,000 arcs): a 1 px stroke takes Skia's
 * hairline path, ~25 ms; a 1.5 px stroke ~300–800 ms; dashes several seconds. So plain lanes are
 * 1 px solid hairlines (their mode shows in the tooltip and on selection), and only the few
 * emphasised lanes get width and their mode's dash.
 *
 * Each canvas extends MARGIN of the view beyond every edge, so panning reveals lanes already drawn.
 */
import type { Transform } from './box-hit';
import { LANE_STYLES } from './lane-styles';
import type { PlacedLane } from './map-layout';

export type LaneEmphasis = 'linked' | 'selected';

export interface LaneCanvasParams {
  readonly lanes: readonly PlacedLane[];
  readonly emphasis: ReadonlyMap<string, LaneEmphasis>;
  /** The schematic's snap grid in layer px (spacing and one grid point), or null. */
  readonly grid: { readonly step: number; readonly ox: number; readonly oy: number } | null;
  /** The view's size in CSS px. */
  readonly width: number;
  readonly height: number;
}

export interface LaneCanvas {
  update(params: LaneCanvasParams): void;
  /** Repaints what changed for this transform. */
  draw(transform: Transform): void;
  destroy(): void;
}

/** Share of the view drawn beyond each edge. */
export const MARGIN = 0.25;

export const LANE_COLOURS = {
  normal: 'rgba(81, 96, 110, 0.42)',
  dimmed: 'rgba(81, 96, 110, 0.16)',
  linked: '#0f2a44',
  selected: '#0072b2',
  grid: 'rgba(15, 42, 68, 0.16)',
} as const;

/** The lanes drawn on the plain canvas: all but the emphasised ones. */
function plainLanes(params: LaneCanvasParams): PlacedLane[] {
  return params.emphasis.size === 0 ? params.lanes as PlacedLane[] : params.lanes.filter((l) => !params.emphasis.has(l.id));
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameTransform = (a: Transform | null, b: Transform) => !!a && a.k === b.k && a.x === b.x && a.y === b.y;

export function createLaneCanvas(container: HTMLElement, initial: LaneCanvasParams): LaneCanvas {
  let params = initial;
  const plain = document.createElement('canvas');
  const top = document.createElement('canvas');
  for (const c of [plain, top]) {
    c.style.position = 'absolute';
    container.append(c);
  }
  /** What each canvas shows now, to skip repaints that would draw the same. */
  let plainShown: { lanes: readonly PlacedLane[]; t: Transform; dimmed: boolean; grid: LaneCanvasParams['grid']; size: string } | null = null;
  let topShown: { lanes: readonly PlacedLane[]; kinds: string; t: Transform; size: string } | null = null;

  function layout(): { w: number; h: number; mx: number; my: number; dpr: number; size: string } {
    const dpr = globalThis.devicePixelRatio || 1;
    const mx = Math.round(params.width * MARGIN);
    const my = Math.round(params.height * MARGIN);
    const w = params.width + 2 * mx;
    const h = params.height + 2 * my;
    const size = `${w}x${h}@${dpr}`;
    for (const c of [plain, top]) {
      if (c.dataset.size === size) continue;
      c.dataset.size = size;
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      Object.assign(c.style, { left: `${-mx}px`, top: `${-my}px`, width: `${w}px`, height: `${h}px` });
    }
    return { w, h, mx, my, dpr, size };
  }

  function context(c: HTMLCanvasElement, dpr: number, w: number, h: number): CanvasRenderingContext2D | null {
    const ctx = c.getContext('2d');
    if (!ctx) return null;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    return ctx;
  }

  function paintPlain(lanes: readonly PlacedLane[], t: Transform, box: ReturnType<typeof layout>): void {
    const ctx = context(plain, box.dpr, box.w, box.h);
    if (!ctx) return;
    // Screen px of the view + the margin: x' = x·k + tx + mx.
    const ox = t.x + box.mx;
    const oy = t.y + box.my;
    if (params.grid) paintGrid(ctx, params.grid, t, ox, oy, box.w, box.h);
    if (lanes.length === 0) return;
    ctx.beginPath();
    for (const l of lanes) traceVisible(ctx, l, t.k, ox, oy, box.w, box.h);
    ctx.lineWidth = 1;
    ctx.strokeStyle = params.emphasis.size > 0 ? LANE_COLOURS.dimmed : LANE_COLOURS.normal;
    ctx.stroke();
  }

  function paintTop(lanes: readonly PlacedLane[], t: Transform, box: ReturnType<typeof layout>): void {
    const ctx = context(top, box.dpr, box.w, box.h);
    if (!ctx) return;
    const ox = t.x + box.mx;
    const oy = t.y + box.my;
    ctx.lineCap = 'round';
    for (const l of lanes) {
      const kind = params.emphasis.get(l.id) ?? 'linked';
      ctx.beginPath();
      if (!traceVisible(ctx, l, t.k, ox, oy, box.w, box.h)) continue;
      const style = LANE_STYLES[l.lane.mode];
      ctx.strokeStyle = LANE_COLOURS[kind];
      ctx.lineWidth = style.width + (kind === 'selected' ? 1.5 : 0.25);
      ctx.setLineDash([...style.dash]);
      ctx.stroke();
      arrowHead(ctx, l, t.k, ox, oy, LANE_COLOURS[kind]);
    }
  }

  return {
    update(next) { params = next; },
    draw(t) {
      const box = layout();
      const lanes = plainLanes(params);
      const dimmed = params.emphasis.size > 0;
      if (!(plainShown && sameTransform(plainShown.t, t) && plainShown.dimmed === dimmed && plainShown.grid === params.grid
        && plainShown.size === box.size && sameList(plainShown.lanes, lanes))) {
        paintPlain(lanes, t, box);
        plainShown = { lanes, t, dimmed, grid: params.grid, size: box.size };
      }
      const emphasised = params.emphasis.size === 0 ? [] : params.lanes.filter((l) => params.emphasis.has(l.id));
      const kinds = emphasised.map((l) => params.emphasis.get(l.id)).join();
      if (!(topShown && sameTransform(topShown.t, t) && topShown.kinds === kinds && topShown.size === box.size
        && sameList(topShown.lanes, emphasised))) {
        paintTop(emphasised, t, box);
        topShown = { lanes: emphasised, kinds, t, size: box.size };
      }
    },
    destroy() {
      plain.remove();
      top.remove();
    },
  };
}

/** Adds a lane's arc to the path unless it lies entirely outside the canvas; true if added. */
function traceVisible(ctx: CanvasRenderingContext2D, l: PlacedLane, k: number, ox: number, oy: number, w: number, h: number): boolean {
  const { start: a, control: c, end: b } = l.arc;
  const ax = a[0] * k + ox, ay = a[1] * k + oy;
  const cx = c[0] * k + ox, cy = c[1] * k + oy;
  const bx = b[0] * k + ox, by = b[1] * k + oy;
  // The curve stays inside the triangle of its three points.
  if (Math.max(ax, bx, cx) < 0 || Math.min(ax, bx, cx) > w || Math.max(ay, by, cy) < 0 || Math.min(ay, by, cy) > h) return false;
  ctx.moveTo(ax, ay);
  ctx.quadraticCurveTo(cx, cy, bx, by);
  return true;
}

function arrowHead(ctx: CanvasRenderingContext2D, l: PlacedLane, k: number, ox: number, oy: number, colour: string): void {
  const { control: c, end: b } = l.arc;
  const ex = b[0] * k + ox, ey = b[1] * k + oy;
  const angle = Math.atan2(ey - (c[1] * k + oy), ex - (c[0] * k + ox));
  const size = 8;
  ctx.setLineDash([]);
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.moveTo(ex, ey);
  ctx.lineTo(ex - size * Math.cos(angle - 0.42), ey - size * Math.sin(angle - 0.42));
  ctx.lineTo(ex - size * Math.cos(angle + 0.42), ey - size * Math.sin(angle + 0.42));
  ctx.closePath();
  ctx.fill();
}

function paintGrid(ctx: CanvasRenderingContext2D, grid: NonNullable<LaneCanvasParams['grid']>, t: Transform, ox: number, oy: number, w: number, h: number): void {
  const step = grid.step * t.k;
  if (!(step >= 6)) return; // denser than 6 px reads as noise
  const mod = (v: number) => ((v % step) + step) % step;
  ctx.fillStyle = LANE_COLOURS.grid;
  for (let x = mod(grid.ox * t.k + ox); x < w; x += step) {
    for (let y = mod(grid.oy * t.k + oy); y < h; y += step) ctx.fillRect(x - 0.75, y - 0.75, 1.5, 1.5);
  }
}
