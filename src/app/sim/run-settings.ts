/**
 * The run settings form: text as typed → settings the engine accepts, or a message per field.
 * Checked here so a typo is answered next to its field instead of by a worker round trip.
 */
import type { DemandVariability, RunSettings } from './run-types';

export const MAX_RUN_PERIODS = 100_000;
/** Every replication's summary is kept (for CIs and distributions): bound the memory. */
export const MAX_REPLICATIONS = 10_000;
const MAX_SEED = 2 ** 32 - 1;

export const DEMAND_VARIABILITY_CHOICES: readonly { readonly value: DemandVariability; readonly label: string }[] = [
  { value: 'none', label: 'none (forecast as is)' },
  { value: 'normal', label: 'normal (σ of row or CV)' },
  { value: 'poisson', label: 'Poisson (mean = forecast)' },
  { value: 'bootstrap', label: 'bootstrap (resample rows)' },
];

export interface RunForm {
  /** '' = the scenario's horizon. */
  periods: string;
  replications: string;
  /** '' = the scenario's seed. */
  seed: string;
  /** '' = the scenario's own setting. */
  demandVariability: '' | DemandVariability;
}

export type RunFormErrors = Partial<Record<keyof RunForm, string>>;

export type ParsedRun =
  | { readonly ok: true; readonly settings: RunSettings; readonly replications: number }
  | { readonly ok: false; readonly errors: RunFormErrors };

export function defaultRunForm(): RunForm {
  return { periods: '', replications: '1', seed: '', demandVariability: '' };
}

/** A whole number from min to max (undefined when left empty and optional), or the field's message. */
function wholeNumber(text: string, min: number, max: number, optional: boolean): number | undefined | { error: string } {
  const t = text.trim().replace(/[\s,_']/g, '');
  if (t === '') return optional ? undefined : { error: 'required' };
  if (!/^[+]?\d+$/.test(t)) return { error: `must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}` };
  const n = Number(t);
  if (n < min || n > max) return { error: `must be from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}` };
  return n;
}

/** The settings of a valid form; empty fields fall back to the scenario's settings in the engine. */
export function parseRunForm(form: RunForm): ParsedRun {
  const periods = wholeNumber(form.periods, 1, MAX_RUN_PERIODS, true);
  const replications = wholeNumber(form.replications, 1, MAX_REPLICATIONS, false);
  const seed = wholeNumber(form.seed, 0, MAX_SEED, true);
  const errors: RunFormErrors = {};
  if (typeof periods === 'object') errors.periods = periods.error;
  if (typeof replications === 'object') errors.replications = replications.error;
  if (typeof seed === 'object') errors.seed = seed.error;
  if (typeof periods === 'object' || typeof replications !== 'number' || typeof seed === 'object') return { ok: false, errors };
  const settings: RunSettings = {
    ...(periods !== undefined ? { periods } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(form.demandVariability !== '' ? { demandVariability: form.demandVariability } : {}),
  };
  return { ok: true, settings, replications };
}
