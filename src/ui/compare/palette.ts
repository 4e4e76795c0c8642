/**
 * Colours of the Compare view, from the charts' Okabe–Ito palette (distinguishable with the
 * common colour-vision deficiencies). Scenarios take blue, orange, bluish green and reddish
 * purple — vermillion is kept for "less flow" on the map diff. Better/worse are never told by
 * colour alone: every delta also carries ▲/▼, a +/− sign and the word ("better", "worse").
 */
import { OKABE_ITO } from '../charts/palette';

export const SCENARIO_COLORS: readonly string[] = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.purple];

export function scenarioColor(index: number): string {
  return SCENARIO_COLORS[index % SCENARIO_COLORS.length];
}

/** Flow deltas on the map: more flow (blue), less flow (vermillion). */
export const MORE_COLOR = OKABE_ITO.blue;
export const LESS_COLOR = OKABE_ITO.vermillion;
