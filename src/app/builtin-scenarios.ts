/**
 * The built-in example scenarios in `scenarios/`, as library templates. Each file is its own lazy
 * chunk, so the first load carries only the default.
 */
import type { ScenarioTemplate } from './library/templates';

const files = import.meta.glob<unknown>('../../scenarios/*.json', { import: 'default' });

/** File stem → display name; unknown files still appear, named by their stem. */
const NAMES: Record<string, string> = {
  'default-europe': 'European network (default)',
  'transportation-ampl': 'Transportation problem (AMPL transp)',
  'beer-game': 'Beer game (serial supply chain)',
};

export const DEFAULT_TEMPLATE_ID = 'default-europe';

export const BUILTIN_TEMPLATES: ScenarioTemplate[] = Object.entries(files)
  .map(([path, load]) => {
    const id = path.replace(/^.*\/([^/]+)\.json$/, '$1');
    return { id, name: NAMES[id] ?? id, load };
  })
  .sort((a, b) => (a.id === DEFAULT_TEMPLATE_ID ? -1 : b.id === DEFAULT_TEMPLATE_ID ? 1 : a.name.localeCompare(b.name)));
