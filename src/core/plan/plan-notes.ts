/** planNotes: remarks on a solved plan that a planner would otherwise misread. */
import type { PlanModel } from './build';
import { formatQuantity } from './labels';
import type { PlanReading } from './read-solution';
import type { PlanIssue } from './result';

export function planNotes(pm: PlanModel, reading: PlanReading): PlanIssue[] {
  const notes: PlanIssue[] = [];
  const settings = pm.network.scenario.settings;
  const open = reading.shortfalls.reduce((s, x) => s + x.quantity, 0);
  const mustMeet = 'plan with demand "must-meet" (CLI --demand must-meet) to require all of it and see what stands in the way';
  if (pm.demandMode === 'soft' && settings.unmetDemand === 'backorder' && open > 0) {
    notes.push({
      level: 'info', code: 'backorders-at-end',
      message: `${formatQuantity(open)} units are still backordered at the end of the horizon. A backorder costs its penalty for each period it waits within the horizon, so demand near the end whose penalty is below the cost of making and moving a unit is left unserved: raise the shortage penalty (settings or product), lengthen the horizon, or ${mustMeet}.`,
    });
  }
  if (pm.demandMode === 'soft' && settings.unmetDemand === 'lost' && open > 0) {
    notes.push({
      level: 'info', code: 'lost-sales',
      message: `${formatQuantity(open)} units of demand are lost: capacity or routes are short, or their shortage penalty is below the cost of serving them; raise the penalty, or ${mustMeet}.`,
    });
  }
  const lateEnd = reading.flows.filter((f) => f.arrival > pm.network.horizon).reduce((s, f) => s + f.quantity, 0);
  if (lateEnd > 0) {
    notes.push({
      level: 'info', code: 'in-transit-at-end',
      message: `${formatQuantity(lateEnd)} units are shipped late in the horizon and still in transit at its end; they are costed but serve no demand within the plan.`,
    });
  }
  return notes;
}
