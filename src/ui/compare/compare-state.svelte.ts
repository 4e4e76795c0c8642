/**
 * The Compare view's state, outliving the view like the simulation session: which scenarios
 * are compared (baseline first), the stored scenarios loaded for it (by library revision, so
 * an edit in another tab is picked up), and what the result cache said for each scenario as
 * it is now. Results themselves live in `simSession.records` — one place for the Simulate and
 * Compare views — and are restored from the cache through `simSession.restore`.
 */
import { SvelteMap } from 'svelte/reactivity';
import { scenarioFromJson } from '../../core/io/scenario-json';
import type { Scenario } from '../../core/model/types';
import type { RestoreState, SimRecord, SimSession } from '../sim/sim-session.svelte';

export const MAX_COMPARED = 4;

export type LoadedScenario = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly message: string };

/** Reads a scenario by id as the library exports it (the open one with its unsaved edits). */
export type ScenarioReader = (id: string) => Promise<string>;

/** Where a column's result stands. */
export type ColumnResult =
  | { readonly kind: 'current'; readonly record: SimRecord }
  | { readonly kind: 'running' }
  | { readonly kind: 'checking' }
  /** A result exists, for an earlier version of the scenario: not shown as its result. */
  | { readonly kind: 'stale' }
  | { readonly kind: 'none' };

export class CompareState {
  /** Ids the user picked, baseline first; null until the user picks (the default applies). */
  picked = $state.raw<readonly string[] | null>(null);
  /** Which compared scenario (column index ≥ 1) the map diff sets against the baseline. */
  mapColumn = $state(1);
  readonly docs = new SvelteMap<string, { readonly revision: number; readonly loaded: LoadedScenario | null }>();
  readonly lookups = new SvelteMap<string, { readonly fingerprint: string; readonly state: RestoreState | 'pending' }>();

  /** Loads a stored scenario once per revision; a failure is kept as its message. */
  load(id: string, revision: number, read: ScenarioReader): void {
    const have = this.docs.get(id);
    if (have && have.revision === revision) return;
    this.docs.set(id, { revision, loaded: null });
    void read(id).then(
      (text) => {
        const r = scenarioFromJson(text);
        return r.ok ? { ok: true as const, scenario: r.scenario } : { ok: false as const, message: r.message };
      },
      (e: unknown) => ({ ok: false as const, message: e instanceof Error ? e.message : String(e) }),
    ).then((loaded) => {
      if (this.docs.get(id)?.revision === revision) this.docs.set(id, { revision, loaded });
    });
  }

  /** Asks the session (and through it the result cache) for this scenario's result, once per version. */
  lookup(session: SimSession, scenario: Scenario): void {
    const fingerprint = session.fingerprint(scenario);
    if (this.lookups.get(scenario.id)?.fingerprint === fingerprint) return;
    this.lookups.set(scenario.id, { fingerprint, state: 'pending' });
    void session.restore(scenario).then((state) => {
      if (this.lookups.get(scenario.id)?.fingerprint === fingerprint) this.lookups.set(scenario.id, { fingerprint, state });
    });
  }

  /** The result of a column as things stand. */
  resultOf(session: SimSession, scenario: Scenario): ColumnResult {
    const record = session.records.get(scenario.id);
    if (record && !session.isStale(record, scenario)) return { kind: 'current', record };
    if (session.active?.scenarioId === scenario.id) return { kind: 'running' };
    const lookup = this.lookups.get(scenario.id);
    if (lookup?.state === 'pending' && lookup.fingerprint === session.fingerprint(scenario)) return { kind: 'checking' };
    if (record || lookup?.state === 'stale') return { kind: 'stale' };
    return { kind: 'none' };
  }

  /** Toggles a scenario in the comparison (at most MAX_COMPARED; the baseline stays first). */
  toggle(current: readonly string[], id: string): void {
    const next = current.includes(id) ? current.filter((x) => x !== id) : current.length >= MAX_COMPARED ? current : [...current, id];
    this.picked = next;
    this.mapColumn = Math.min(Math.max(1, this.mapColumn), Math.max(1, next.length - 1));
  }

  makeBaseline(current: readonly string[], id: string): void {
    if (!current.includes(id)) return;
    this.picked = [id, ...current.filter((x) => x !== id)];
  }
}

/** One per page. */
export const compareState = new CompareState();
