/**
 * What the search box announces about its results, for screen readers and the e2e tests: "1
 * result", "12 results", and "30+ results" when the list was cut at its limit.
 */
export function resultCount(count: number, limit: number): string {
  const shown = count >= limit ? `${limit}+` : String(count);
  return `${shown} ${count === 1 ? 'result' : 'results'}`;
}
