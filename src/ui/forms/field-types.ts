/** What field widgets share: how a value is committed and how text is read. */
import type { RefIndex } from '../../app/tables/ref-index';

/**
 * Commits a value (undefined = clear an optional field). Returns the refusal message to show at
 * the field, or undefined when the edit was applied.
 */
export type CommitFn = (value: unknown) => string | undefined;

export interface FieldContext {
  readonly refs: RefIndex;
  /** Scenario currency, shown in money units. */
  readonly currency: string;
}
