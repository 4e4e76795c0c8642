/** Read a user-chosen file as text, refusing sizes no scenario needs before reading any byte. */
import { MAX_JSON_BYTES } from '../../core/io/safe-json';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

export async function readTextFile(file: File, maxBytes = MAX_JSON_BYTES): Promise<ReadResult> {
  if (file.size > maxBytes) {
    return { ok: false, message: `"${file.name}" is too large (${(file.size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB)` };
  }
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, message: `"${file.name}" could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
