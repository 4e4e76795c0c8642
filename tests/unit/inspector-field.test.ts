// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { buildRefIndex } from '../../src/app/tables/ref-index';
import { tableColumns } from '../../src/core/model/introspect';
import { validateScenario } from '../../src/core/model/validate';
import Field from '../../src/ui/forms/Field.svelte';
import { validDoc } from '../support/scenario-doc';
// Under Node, "svelte" resolves to its server build (the shared vite config sets no browser
// condition); the components compiled for this jsdom file need the client runtime's mount.
// @ts-expect-error -- a file path inside the package, typed below as the public API
import * as svelteClient from '/node_modules/svelte/src/index-client.js';

const { flushSync, mount, unmount } = svelteClient as typeof import('svelte');

const r = validateScenario(validDoc());
if (!r.ok) throw new Error('fixture invalid');
const ctx = { refs: buildRefIndex(r.scenario), currency: 'EUR' };
const col = (table: 'sites' | 'lanes', key: string) => tableColumns(table).find((c) => c.key === key)!;

let app: ReturnType<typeof mount> | undefined;
afterEach(() => { if (app) unmount(app); app = undefined; document.body.innerHTML = ''; });

/** Mounts a field whose commit refuses values above `max`, recording what it was given. */
function field(key: string, value: unknown, table: 'sites' | 'lanes' = 'sites', max = 90) {
  const commits: unknown[] = [];
  app = mount(Field, {
    target: document.body,
    props: {
      col: col(table, key), value, ctx, id: `f-${key}`,
      oncommit: (v: unknown) => { commits.push(v); return typeof v === 'number' && v > max ? `must be at most ${max}` : undefined; },
    },
  });
  flushSync();
  const input = document.getElementById(`f-${key}`) as HTMLInputElement;
  const type = (text: string) => { input.value = text; input.dispatchEvent(new Event('input', { bubbles: true })); flushSync(); };
  const key_ = (k: string) => { input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })); flushSync(); };
  return { input, commits, type, key: key_ };
}

describe('Field (text-like): commit on Enter/blur, refusal at the field', () => {
  it('is labelled with its unit, shows the description as help and commits a decimal-comma number on Enter', () => {
    const f = field('holdingCost', 0);
    const label = document.querySelector('label[for="f-holdingCost"]')!;
    expect(label.textContent).toContain('Holding cost');
    expect(label.textContent).toContain('EUR/(unit·period)');
    expect(f.input.title).toMatch(/Cost of holding one unit/);
    f.type('0,5');
    expect(f.commits).toEqual([]); // typing alone commits nothing
    f.key('Enter');
    expect(f.commits).toEqual([0.5]);
  });

  it('keeps the refused text, marks the input invalid and links the message', () => {
    const f = field('lat', 45.7);
    f.type('200');
    f.input.dispatchEvent(new FocusEvent('blur'));
    flushSync();
    expect(f.commits).toEqual([200]);
    expect(f.input.value).toBe('200');
    expect(f.input.getAttribute('aria-invalid')).toBe('true');
    const msg = document.getElementById(f.input.getAttribute('aria-describedby')!);
    expect(msg?.textContent).toBe('must be at most 90');
    // Escape drops the draft: the stored value and no message.
    f.key('Escape');
    expect(f.input.value).toBe('45.7');
    expect(f.input.getAttribute('aria-invalid')).toBe('false');
    expect(document.querySelector('.error')).toBeNull();
  });

  it('reports text that is not a number without committing anything', () => {
    const f = field('lat', 45.7);
    f.type('north');
    f.key('Enter');
    expect(f.commits).toEqual([]);
    expect(document.querySelector('.error')?.textContent).toBe('must be a number (got "north")');
  });

  it('empty clears an optional field (undefined) and shows what empty means', () => {
    const f = field('storageCapacity', 500);
    f.type('');
    f.key('Enter');
    expect(f.commits).toEqual([undefined]);
    expect(f.input.placeholder).toBe('unlimited');
  });

  it('unchanged text commits nothing', () => {
    const f = field('lat', 45.7);
    f.type('45.7');
    f.key('Enter');
    expect(f.commits).toEqual([]);
  });
});

describe('Field (choices)', () => {
  it('a reference lists rows by name and commits the id; optional offers "empty"', () => {
    const commits: unknown[] = [];
    app = mount(Field, { target: document.body, props: { col: col('lanes', 'productId'), value: undefined, ctx, id: 'f-p', oncommit: (v: unknown) => { commits.push(v); return undefined; } } });
    flushSync();
    const select = document.getElementById('f-p') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['— all products —', 'Widget', 'Part']);
    select.value = 'part';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(commits).toEqual(['part']);
  });

  it('a checkbox refused by the core flips back', () => {
    app = mount(Field, { target: document.body, props: { col: col('lanes', 'consignment'), value: false, ctx, id: 'f-c', oncommit: () => 'not now' } });
    flushSync();
    const box = document.getElementById('f-c') as HTMLInputElement;
    box.click();
    flushSync();
    expect(box.checked).toBe(false);
    expect(document.querySelector('.error')?.textContent).toBe('not now');
  });
});
