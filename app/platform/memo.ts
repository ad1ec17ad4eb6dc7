/**
 * Results of work that gives the same value for the same key (time zone arithmetic, a parsed
 * Markdown text, a formatted calendar), for the few keys asked for over and over: each is
 * made once. At `limit` keys all are let go at once, so memory stays bounded with no
 * bookkeeping per use; the few keys still live are made again.
 */
export function memo<T>(limit: number): (key: string, make: () => T) => T {
  const kept = new Map<string, T>();
  return (key, make) => {
    const hit = kept.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    if (kept.size >= limit) kept.clear();
    kept.set(key, value);
    return value;
  };
}
