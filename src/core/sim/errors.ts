/** The two ways a simulation call ends without a result. */
import { formatIssue, type ModelIssue } from '../model/issue';

/**
 * The scenario (or the options) cannot be simulated: refused before the first period. Each issue
 * names the table, row and field at fault, in the same `table[row].field: message` form as
 * validation, so the CLI and the UI print both alike.
 */
export class SimInputError extends Error {
  readonly issues: readonly ModelIssue[];
  constructor(issues: readonly ModelIssue[]) {
    super(`the scenario cannot be simulated: ${issues.map(formatIssue).join('; ')}`);
    this.name = 'SimInputError';
    this.issues = issues;
  }
}

/** shouldCancel() answered true: the run stopped between periods and produced no result. */
export class SimCancelledError extends Error {
  readonly period: number;
  constructor(period: number) {
    super(`simulation cancelled at period ${period}`);
    this.name = 'SimCancelledError';
    this.period = period;
  }
}
