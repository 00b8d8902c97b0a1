// The offline self-wipe rule: a device wipes itself only when its last contact
// with the server is further back than the policy allows.
import { describe, expect, it } from 'vitest';
import { offlineTooLong } from './device-wipe';

const DAY = 86_400_000;
const now = Date.parse('2026-11-23T12:00:00Z');

describe('offlineTooLong', () => {
  it('is false within the allowed days and true after them', () => {
    expect(offlineTooLong(new Date(now - 6.9 * DAY).toISOString(), now, 7)).toBe(false);
    expect(offlineTooLong(new Date(now - 7 * DAY).toISOString(), now, 7)).toBe(false);
    expect(offlineTooLong(new Date(now - 7 * DAY - 1).toISOString(), now, 7)).toBe(true);
  });

  it('never wipes without a known contact or on an unreadable time', () => {
    expect(offlineTooLong(null, now, 7)).toBe(false);
    expect(offlineTooLong('not a time', now, 7)).toBe(false);
  });

  it('honours fractions of a day', () => {
    expect(offlineTooLong(new Date(now - DAY).toISOString(), now, 0.5)).toBe(true);
  });
});
