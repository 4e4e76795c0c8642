/** How a ScenarioLibrary is built, and the shapes its methods return. */
import type { ModelIssue } from '../../core';
import type { ScenarioStore } from '../persistence/store';
import type { TabChannel } from '../persistence/tab-channel';
import type { ScenarioTemplate } from './templates';

/** Passed to `openStore` so the library can explain database upgrades to the user (case 9). */
export interface StoreHooks {
  onBlocked(): void;
  onVersionChange(): void;
}

export interface ScenarioLibraryOptions {
  /** Usually `(hooks) => openScenarioDb({ ...hooks })`; a rejection means memory-only mode. */
  openStore: (hooks: StoreHooks) => Promise<ScenarioStore>;
  templates: readonly ScenarioTemplate[];
  /** Template of the scenario created on the first visit (and when the last one is deleted). */
  defaultTemplateId: string;
  /** Minimum time between two autosave writes (default 400 ms). */
  autosaveDelayMs?: number;
  now?: () => number;
  newId?: () => string;
  channel?: TabChannel;
  /** Defaults to navigator.storage.persist(); called once per init with a real store. */
  requestPersistence?: () => Promise<boolean>;
}

export type ImportResult = { ok: true; id: string } | { ok: false; message: string; issues: ModelIssue[] };

export interface ExportedScenario {
  readonly fileName: string;
  readonly text: string;
}
