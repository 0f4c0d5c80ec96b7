/** One `[action, code, kind]` case per documented code, so each code is its own named test. */
export function documentedCases(expected: Record<string, Record<string, string>>): [string, string, string][] {
  return Object.entries(expected).flatMap(([action, codes]) => Object.entries(codes).map(([code, kind]): [string, string, string] => [action, code, kind]));
}
