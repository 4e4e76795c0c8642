/**
 * The playback's clock: a position τ in periods (0 … periods − 1, fractional while playing: the
 * shipments' dots move within a period), advanced on animation frames at
 * speed × PERIODS_PER_SECOND while playing, stopping at the last period. Framework-free; the
 * component reads the position through `onChange` and must call `destroy()` when it unmounts,
 * which cancels the pending frame so nothing runs after the view is gone.
 */

/** Periods per second at 1×. */
export const PERIODS_PER_SECOND = 2;
export const SPEEDS = [1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

/** Longest gap between two frames counted as time played (a background tab must not jump ahead). */
const MAX_FRAME_MS = 250;

export interface ClockHost {
  now(): number;
  requestFrame(cb: (time: number) => void): number;
  cancelFrame(id: number): void;
}

export interface PlaybackClock {
  readonly position: number;
  readonly playing: boolean;
  readonly speed: Speed;
  /** Starts playing; from the first period when at the end. */
  play(): void;
  pause(): void;
  toggle(): void;
  setSpeed(speed: Speed): void;
  /** Jumps to period p (0-based, clamped); keeps playing if it was. */
  seek(p: number): void;
  /** One period forward (+1) or back (−1) from the current period; pauses. */
  step(direction: 1 | -1): void;
  /** New number of periods (a new result); clamps the position. */
  setPeriods(periods: number): void;
  destroy(): void;
}

export interface ClockOptions {
  readonly periods: number;
  /** Called whenever the position or the playing state changes. */
  readonly onChange: (position: number, playing: boolean) => void;
  readonly host?: ClockHost;
}

const browserHost = (): ClockHost => ({
  now: () => performance.now(),
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (id) => cancelAnimationFrame(id),
});

export function createPlaybackClock(options: ClockOptions): PlaybackClock {
  const host = options.host ?? browserHost();
  let periods = Math.max(0, options.periods | 0);
  let position = 0;
  let playing = false;
  let speed: Speed = 1;
  let frame: number | null = null;
  let last = 0;
  let destroyed = false;

  const last1 = () => Math.max(0, periods - 1);
  const emit = () => options.onChange(position, playing);

  function schedule(): void {
    if (frame === null && playing && !destroyed) frame = host.requestFrame(tick);
  }

  function stopFrames(): void {
    if (frame !== null) host.cancelFrame(frame);
    frame = null;
  }

  function tick(): void {
    frame = null;
    if (!playing || destroyed) return;
    const now = host.now();
    const dt = Math.min(MAX_FRAME_MS, Math.max(0, now - last));
    last = now;
    position += (dt / 1000) * PERIODS_PER_SECOND * speed;
    if (position >= last1()) {
      position = last1();
      playing = false;
    }
    emit();
    schedule();
  }

  const clock: PlaybackClock = {
    get position() { return position; },
    get playing() { return playing; },
    get speed() { return speed; },
    play() {
      if (playing || destroyed || periods <= 1) return;
      if (position >= last1()) position = 0;
      playing = true;
      last = host.now();
      emit();
      schedule();
    },
    pause() {
      if (!playing) return;
      playing = false;
      stopFrames();
      // Rest on a whole period: what is drawn then is exactly that period's numbers.
      position = Math.floor(position);
      emit();
    },
    toggle() {
      if (playing) clock.pause();
      else clock.play();
    },
    setSpeed(s) { speed = s; },
    seek(p) {
      const next = Math.max(0, Math.min(last1(), Math.round(Number.isFinite(p) ? p : 0)));
      position = next;
      last = host.now();
      emit();
    },
    step(direction) {
      const base = Math.floor(position);
      if (playing) {
        playing = false;
        stopFrames();
      }
      position = Math.max(0, Math.min(last1(), base + direction));
      emit();
    },
    setPeriods(n) {
      periods = Math.max(0, n | 0);
      if (position > last1()) position = last1();
      if (periods <= 1 && playing) {
        playing = false;
        stopFrames();
      }
      emit();
    },
    destroy() {
      destroyed = true;
      playing = false;
      stopFrames();
    },
  };
  return clock;
}
