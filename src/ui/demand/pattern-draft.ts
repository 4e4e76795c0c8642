/**
 * The pattern builder's form state: every field as typed (a switched-off part keeps its values, so
 * switching it back on restores them), and its conversion to a DemandPattern with the problems
 * worth telling the user at the form.
 */
import { parsePeriodList, type DemandPattern, type NoiseKind } from '../../core/demand/patterns';

export interface PatternDraft {
  level: number | null;
  trend: number | null;
  stepOn: boolean;
  stepPeriod: number | null;
  stepLevel: number | null;
  seasonOn: boolean;
  /** ± share of the level, in percent (30 = ±30 %). */
  amplitudePct: number | null;
  cycle: number | null;
  phase: number | null;
  promoOn: boolean;
  promoPeriods: string;
  promoMultiplier: number | null;
  noise: NoiseKind;
  cv: number | null;
  seed: number | null;
  round: boolean;
}

export function defaultDraft(level: number, horizon: number): PatternDraft {
  return {
    level: Math.round(level), trend: 0,
    stepOn: false, stepPeriod: Math.max(1, Math.ceil(horizon / 2)), stepLevel: Math.round(level * 1.5),
    seasonOn: false, amplitudePct: 30, cycle: Math.min(12, Math.max(2, horizon)), phase: 0,
    promoOn: false, promoPeriods: '', promoMultiplier: 2,
    noise: 'none', cv: 0.2, seed: 1, round: true,
  };
}

export type DraftResult = { readonly ok: true; readonly pattern: DemandPattern } | { readonly ok: false; readonly problems: Readonly<Record<string, string>> };

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function patternOfDraft(d: PatternDraft, horizon: number): DraftResult {
  const problems: Record<string, string> = {};
  const need = (key: string, v: number | null, ok: (x: number) => boolean, message: string) => {
    if (!finite(v) || !ok(v)) problems[key] = message;
  };
  need('level', d.level, (x) => x >= 0, 'a level of 0 or more');
  need('trend', d.trend, () => true, 'a number (negative for a decline)');
  if (d.stepOn) {
    need('stepPeriod', d.stepPeriod, (x) => Number.isInteger(x) && x >= 1 && x <= horizon, `a period from 1 to ${horizon}`);
    need('stepLevel', d.stepLevel, (x) => x >= 0, 'a level of 0 or more');
  }
  if (d.seasonOn) {
    need('amplitudePct', d.amplitudePct, (x) => x >= 0 && x <= 100, '0 to 100 %');
    need('cycle', d.cycle, (x) => x >= 2, 'at least 2 periods');
    need('phase', d.phase, () => true, 'a number of periods');
  }
  let periods: number[] = [];
  if (d.promoOn) {
    const p = parsePeriodList(d.promoPeriods, horizon);
    if (p.ok) periods = p.periods; else problems.promoPeriods = p.message;
    need('promoMultiplier', d.promoMultiplier, (x) => x >= 0, 'a multiplier of 0 or more');
  }
  if (d.noise === 'normal') need('cv', d.cv, (x) => x >= 0 && x <= 5, '0 to 5');
  if (d.noise !== 'none') need('seed', d.seed, (x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32, 'a whole number ≥ 0');
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    pattern: {
      level: d.level!,
      trend: d.trend!,
      ...(d.stepOn ? { step: { period: d.stepPeriod!, level: d.stepLevel! } } : {}),
      ...(d.seasonOn ? { season: { amplitude: d.amplitudePct! / 100, cycle: d.cycle!, phase: d.phase! } } : {}),
      ...(d.promoOn && periods.length > 0 ? { promotions: { periods, multiplier: d.promoMultiplier! } } : {}),
      noise: { kind: d.noise, cv: d.cv ?? 0, seed: d.seed ?? 1 },
      round: d.round,
    },
  };
}
