/* eslint-disable svelte/prefer-svelte-reactivity -- selections are immutable Sets replaced whole ($state.raw), never mutated in place */
/**
 * The editor as Svelte sees it: the EditorSession's snapshot (undo/redo, refusals), the selection
 * and the interaction mode. Components call `dispatch` for every change to the scenario.
 */
import type { EditorSession, EditorSnapshot } from '../../app/editor/editor-session';
import type { EditResult } from '../../core/edit/apply-edit';
import type { EditCommand } from '../../core/edit/commands';
import type { SiteKind } from '../../core/model/types';

/** A selected thing: `sites:<id>`, `lanes:<id>`, or `<table>:<rowKey>` for other tables. */
export type SelectionKey = string;

export type EditorTool =
  | { readonly kind: 'select' }
  | { readonly kind: 'add-site'; readonly siteKind: SiteKind }
  | { readonly kind: 'connect' };

export type LayoutMode = 'geo' | 'schematic';
export type MainView = 'map' | 'tables' | 'demand' | 'simulate' | 'plan' | 'compare';

export const selectionKey = (table: string, key: string): SelectionKey => `${table}:${key}`;
export function parseSelectionKey(k: SelectionKey): { table: string; key: string } {
  const i = k.indexOf(':');
  return { table: k.slice(0, i), key: k.slice(i + 1) };
}

export class EditorView {
  readonly session: EditorSession;
  snapshot = $state.raw<EditorSnapshot>({ canUndo: false, canRedo: false, undoLabel: undefined, redoLabel: undefined, issues: [] });
  selection = $state.raw<ReadonlySet<SelectionKey>>(new Set());
  tool = $state.raw<EditorTool>({ kind: 'select' });
  layout = $state<LayoutMode>('geo');
  view = $state<MainView>('map');
  /** Schematic: new and dragged sites snap to the grid. */
  snap = $state(false);
  /** The map centres on this site when `seq` changes (site search). */
  focusRequest = $state.raw<{ readonly siteId: string; readonly seq: number } | null>(null);
  #unsubscribe: () => void;

  constructor(session: EditorSession) {
    this.session = session;
    this.#unsubscribe = session.subscribe((s) => { this.snapshot = s; });
  }

  dispatch(cmd: EditCommand, coalesceKey?: string): EditResult {
    const r = this.session.dispatch(cmd, coalesceKey);
    if (r.ok && cmd.kind === 'delete-rows') this.prune(r.scenario);
    return r;
  }

  undo(): void { this.session.undo(); }
  redo(): void { this.session.redo(); }

  select(keys: Iterable<SelectionKey>, additive = false): void {
    const next = new Set(additive ? this.selection : []);
    for (const k of keys) {
      if (additive && next.has(k)) next.delete(k);
      else next.add(k);
    }
    this.selection = next;
  }

  /** Selects a site and asks the map to centre on it. */
  focusSite(siteId: string): void {
    this.select([selectionKey('sites', siteId)]);
    this.focusRequest = { siteId, seq: (this.focusRequest?.seq ?? 0) + 1 };
  }

  clearSelection(): void {
    if (this.selection.size) this.selection = new Set();
  }

  /** Selected ids of one table, e.g. `selectedIds('sites')`. */
  selectedIds(table: string): string[] {
    return [...this.selection].map(parseSelectionKey).filter((s) => s.table === table).map((s) => s.key);
  }

  /** Drops selected keys whose rows no longer exist (after deletes, undo, scenario switch). */
  prune(scenario: { sites: readonly { id: string }[]; lanes: readonly { id: string }[] } | null): void {
    if (!scenario || this.selection.size === 0) { this.clearSelection(); return; }
    const sites = new Set(scenario.sites.map((s) => s.id));
    const lanes = new Set(scenario.lanes.map((l) => l.id));
    const kept = [...this.selection].filter((k) => {
      const { table, key } = parseSelectionKey(k);
      return table === 'sites' ? sites.has(key) : table === 'lanes' ? lanes.has(key) : true;
    });
    if (kept.length !== this.selection.size) this.selection = new Set(kept);
  }

  dispose(): void {
    this.#unsubscribe();
    this.session.dispose();
  }
}
