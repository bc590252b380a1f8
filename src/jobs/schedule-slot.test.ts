import { describe, expect, it } from 'vitest';
import { isPrivetError } from '../domain/errors.ts';
import { defineSchedule } from './define-schedule.ts';
import { scheduleSlot } from './schedule-slot.ts';

const at = (iso: string): Date => new Date(iso);

describe('scheduleSlot', () => {
  const fiveMinutes = defineSchedule({ name: 'five', cron: '*/5 * * * *', kind: 'system.echo' });

  it('gives the latest cron occurrence at or before now', () => {
    expect(scheduleSlot(fiveMinutes, at('2025-01-01T12:07:30.000Z')).toISOString()).toBe(
      '2025-01-01T12:05:00.000Z',
    );
    expect(scheduleSlot(fiveMinutes, at('2025-01-01T12:05:00.000Z')).toISOString()).toBe(
      '2025-01-01T12:05:00.000Z',
    );
    expect(scheduleSlot(fiveMinutes, at('2025-01-01T12:05:00.999Z')).toISOString()).toBe(
      '2025-01-01T12:05:00.000Z',
    );
    expect(scheduleSlot(fiveMinutes, at('2025-01-01T12:04:59.999Z')).toISOString()).toBe(
      '2025-01-01T12:00:00.000Z',
    );
  });

  it('reads cron in UTC unless the schedule names a time zone', () => {
    const daily = defineSchedule({ name: 'daily', cron: '0 3 * * *', kind: 'system.echo' });
    expect(scheduleSlot(daily, at('2025-06-02T02:00:00.000Z')).toISOString()).toBe(
      '2025-06-01T03:00:00.000Z',
    );
    const paris = defineSchedule({
      name: 'paris',
      cron: '0 3 * * *',
      timezone: 'Europe/Paris',
      kind: 'system.echo',
    });
    // 03:00 in Paris is 01:00 UTC in summer.
    expect(scheduleSlot(paris, at('2025-06-02T02:00:00.000Z')).toISOString()).toBe(
      '2025-06-02T01:00:00.000Z',
    );
  });

  it('cuts time into multiples of `every` since the epoch', () => {
    const minute = defineSchedule({ name: 'minute', every: 60_000, kind: 'system.echo' });
    expect(scheduleSlot(minute, at('2025-01-01T12:07:30.000Z')).toISOString()).toBe(
      '2025-01-01T12:07:00.000Z',
    );
    expect(scheduleSlot(minute, at('2025-01-01T12:08:00.000Z')).toISOString()).toBe(
      '2025-01-01T12:08:00.000Z',
    );
  });

  it('refuses malformed schedules', () => {
    const bad = [
      () => defineSchedule({ name: 'x', cron: '61 * * * *', kind: 'system.echo' }),
      () => defineSchedule({ name: 'x', every: 10, kind: 'system.echo' }),
      () => defineSchedule({ name: 'Bad Name', every: 60_000, kind: 'system.echo' }),
    ];
    for (const make of bad) {
      let error: unknown;
      try {
        make();
      } catch (e) {
        error = e;
      }
      expect(isPrivetError(error, 'internal')).toBe(true);
    }
  });
});
