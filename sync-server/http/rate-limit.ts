// Requests per client address and minute (a fixed window in memory). Over the
// limit the client gets 429 with Retry-After; everyone else is served.
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #counts = new Map<string, { start: number; n: number }>();

  constructor(limit: number, windowMs = 60_000) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Seconds to wait, or 0 when the request may go ahead. */
  take(key: string, nowMs: number): number {
    let entry = this.#counts.get(key);
    if (!entry || nowMs - entry.start >= this.#windowMs) {
      if (this.#counts.size > 10_000) this.#prune(nowMs);
      entry = { start: nowMs, n: 0 };
      this.#counts.set(key, entry);
    }
    entry.n++;
    return entry.n > this.#limit ? Math.max(1, Math.ceil((entry.start + this.#windowMs - nowMs) / 1000)) : 0;
  }

  #prune(nowMs: number): void {
    for (const [key, entry] of this.#counts) if (nowMs - entry.start >= this.#windowMs) this.#counts.delete(key);
  }
}
