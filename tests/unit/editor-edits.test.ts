/**
 * The commands the map makes — add a site, connect two sites, delete the selection — and copy /
 * paste, applied through the real command layer (applyEdit), so a test passes only if the edit
 * is valid and does what the user meant.
 */
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../src/core/edit/apply-edit';
import type { EditCommand } from '../../src/core/edit/commands';
import type { Scenario } from '../../src/core/model/types';
import { copySites, copyName, pasteClip } from '../../src/ui/editor/clipboard';
import { IdAllocator, highestNumber, newSiteIdentity } from '../../src/ui/editor/new-ids';
import { addSiteCommand, connectCommand, deleteSelectionCommand, placeholderLatLon } from '../../src/ui/editor/site-edits';
import { network } from './editor-fixtures';

function apply(s: Scenario, cmd: EditCommand): Scenario {
  const r = applyEdit(s, cmd);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.table} ${i.field ?? ''}: ${i.message}`).join('; '));
  return r.scenario;
}

describe('new ids', () => {
  it('continues after the highest number in use, never reusing a deleted one', () => {
    expect(highestNumber(['dc-1', 'dc-7', 'dc-x', 'dcc-9', 'plant-12'], 'dc')).toBe(7);
    const ids = new IdAllocator(['dc-1', 'dc-3']);
    expect(ids.next('dc')).toEqual({ id: 'dc-4', n: 4 });
    expect(ids.next('dc')).toEqual({ id: 'dc-5', n: 5 });
    expect(ids.next('plant')).toEqual({ id: 'plant-1', n: 1 });
  });

  it('names a site after its kind and number', () => {
    expect(newSiteIdentity('dc', new IdAllocator(['dc-1', 'dc-2']))).toEqual({ id: 'dc-3', name: 'DC 3' });
    expect(newSiteIdentity('returns', new IdAllocator([]))).toEqual({ id: 'returns-1', name: 'Returns centre 1' });
  });
});

describe('add, connect, delete', () => {
  it('adds a site at a geographic point', () => {
    const s = network();
    const { command, id } = addSiteCommand(s, 'dc', { lat: 48.1, lon: 11.6 });
    const after = apply(s, command);
    expect(id).toBe('dc-1');
    expect(after.sites.at(-1)).toMatchObject({ id: 'dc-1', name: 'DC 1', kind: 'dc', lat: 48.1, lon: 11.6, status: 'existing' });
  });

  it('adds a schematic site with x/y and a placeholder position at the network\'s mean', () => {
    const s = network();
    expect(placeholderLatLon(s.sites)).toEqual({ lat: 50.1, lon: 8.1 });
    expect(placeholderLatLon([])).toEqual({ lat: 0, lon: 0 });
    const after = apply(s, addSiteCommand(s, 'customer', { x: 120, y: -40 }).command);
    expect(after.sites.at(-1)).toMatchObject({ id: 'customer-1', x: 120, y: -40, lat: 50.1, lon: 8.1 });
  });

  it('connects two sites with a road lane whose distance, lead time and cost follow geography', () => {
    const s = network();
    const { command, id } = connectCommand(s, 'sup', 'dc');
    const lane = apply(s, command).lanes.find((l) => l.id === id)!;
    expect(lane).toMatchObject({ from: 'sup', to: 'dc', mode: 'road', autoDistance: true, autoLeadTime: true, autoCost: true });
    // Supplier (50 N, 10 E) → DC (51.4 N, 6.2 E): ~310 km great circle × road circuity 1.25.
    expect(lane.distance).toBeGreaterThan(370);
    expect(lane.distance).toBeLessThan(400);
    // (0.5 handling day + 387 km / 600 km a day) / 7 days ≈ 0.16 weeks → 0; 0.5 + 387 × 0.002 ≈ 1.27.
    expect(lane.leadTime).toBe(0);
    expect(lane.costPerUnit).toBeCloseTo(0.5 + lane.distance! * 0.002, 2);
  });

  it('keeps the table defaults for a lane between sites drawn at one point (schematic only)', () => {
    let s = network();
    s = apply(s, addSiteCommand(s, 'dc', { x: 0, y: 0 }).command);
    s = apply(s, addSiteCommand(s, 'customer', { x: 200, y: 0 }).command);
    const { command, id } = connectCommand(s, 'dc-1', 'customer-1');
    const lane = apply(s, command).lanes.find((l) => l.id === id)!;
    expect(lane).toMatchObject({ autoDistance: false, leadTime: 1, costPerUnit: 0 });
    expect(lane.distance).toBeUndefined();
  });

  it('lets the command layer refuse a lane the model forbids', () => {
    const s = network();
    const r = applyEdit(s, connectCommand(s, 'cust', 'dc').command);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ table: 'lanes', field: 'from', message: expect.stringContaining('cannot ship') });
  });

  it('deletes sites and lanes in one step, the sites taking their lanes along', () => {
    const s = network();
    const cmd = deleteSelectionCommand(['dc'], ['sup-plant'])!;
    expect(cmd).toMatchObject({ kind: 'batch', label: 'delete 1 site and 1 lane' });
    const after = apply(s, cmd);
    expect(after.sites.map((x) => x.id)).toEqual(['sup', 'plant', 'cust']);
    expect(after.lanes).toEqual([]);
    expect(deleteSelectionCommand([], [])).toBeNull();
    expect(deleteSelectionCommand(['a', 'b'], [])).toMatchObject({ label: 'delete 2 sites' });
  });
});

describe('copy and paste', () => {
  it('copies the selected sites and only the lanes between them', () => {
    const clip = copySites(network(), ['plant', 'dc', 'nowhere'])!;
    expect(clip.sites.map((s) => s.id)).toEqual(['plant', 'dc']);
    expect(clip.lanes.map((l) => l.id)).toEqual(['plant-dc']);
    expect(copySites(network(), [])).toBeNull();
  });

  it('pastes copies with new ids and names, offset, with their lanes re-pointed at the copies', () => {
    const s = network();
    const clip = copySites(s, ['plant', 'dc'])!;
    const plan = pasteClip(clip, s, (site) => ({ lat: site.lat - 0.5, lon: site.lon + 0.5 }));
    expect(plan.siteIds).toEqual(['plant-1', 'dc-1']);
    expect(plan.command).toMatchObject({ kind: 'batch', label: 'paste 2 sites and 1 lane' });
    const after = apply(s, plan.command);
    const copy = after.sites.find((x) => x.id === 'plant-1')!;
    expect(copy).toMatchObject({ name: 'Plant (copy)', kind: 'plant', lat: 50.5, lon: 12.5, storageCapacity: 1000 });
    const lane = after.lanes.find((l) => l.id === plan.laneIds[0])!;
    expect(lane).toMatchObject({ from: 'plant-1', to: 'dc-1', leadTime: 1 });
    // The originals are untouched, and a second paste gets fresh ids again.
    expect(after.lanes.find((l) => l.id === 'plant-dc')).toMatchObject({ from: 'plant', to: 'dc' });
    const again = pasteClip(clip, after, () => ({}));
    expect(again.siteIds).toEqual(['plant-2', 'dc-2']);
    expect(apply(after, again.command).sites).toHaveLength(s.sites.length + 4);
  });

  it('keeps names within the 200-character limit', () => {
    expect(copyName('x'.repeat(200))).toHaveLength(200);
    expect(copyName('DC Lyon')).toBe('DC Lyon (copy)');
  });
});
