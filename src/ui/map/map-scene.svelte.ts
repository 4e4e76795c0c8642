/* eslint-disable svelte/prefer-svelte-reactivity -- the Maps and Sets here are derived snapshots, rebuilt whole, never mutated in place */
/**
 * Everything the map draws, derived from the scenario, the selection, the fitted frame and the
 * drawn zoom transform: placed sites, routed lanes, emphasis, labels, stock hints, the grid.
 * One class of `$derived`s (the xyflow store pattern), so NetworkMap only wires events and markup.
 *
 * Each derived keeps its old objects where nothing changed (placed sites, routed lanes, label
 * sides, hints): after a one-site edit, the views touch that site and its lanes only.
 */
import { zoomIdentity, type ZoomTransform } from 'd3';
import type { Scenario, SiteKind } from '../../core';
import type { EditorView } from '../state/editor.svelte';
import type { LabelSide } from './label-layout';
import type { LaneEmphasis } from './lane-canvas';
import { LaneHitIndex } from './lane-hit';
import { ALL_LABELS_MAX, arcLabelPoints, laneLabel } from './lane-labels';
import type { Point } from './lane-path';
import { MAP_TRANSPORT_MODES } from './lane-styles';
import { fitGeo, fitSchematic, frameScale, geoFrame, resizeFit, schematicFrame, type FrameFit, type MapFrame } from './map-frame';
import {
  COMPACT_SYMBOL_SCALE, laneTooltip, mapLabels, placeSitesBy, routeLanes, type PlacedLane, type PlacedSite, type RouteMemo,
} from './map-layout';
import { sameMap } from './same-map';
import { SNAP_GRID, schematicPoints } from './schematic-layout';
import { sameHint, stockHints, type StockHint } from './site-hints';
import { MAP_SITE_KINDS } from './site-symbols';

/** From this many lanes on, lanes are painted on the canvas instead of one SVG path each. */
export const DENSE_LANES = 300;
/** From this many sites on, symbols shrink (COMPACT_SYMBOL_SCALE) so the map is not all symbols. */
export const COMPACT_SITES = 300;
/** Most lane labels drawn at once. */
export const MAX_LANE_LABELS = 60;

/** One site as MapSites draws it: everything it reads, so only changed sites re-render. */
export interface SiteView {
  readonly placed: PlacedSite;
  readonly selected: boolean;
  /** The connection being drawn would end here. */
  readonly target: boolean;
  readonly side: LabelSide | undefined;
  readonly hint: StockHint | undefined;
  readonly symbolScale: number;
}

const sameView = (a: SiteView, b: SiteView) => a.placed === b.placed && a.selected === b.selected && a.target === b.target
  && a.side === b.side && a.hint === b.hint && a.symbolScale === b.symbolScale;

export interface LaneLabelView {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly emphasised: boolean;
}

export class MapScene {
  /** Read through functions: the scenario and the editor are the component's props. */
  readonly #source: { readonly scenario: () => Scenario; readonly editor: () => EditorView };

  width = $state(0);
  height = $state(0);
  /** The transform the layers are drawn at: set when a gesture settles, never per frame. */
  view = $state.raw<ZoomTransform>(zoomIdentity);
  /** The frame as fitted (frozen between fits). */
  fit = $state.raw<FrameFit | null>(null);
  /** The site a connection being drawn would end at. */
  target = $state<string | null>(null);
  /** Sites are being dragged: labels keep their places (and lane labels hide) until the drop. */
  dragging = $state(false);

  #placedBefore = new Map<string, PlacedSite>();
  #laneMemo = new Map<string, RouteMemo>();
  #hintsBefore: ReadonlyMap<string, StockHint> = new Map();
  #sidesBefore: ReadonlyMap<string, LabelSide> = new Map();
  #viewsBefore = new Map<string, SiteView>();
  #labelsBefore: ReturnType<typeof mapLabels> | null = null;
  #hitIndex: { lanes: readonly PlacedLane[]; index: LaneHitIndex } | null = null;

  constructor(scenario: () => Scenario, editor: () => EditorView) {
    this.#source = { scenario, editor };
  }

  get scenario(): Scenario { return this.#source.scenario(); }
  get #editor(): EditorView { return this.#source.editor(); }

  readonly layout = $derived(this.#editor.layout);
  readonly schematic = $derived(this.layout === 'schematic' ? schematicPoints(this.scenario.sites) : null);
  /** The fit for the current size (resizing keeps the frame anchored). */
  readonly sizedFit = $derived(this.fit && this.fit.layout === this.layout && this.width > 0 && this.height > 0
    ? resizeFit(this.fit, this.width, this.height) : null);
  readonly frame: MapFrame | null = $derived.by(() => {
    const f = this.sizedFit;
    if (!f) return null;
    return f.layout === 'geo' ? geoFrame(f) : schematicFrame(f, this.schematic ?? new Map());
  });

  readonly sites: readonly PlacedSite[] = $derived.by(() => {
    const frame = this.frame;
    if (!frame) return [];
    const placed = placeSitesBy(this.scenario.sites, (s) => frame.place(s), this.width, this.#placedBefore);
    this.#placedBefore = new Map(placed.map((p) => [p.id, p]));
    return placed;
  });
  readonly sitesById = $derived(new Map(this.sites.map((s) => [s.id, s])));
  readonly selectedSites: ReadonlySet<string> = $derived(new Set(this.#editor.selectedIds('sites')));
  readonly selectedLanes: ReadonlySet<string> = $derived(new Set(this.#editor.selectedIds('lanes')));
  readonly symbolScale = $derived(this.sites.length >= COMPACT_SITES ? COMPACT_SYMBOL_SCALE : 1);
  readonly #k = $derived(this.view.k);
  readonly lanes: readonly PlacedLane[] = $derived.by(() => {
    if (this.#laneMemo.size > this.scenario.lanes.length * 2 + 64) this.#laneMemo = new Map();
    return routeLanes(this.scenario.lanes, this.sitesById, this.#k, this.symbolScale, this.selectedSites, this.#laneMemo);
  });
  readonly lanesById = $derived(new Map(this.lanes.map((l) => [l.id, l])));
  readonly dense = $derived(this.lanes.length >= DENSE_LANES);
  /** Selected lanes, and lanes touching a selected site. */
  readonly emphasis: ReadonlyMap<string, LaneEmphasis> = $derived.by(() => {
    const entries: [string, LaneEmphasis][] = [];
    if (this.selectedSites.size > 0 || this.selectedLanes.size > 0) {
      for (const l of this.lanes) {
        if (this.selectedLanes.has(l.id)) entries.push([l.id, 'selected']);
        else if (this.selectedSites.has(l.lane.from) || this.selectedSites.has(l.lane.to)) entries.push([l.id, 'linked']);
      }
    }
    return new Map(entries);
  });
  /**
   * The sites as drawn, in paint order (SVG paints in document order: selected sites go last so
   * their halo and label are on top). A site whose view did not change keeps its object, so
   * MapSites re-renders only the sites an edit touched — its items read nothing else.
   */
  readonly siteViews: readonly SiteView[] = $derived.by(() => {
    const before = this.#viewsBefore;
    const after = new Map<string, SiteView>();
    const view = (placed: PlacedSite): SiteView => {
      const next: SiteView = {
        placed, selected: this.selectedSites.has(placed.id), target: this.target === placed.id,
        side: this.labelSides.get(placed.id), hint: this.hints.get(placed.id), symbolScale: this.symbolScale,
      };
      const old = before.get(placed.id);
      const kept = old && sameView(old, next) ? old : next;
      after.set(placed.id, kept);
      return kept;
    };
    const views = this.selectedSites.size === 0
      ? this.sites.map(view)
      : [...this.sites.filter((s) => !this.selectedSites.has(s.id)), ...this.sites.filter((s) => this.selectedSites.has(s.id))].map(view);
    this.#viewsBefore = after;
    return views;
  });
  readonly hints: ReadonlyMap<string, StockHint> = $derived.by(() => (this.#hintsBefore = sameMap(this.#hintsBefore, stockHints(this.scenario), sameHint)));

  /** Lane labels to place: all lanes of small networks, else the emphasised ones (first). */
  readonly #laneLabelCandidates = $derived.by(() => {
    const shown = this.lanes.length <= ALL_LABELS_MAX ? this.lanes : this.lanes.filter((l) => this.emphasis.has(l.id));
    const period = this.scenario.settings.periodLength;
    return shown
      .map((l) => ({ id: l.id, at: arcLabelPoints(l.arc.start, l.arc.control, l.arc.end), text: laneLabel(l.lane, period), emphasised: this.emphasis.has(l.id) }))
      .sort((a, b) => Number(b.emphasised) - Number(a.emphasised))
      .slice(0, MAX_LANE_LABELS);
  });
  // Placing 1,000 labels costs a few ms: a drag keeps the last placement and places them once,
  // at the drop.
  readonly #labels = $derived.by(() => {
    if (this.dragging && this.#labelsBefore) return this.#labelsBefore;
    return (this.#labelsBefore = mapLabels(this.sites, this.#laneLabelCandidates, this.selectedSites, this.view,
      { width: this.width, height: this.height }, this.symbolScale));
  });
  readonly labelSides: ReadonlyMap<string, LabelSide> = $derived.by(() => (this.#sidesBefore = sameMap(this.#sidesBefore, this.#labels.sides)));
  readonly laneLabels: readonly LaneLabelView[] = $derived(this.dragging ? [] : this.#laneLabelCandidates.flatMap((l) => {
    const at = this.#labels.centred.get(l.id);
    return at ? [{ id: l.id, x: at[0], y: at[1], text: l.text, emphasised: l.emphasised }] : [];
  }));
  /** The schematic's snap grid in layer px. */
  readonly grid = $derived.by(() => {
    const f = this.sizedFit;
    return f?.layout === 'schematic' ? { step: SNAP_GRID * frameScale(f), ox: f.translate[0], oy: f.translate[1] } : null;
  });

  readonly legendKinds = $derived.by(() => {
    const present = new Set<SiteKind>(this.scenario.sites.map((s) => s.kind));
    return present.size === 0 ? MAP_SITE_KINDS : MAP_SITE_KINDS.filter((kind) => present.has(kind));
  });
  readonly legendModes = $derived(MAP_TRANSPORT_MODES.filter((m) => this.scenario.lanes.some((l) => l.mode === m)));

  /** A fit of the frame to the network as it is now. */
  fitNow(): FrameFit {
    const sites = this.scenario.sites;
    return this.layout === 'geo'
      ? fitGeo(sites, this.width, this.height)
      : fitSchematic(schematicPoints(sites).values(), this.width, this.height);
  }

  /** The lane within `px` screen px of a screen point under transform t, if any. */
  laneAt(screen: Point, t: { k: number; x: number; y: number }, px: number): string | null {
    const lanes = this.lanes;
    if (this.#hitIndex?.lanes !== lanes) this.#hitIndex = { lanes, index: new LaneHitIndex(lanes.map((l) => ({ id: l.id, ...l.arc }))) };
    return this.#hitIndex.index.nearest([(screen[0] - t.x) / t.k, (screen[1] - t.y) / t.k], px / t.k);
  }

  /** Tooltip of a lane: its ends by name, mode and lead time. Plain text. */
  laneTitle(placed: PlacedLane): string {
    const from = this.sitesById.get(placed.lane.from)?.site.name ?? placed.lane.from;
    const to = this.sitesById.get(placed.lane.to)?.site.name ?? placed.lane.to;
    return laneTooltip(placed.lane, from, to, this.scenario.settings.periodLength);
  }
}
