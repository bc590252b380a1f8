import { describe, expect, it } from 'vitest';
import { endOfLocalDay, localDate, startOfLocalDay } from './zoned-time.ts';

describe('zoned days', () => {
  it('starts a day at its first existing moment when summer time skips midnight', () => {
    // America/Santiago moves from 00:00 to 01:00 on 6 September 2026.
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(endOfLocalDay('2026-09-05', 'America/Santiago').toISOString()).toBe('2026-09-06T03:59:59.999Z');
    expect(endOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-07T02:59:59.999Z');
  });

  it('reads the local date of an instant', () => {
    expect(localDate(new Date('2026-09-06T03:59:59Z'), 'America/Santiago')).toBe('2026-09-05');
    expect(localDate(new Date('2026-09-06T04:00:00Z'), 'America/Santiago')).toBe('2026-09-06');
    expect(localDate(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25');
  });
});
