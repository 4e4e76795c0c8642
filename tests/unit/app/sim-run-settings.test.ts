/** The run settings form: typed text → engine settings, or one message per bad field. */
import { describe, expect, it } from 'vitest';
import { describeRunError, issueLines } from '../../../src/app/sim/run-error';
import { defaultRunForm, parseRunForm } from '../../../src/app/sim/run-settings';
import { AbortedError, WorkerCrashedError } from '../../../src/app/workers/worker-bridge';

describe('parseRunForm', () => {
  it('empty periods and seed mean the scenario’s own; one replication by default', () => {
    expect(parseRunForm(defaultRunForm())).toEqual({ ok: true, settings: {}, replications: 1 });
  });

  it('reads whole numbers with thousands separators and the variability override', () => {
    const r = parseRunForm({ periods: '100,000', replications: ' 2 000 ', seed: '0', demandVariability: 'poisson' });
    expect(r).toEqual({ ok: true, settings: { periods: 100_000, seed: 0, demandVariability: 'poisson' }, replications: 2000 });
  });

  it('names each bad field', () => {
    const r = parseRunForm({ periods: '0', replications: '', seed: '1.5', demandVariability: '' });
    expect(r).toEqual({ ok: false, errors: { periods: 'must be from 1 to 100,000', replications: 'required', seed: 'must be a whole number from 0 to 4,294,967,295' } });
    expect(parseRunForm({ ...defaultRunForm(), replications: '10001' })).toMatchObject({ ok: false, errors: { replications: 'must be from 1 to 10,000' } });
  });
});

describe('describeRunError', () => {
  it('tells cancel, crash, refused input and other failures apart, always saying the scenario is unchanged', () => {
    expect(describeRunError(new AbortedError())).toEqual({ kind: 'cancelled', message: 'Simulation cancelled. Your scenario is unchanged.' });
    expect(describeRunError(new WorkerCrashedError('The worker crashed: boom. Your scenario is unchanged.')).kind).toBe('crashed');
    const refused = Object.assign(new Error('the scenario cannot be simulated: sites[2]: a; lanes[0].leadTime: b'), { name: 'SimInputError' });
    const p = describeRunError(refused);
    expect(p).toEqual({ kind: 'refused', message: 'The scenario cannot be simulated: sites[2]: a; lanes[0].leadTime: b. Nothing was run; your scenario is unchanged.' });
    expect(issueLines(p.message)).toEqual(['sites[2]: a', 'lanes[0].leadTime: b']);
    expect(describeRunError(new RangeError('x'))).toEqual({ kind: 'failed', message: 'The simulation failed: x. Your scenario is unchanged.' });
  });
});
