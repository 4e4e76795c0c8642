/** The autosave scheduler alone (fake timers): throttle, single flight, flush, failure handling. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type WriteOutcome } from '../../../src/app/library/autosave';
import { exportFileName } from '../../../src/app/library/export-name';
import { fitName, MAX_NAME_LENGTH } from '../../../src/app/library/templates';
import { deferred, type Deferred } from './library-helpers';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

/** A write function whose calls stay pending until the test settles them. */
function controlledWrites() {
  const calls: Array<Deferred<WriteOutcome>> = [];
  const write = vi.fn(() => {
    const d = deferred<WriteOutcome>();
    calls.push(d);
    return d.promise;
  });
  return { calls, write };
}

describe('Autosave', () => {
  it('throttles: many edits within the delay make one write, steady edits one write per delay', async () => {
    const { calls, write } = controlledWrites();
    const a = new Autosave({ delayMs: 100, write, now: () => Date.now() });
    for (let i = 0; i < 10; i++) { a.schedule(); await vi.advanceTimersByTimeAsync(5); }
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(50);
    expect(write).toHaveBeenCalledTimes(1);
    calls[0].resolve('done');
    await vi.advanceTimersByTimeAsync(0);
    expect(a.dirty).toBe(false);
    // Continuous typing (an edit every 20 ms for 1 s) never starves the writes.
    for (let t = 0; t < 1000; t += 20) {
      a.schedule();
      await vi.advanceTimersByTimeAsync(20);
      calls.at(-1)?.resolve('done');
    }
    expect(write.mock.calls.length).toBeGreaterThanOrEqual(9);
    expect(write.mock.calls.length).toBeLessThanOrEqual(12);
  });

  it('case 2: keeps one write in flight; an edit during it is written right after, not before', async () => {
    const { calls, write } = controlledWrites();
    const a = new Autosave({ delayMs: 10, write });
    a.schedule();
    await vi.advanceTimersByTimeAsync(10);
    expect(write).toHaveBeenCalledTimes(1);
    a.schedule();
    await vi.advanceTimersByTimeAsync(100);
    expect(write).toHaveBeenCalledTimes(1);
    calls[0].resolve('done');
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(write).toHaveBeenCalledTimes(2);
    calls[1].resolve('done');
    await a.idle();
    expect(a.dirty).toBe(false);
  });

  it('case 1: flush writes at once, waiting for a write in flight first', async () => {
    const { calls, write } = controlledWrites();
    const a = new Autosave({ delayMs: 10_000, write });
    a.schedule();
    const flushed = a.flush();
    expect(write).toHaveBeenCalledTimes(1);
    a.schedule();
    const second = a.flush();
    calls[0].resolve('done');
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledTimes(2);
    calls[1].resolve('done');
    expect(await flushed).toBe('done');
    expect(await second).toBe('done');
    expect(a.dirty).toBe(false);
    expect(await a.flush()).toBe('done');
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('case 4: a failed write stays dirty and is retried by the next edit, not in a loop', async () => {
    const write = vi.fn<() => Promise<WriteOutcome>>().mockResolvedValueOnce('failed').mockRejectedValueOnce(new Error('boom')).mockResolvedValue('done');
    const a = new Autosave({ delayMs: 10, write });
    a.schedule();
    await vi.advanceTimersByTimeAsync(10);
    expect(a.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(write).toHaveBeenCalledTimes(1);
    expect(await a.flush()).toBe('failed');
    expect(write).toHaveBeenCalledTimes(2);
    a.schedule();
    await vi.advanceTimersByTimeAsync(10);
    expect(write).toHaveBeenCalledTimes(3);
    expect(a.dirty).toBe(false);
  });

  it('cancel and dispose drop pending work', async () => {
    const write = vi.fn(async (): Promise<WriteOutcome> => 'done');
    const a = new Autosave({ delayMs: 10, write });
    a.schedule();
    a.cancel();
    await vi.advanceTimersByTimeAsync(50);
    a.dispose();
    a.schedule();
    await vi.advanceTimersByTimeAsync(50);
    expect(await a.flush()).toBe('done');
    expect(write).not.toHaveBeenCalled();
  });
});

describe('names', () => {
  it('slugifies export file names across scripts', () => {
    expect(exportFileName('Zürich Lager 東京 🚚')).toBe('zurich-lager-東京.json');
    expect(exportFileName('  <img src=x onerror=alert(1)>  ')).toBe('img-src-x-onerror-alert-1.json');
    expect(exportFileName('🚚🚚')).toBe('scenario.json');
    expect(exportFileName('a'.repeat(300))).toHaveLength(80 + '.json'.length);
  });

  it('fits derived names into the format limit without splitting characters', () => {
    expect(fitName('   ')).toBe('Untitled scenario');
    expect(fitName(`Copy of ${'x'.repeat(300)}`)).toHaveLength(MAX_NAME_LENGTH);
    const emoji = fitName('🚚'.repeat(150));
    expect(emoji.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(emoji).toBe('🚚'.repeat(100));
  });
});
