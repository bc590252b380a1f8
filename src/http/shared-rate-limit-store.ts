import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { createGroupCommit, type BatchOutcome } from '../store/group-commit.ts';

/** What @fastify/rate-limit reads back from a store: the hits in the window so far and ms until it resets. */
interface Count {
  readonly current: number;
  readonly ttl: number;
}
type Callback = (error: Error | null, count?: Count) => void;

interface Hit {
  /** The keyed hash of route and client. */
  readonly key: string;
  readonly windowMs: number;
}

// What the plugin passes to `child`: the route's merged limit settings, with the route under `routeInfo`.
interface ChildParams {
  readonly routeInfo?: { readonly method?: string | readonly string[]; readonly url?: string };
}

// Adds each key's hits, starting a new window where the last one ended, and returns the totals; times from the
// database's clock, so replicas whose clocks differ still agree on the windows.
async function countHits(db: Kysely<Database>, hits: readonly Hit[]): Promise<BatchOutcome<Count>[]> {
  const byKey = new Map<string, { n: number; windowMs: number }>();
  for (const hit of hits) {
    const seen = byKey.get(hit.key);
    if (seen === undefined) byKey.set(hit.key, { n: 1, windowMs: hit.windowMs });
    else seen.n += 1;
  }
  const keys = [...byKey.keys()];
  const { rows } = await sql<{ key: string; hits: number; resets_at_ms: string; now_ms: string }>`
    with clock as (select (extract(epoch from now()) * 1000)::bigint as ms)
    insert into rate_limit_counters as c (key, hits, resets_at_ms)
    select i.key, i.n, clock.ms + i.window_ms
    from unnest(${keys}::text[], ${keys.map((k) => byKey.get(k)?.n ?? 1)}::int[],
                ${keys.map((k) => byKey.get(k)?.windowMs ?? 0)}::bigint[]) as i(key, n, window_ms), clock
    on conflict (key) do update set
      hits = case when c.resets_at_ms <= (select ms from clock) then excluded.hits else c.hits + excluded.hits end,
      resets_at_ms = case when c.resets_at_ms <= (select ms from clock)
        then excluded.resets_at_ms else c.resets_at_ms end
    returning c.key, c.hits, c.resets_at_ms, (select ms from clock) as now_ms`.execute(db);
  const totals = new Map(rows.map((row) => [row.key, row]));
  // The hits of one key in this batch take the last numbers of its total, in the order they arrived.
  const taken = new Map<string, number>();
  return hits.map((hit) => {
    const row = totals.get(hit.key);
    const n = byKey.get(hit.key)?.n ?? 1;
    const before = taken.get(hit.key) ?? 0;
    taken.set(hit.key, before + 1);
    if (row === undefined) return { ok: false, error: new Error('No rate-limit count returned') };
    const ttl = Math.max(0, Number(row.resets_at_ms) - Number(row.now_ms));
    return { ok: true, value: { current: Number(row.hits) - n + 1 + before, ttl } };
  });
}

/** The store class for @fastify/rate-limit's `store` option, and how to finish the counts under way. */
export interface SharedRateLimitCounts {
  readonly Store: FastifyRateLimitStoreCtor;
  /** Lets the counts under way finish, then refuses new ones (the app is closing). */
  close(): Promise<void>;
}

/**
 * A @fastify/rate-limit store whose counts live in PostgreSQL, so that a limit holds across every replica
 * behind a load balancer instead of multiplying by their number (the README promises that all state lives in
 * the database when scaled out). Hits arriving together share one statement (group commit), so a busy route
 * costs one round trip per batch, not per request. Keys are HMACs of route and client under the secret: the
 * table holds no client address. Fixed windows, like the plugin's own in-memory store.
 */
export function sharedRateLimitStore(db: Kysely<Database>, secret: string): SharedRateLimitCounts {
  const group = createGroupCommit<Hit, Count>({ commit: (hits) => countHits(db, hits), maxBatch: 1000 });
  const keyOf = (scope: string, client: string) =>
    createHmac('sha256', secret).update(`rate-limit\u0000${scope}\u0000${client}`).digest('base64url');

  class SharedRateLimitStore implements FastifyRateLimitStore {
    // The plugin constructs the root store with its settings; each route's child counts under its own scope.
    constructor(
      _params: unknown,
      private readonly scope = '',
    ) {}

    child(params: object): FastifyRateLimitStore {
      const route = (params as ChildParams).routeInfo;
      const method = Array.isArray(route?.method) ? route.method.join(',') : String(route?.method ?? '');
      return new SharedRateLimitStore(undefined, `${method} ${route?.url ?? ''}`);
    }

    incr(client: string, callback: Callback, timeWindow: number): void {
      group.submit({ key: keyOf(this.scope, client), windowMs: timeWindow }).then(
        (count) => callback(null, count),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
  }
  return { Store: SharedRateLimitStore, close: () => group.close() };
}

/** Deletes counters whose window ended before `olderThanMs` ago (database clock); returns how many. */
export async function purgeRateLimitCounters(db: Kysely<Database>, olderThanMs: number): Promise<number> {
  const { numAffectedRows } = await sql`
    delete from rate_limit_counters
    where resets_at_ms < (extract(epoch from now()) * 1000)::bigint - ${olderThanMs}`.execute(db);
  return Number(numAffectedRows ?? 0);
}
