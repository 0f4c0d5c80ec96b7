/** How the benchmark's seeders turn what podeip wrote for a template pod into a copy's: its names, ids and IPs swapped. */

/**
 * The JSON text with every occurrence of each pair's first value, as a whole token (not inside a longer
 * name, id or IP: `10.0.0.1` is not swapped inside `10.0.0.11`), replaced by its second, all at once, parsed.
 */
export function swapTokens(json: string, pairs: Array<[string, string]>): unknown {
  const to = new Map(pairs);
  const pattern = new RegExp(`(?<![\\w.-])(${pairs.map(([from]) => escaped(from)).join('|')})(?![\\w-]|\\.\\d)`, 'g');
  return JSON.parse(json.replace(pattern, (match) => to.get(match)!));
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
