/** Column widths of the table view, by type: numbers narrow, names and references wide. */
import type { ColumnInfo } from '../../core/model/introspect';

export const ROW_HEIGHT = 28;
export const HEADER_HEIGHT = 44;
export const ROW_NUMBER_WIDTH = 56;

export function columnWidth(col: ColumnInfo): number {
  if (col.key === 'name') return 190;
  switch (col.type) {
    case 'boolean': return 84;
    case 'integer': return 92;
    case 'number': return 108;
    case 'enum': return 118;
    case 'ref': return 170;
    case 'list': return 150;
    default: return 150;
  }
}

/** The CSS grid template shared by the header and every row. */
export function gridTemplate(columns: readonly ColumnInfo[]): string {
  return [`${ROW_NUMBER_WIDTH}px`, ...columns.map((c) => `${columnWidth(c)}px`)].join(' ');
}

export function gridWidth(columns: readonly ColumnInfo[]): number {
  return ROW_NUMBER_WIDTH + columns.reduce((a, c) => a + columnWidth(c), 0);
}
