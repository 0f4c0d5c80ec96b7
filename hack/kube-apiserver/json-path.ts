/**
 * The JSONPath subset CRD printer columns use: `.a.b`, `.a[0]`, `.a[*].b`, `.a[?(@.k=="v")].b`, and
 * escaped dots in keys (`.metadata.labels.app\.kubernetes\.io/name`). Returns every match.
 */
type Step = { key: string } | { index: number } | { all: true } | { filterKey: string; filterValue: string };

function parseSteps(path: string): Step[] {
  const steps: Step[] = [];
  const pattern = /\.((?:\\.|[^.[\\])+)|\[(\d+)\]|\[\*\]|\[\?\(@\.([^=!]+?)\s*==\s*["']?([^"'\]]*?)["']?\)\]/g;
  for (const match of path.replace(/^\{|\}$/g, '').matchAll(pattern)) {
    if (match[1] !== undefined) steps.push({ key: match[1].replace(/\\\./g, '.') });
    else if (match[2] !== undefined) steps.push({ index: Number(match[2]) });
    else if (match[3] !== undefined) steps.push({ filterKey: match[3], filterValue: match[4] ?? '' });
    else steps.push({ all: true });
  }
  return steps;
}

function applyStep(values: unknown[], step: Step): unknown[] {
  return values.flatMap((value: any) => {
    if (value === null || value === undefined) return [];
    if ('key' in step) return value[step.key] === undefined ? [] : [value[step.key]];
    if ('index' in step) return Array.isArray(value) && step.index < value.length ? [value[step.index]] : [];
    if (!Array.isArray(value)) return [];
    if ('all' in step) return value;
    return value.filter((item) => String(item?.[step.filterKey]) === step.filterValue);
  });
}

export function evaluateJsonPath(object: unknown, path: string): unknown[] {
  return parseSteps(path).reduce(applyStep, [object]);
}
