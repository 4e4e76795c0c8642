/** Forking a what-if from a scenario: naming, origin line, and the library operation. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/core';
import { forkBaseName, forkedFrom, forkName, forkScenario } from '../../../src/app/library/fork';
import type { ScenarioLibrary } from '../../../src/app/library/scenario-library';
import { freshFactory, makeLibrary, readStored } from './library-helpers';

const live: ScenarioLibrary[] = [];
afterEach(() => { live.splice(0).forEach((l) => l.dispose()); });

describe('fork names and origin', () => {
  it('numbers what-ifs after the root name, skipping names already taken', () => {
    expect(forkName('Europe', [])).toBe('Europe — what-if');
    expect(forkName('Europe', ['Europe — what-if'])).toBe('Europe — what-if 2');
    expect(forkName('Europe — what-if', ['Europe — what-if', 'Europe — what-if 2'])).toBe('Europe — what-if 3');
    expect(forkBaseName('Europe — what-if 12')).toBe('Europe');
    expect(forkBaseName('what-if planning')).toBe('what-if planning');
  });

  it('writes the origin as the first description line and replaces an inherited one', () => {
    const base = { id: 'a', name: 'Base', description: 'Two plants.' } as Scenario;
    const fork = forkScenario(base, 'b', [], new Date('2026-11-25T10:00:00Z'));
    expect(fork).toMatchObject({ id: 'b', name: 'Base — what-if' });
    expect(fork.description).toBe('What-if of “Base” (id a), forked 2026-11-25.\nTwo plants.');
    expect(forkedFrom(fork)).toBe('a');
    const second = forkScenario(fork, 'c', [fork.name], new Date('2026-11-26T10:00:00Z'));
    expect(second.description).toBe('What-if of “Base — what-if” (id b), forked 2026-11-26.\nTwo plants.');
    expect(forkedFrom(second)).toBe('b');
    expect(forkedFrom(base)).toBeNull();
  });
});

describe('library fork', () => {
  it('stores and opens the fork; the original is untouched', async () => {
    const factory = freshFactory();
    const lib = makeLibrary(factory);
    live.push(lib);
    await lib.init();
    const original = lib.getState().currentId!;
    const before = await readStored(factory, original);
    const forkId = await lib.fork(original);
    const s = lib.getState();
    expect(s.currentId).toBe(forkId);
    expect(forkId).not.toBe(original);
    expect(s.current?.name).toBe(`${before?.name} — what-if`);
    expect(forkedFrom(s.current!)).toBe(original);
    expect(s.current?.sites).toEqual((before?.doc as Scenario).sites);
    expect(await readStored(factory, original)).toEqual(before);
    await lib.open(original);
    const again = await lib.fork(original);
    expect(lib.getState().current?.name).toBe(`${before?.name} — what-if 2`);
    expect(lib.getState().list.map((m) => m.id)).toEqual(expect.arrayContaining([original, forkId, again]));
  });
});
