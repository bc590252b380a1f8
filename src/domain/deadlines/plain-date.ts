/** A calendar date without a time or zone, as `YYYY-MM-DD`. */
export type PlainDate = string;

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parts(date: PlainDate): [number, number, number] {
  const match = PLAIN_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function fromUtcMs(ms: number): PlainDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether the text is a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isPlainDate(text: string): boolean {
  if (!PLAIN_DATE.test(text)) return false;
  const [y, m, d] = parts(text);
  return fromUtcMs(Date.UTC(y, m - 1, d)) === text;
}

/** The date `days` calendar days later (earlier when negative). */
export function addDays(date: PlainDate, days: number): PlainDate {
  const [y, m, d] = parts(date);
  return fromUtcMs(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

/**
 * The same day of the month `months` months later; when that month is shorter, its last day
 * (Regulation 1182/71 Art. 3(2)(c): 31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: PlainDate): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
