/**
 * Periods as people read them: "Week 12 of 52" and, when the scenario has a start date, the
 * calendar date the period starts on (period 1 starts on settings.startDate; a month is a
 * calendar month here, since the date is a label only).
 */
import type { Settings } from '../../core/model/types';

const WORD = { day: 'Day', week: 'Week', month: 'Month' } as const;

/** Start date (UTC, YYYY-MM-DD) of period p (1-based), or null without a valid start date. */
export function periodStart(settings: Pick<Settings, 'startDate' | 'periodLength'>, p: number): string | null {
  const m = settings.startDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(settings.startDate) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return null;
  const k = Math.max(0, p - 1);
  if (settings.periodLength === 'day') d.setUTCDate(d.getUTCDate() + k);
  else if (settings.periodLength === 'week') d.setUTCDate(d.getUTCDate() + 7 * k);
  else d.setUTCMonth(d.getUTCMonth() + k);
  return d.toISOString().slice(0, 10);
}

/** "Week 12 of 52". */
export function periodTitle(settings: Pick<Settings, 'periodLength'>, p: number, periods: number): string {
  return `${WORD[settings.periodLength]} ${p.toLocaleString('en-US')} of ${periods.toLocaleString('en-US')}`;
}

/** "Week 12 of 52, from 2026-03-23": the sentence the live region reads. */
export function periodAnnouncement(settings: Pick<Settings, 'startDate' | 'periodLength'>, p: number, periods: number): string {
  const start = periodStart(settings, p);
  return `${periodTitle(settings, p, periods)}${start ? `, from ${start}` : ''}`;
}

/** Whether a new period should be spoken now: always when paused; while playing, at most every `gapMs`. */
export function shouldAnnounce(playing: boolean, now: number, lastSpoken: number, gapMs = 2000): boolean {
  return !playing || now - lastSpoken >= gapMs;
}
