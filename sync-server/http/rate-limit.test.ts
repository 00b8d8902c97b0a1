// Requests per address and minute: over the limit the answer is how long to
// wait; other addresses and the next window are not affected.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('lets the limit through, refuses the next with the seconds left, and starts afresh next window', () => {
    const limiter = new RateLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([limiter.take('a', t0), limiter.take('a', t0 + 1), limiter.take('a', t0 + 2)]).toEqual([0, 0, 0]);
    expect(limiter.take('a', t0 + 10_000)).toBe(50);
    expect(limiter.take('b', t0 + 10_000)).toBe(0);
    expect(limiter.take('a', t0 + 60_000)).toBe(0);
  });
});
