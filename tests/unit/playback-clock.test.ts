/**
 * The playback clock on a fake frame host: advances by elapsed time × speed × 2 periods/s, stops
 * at the last period, steps and seeks within the run, and never schedules a frame after destroy().
 */
import { describe, expect, it } from 'vitest';
import { createPlaybackClock, PERIODS_PER_SECOND, type ClockHost } from '../../src/ui/playback/playback-clock';

function fakeHost() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, (t: number) => void>();
  const host: ClockHost = {
    now: () => now,
    requestFrame: (cb) => { const id = nextId++; pending.set(id, cb); return id; },
    cancelFrame: (id) => { pending.delete(id); },
  };
  /** Moves time on by ms and runs the frames that were pending. */
  const frame = (ms: number) => {
    now += ms;
    const due = [...pending.values()];
    pending.clear();
    for (const cb of due) cb(now);
  };
  return { host, frame, pending };
}

function clock(periods: number) {
  const h = fakeHost();
  const seen: [number, boolean][] = [];
  const c = createPlaybackClock({ periods, host: h.host, onChange: (p, playing) => seen.push([p, playing]) });
  return { c, ...h, seen };
}

describe('playback clock', () => {
  it('plays at 2 periods per second at 1×, 8 at 4×', () => {
    expect(PERIODS_PER_SECOND).toBe(2);
    const { c, frame } = clock(52);
    c.play();
    frame(100);
    frame(100);
    expect(c.position).toBeCloseTo(0.4, 9); // 0.2 s × 2/s
    c.setSpeed(4);
    frame(250);
    expect(c.position).toBeCloseTo(0.4 + 0.25 * 8, 9);
    expect(c.playing).toBe(true);
  });

  it('counts at most 250 ms per frame (a hidden tab does not jump ahead)', () => {
    const { c, frame } = clock(52);
    c.play();
    frame(10_000);
    expect(c.position).toBeCloseTo(0.5, 9);
  });

  it('stops at the last period, and plays again from the first', () => {
    const { c, frame, pending } = clock(3);
    c.setSpeed(8);
    c.play();
    frame(200); // 3.2 periods → clamped to 2
    expect(c.position).toBe(2);
    expect(c.playing).toBe(false);
    expect(pending.size).toBe(0);
    c.play();
    expect(c.position).toBe(0);
    expect(c.playing).toBe(true);
  });

  it('pause rests on a whole period; step pauses and moves one period within the run', () => {
    const { c, frame } = clock(10);
    c.play();
    frame(200);
    frame(200); // 0.8
    c.pause();
    expect(c.position).toBe(0);
    c.play();
    frame(250);
    frame(250);
    frame(250); // 1.5
    c.step(1);
    expect(c.playing).toBe(false);
    expect(c.position).toBe(2);
    c.step(-1);
    c.step(-1);
    c.step(-1);
    expect(c.position).toBe(0);
    c.seek(99);
    expect(c.position).toBe(9);
    c.step(1);
    expect(c.position).toBe(9);
    c.seek(Number.NaN);
    expect(c.position).toBe(0);
  });

  it('reports each change to onChange', () => {
    const { c, seen } = clock(5);
    c.seek(3);
    c.play();
    c.pause();
    expect(seen).toEqual([[3, false], [3, true], [3, false]]);
  });

  it('does nothing after destroy(): no frame pending, play ignored', () => {
    const { c, frame, pending } = clock(52);
    c.play();
    expect(pending.size).toBe(1);
    c.destroy();
    expect(pending.size).toBe(0);
    c.play();
    frame(100);
    expect(pending.size).toBe(0);
    expect(c.playing).toBe(false);
  });

  it('a one-period run cannot play; a shorter new run clamps the position', () => {
    const one = clock(1).c;
    one.play();
    expect(one.playing).toBe(false);
    const { c } = clock(20);
    c.seek(15);
    c.setPeriods(10);
    expect(c.position).toBe(9);
  });
});
