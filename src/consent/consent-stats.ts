import { sql, type Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Database } from '../store/schema.ts';

const Counts = {
  given: Type.Integer(),
  withdrawn: Type.Integer(),
  objected: Type.Integer(),
  /** Of the withdrawals, those recorded from Global Privacy Control. */
  byGpc: Type.Integer(),
};

/** Choices recorded per banner category (or purpose, for choices made without a category) over some days. */
export const ConsentStatsSchema = Type.Object({
  from: Type.String({ description: 'First day counted (UTC), YYYY-MM-DD' }),
  to: Type.String({ description: 'Last day counted (UTC), YYYY-MM-DD' }),
  totals: Type.Array(
    Type.Object({
      categoryKey: Type.Union([Type.String(), Type.Null()]),
      purposeKey: Type.String(),
      ...Counts,
      /** given / (given + withdrawn + objected), null when nothing was chosen. */
      acceptanceRate: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  days: Type.Array(
    Type.Object({
      day: Type.String(),
      categoryKey: Type.Union([Type.String(), Type.Null()]),
      purposeKey: Type.String(),
      ...Counts,
    }),
  ),
  methods: Type.Array(Type.Object({ method: Type.String(), events: Type.Integer() })),
});
export type ConsentStats = Static<typeof ConsentStatsSchema>;

type CountRow = { given: number; withdrawn: number; objected: number; byGpc: number };

// The first event at or after `at`, by binary search over the chain: events are numbered in the order they
// are committed, each with its commit's time, so time grows with `seq` and no index on time is needed (an index
// the busiest write path would pay for on every consent). Replicas stamp their batches with their own clocks,
// so where those differ by some milliseconds, a choice made at midnight may count for the day next to it.
async function firstSeqAtOrAfter(db: Kysely<Database>, at: string, lo: number, hi: number): Promise<number> {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const row = await db
      .selectFrom('consent_events')
      .select(['seq', 'at'])
      .where('seq', '>=', mid)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    if (row !== undefined && row.at < at) lo = Number(row.seq) + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Counts the consent choices recorded between two UTC days (inclusive): per category and day, totals with the
 * acceptance rate, and per method. Every event counts, so a visitor who changes their mind counts twice.
 */
export async function consentStats(
  db: Kysely<Database>,
  range: { from: string; to: string },
): Promise<ConsentStats> {
  const bounds = await db
    .selectFrom('consent_events')
    .select((eb) => [eb.fn.min<number>('seq').as('first'), eb.fn.max<number>('seq').as('last')])
    .executeTakeFirst();
  const first = Number(bounds?.first ?? 1);
  const end = Number(bounds?.last ?? 0) + 1;
  const start = await firstSeqAtOrAfter(db, `${range.from}T00:00:00.000Z`, first, end);
  const stop = await firstSeqAtOrAfter(db, `${nextDay(range.to)}T00:00:00.000Z`, start, end);
  const { rows } = await sql<{
    day: string;
    category_key: string | null;
    purpose_key: string;
    action: string;
    method: string;
    n: number | string;
  }>`
    select substr(at, 1, 10) as day, category_key, purpose_key, action, method, count(*) as n
    from consent_events where seq >= ${start} and seq < ${stop}
    group by substr(at, 1, 10), category_key, purpose_key, action, method`.execute(db);

  const days = new Map<string, ConsentStats['days'][number]>();
  const totals = new Map<string, Omit<ConsentStats['totals'][number], 'acceptanceRate'>>();
  const methods = new Map<string, number>();
  const add = (counts: CountRow, action: string, method: string, n: number) => {
    if (action === 'given') counts.given += n;
    else if (action === 'withdrawn') counts.withdrawn += n;
    else counts.objected += n;
    if (method === 'gpc' && action !== 'given') counts.byGpc += n;
  };
  const zero = { given: 0, withdrawn: 0, objected: 0, byGpc: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    const key = `${row.category_key ?? ''}\u0000${row.purpose_key}`;
    const subject = { categoryKey: row.category_key, purposeKey: row.purpose_key };
    const dayKey = `${row.day}\u0000${key}`;
    let day = days.get(dayKey);
    if (day === undefined) days.set(dayKey, (day = { day: row.day, ...subject, ...zero }));
    let total = totals.get(key);
    if (total === undefined) totals.set(key, (total = { ...subject, ...zero }));
    add(day, row.action, row.method, n);
    add(total, row.action, row.method, n);
    methods.set(row.method, (methods.get(row.method) ?? 0) + n);
  }
  const byKey = (a: { categoryKey: string | null; purposeKey: string }, b: typeof a) =>
    (a.categoryKey ?? a.purposeKey).localeCompare(b.categoryKey ?? b.purposeKey);
  return {
    from: range.from,
    to: range.to,
    totals: [...totals.values()].sort(byKey).map((total) => {
      const chosen = total.given + total.withdrawn + total.objected;
      return { ...total, acceptanceRate: chosen === 0 ? null : total.given / chosen };
    }),
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day) || byKey(a, b)),
    methods: [...methods].map(([method, events]) => ({ method, events })).sort((a, b) => b.events - a.events),
  };
}

/** The UTC day after `day` (YYYY-MM-DD). */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}
