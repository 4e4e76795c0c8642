/**
 * An SVG element of the page as a standalone SVG file: computed styles inlined (the page's
 * stylesheets do not travel with the file), the SVG namespace declared, explicit width, height
 * and viewBox, a white background, a font stack, and optionally a heading and a legend drawn
 * above the chart (on the page they are HTML around it). Elements marked `data-export="skip"`
 * (hover rules, brush handles) and hidden ones are left out.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Presentation properties copied from the computed style of every element. */
const SHAPE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity',
  'stroke-linejoin', 'stroke-linecap', 'opacity', 'shape-rendering',
] as const;
/** Text properties, copied onto text elements only (they inherit elsewhere). */
const TEXT_PROPS = ['font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'font-variant-numeric'] as const;

export const EXPORT_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  /** Drawn as a filled swatch (a band) instead of a line. */
  readonly band?: boolean;
}

export interface StandaloneSvgOptions {
  /** Drawn in bold above the chart. */
  readonly heading?: string;
  readonly legend?: readonly LegendEntry[];
  readonly background?: string;
  readonly font?: string;
  /** Reads an element's computed style (tests pass their own). */
  readonly styleOf?: (el: Element) => { getPropertyValue(name: string): string };
}

export interface StandaloneSvg {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const attr = (name: string) => Number.parseFloat(svg.getAttribute(name) ?? '');
  let width = attr('width');
  let height = attr('height');
  if (!(width > 0) || !(height > 0)) {
    const box = svg.getBoundingClientRect();
    width = box.width || 600;
    height = box.height || 300;
  }
  return { width, height };
}

function inlineStyles(src: Element, dst: Element, styleOf: NonNullable<StandaloneSvgOptions['styleOf']>): void {
  const cs = styleOf(src);
  const props: readonly string[] = dst.localName === 'text' || dst.localName === 'tspan' ? [...SHAPE_PROPS, ...TEXT_PROPS] : SHAPE_PROPS;
  const decl: string[] = [];
  for (const p of props) {
    const v = cs.getPropertyValue(p).trim();
    if (v !== '') decl.push(`${p}: ${v}`);
  }
  if (decl.length > 0) dst.setAttribute('style', decl.join('; '));
  else dst.removeAttribute('style');
  dst.removeAttribute('class');
}

function el(doc: Document, name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Heading and legend rows above the chart; returns their height. Legend wraps at the width (≈ 6.6 px per character at 12 px). */
function drawHeader(doc: Document, root: SVGSVGElement, width: number, options: StandaloneSvgOptions): number {
  const group = el(doc, 'g', { 'font-family': options.font ?? EXPORT_FONT });
  let y = 8;
  if (options.heading) {
    group.append(el(doc, 'text', { x: 10, y: y + 14, 'font-size': 14, 'font-weight': 600, fill: '#1c2833' }, options.heading));
    y += 22;
  }
  const legend = options.legend ?? [];
  let x = 10;
  if (legend.length > 0) y += 4;
  for (const entry of legend) {
    const w = 26 + Math.ceil(entry.label.length * 6.6) + 14;
    if (x > 10 && x + w > width - 10) { x = 10; y += 18; }
    group.append(entry.band
      ? el(doc, 'rect', { x, y: y + 3, width: 18, height: 9, fill: entry.color, 'fill-opacity': 0.3 })
      : el(doc, 'line', { x1: x, x2: x + 18, y1: y + 7.5, y2: y + 7.5, stroke: entry.color, 'stroke-width': 2.5, ...(entry.dashed ? { 'stroke-dasharray': '5 3' } : {}) }));
    group.append(el(doc, 'text', { x: x + 24, y: y + 11.5, 'font-size': 12, fill: '#33475b' }, entry.label));
    x += w;
  }
  if (legend.length > 0) y += 18;
  if (y > 8) root.insertBefore(group, root.firstChild);
  return y > 8 ? y + 4 : 0;
}

export function standaloneSvg(svg: SVGSVGElement, options: StandaloneSvgOptions = {}): StandaloneSvg {
  const styleOf = options.styleOf ?? ((e: Element) => getComputedStyle(e));
  const { width, height: chartHeight } = sizeOf(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const doc = clone.ownerDocument;
  // Styles from the live elements, walked in parallel with their clones (same tree order).
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  const drop: Element[] = [];
  src.forEach((s, i) => {
    const d = dst[i];
    if (s.getAttribute('data-export') === 'skip' || styleOf(s).getPropertyValue('display').trim() === 'none') { drop.push(d); return; }
    inlineStyles(s, d, styleOf);
    for (const a of [...d.attributes]) if (a.name.startsWith('on') || a.name === 'tabindex' || a.name.startsWith('data-')) d.removeAttribute(a.name);
  });
  for (const d of drop) d.remove();

  // The chart moves down under the heading and legend, on a background covering both.
  const content = el(doc, 'g', {});
  while (clone.firstChild) content.append(clone.firstChild);
  clone.append(content);
  const header = drawHeader(doc, clone, width, options);
  if (header > 0) content.setAttribute('transform', `translate(0 ${header})`);
  const height = chartHeight + header;
  clone.insertBefore(el(doc, 'rect', { x: 0, y: 0, width, height, fill: options.background ?? '#ffffff' }), clone.firstChild);
  if (options.heading) clone.insertBefore(el(doc, 'title', {}, options.heading), clone.firstChild);

  for (const a of ['role', 'aria-label', 'aria-valuemin', 'aria-valuemax', 'aria-valuenow', 'aria-valuetext', 'tabindex', 'class']) clone.removeAttribute(a);
  clone.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttribute('font-family', options.font ?? EXPORT_FONT);
  clone.setAttribute('style', `font-family: ${options.font ?? EXPORT_FONT}`);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return { text, width, height };
}
