import { describe, expect, it } from 'vitest';
import { PrivetError } from '../errors.ts';
import { computeDeadlines } from './compute-deadlines.ts';
import type { Jurisdiction } from './jurisdiction.ts';

interface Row {
  readonly name: string;
  readonly jurisdiction: Jurisdiction;
  readonly receivedAt: string;
  readonly timeZone?: string;
  readonly holidays?: readonly string[];
  readonly dueAt: string;
  readonly extendedDueAt?: string;
  readonly acknowledgeBy?: string | null;
}

const rows: readonly Row[] = [
  {
    name: 'GDPR: same date next month',
    jurisdiction: 'gdpr',
    receivedAt: '2026-05-10T08:00:00Z',
    dueAt: '2026-06-10T23:59:59.999Z',
    acknowledgeBy: null,
  },
  {
    name: 'GDPR: due on a Sunday moves to Monday',
    jurisdiction: 'gdpr',
    receivedAt: '2026-01-15T10:00:00Z',
    dueAt: '2026-02-16T23:59:59.999Z',
  },
  {
    name: 'GDPR: 31 January ends on the last day of February, a Saturday, so Monday',
    jurisdiction: 'gdpr',
    receivedAt: '2026-01-31T12:00:00Z',
    dueAt: '2026-03-02T23:59:59.999Z',
  },
  {
    name: 'GDPR: 31 January in a leap year ends on 29 February',
    jurisdiction: 'gdpr',
    receivedAt: '2028-01-31T12:00:00Z',
    dueAt: '2028-02-29T23:59:59.999Z',
  },
  {
    name: 'GDPR: 31 March ends on 30 April',
    jurisdiction: 'gdpr',
    receivedAt: '2026-03-31T09:00:00Z',
    dueAt: '2026-04-30T23:59:59.999Z',
  },
  {
    name: 'GDPR: weekend then a holiday',
    jurisdiction: 'gdpr',
    receivedAt: '2026-11-26T09:00:00Z',
    holidays: ['2026-12-25', '2026-12-28'],
    dueAt: '2026-12-29T23:59:59.999Z',
  },
  {
    name: 'UK GDPR: Good Friday, weekend and Easter Monday',
    jurisdiction: 'uk_gdpr',
    receivedAt: '2026-03-03T09:00:00Z',
    holidays: ['2026-04-03', '2026-04-06'],
    dueAt: '2026-04-07T23:59:59.999Z',
  },
  {
    name: 'GDPR: the receipt date is the organisation’s local date',
    jurisdiction: 'gdpr',
    receivedAt: '2026-01-14T23:30:00Z',
    timeZone: 'Europe/Berlin',
    dueAt: '2026-02-16T22:59:59.999Z',
  },
  {
    name: 'GDPR: the due day ends in summer time',
    jurisdiction: 'gdpr',
    receivedAt: '2026-02-28T12:00:00Z',
    timeZone: 'Europe/Berlin',
    dueAt: '2026-03-30T21:59:59.999Z',
  },
  {
    name: 'GDPR: an evening in Los Angeles is still the previous day',
    jurisdiction: 'gdpr',
    receivedAt: '2026-03-01T05:00:00Z',
    timeZone: 'America/Los_Angeles',
    dueAt: '2026-03-31T06:59:59.999Z',
  },
  {
    name: 'GDPR extension: three months from receipt',
    jurisdiction: 'gdpr',
    receivedAt: '2026-01-15T10:00:00Z',
    dueAt: '2026-02-16T23:59:59.999Z',
    extendedDueAt: '2026-04-15T23:59:59.999Z',
  },
  {
    name: 'GDPR extension: 30 November ends on 28 February, a Sunday, so 1 March',
    jurisdiction: 'gdpr',
    receivedAt: '2026-11-30T10:00:00Z',
    dueAt: '2026-12-30T23:59:59.999Z',
    extendedDueAt: '2027-03-01T23:59:59.999Z',
  },
  {
    name: 'CCPA: 10 business days to acknowledge',
    jurisdiction: 'ccpa',
    receivedAt: '2026-11-30T18:00:00Z',
    timeZone: 'UTC',
    acknowledgeBy: '2026-12-14T23:59:59.999Z',
    dueAt: '2027-01-14T23:59:59.999Z',
    extendedDueAt: '2027-02-28T23:59:59.999Z',
  },
  {
    name: 'CCPA: business days skip holidays; 45 and 90 calendar days',
    jurisdiction: 'ccpa',
    receivedAt: '2026-12-18T17:00:00Z',
    timeZone: 'America/Los_Angeles',
    holidays: ['2026-12-25', '2027-01-01'],
    acknowledgeBy: '2027-01-06T07:59:59.999Z',
    dueAt: '2027-02-02T07:59:59.999Z',
    extendedDueAt: '2027-03-19T06:59:59.999Z',
  },
  {
    name: 'CCPA: calendar days do not move off a weekend',
    jurisdiction: 'ccpa',
    receivedAt: '2026-04-16T12:00:00Z',
    dueAt: '2026-05-31T23:59:59.999Z',
  },
];

describe('computeDeadlines', () => {
  it.each(rows)('$name', (row) => {
    const deadlines = computeDeadlines({
      jurisdiction: row.jurisdiction,
      receivedAt: new Date(row.receivedAt),
      timeZone: row.timeZone ?? 'UTC',
      holidays: row.holidays ?? [],
    });
    expect(deadlines.dueAt.toISOString()).toBe(row.dueAt);
    expect(deadlines.extensionNoticeBy.toISOString()).toBe(row.dueAt);
    if (row.extendedDueAt !== undefined)
      expect(deadlines.extendedDueAt.toISOString()).toBe(row.extendedDueAt);
    if (row.acknowledgeBy !== undefined)
      expect(deadlines.acknowledgeBy?.toISOString() ?? null).toBe(row.acknowledgeBy);
  });

  it('gives GDPR no acknowledgement deadline and CCPA one', () => {
    const at = new Date('2026-06-01T10:00:00Z');
    expect(
      computeDeadlines({ jurisdiction: 'gdpr', receivedAt: at, timeZone: 'UTC', holidays: [] }).acknowledgeBy,
    ).toBeNull();
    expect(
      computeDeadlines({ jurisdiction: 'ccpa', receivedAt: at, timeZone: 'UTC', holidays: [] }).acknowledgeBy,
    ).not.toBeNull();
  });

  it('refuses an unknown time zone and a holiday that is not a date', () => {
    const base = {
      jurisdiction: 'gdpr' as const,
      receivedAt: new Date('2026-06-01T10:00:00Z'),
      holidays: [],
    };
    expect(() => computeDeadlines({ ...base, timeZone: 'Mars/Olympus' })).toThrow(PrivetError);
    expect(() => computeDeadlines({ ...base, timeZone: 'UTC', holidays: ['2026-02-30'] })).toThrow(
      /2026-02-30/,
    );
  });
});
