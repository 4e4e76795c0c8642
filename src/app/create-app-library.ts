/** Wires the scenario library to the browser: IndexedDB store, built-in templates, tab channel. */
import { BUILTIN_TEMPLATES, DEFAULT_TEMPLATE_ID } from './builtin-scenarios';
import { ScenarioLibrary } from './library/scenario-library';
import { openScenarioDb } from './persistence/scenario-db';
import { createTabChannel } from './persistence/tab-channel';

export function createAppLibrary(): ScenarioLibrary {
  return new ScenarioLibrary({
    // The library's hooks turn a blocked upgrade or a newer tab into its own visible warnings.
    openStore: (hooks) => openScenarioDb({ ...hooks }),
    templates: BUILTIN_TEMPLATES,
    defaultTemplateId: DEFAULT_TEMPLATE_ID,
    channel: createTabChannel(),
  });
}
