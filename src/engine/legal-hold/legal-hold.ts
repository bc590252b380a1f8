import { addDuration } from './add-duration.ts';

/**
 * Fields of a collection kept out of erasure because a purpose with a legal obligation (GDPR Art. 6(1)(c),
 * Art. 17(3)(b)) needs them, until its retention period has run from the row's date (or for as long as the
 * period is open when there is no date or no period).
 */
export interface LegalHold {
  readonly purpose: string;
  readonly purposeName: string;
  /** ISO-8601 duration; null when the purpose states criteria rather than a period (held until changed). */
  readonly retention: string | null;
  /** The row's field the period counts from (`invoice_date`); absent: the period runs from now. */
  readonly dateField?: string;
  /** The held fields. */
  readonly fields: readonly string[];
}

/** Why a field of a row is kept, or undefined when the hold has run out for that row. */
export function holdReason(
  hold: LegalHold,
  row: Readonly<Record<string, unknown>>,
  now: Date,
): string | undefined {
  const why = `legal obligation: ${hold.purposeName} (${hold.purpose})`;
  if (hold.retention === null) return `${why}, retention by criteria`;
  if (hold.dateField === undefined) return `${why}, retained for ${hold.retention}`;
  const raw = row[hold.dateField];
  const start = typeof raw === 'string' || typeof raw === 'number' ? new Date(raw) : undefined;
  const end = start === undefined ? undefined : addDuration(start, hold.retention);
  // A row whose date cannot be read is kept: wrongly erasing records the law requires cannot be undone.
  if (end === undefined) return `${why}, retained for ${hold.retention} (date unreadable)`;
  return end.getTime() > now.getTime()
    ? `${why}, retained until ${end.toISOString().slice(0, 10)}`
    : undefined;
}
