/**
 * `previous` when `next` holds the same entries, else `next`. Deriveds that rebuild a lookup map
 * after every edit return the old object when nothing in it changed, so the thousand views that
 * read from it are not re-run for nothing.
 */
export function sameMap<K, V>(
  previous: ReadonlyMap<K, V>,
  next: ReadonlyMap<K, V>,
  same: (a: V, b: V) => boolean = Object.is,
): ReadonlyMap<K, V> {
  if (previous.size !== next.size) return next;
  for (const [k, v] of next) {
    if (!previous.has(k) || !same(previous.get(k) as V, v)) return next;
  }
  return previous;
}
