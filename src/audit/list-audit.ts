import { sql } from 'kysely';
import type { Store } from '../store/store.ts';
import type { AuditEntry } from './append-audit.ts';

export interface AuditFilter {
  readonly actor?: string;
  readonly action?: string;
  readonly target?: string;
  /** ISO time bounds, inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Only entries with a smaller seq: the cursor of the previous page. */
  readonly before?: number;
  readonly limit: number;
}

export interface AuditPage {
  readonly entries: AuditEntry[];
  readonly next: number | null;
}

/** Lists audit entries newest first; an `action` ending in `.*` matches the whole capability. */
export async function listAudit(store: Store, filter: AuditFilter): Promise<AuditPage> {
  let query = store.db.selectFrom('audit_log').selectAll();
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
  if (filter.target !== undefined) query = query.where('target', '=', filter.target);
  if (filter.action !== undefined) {
    // substr instead of LIKE: no wildcard escaping or collation rules that differ between dialects.
    const prefix = filter.action.slice(0, -1);
    query = filter.action.endsWith('.*')
      ? query.where(sql<string>`substr(action, 1, ${prefix.length})`, '=', prefix)
      : query.where('action', '=', filter.action);
  }
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<=', filter.to);
  if (filter.before !== undefined) query = query.where('seq', '<', filter.before);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((row) => ({
      seq: row.seq,
      id: row.id,
      at: row.at,
      actor: row.actor,
      action: row.action,
      target: row.target,
      details: JSON.parse(row.details) as Record<string, unknown>,
      prevHash: row.prev_hash,
      hash: row.hash,
    })),
    next: rows.length > filter.limit ? (page[page.length - 1]?.seq ?? null) : null,
  };
}
