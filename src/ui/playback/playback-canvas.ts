/**
 * Canvas painting for the playback map: lanes (when there are too many for one SVG path each) and
 * the shipment dots. Lanes are batched into one path per (colour band, width rounded to ½ px), so a
 * 3,000-lane frame is a few dozen strokes; idle lanes share one faint hairline path (Skia's cheap
 * 1 px route, see map/lane-canvas.ts). Dots are one path of circles, filled once (squares when
 * there are thousands). Framework-free:
 * the component creates it on mount and destroys it on unmount.
 */
import type { Arc } from '../map/lane-path';
import type { Frame } from './playback-frame';
import type { Dots } from './shipment-dots';

export interface PlaybackPalette {
  /** Colour of each utilisation band (0 = no capacity). */
  readonly bands: readonly string[];
  readonly idle: string;
  readonly dot: string;
}

export interface PlaybackCanvas {
  resize(width: number, height: number): void;
  paintLanes(arcs: readonly (Arc | null)[], frame: Frame): void;
  paintDots(dots: Dots): void;
  clearDots(): void;
  destroy(): void;
}

/**
 * Up to this many dots are drawn as circles. Measured in headless Chromium's software raster
 * (3,800 dots): one path of circles ~40 ms, pixel-aligned squares ~4 ms.
 */
export const ROUND_DOTS = 800;

export function sizeCanvas(c: HTMLCanvasElement, width: number, height: number): void {
  const dpr = globalThis.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (c.width !== w) c.width = w;
  if (c.height !== h) c.height = h;
  c.style.width = `${width}px`;
  c.style.height = `${height}px`;
}

function context(c: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = c.getContext('2d');
  if (!ctx) return null;
  const dpr = globalThis.devicePixelRatio || 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

function trace(ctx: CanvasRenderingContext2D, arc: Arc): void {
  ctx.moveTo(arc.start[0], arc.start[1]);
  ctx.quadraticCurveTo(arc.control[0], arc.control[1], arc.end[0], arc.end[1]);
}

/** Lanes grouped by band and half-pixel width, thinnest first so thin lanes stay visible beside thick ones. */
export function laneBatches(arcs: readonly (Arc | null)[], frame: Frame): { band: number; width: number; lanes: number[] }[] {
  const batches = new Map<number, { band: number; width: number; lanes: number[] }>();
  for (let l = 0; l < arcs.length; l++) {
    if (!arcs[l] || !(frame.laneWidth[l] > 0)) continue;
    const width = Math.max(1, Math.round(frame.laneWidth[l] * 2) / 2);
    const band = frame.laneBand[l];
    const key = width * 8 + band;
    let b = batches.get(key);
    if (!b) batches.set(key, (b = { band, width, lanes: [] }));
    b.lanes.push(l);
  }
  return [...batches.values()].sort((p, q) => p.width - q.width || p.band - q.band);
}

export function createPlaybackCanvas(lanesCanvas: HTMLCanvasElement | null, dotsCanvas: HTMLCanvasElement, palette: PlaybackPalette): PlaybackCanvas {
  let width = 1;
  let height = 1;
  return {
    resize(w, h) {
      width = w;
      height = h;
      if (lanesCanvas) sizeCanvas(lanesCanvas, w, h);
      sizeCanvas(dotsCanvas, w, h);
    },
    paintLanes(arcs, frame) {
      if (!lanesCanvas) return;
      const ctx = context(lanesCanvas, width, height);
      if (!ctx) return;
      ctx.beginPath();
      for (let l = 0; l < arcs.length; l++) {
        const arc = arcs[l];
        if (arc && !(frame.laneWidth[l] > 0)) trace(ctx, arc);
      }
      ctx.lineWidth = 1;
      ctx.strokeStyle = palette.idle;
      ctx.stroke();
      ctx.lineCap = 'round';
      for (const b of laneBatches(arcs, frame)) {
        ctx.beginPath();
        for (const l of b.lanes) trace(ctx, arcs[l]!);
        ctx.lineWidth = b.width;
        ctx.strokeStyle = palette.bands[b.band];
        ctx.stroke();
      }
    },
    paintDots(dots) {
      const ctx = context(dotsCanvas, width, height);
      if (!ctx || dots.count === 0) return;
      ctx.fillStyle = palette.dot;
      if (dots.count > ROUND_DOTS) {
        // Many dots: pixel-aligned squares, ~10× cheaper than anti-aliased circles in software raster.
        for (let i = 0; i < dots.count; i++) {
          const r = dots.xyr[i * 3 + 2];
          const size = Math.max(2, Math.round(2 * r * 0.886)); // same area as the circle: side = r·√π
          ctx.fillRect(Math.round(dots.xyr[i * 3] - size / 2), Math.round(dots.xyr[i * 3 + 1] - size / 2), size, size);
        }
        return;
      }
      ctx.beginPath();
      for (let i = 0; i < dots.count; i++) {
        const x = dots.xyr[i * 3];
        const y = dots.xyr[i * 3 + 1];
        const r = dots.xyr[i * 3 + 2];
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.fill();
    },
    clearDots() {
      context(dotsCanvas, width, height);
    },
    destroy() {
      width = height = 1;
    },
  };
}
