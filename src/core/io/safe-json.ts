/**
 * JSON.parse with the guards a file from outside needs: a size limit, a nesting-depth limit
 * (checked by a linear scan before parsing, so a hostile file cannot blow the stack), and
 * refusal of `__proto__` / `constructor` / `prototype` keys (no prototype pollution downstream).
 */
export const MAX_JSON_BYTES = 40 * 1024 * 1024;
export const MAX_JSON_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeJsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Deepest nesting of [ and { outside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) { depth++; if (depth > max) max = depth; }
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export function parseJsonSafely(text: string, what = 'the file'): SafeJsonResult {
  if (text.length > MAX_JSON_BYTES) {
    return { ok: false, message: `${what} is too large (${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_JSON_BYTES / 1048576} MB)` };
  }
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) return { ok: false, message: `${what} is nested ${depth} levels deep (a scenario needs at most ${MAX_JSON_DEPTH})` };
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, (key, val: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) { forbidden ??= key; return undefined; }
      return val;
    });
  } catch (e) {
    return { ok: false, message: `${what} is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (forbidden !== undefined) return { ok: false, message: `${what} contains the forbidden key "${forbidden}" and was refused` };
  return { ok: true, value };
}
