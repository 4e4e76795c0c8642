/**
 * Field edits from the inspector, through the one command layer. A refusal comes back as the
 * message for the field that was edited (or, when the core blames another field — "reorder point
 * above order-up-to" while editing S — that field's label with it), and the app-wide "not
 * changed" banner is cleared: the message is already where the user is looking.
 */
import { labelOf } from '../../app/tables/column-labels';
import { handEditPatch } from '../../app/tables/row-patch';
import type { EditResult } from '../../core/edit/apply-edit';
import type { EditCommand, RowPatch } from '../../core/edit/commands';
import type { TableName } from '../../core/model/tables';
import { selectionKey, type EditorView } from '../state/editor.svelte';

/** The message to show at `field` for a refused edit; undefined when the edit was applied. */
export function refusalAt(r: EditResult, field: string): string | undefined {
  if (r.ok) return undefined;
  const here = r.issues.filter((i) => i.field === field || i.field?.startsWith(`${field}.`));
  if (here.length > 0) return [...new Set(here.map((i) => i.message))].join('; ');
  return [...new Set(r.issues.map((i) => (i.field ? `${labelOf(i.field.split('.')[0])}: ${i.message}` : i.message)))].join('; ');
}

/** Dispatches an edit made at one field; returns the message to show there, if refused. */
export function dispatchAtField(editor: EditorView, cmd: EditCommand, field: string, coalesceKey: string): string | undefined {
  const r = editor.dispatch(cmd, coalesceKey);
  if (!r.ok) editor.session.clearIssues();
  return refusalAt(r, field);
}

/**
 * One field of one row. Consecutive commits of the same field are one undo step (coalesceKey);
 * a renamed id keeps the row selected under its new id.
 */
export function commitRowField(editor: EditorView, table: TableName, key: string, field: string, value: unknown): string | undefined {
  const patch: RowPatch = handEditPatch(table, { [field]: value });
  const error = dispatchAtField(editor, { kind: 'update-rows', table, changes: [{ key, patch }] }, field, `inspector:${table}:${key}:${field}`);
  if (error === undefined && field === 'id' && typeof value === 'string' && value !== key) {
    const old = selectionKey(table, key);
    if (editor.selection.has(old)) editor.select([...editor.selection].map((k) => (k === old ? selectionKey(table, value) : k)));
  }
  return error;
}
