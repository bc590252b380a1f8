import { PrivetError } from '../errors.ts';
import type { Jurisdiction } from './jurisdiction.ts';
import { addDays, addMonths, isPlainDate, type PlainDate } from './plain-date.ts';
import { addWorkingDays, onOrNextWorkingDay } from './working-days.ts';
import { endOfLocalDay, isTimeZone, localDate } from './zoned-time.ts';

/** What a request's deadlines depend on. */
export interface DeadlineInput {
  readonly jurisdiction: Jurisdiction;
  readonly receivedAt: Date;
  /** IANA zone of the organisation; dates are counted on its calendar. */
  readonly timeZone: string;
  /** Public holidays of the organisation's calendar (`YYYY-MM-DD`), not working days. */
  readonly holidays: readonly string[];
}

/** When a request must be acknowledged, answered, and by when an extension must be announced. */
export interface Deadlines {
  /** CCPA: end of the 10th business day after receipt; null where the law sets no acknowledgement. */
  readonly acknowledgeBy: Date | null;
  /** End of the due day in the organisation's zone. */
  readonly dueAt: Date;
  /** An extension (with its reasons) must reach the person before this. */
  readonly extensionNoticeBy: Date;
  /** The due date when extended once. */
  readonly extendedDueAt: Date;
}

interface DueDates {
  readonly acknowledge: PlainDate | null;
  readonly due: PlainDate;
  readonly extended: PlainDate;
}

function gdprDates(received: PlainDate, holidays: ReadonlySet<PlainDate>): DueDates {
  // Art. 12(3) GDPR counted under Regulation 1182/71: one month runs to the same date of the next month (or
  // that month's last day); a period ending on a Saturday, Sunday or holiday ends on the next working day. The
  // extension by two further months is counted from receipt as three months, then moved the same way.
  return {
    acknowledge: null,
    due: onOrNextWorkingDay(addMonths(received, 1), holidays),
    extended: onOrNextWorkingDay(addMonths(received, 3), holidays),
  };
}

function ccpaDates(received: PlainDate, holidays: ReadonlySet<PlainDate>): DueDates {
  // Cal. Code Regs. tit. 11 § 7021: confirm within 10 business days; respond within 45 calendar days of receipt
  // whatever the time needed to verify; one extension by 45 more days (90 in total) with notice.
  return {
    acknowledge: addWorkingDays(received, 10, holidays),
    due: addDays(received, 45),
    extended: addDays(received, 90),
  };
}

/** The deadlines of a request received at an instant, on the organisation's calendar. */
export function computeDeadlines(input: DeadlineInput): Deadlines {
  if (!isTimeZone(input.timeZone))
    throw new PrivetError(
      'bad_request',
      `Unknown time zone "${input.timeZone}"; use an IANA name such as Europe/Berlin`,
    );
  const badHoliday = input.holidays.find((day) => !isPlainDate(day));
  if (badHoliday !== undefined)
    throw new PrivetError('bad_request', `Holiday "${badHoliday}" is not a YYYY-MM-DD date`);
  const holidays = new Set(input.holidays);
  const received = localDate(input.receivedAt, input.timeZone);
  const dates = input.jurisdiction === 'ccpa' ? ccpaDates(received, holidays) : gdprDates(received, holidays);
  const end = (date: PlainDate): Date => endOfLocalDay(date, input.timeZone);
  return {
    acknowledgeBy: dates.acknowledge === null ? null : end(dates.acknowledge),
    dueAt: end(dates.due),
    extensionNoticeBy: end(dates.due),
    extendedDueAt: end(dates.extended),
  };
}
