/** File names for exported scenarios: readable, portable, never empty. */

/**
 * "Zürich Lager 東京 🚚" → "zurich-lager-東京.json": accents dropped (NFKD), letters and digits
 * of any script kept, everything else collapsed to "-", at most 80 characters.
 */
export function exportFileName(name: string, extension = 'json'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...slug].slice(0, 80).join('').replace(/-+$/, '');
  return `${cut || 'scenario'}.${extension}`;
}
