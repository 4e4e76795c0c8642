// @vitest-environment jsdom
/**
 * The lane canvas repaints only what changed: the 3,000 plain lanes when they or the view change,
 * the few emphasised lanes on their own canvas (dragging a selected site repaints only those),
 * and nothing at all for an unchanged frame. A recording 2D context stands in for the real one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createLaneCanvas, MARGIN, type LaneCanvasParams, type LaneEmphasis } from '../../src/ui/map/lane-canvas';
import { bitmapTransform } from '../../src/ui/map/bitmap-layers';
import type { PlacedLane } from '../../src/ui/map/map-layout';

/** Per canvas: how many frames were painted and which lanes each drew (moveTo count). */
const painted = new Map<HTMLCanvasElement, { frames: number; moveTos: number; dashes: number[][]; widths: number[] }>();

beforeEach(() => {
  painted.clear();
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    const log = painted.get(this) ?? { frames: 0, moveTos: 0, dashes: [], widths: [] };
    painted.set(this, log);
    const noop = () => {};
    return {
      setTransform: noop, beginPath: noop, quadraticCurveTo: noop, lineTo: noop, closePath: noop, fill: noop, fillRect: noop,
      clearRect: () => { log.frames++; log.moveTos = 0; },
      moveTo: () => { log.moveTos++; },
      setLineDash: (d: number[]) => { log.dashes.push(d); },
      stroke() { log.widths.push((this as unknown as { lineWidth: number }).lineWidth); },
      lineWidth: 1, strokeStyle: '', fillStyle: '', lineCap: 'butt',
    } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
});

function lane(id: string, x0: number, x1: number, mode: PlacedLane['lane']['mode'] = 'road'): PlacedLane {
  return {
    id, d: '', arc: { start: [x0, 10], control: [(x0 + x1) / 2, 30], end: [x1, 10], d: '' },
    lane: { id, from: 'a', to: 'b', mode } as PlacedLane['lane'],
  };
}

function setup(lanes: PlacedLane[], emphasis: ReadonlyMap<string, LaneEmphasis> = new Map()) {
  const container = document.createElement('div');
  document.body.append(container);
  const params: LaneCanvasParams = { lanes, emphasis, grid: null, width: 400, height: 300 };
  const layer = createLaneCanvas(container, params);
  const [plain, top] = [...container.querySelectorAll('canvas')];
  return { layer, params, plain, top, log: (c: HTMLCanvasElement) => painted.get(c) ?? { frames: 0, moveTos: 0, dashes: [], widths: [] } };
}

describe('lane canvas', () => {
  it('extends a margin beyond the view on every side', () => {
    const t = setup([]);
    t.layer.draw({ k: 1, x: 0, y: 0 });
    expect(t.plain.style.left).toBe(`${-400 * MARGIN}px`);
    expect(t.plain.style.width).toBe(`${400 * (1 + 2 * MARGIN)}px`);
  });

  it('draws plain lanes as 1 px hairlines, culls lanes off the canvas, and skips an unchanged frame', () => {
    const lanes = [lane('a', 0, 100), lane('b', 50, 300, 'rail'), lane('gone', 5000, 6000)];
    const t = setup(lanes);
    t.layer.draw({ k: 1, x: 0, y: 0 });
    expect(t.log(t.plain)).toMatchObject({ frames: 1, moveTos: 2, widths: [1] });
    t.layer.draw({ k: 1, x: 0, y: 0 });
    expect(t.log(t.plain).frames).toBe(1);
    t.layer.draw({ k: 1, x: -20, y: 0 }); // the view moved
    expect(t.log(t.plain).frames).toBe(2);
  });

  it('repaints only the emphasised canvas while a selected site is dragged', () => {
    const lanes = [lane('a', 0, 100), lane('b', 50, 300), lane('c', 10, 20)];
    const emphasis = new Map<string, LaneEmphasis>([['b', 'linked']]);
    const t = setup(lanes, emphasis);
    const view = { k: 1, x: 0, y: 0 };
    t.layer.draw(view);
    expect(t.log(t.plain)).toMatchObject({ frames: 1, moveTos: 2 });
    expect(t.log(t.top)).toMatchObject({ frames: 1, moveTos: 2 }); // the arc and its arrowhead
    // The drag moved lane b (a new object); a and c are the same objects.
    t.layer.update({ ...t.params, lanes: [lanes[0], lane('b', 60, 310), lanes[2]] });
    t.layer.draw(view);
    expect(t.log(t.plain).frames).toBe(1);
    expect(t.log(t.top).frames).toBe(2);
    // Selecting lane a instead changes both.
    t.layer.update({ ...t.params, emphasis: new Map([['a', 'selected']]) });
    t.layer.draw(view);
    expect(t.log(t.plain).frames).toBe(2);
    expect(t.log(t.top).frames).toBe(3);
  });

  it('dashes emphasised lanes by mode, wider when selected', () => {
    const t = setup([lane('s', 0, 100, 'sea'), lane('r', 0, 200, 'road')], new Map<string, LaneEmphasis>([['s', 'selected'], ['r', 'linked']]));
    t.layer.draw({ k: 1, x: 0, y: 0 });
    const log = t.log(t.top);
    expect(log.dashes).toContainEqual([7, 4]);
    expect(log.widths[0]).toBeGreaterThan(log.widths[1]);
  });
});

describe('bitmap transform', () => {
  it('maps the drawn layer onto the live view: screen = drawn · s + d', () => {
    const drawn = { k: 2, x: 10, y: -20 };
    const live = { k: 3, x: -5, y: 40 };
    const { s, dx, dy } = bitmapTransform(drawn, live);
    const layer: [number, number] = [7, 11];
    const onDrawn = [layer[0] * drawn.k + drawn.x, layer[1] * drawn.k + drawn.y];
    expect(onDrawn[0] * s + dx).toBeCloseTo(layer[0] * live.k + live.x);
    expect(onDrawn[1] * s + dy).toBeCloseTo(layer[1] * live.k + live.y);
  });
});
