/** The pattern builder's form → a DemandPattern, with the problems shown at each field. */
import { describe, expect, it } from 'vitest';
import { generateDemand } from '../../src/core/demand/patterns';
import { defaultDraft, patternOfDraft } from '../../src/ui/demand/pattern-draft';

describe('patternOfDraft', () => {
  it('turns on only the parts that are switched on; amplitude is given in percent', () => {
    const d = { ...defaultDraft(80, 8), seasonOn: true, amplitudePct: 50, cycle: 4, stepOn: false, promoOn: true, promoPeriods: '3', promoMultiplier: 2 };
    const r = patternOfDraft(d, 8);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pattern.step).toBeUndefined();
    expect(r.pattern.season).toEqual({ amplitude: 0.5, cycle: 4, phase: 0 });
    expect(generateDemand(r.pattern, 8)).toEqual([80, 120, 160, 40, 80, 120, 80, 40]);
  });

  it('lists each problem at its field and gives no pattern', () => {
    const d = { ...defaultDraft(10, 52), level: -1, stepOn: true, stepPeriod: 60, promoOn: true, promoPeriods: '5, x', noise: 'normal' as const, cv: null };
    expect(patternOfDraft(d, 52)).toEqual({ ok: false, problems: {
      level: 'a level of 0 or more',
      stepPeriod: 'a period from 1 to 52',
      promoPeriods: '"x" is no period or range (e.g. 5, 12-14)',
      cv: '0 to 5',
    } });
  });

  it('starts from the series average, stepping up by half at mid-horizon when switched on', () => {
    const d = defaultDraft(40.4, 10);
    expect([d.level, d.stepPeriod, d.stepLevel, d.cycle]).toEqual([40, 5, 61, 10]);
  });
});
