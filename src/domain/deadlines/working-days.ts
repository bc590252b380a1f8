import { addDays, weekday, type PlainDate } from './plain-date.ts';

/** A working day is a weekday (Monday to Friday) that is not in the holiday calendar. */
export function isWorkingDay(date: PlainDate, holidays: ReadonlySet<PlainDate>): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !holidays.has(date);
}

/** The date itself when it is a working day, else the next working day. */
export function onOrNextWorkingDay(date: PlainDate, holidays: ReadonlySet<PlainDate>): PlainDate {
  let current = date;
  while (!isWorkingDay(current, holidays)) current = addDays(current, 1);
  return current;
}

/** The `count`-th working day after the date, not counting the date itself. */
export function addWorkingDays(date: PlainDate, count: number, holidays: ReadonlySet<PlainDate>): PlainDate {
  let current = date;
  for (let left = count; left > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current, holidays)) left -= 1;
  }
  return current;
}
