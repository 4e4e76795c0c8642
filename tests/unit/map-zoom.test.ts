// @vitest-environment jsdom
/**
 * The pan/zoom controller on a real (jsdom) <svg>: commands move the zoom layer's transform,
 * set the counter-scale property --ik = 1/k, keys drive it when focused, and it settles with
 * onZoomEnd. d3-zoom reads the view extent from the viewBox, which jsdom implements.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zoomTransform } from 'd3';
import { createMapZoom, ZOOMING_ATTRIBUTE, type MapZoom } from '../../src/ui/map/map-zoom';

function makeSvg(): { svg: SVGSVGElement; layer: SVGGElement } {
  document.body.innerHTML = '<svg viewBox="0 0 400 300" tabindex="0"><g data-zoom-layer></g></svg>';
  const svg = document.querySelector('svg') as SVGSVGElement;
  return { svg, layer: svg.querySelector('g') as SVGGElement };
}

let controller: MapZoom | null = null;
afterEach(() => {
  controller?.destroy();
  controller = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createMapZoom', () => {
  it('starts at the fitted view with --ik = 1', () => {
    const { svg, layer } = makeSvg();
    controller = createMapZoom(svg);
    expect(layer.getAttribute('transform')).toBe('translate(0,0) scale(1)');
    expect(svg.style.getPropertyValue('--ik')).toBe('1');
  });

  it('zoomBy scales about the view centre and counter-scales symbols', () => {
    const { svg, layer } = makeSvg();
    controller = createMapZoom(svg);
    controller.zoomBy(2, false);
    // Centre (200, 150) stays put: translate = centre · (1 − k).
    expect(layer.getAttribute('transform')).toBe('translate(-200,-150) scale(2)');
    expect(svg.style.getPropertyValue('--ik')).toBe('0.5');
    expect(controller.transform().k).toBe(2);
  });

  it('panBy moves by screen px whatever the scale, and fit returns to identity', () => {
    const { svg, layer } = makeSvg();
    controller = createMapZoom(svg);
    controller.zoomBy(4, false);
    const before = zoomTransform(svg);
    controller.panBy(40, -20, false);
    const after = zoomTransform(svg);
    expect(after.x - before.x).toBeCloseTo(40);
    expect(after.y - before.y).toBeCloseTo(-20);
    controller.fit(false);
    expect(layer.getAttribute('transform')).toBe('translate(0,0) scale(1)');
  });

  it('respects the scale extent', () => {
    const { svg } = makeSvg();
    controller = createMapZoom(svg, { scaleExtent: [0.5, 3] });
    controller.zoomBy(10, false);
    expect(controller.transform().k).toBe(3);
    controller.zoomBy(0.01, false);
    expect(controller.transform().k).toBe(0.5);
  });

  it('handles + − arrows and 0 from the keyboard, and leaves other keys alone', () => {
    // Keyboard commands animate unless the user prefers reduced motion: ask for that, so each
    // command lands at once (and the reduced-motion path is exercised).
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce') }));
    const { svg } = makeSvg();
    controller = createMapZoom(svg);
    const press = (key: string, init: KeyboardEventInit = {}) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
      svg.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(press('+')).toBe(true);
    expect(controller.transform().k).toBeCloseTo(Math.SQRT2);
    press('-');
    expect(controller.transform().k).toBeCloseTo(1);
    const x0 = controller.transform().x;
    press('ArrowRight');
    expect(controller.transform().x).toBeCloseTo(x0 - 80);
    press('ArrowUp');
    expect(controller.transform().y).toBeCloseTo(80);
    press('0');
    expect(controller.transform().x).toBeCloseTo(0);
    expect(controller.transform().y).toBeCloseTo(0);
    expect(press('Tab')).toBe(false);
    expect(press('+', { ctrlKey: true })).toBe(false);
  });

  it('flags the gesture while it runs and reports the settled scale once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { svg } = makeSvg();
    const ends: number[] = [];
    controller = createMapZoom(svg, { onZoomEnd: (t) => ends.push(t.k) });
    controller.zoomBy(2, false);
    expect(svg.hasAttribute(ZOOMING_ATTRIBUTE)).toBe(true);
    controller.zoomBy(2, false);
    expect(ends).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(svg.hasAttribute(ZOOMING_ATTRIBUTE)).toBe(false);
    expect(ends).toEqual([4]);
  });

  it('stops listening when destroyed', () => {
    const { svg } = makeSvg();
    controller = createMapZoom(svg);
    controller.destroy();
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true, cancelable: true }));
    expect(zoomTransform(svg).k).toBe(1);
    controller = null;
  });
});

describe('createMapZoom in bitmap mode', () => {
  function makeStack() {
    document.body.innerHTML = '<div id="stack"><svg data-zoom-bitmap><g data-zoom-layer></g></svg><div id="lanes" data-zoom-bitmap></div></div>';
    const root = document.getElementById('stack') as HTMLDivElement;
    return { root, layer: root.querySelector('g') as SVGGElement, svg: root.querySelector('svg') as SVGSVGElement, lanes: document.getElementById('lanes') as HTMLDivElement };
  }

  it('moves the layers as bitmaps during a gesture and draws for real once it settles', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { root, layer, svg, lanes } = makeStack();
    const drawn: number[] = [];
    const ends: number[] = [];
    controller = createMapZoom(root, { bitmap: true, onZoom: (t) => drawn.push(t.k), onZoomEnd: (t) => ends.push(t.k) });
    expect(drawn).toEqual([1]);
    root.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, clientX: 40, clientY: 30, bubbles: true, cancelable: true }));
    // Mid-gesture: the drawn transform and --ik are untouched, only CSS transforms move.
    expect(layer.getAttribute('transform')).toBe('translate(0,0) scale(1)');
    expect(root.style.getPropertyValue('--ik')).toBe('1');
    expect(svg.style.transform).toMatch(/^translate\(-?[\d.]+px, -?[\d.]+px\) scale\(1\.1\d+\)$/);
    expect(lanes.style.transform).toBe(svg.style.transform);
    expect(drawn).toEqual([1]);
    vi.advanceTimersByTime(1000);
    const k = controller.transform().k;
    expect(k).toBeCloseTo(2 ** 0.2);
    expect(layer.getAttribute('transform')).toBe(controller.transform().toString());
    expect(root.style.getPropertyValue('--ik')).toBe(String(1 / k));
    expect(svg.style.transform).toBe('');
    expect(drawn).toEqual([1, k]);
    expect(ends).toEqual([k]);
  });

  it('applies commands without animation at once', () => {
    const { root, layer, svg } = makeStack();
    controller = createMapZoom(root, { bitmap: true });
    controller.zoomBy(2, false);
    expect(layer.getAttribute('transform')).toMatch(/scale\(2\)$/);
    expect(svg.style.transform).toBe('');
    controller.centreOn(10, 10, 4, false);
    expect(controller.transform().k).toBe(4);
  });
});
