/**
 * Saving a chart: the drawing as a standalone SVG or a 2× PNG, its numbers as CSV. File names
 * come from the chart's title ("default-europe-stock-dc-lyon.svg").
 */
import { downloadBlob, downloadText } from '../../app/files/download';
import { standaloneSvg, type LegendEntry } from '../../app/files/svg-serialize';
import { svgToPng } from '../../app/files/svg-to-png';
import { exportFileName } from '../../app/library/export-name';

export type ExportFormat = 'svg' | 'png' | 'csv';

export interface ChartExportSource {
  /** File name without extension (slugged). */
  readonly fileName: string;
  /** The heading drawn into SVG and PNG files. */
  readonly heading: string;
  readonly legend: readonly LegendEntry[];
  readonly svg: () => SVGSVGElement | null;
  readonly csv: () => string;
}

/** Saves the chart in `format`; rejects with a message a user can read. */
export async function exportChart(source: ChartExportSource, format: ExportFormat): Promise<void> {
  if (format === 'csv') {
    downloadText(exportFileName(source.fileName, 'csv'), source.csv(), 'text/csv');
    return;
  }
  const svg = source.svg();
  if (!svg) throw new Error('the chart is not drawn yet');
  const file = standaloneSvg(svg, { heading: source.heading, legend: source.legend });
  if (format === 'svg') {
    downloadText(exportFileName(source.fileName, 'svg'), file.text, 'image/svg+xml');
    return;
  }
  const png = await svgToPng(file.text, file.width, file.height, 2);
  downloadBlob(exportFileName(source.fileName, 'png'), png);
}
