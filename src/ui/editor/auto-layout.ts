/**
 * The schematic's "Auto-layout" button as one edit: d3-force positions for every site (see
 * map/force-layout.ts), written as a single move-sites inside a labelled batch, so one Undo
 * restores the previous layout.
 */
import type { EditCommand } from '../../core/edit/commands';
import type { Scenario } from '../../core/model/types';
import { forceLayout } from '../map/force-layout';
import { SNAP_GRID, schematicPoints } from '../map/schematic-layout';

export function autoLayoutCommand(scenario: Scenario, snapping: boolean): EditCommand | null {
  if (scenario.sites.length === 0) return null;
  const positions = forceLayout(scenario.sites, scenario.lanes, schematicPoints(scenario.sites), { grid: snapping ? SNAP_GRID : 0 });
  const moves = scenario.sites.map((s) => {
    const [x, y] = positions.get(s.id) ?? [0, 0];
    return { id: s.id, x, y };
  });
  return { kind: 'batch', label: 'auto-layout', commands: [{ kind: 'move-sites', moves }] };
}
