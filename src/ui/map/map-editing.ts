/**
 * What the map's gestures and shortcuts do to the scenario, in one framework-free place: each
 * turns into one `dispatch` (one undo step) and a new selection. The component wires pointer and
 * key events to these methods and supplies the live scenario, frame and zoom.
 */
import type { EditResult } from '../../core/edit/apply-edit';
import type { EditCommand } from '../../core/edit/commands';
import type { Scenario, SiteKind } from '../../core/model/types';
import { copySites, pasteClip, type Clip } from '../editor/clipboard';
import { addSiteCommand, connectCommand, deleteSelectionCommand } from '../editor/site-edits';
import { idsInRect, type ScreenRect, type Transform } from './box-hit';
import type { Point } from './lane-path';
import type { MapFrame } from './map-frame';
import { moveCommand, pasteOffset, positionAt } from './map-positions';
import type { SiteMove } from './controllers/site-drag';

/** The part of EditorView the map edits through (tests pass a fake). */
export interface EditorPort {
  dispatch(cmd: EditCommand, coalesceKey?: string): EditResult;
  undo(): void;
  select(keys: Iterable<string>, additive?: boolean): void;
  clearSelection(): void;
  selectedIds(table: string): string[];
}

export interface MapContext {
  readonly scenario: Scenario;
  readonly frame: MapFrame | null;
  readonly transform: Transform;
  readonly snapping: boolean;
  /** Placed sites in layer px (for box selection). */
  readonly placed: Iterable<{ readonly id: string; readonly x: number; readonly y: number }>;
}

export const siteKey = (id: string) => `sites:${id}`;
export const laneKey = (id: string) => `lanes:${id}`;

export class MapEditing {
  readonly #editor: EditorPort;
  readonly #context: () => MapContext;
  #clip: Clip | null = null;
  #pastes = 0;
  /** Drags whose moves were accepted at least once (Escape must undo exactly those). */
  readonly #movedDrags = new Set<string>();

  constructor(editor: EditorPort, context: () => MapContext) {
    this.#editor = editor;
    this.#context = context;
  }

  /** Adds a site of `kind` at a layer point and selects it; returns its id. */
  addSite(kind: SiteKind, at: Point): string | null {
    const { scenario, frame, snapping } = this.#context();
    const position = frame ? positionAt(frame, at, snapping) : null;
    if (!position) return null;
    const { command, id } = addSiteCommand(scenario, kind, position);
    if (!this.#editor.dispatch(command).ok) return null;
    this.#editor.select([siteKey(id)]);
    return id;
  }

  connect(from: string, to: string): string | null {
    const { command, id } = connectCommand(this.#context().scenario, from, to);
    if (!this.#editor.dispatch(command).ok) return null;
    this.#editor.select([laneKey(id)]);
    return id;
  }

  dragMove(moves: readonly SiteMove[], gesture: string): void {
    const { frame, snapping } = this.#context();
    const cmd = frame ? moveCommand(frame, moves, snapping) : null;
    if (cmd && this.#editor.dispatch(cmd, gesture).ok) this.#movedDrags.add(gesture);
  }

  /** A drag ended; a cancelled one (Escape) is rolled back as if it never happened. */
  dragEnd(gesture: string, cancelled: boolean): void {
    if (cancelled && this.#movedDrags.has(gesture)) this.#editor.undo();
    this.#movedDrags.delete(gesture);
  }

  /**
   * Moves the selected sites by screen px (keyboard). Presses in a row on the same selection
   * merge into one undo step.
   */
  nudge(dx: number, dy: number): boolean {
    const ids = this.#editor.selectedIds('sites');
    const { placed, transform } = this.#context();
    const at = new Map([...placed].map((p) => [p.id, p]));
    const moves = ids.flatMap((id) => {
      const p = at.get(id);
      return p ? [{ id, to: [p.x + dx / transform.k, p.y + dy / transform.k] as Point }] : [];
    });
    if (moves.length === 0) return false;
    // Exactly the step asked for: snapping would swallow steps smaller than the grid.
    const { frame } = this.#context();
    const cmd = frame ? moveCommand(frame, moves, false) : null;
    return !!cmd && this.#editor.dispatch(cmd, `nudge:${ids.join(',')}`).ok;
  }

  deleteSelection(): boolean {
    const cmd = deleteSelectionCommand(this.#editor.selectedIds('sites'), this.#editor.selectedIds('lanes'));
    return !!cmd && this.#editor.dispatch(cmd).ok;
  }

  copy(): number {
    this.#clip = copySites(this.#context().scenario, this.#editor.selectedIds('sites'));
    this.#pastes = 0;
    return this.#clip?.sites.length ?? 0;
  }

  paste(): readonly string[] {
    const { scenario, frame, transform, snapping } = this.#context();
    if (!this.#clip || !frame) return [];
    const plan = pasteClip(this.#clip, scenario, pasteOffset(frame, transform.k, this.#pastes + 1, snapping));
    if (!this.#editor.dispatch(plan.command).ok) return [];
    this.#pastes++;
    this.#editor.select([...plan.siteIds.map(siteKey), ...plan.laneIds.map(laneKey)]);
    return plan.siteIds;
  }

  selectAll(): void {
    this.#editor.select(this.#context().scenario.sites.map((s) => siteKey(s.id)));
  }

  /** Sites inside a screen rectangle join the selection. */
  selectBox(rect: ScreenRect): void {
    const { placed, transform } = this.#context();
    const ids = idsInRect(placed, rect, transform);
    const current = new Set(this.#editor.selectedIds('sites'));
    // select(…, additive) toggles; a box only adds.
    this.#editor.select(ids.filter((id) => !current.has(id)).map(siteKey), true);
  }

  /** A click on a site or lane: select it alone, or toggle it with Shift. */
  clickSelect(key: string, additive: boolean): void {
    this.#editor.select([key], additive);
  }
}
