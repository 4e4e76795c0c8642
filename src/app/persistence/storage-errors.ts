/** Storage failures the UI must explain in words, not as a stack trace. */

/** The browser's storage quota is exhausted: nothing was written. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super("the browser's storage is full", options);
  }
}

/** The connection was closed (a newer ChainLab upgraded the database, or the browser dropped it). */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';
  constructor(message = 'the scenario database was closed (ChainLab was updated in another tab): reload this tab') {
    super(message);
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** Legacy DOMException codes: 22 QUOTA_EXCEEDED_ERR (WebKit/Blink), 1014 (old Firefox). */
const QUOTA_CODES = new Set([22, 1014]);

function field(x: unknown, key: string): unknown {
  return typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[key] : undefined;
}

/**
 * True for a quota failure however the browser reports it: by name (Chromium/WebKit vs Firefox),
 * by legacy code, or wrapped in the AbortError of the aborted transaction (`inner`, `target.error`,
 * `cause`). Depth-limited so a cyclic error chain cannot loop.
 */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (e instanceof StorageFullError) return true;
  if (depth > 4 || typeof e !== 'object' || e === null) return false;
  const name = field(e, 'name');
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
  const code = field(e, 'code');
  if (name !== 'AbortError' && typeof code === 'number' && QUOTA_CODES.has(code)) return true;
  const wrapped = [field(e, 'inner'), field(field(e, 'target'), 'error'), field(e, 'cause')];
  return wrapped.some((w) => w !== undefined && w !== e && isQuotaError(w, depth + 1));
}
