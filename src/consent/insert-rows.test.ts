import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { stateUpsert as state } from './append-consent-events.ts';
import { insertRows, type RowInsert } from './insert-rows.ts';

const postKeys: RowInsert = {
  table: 'consent_post_keys',
  columns: ['scope', 'idempotency_key', 'receipt_ids', 'recorded_at'].map((name) => ({
    name,
    pgType: 'text',
  })),
};

function stateRow(i: number, action: string) {
  return {
    subject_type: 'device',
    subject_id: `device-${String(i).padStart(3, '0')}`,
    purpose_key: 'analytics',
    category_key: i % 2 === 0 ? 'analytics' : null,
    action,
    method: 'banner',
    notice_version: '1',
    notice_hash: 'h',
    event_id: `cev_${i}_${action}`,
    event_seq: i,
    at: '2026-02-01T10:00:00.000Z',
  };
}

describe.each(storeKinds)('bulk row inserts on %s', (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  // 75 = 64 + 8 + 3 × 1 on SQLite: every chunk size, each row exactly once and in full.
  it('inserts every row of a batch that spans all chunk sizes, nulls included', async () => {
    const rows = Array.from({ length: 75 }, (_, i) => ({
      scope: `device-${i}`,
      idempotency_key: `key-${String(i).padStart(16, '0')}`,
      receipt_ids: JSON.stringify([`cev_${i}`]),
      recorded_at: `2026-02-01T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
    }));
    await t.store.transaction((trx) => insertRows(trx, t.store.dialect, postKeys, rows));
    const stored = await t.store.db.selectFrom('consent_post_keys').selectAll().orderBy('scope').execute();
    expect(stored).toHaveLength(75);
    const byScope = new Map(stored.map((row) => [row.scope, row]));
    for (const row of rows) expect(byScope.get(row.scope)).toEqual(row);
  });

  it('upserts: a conflicting row takes the new values, the others stay', async () => {
    await t.store.transaction((trx) =>
      insertRows(
        trx,
        t.store.dialect,
        state,
        Array.from({ length: 73 }, (_, i) => stateRow(i, 'given')),
      ),
    );
    const changed = [0, 7, 8, 63, 64, 72].map((i) => stateRow(i, 'withdrawn'));
    await t.store.transaction((trx) => insertRows(trx, t.store.dialect, state, changed));
    const rows = await t.store.db.selectFrom('consent_state').selectAll().orderBy('subject_id').execute();
    expect(rows).toHaveLength(73);
    const withdrawn = rows.filter((row) => row.action === 'withdrawn').map((row) => row.subject_id);
    expect(withdrawn).toEqual(changed.map((row) => row.subject_id));
    expect(rows.find((row) => row.subject_id === 'device-064')).toMatchObject({
      event_id: 'cev_64_withdrawn',
      category_key: 'analytics',
      event_seq: 64,
    });
    expect(rows.find((row) => row.subject_id === 'device-001')?.category_key).toBeNull();
  });

  it('does nothing for no rows', async () => {
    await t.store.transaction((trx) => insertRows(trx, t.store.dialect, postKeys, []));
    expect(await t.store.db.selectFrom('consent_post_keys').selectAll().execute()).toEqual([]);
  });
});
