/**
 * Whether the printable report is open, and the comparison it should include (handed over by
 * the Compare view that opened it; the Simulate view opens it without one).
 */
import type { AnySummary } from '../../core/compare/kpi-values';

export interface ReportComparisonColumn {
  readonly name: string;
  readonly color: string;
  readonly summary: AnySummary | null;
}

export class ReportState {
  open = $state(false);
  comparison = $state.raw<readonly ReportComparisonColumn[]>([]);

  show(comparison: readonly ReportComparisonColumn[] = []): void {
    this.comparison = comparison.map((c) => ({ name: c.name, color: c.color, summary: c.summary }));
    this.open = true;
  }

  close(): void {
    this.open = false;
  }
}

export const reportState = new ReportState();
