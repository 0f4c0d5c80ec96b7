/** Remembers the result of each ClientToken'd request so a replay returns the same result. */
export class ClientTokenStore<Result> {
  private readonly results = new Map<string, Result>();

  /** Returns the stored result for the token, or runs `perform` once and stores its result. */
  once(token: string | undefined, perform: () => Result): Result {
    if (token === undefined || token === '') return perform();
    const known = this.results.get(token);
    if (known !== undefined) return known;
    const result = perform();
    this.results.set(token, result);
    return result;
  }

  reset(): void {
    this.results.clear();
  }
}
