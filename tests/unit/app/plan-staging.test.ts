/**
 * Drawing a large plan in tasks (reliability case 22): the step runner the Optimise view uses, and
 * the plan map's backdrop, projected in tasks of its own and remembered per projection.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import countries from 'world-atlas/countries-110m.json';
import type { Topology } from 'topojson-specification';
import { worldShapesFromTopology } from '../../../src/ui/map/world-shapes';
import { fitProjection } from '../../../src/ui/map/projection';
import { backdropKey, forgetBackdrops, mapBackdrop, type MapBackdrop } from '../../../src/ui/plan/plan-map-backdrop';
import { inTasks, nextTask, type Schedule } from '../../../src/ui/plan/staging';

/** A scheduler the test drives: each `step()` runs the one task that is due. */
function manualTasks() {
  const queue: (() => void)[] = [];
  const schedule: Schedule = (run) => {
    queue.push(run);
    return () => { const i = queue.indexOf(run); if (i >= 0) queue.splice(i, 1); };
  };
  return {
    schedule,
    get pending() { return queue.length; },
    step() { const run = queue.shift(); if (!run) throw new Error('no task due'); run(); },
  };
}

describe('inTasks', () => {
  afterEach(() => { vi.unstubAllGlobals(); });

  it('runs nothing at once, then one step per task, in order', () => {
    const tasks = manualTasks();
    const done: string[] = [];
    inTasks([() => done.push('a'), () => done.push('b'), () => done.push('c')], tasks.schedule);
    expect(done).toEqual([]);
    expect(tasks.pending).toBe(1);
    tasks.step();
    expect(done).toEqual(['a']);
    expect(tasks.pending).toBe(1);
    tasks.step();
    tasks.step();
    expect(done).toEqual(['a', 'b', 'c']);
    expect(tasks.pending).toBe(0);
  });

  it('stops: the steps not yet run never run, the task already asked for is taken back', () => {
    const tasks = manualTasks();
    const done: string[] = [];
    const stop = inTasks([() => done.push('a'), () => done.push('b'), () => done.push('c')], tasks.schedule);
    tasks.step();
    stop();
    expect(tasks.pending).toBe(0);
    expect(done).toEqual(['a']);
    stop();
    expect(done).toEqual(['a']);
  });

  it('a step may stop the rest itself', () => {
    const tasks = manualTasks();
    const done: string[] = [];
    const stop = inTasks([() => { done.push('a'); stop(); }, () => done.push('b')], tasks.schedule);
    tasks.step();
    expect(tasks.pending).toBe(0);
    expect(done).toEqual(['a']);
  });

  it('a step that throws is reported as an error, and the steps after it still run', () => {
    const reported: unknown[] = [];
    vi.stubGlobal('reportError', (e: unknown) => reported.push(e));
    const tasks = manualTasks();
    const done: string[] = [];
    inTasks([() => { throw new Error('layout failed'); }, () => done.push('after')], tasks.schedule);
    tasks.step();
    expect(reported).toEqual([new Error('layout failed')]);
    tasks.step();
    expect(done).toEqual(['after']);
  });

  it('no steps: nothing is scheduled', () => {
    const tasks = manualTasks();
    inTasks([], tasks.schedule);
    expect(tasks.pending).toBe(0);
  });

  it('with the real event loop, each step is a task of its own: microtasks of one step run before the next step', async () => {
    const order: string[] = [];
    const finished = new Promise<void>((resolve) => {
      inTasks([
        () => { order.push('step 1'); void Promise.resolve().then(() => order.push('microtask of step 1')); },
        () => { order.push('step 2'); resolve(); },
      ], nextTask);
    });
    order.push('sync');
    await finished;
    expect(order).toEqual(['sync', 'step 1', 'microtask of step 1', 'step 2']);
  });
});

describe('mapBackdrop', () => {
  const world = worldShapesFromTopology(countries as unknown as Topology);
  const sites = [{ lon: 2.35, lat: 48.86 }, { lon: 13.4, lat: 52.52 }, { lon: -3.7, lat: 40.42 }];
  const projection = (width: number) => fitProjection(sites, width, 380);

  beforeEach(() => { forgetBackdrops(); });

  it('shows the outline at once, then land and then borders, each projected in a task of its own', () => {
    const tasks = manualTasks();
    const shown: MapBackdrop[] = [];
    mapBackdrop(projection(640), 640, 380, world, (b) => shown.push(b), tasks.schedule);
    expect(shown).toHaveLength(1);
    expect(shown[0].sphere).toMatch(/^M/);
    expect(shown[0]).toMatchObject({ land: '', borders: '' });
    tasks.step();
    expect(shown).toHaveLength(2);
    expect(shown[1].land).toMatch(/^M[\d.-]+,[\d.-]+L/);
    expect(shown[1].borders).toBe('');
    tasks.step();
    expect(shown).toHaveLength(3);
    expect(shown[2].borders).toMatch(/^M/);
    expect(shown[2].land).toBe(shown[1].land);
    expect(tasks.pending).toBe(0);
  });

  it('the same projection again (the next plan of the same network): the whole backdrop at once, nothing projected', () => {
    const tasks = manualTasks();
    let first: MapBackdrop | undefined;
    mapBackdrop(projection(640), 640, 380, world, (b) => { first = b; }, tasks.schedule);
    tasks.step();
    tasks.step();
    const shown: MapBackdrop[] = [];
    // A new projection object with the same parameters, as a new plan's layout makes.
    mapBackdrop(projection(640), 640, 380, world, (b) => shown.push(b), tasks.schedule);
    expect(shown).toEqual([first]);
    expect(tasks.pending).toBe(0);
  });

  it('another width is another projection: projected again', () => {
    const tasks = manualTasks();
    mapBackdrop(projection(640), 640, 380, world, () => undefined, tasks.schedule);
    tasks.step();
    tasks.step();
    expect(backdropKey(projection(700), 700, 380)).not.toBe(backdropKey(projection(640), 640, 380));
    const shown: MapBackdrop[] = [];
    mapBackdrop(projection(700), 700, 380, world, (b) => shown.push(b), tasks.schedule);
    expect(shown.map((b) => b.land)).toEqual(['']);
    expect(tasks.pending).toBe(1);
  });

  it('before the world shapes are loaded: the outline only; once they are, land and borders', () => {
    const tasks = manualTasks();
    const shown: MapBackdrop[] = [];
    mapBackdrop(projection(640), 640, 380, null, (b) => shown.push(b), tasks.schedule);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ land: '', borders: '' });
    expect(tasks.pending).toBe(0);
    mapBackdrop(projection(640), 640, 380, world, (b) => shown.push(b), tasks.schedule);
    expect(shown[1].sphere).toBe(shown[0].sphere);
    tasks.step();
    tasks.step();
    expect(shown.at(-1)!.land).toMatch(/^M/);
    expect(shown.at(-1)!.borders).toMatch(/^M/);
  });

  it('stopped half-way (a newer plan came): nothing more is shown and the half is not remembered', () => {
    const tasks = manualTasks();
    const shown: MapBackdrop[] = [];
    const stop = mapBackdrop(projection(640), 640, 380, world, (b) => shown.push(b), tasks.schedule);
    tasks.step();
    stop();
    expect(tasks.pending).toBe(0);
    expect(shown).toHaveLength(2);
    const again: MapBackdrop[] = [];
    mapBackdrop(projection(640), 640, 380, world, (b) => again.push(b), tasks.schedule);
    expect(again.map((b) => b.land)).toEqual(['']);
    expect(tasks.pending).toBe(1);
  });
});
