// Masks that follow from the row's key alone are computed from the captured keys without reading the rows
// again; the update then tells which rows are gone, and they are reported as such, not as masked.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataConnection } from '../../connectors/open-data-connection.ts';
import { openIntrospector } from '../../connectors/open-introspector.ts';
import type { FidesDataset } from '../../datamap/fides-dataset.ts';
import { planRequest } from '../execution/plan-request.ts';
import { keyText } from '../collect/captured-rows.ts';
import { maskValue } from '../masking/mask-value.ts';
import { applyChange } from './apply-change.ts';
import { prepareErasure } from './prepare-erasure.ts';

const signal = new AbortController().signal;
const dataset: FidesDataset = {
  fides_key: 'app',
  collections: [
    {
      name: 'person',
      fields: [
        { name: 'id' },
        { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
        { name: 'nickname', data_categories: ['user.name'] },
        {
          name: 'alias',
          data_categories: ['user.name'],
          fides_meta: { masking_strategy_override: { strategy: 'hash' } },
        },
      ],
    },
  ],
};

describe('erasure by captured keys', () => {
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privet-prepare-'));
    const file = join(dir, 'app.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE person (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT, alias TEXT);
      INSERT INTO person VALUES (1, 'a@x.io', 'a', 'aa'), (2, 'b@x.io', 'b', 'bb'), (3, 'c@x.io', 'c', 'cc');`);
    db.close();
    url = `sqlite://${file}`;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('masks by key without reading again, and reports the rows gone since they were found', async () => {
    const { plan } = await planRequest(
      { openIntrospector, purposes: [] },
      { bindings: [{ dataset, url }], identities: [{ type: 'email', value: 'a@x.io' }] },
      signal,
    );
    const step = plan.steps[0];
    if (step === undefined) throw new Error('no step');
    const connection = await openDataConnection(url, { readOnly: false }, signal);
    try {
      const captured = { count: 3, rows: [{ id: 1 }, { id: 2 }, { id: 99 }], values: {} };
      const context = { connection, secret: 's'.repeat(32), now: new Date('2026-01-01') };
      // A field masked from its own value (HMAC) needs the rows read again: gone rows show before the update.
      const hashed = await prepareErasure(context, step, captured, undefined, signal);
      expect(hashed.unread).toBeUndefined();
      expect(hashed.result).toMatchObject({ masked: 2, kept: 1 });

      const byKey = { ...step, fields: step.fields.filter((f) => f.name !== 'alias') };
      const prepared = await prepareErasure(context, byKey, captured, undefined, signal);
      expect(prepared.unread).toBe(true);
      expect(prepared.updates).toHaveLength(3);
      // NOT NULL text: the placeholder of the cell named by dataset, collection, field and the row's key.
      const cell = JSON.stringify(['app', 'person', 'email', keyText({ id: 1 }, ['id'])]);
      const email = step.fields.find((f) => f.name === 'email');
      if (email?.strategy === undefined) throw new Error('email is not masked');
      expect(prepared.updates[0]?.set.email).toBe(
        maskValue(email.strategy, email.shape, 'a@x.io', { secret: context.secret, cell }),
      );
      expect(prepared.updates[0]?.set.email).toMatch(/^erased-[0-9a-f]{24}$/);
      const result = await applyChange(connection, byKey, prepared, signal);
      expect(result).toMatchObject({ rows: 3, masked: 2, kept: 1 });
      expect(result.reasons).toEqual([{ code: 'gone', message: 'the row is no longer there', rows: 1 }]);
      const rows: Record<string, unknown>[] = [];
      for await (const row of connection.readRows(
        { collection: 'person', match: { field: 'id', values: [1, 2, 3] }, fields: ['id', 'nickname'] },
        signal,
      ))
        rows.push(row);
      expect(rows.sort((a, b) => Number(a.id) - Number(b.id))).toEqual([
        { id: 1, nickname: null },
        { id: 2, nickname: null },
        { id: 3, nickname: 'c' },
      ]);
    } finally {
      await connection.close();
    }
  });
});
