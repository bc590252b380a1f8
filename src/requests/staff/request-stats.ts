import { sql } from 'kysely';
import type { RequestDeps } from '../request-deps.ts';

/** Requests received per month (`YYYY-MM`, UTC) and type, oldest first: the chart of the admin console. */
export async function requestStats(
  deps: Pick<RequestDeps, 'store'>,
  input: { from?: string | undefined } = {},
): Promise<{ months: { month: string; type: string; count: number }[] }> {
  const month = sql<string>`substr(received_at, 1, 7)`;
  let query = deps.store.db
    .selectFrom('requests')
    .select([month.as('month'), 'type', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy([month, 'type']);
  if (input.from !== undefined) query = query.where('received_at', '>=', input.from);
  const rows = await query.orderBy('month').orderBy('type').execute();
  return { months: rows.map((r) => ({ month: r.month, type: r.type, count: Number(r.count) })) };
}
