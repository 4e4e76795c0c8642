/** The report's one-line description of the run its figures come from. */
import type { SimRecord } from '../sim/sim-session.svelte';

export function reportRunLine(record: Pick<SimRecord, 'outcome' | 'scenario' | 'settings'>): string {
  const o = record.outcome;
  const periods = o.kind === 'single' ? o.result.summary.periods : o.perReplication.template.periods;
  const unit = `${record.scenario.settings.periodLength}${periods === 1 ? '' : 's'}`;
  const seed = o.kind === 'single' ? o.result.seed : o.seed;
  const dv = record.settings.demandVariability ?? record.scenario.settings.demandVariability;
  const runs = o.kind === 'single' ? 'one run' : `${o.replications.toLocaleString('en-US')} replications, ± 95 % confidence intervals`;
  return `Simulated ${periods.toLocaleString('en-US')} ${unit} · seed ${seed} · demand ${dv} · ${runs}`;
}
