/** Aligned `label  value` rows and `key n, key n` counts, shared by the report's sections. */
export function rows(pairs: string[][], indent = 2): string[] {
  const width = Math.max(0, ...pairs.map(([label]) => label!.length));
  return pairs.map(([label, value]) => `${' '.repeat(indent)}${label!.padEnd(width)}  ${value}`);
}

export function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? 'none' : entries.map(([key, count]) => `${key} ${count}`).join(', ');
}
