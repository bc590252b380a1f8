import type { Kysely } from 'kysely';
import { readOrganisation } from '../../demo/organisation.ts';
import { computeDeadlines, type Deadlines } from '../../domain/deadlines/compute-deadlines.ts';
import type { Jurisdiction } from '../../domain/deadlines/jurisdiction.ts';
import type { Database } from '../../store/schema.ts';

/** The organisation's calendar: its zone (UTC until set) and holidays. */
export async function organisationCalendar(
  db: Kysely<Database>,
): Promise<{ timeZone: string; holidays: readonly string[] }> {
  const organisation = await readOrganisation(db);
  // `holidays` is optional in the organisation settings; older settings lack it.
  const holidays = (organisation as { holidays?: unknown } | undefined)?.holidays;
  return {
    timeZone: organisation?.timeZone ?? 'UTC',
    holidays: Array.isArray(holidays) ? holidays.filter((h): h is string => typeof h === 'string') : [],
  };
}

/** A request's deadlines on the organisation's calendar. */
export async function requestDeadlines(
  db: Kysely<Database>,
  jurisdiction: Jurisdiction,
  receivedAt: Date,
): Promise<Deadlines> {
  const calendar = await organisationCalendar(db);
  return computeDeadlines({ jurisdiction, receivedAt, ...calendar });
}
