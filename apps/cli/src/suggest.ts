/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two short words. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known word nearest to a mistyped one, when it is near enough to be a typo (at most a third
 * of its letters off, at least one), or one the typed word is a prefix of (`--str` → `--stream`);
 * null when nothing is close, so an operator is never pointed at an unrelated option.
 */
export function nearest(typed: string, known: readonly string[]): string | null {
  let best: { word: string; distance: number } | null = null;
  for (const word of known) {
    const distance = editDistance(typed, word);
    if (!best || distance < best.distance) best = { word, distance };
  }
  if (best && best.distance <= Math.max(1, Math.floor(best.word.length / 3))) return best.word;
  const prefixed = typed.length >= 2 ? known.filter((w) => w.startsWith(typed)) : [];
  return prefixed.length === 1 ? prefixed[0]! : null;
}
