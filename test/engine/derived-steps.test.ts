// Rows reached only through kept keys (a person's orders, their items) are not read at erasure: they are
// masked by one update on the keys captured upstream, and a resumed run matches them again from the
// checkpointed keys, even once the identity no longer finds the person.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import { derivedSteps } from '../../src/engine/execution/derived-steps.ts';
import { planRequest } from '../../src/engine/execution/plan-request.ts';
import { runRequest } from '../../src/engine/execution/run-request.ts';
import { openEngineDeps } from './engine-deps.ts';

const signal = new AbortController().signal;
const personal = (name: string, category = 'user.name') => ({ name, data_categories: [category] });
const dataset: FidesDataset = {
  fides_key: 'shop',
  collections: [
    {
      name: 'person',
      fields: [
        { name: 'id' },
        { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
        personal('name'),
      ],
    },
    {
      name: 'orders',
      fields: [
        { name: 'id' },
        {
          name: 'person_id',
          fides_meta: { references: [{ dataset: 'shop', field: 'person.id', direction: 'from' }] },
        },
        personal('note'),
        {
          ...personal('ship_to', 'user.contact.address'),
          fides_meta: {
            masking_strategy_override: {
              strategy: 'string_rewrite',
              configuration: { rewrite_value: 'gone' },
            },
          },
        },
      ],
    },
    {
      name: 'order_item',
      fields: [
        { name: 'id' },
        {
          name: 'order_id',
          fides_meta: { references: [{ dataset: 'shop', field: 'orders.id', direction: 'from' }] },
        },
        personal('gift_message'),
      ],
    },
  ],
};

const SCHEMA = `
CREATE TABLE person (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES person(id), note TEXT,
  ship_to TEXT NOT NULL);
CREATE TABLE order_item (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id), gift_message TEXT);
INSERT INTO person VALUES (1, 'ada@x.io', 'Ada'), (2, 'bob@x.io', 'Bob');
INSERT INTO orders VALUES (10, 1, 'ring twice', 'Ada Street 1'), (11, 1, NULL, 'Ada Street 1'),
  (20, 2, 'back door', 'Bob Road 2');
INSERT INTO order_item VALUES (100, 10, 'for Ada'), (101, 10, NULL), (102, 11, 'x'), (200, 20, 'for Bob');`;

describe('erasure of rows reached through kept keys', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privet-derived-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const database = (name: string) => {
    const file = join(dir, name);
    const db = new Database(file);
    db.exec(SCHEMA);
    db.close();
    return { file, url: `sqlite://${file}` };
  };
  const dump = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return Object.fromEntries(
        ['person', 'orders', 'order_item'].map((t) => [
          t,
          db.prepare(`SELECT * FROM ${t} ORDER BY id`).all(),
        ]),
      );
    } finally {
      db.close();
    }
  };
  const request = (url: string) => ({
    type: 'erasure' as const,
    bindings: [{ dataset, url }],
    identities: [{ type: 'email', value: 'ada@x.io' }],
  });

  it('masks them set-based, and a run cancelled after capture resumes from the checkpointed keys', async () => {
    const straight = database('straight.db');
    const { deps, store } = await openEngineDeps();
    try {
      const { plan } = await planRequest(
        { openIntrospector: deps.openIntrospector, purposes: [] },
        request(straight.url),
        signal,
      );
      expect([...derivedSteps(plan)].sort()).toEqual(['shop/order_item', 'shop/orders']);

      const done = await runRequest(deps, request(straight.url), signal);
      expect(done.status).toBe('completed');
      expect(done.collections).toMatchObject({
        person: { rows: 1, masked: 1, kept: 0 },
        orders: { rows: 2, masked: 2, kept: 0 },
        order_item: { rows: 3, masked: 3, kept: 0 },
      });
      const after = dump(straight.file);
      expect(after.orders).toEqual([
        { id: 10, person_id: 1, note: null, ship_to: 'gone' },
        { id: 11, person_id: 1, note: null, ship_to: 'gone' },
        { id: 20, person_id: 2, note: 'back door', ship_to: 'Bob Road 2' },
      ]);
      expect(after.order_item).toEqual([
        { id: 100, order_id: 10, gift_message: null },
        { id: 101, order_id: 10, gift_message: null },
        { id: 102, order_id: 11, gift_message: null },
        { id: 200, order_id: 20, gift_message: 'for Bob' },
      ]);

      // Cancelled once every capture is stored; then the identity stops finding the person.
      const resumed = database('resumed.db');
      const controller = new AbortController();
      const cancelling = {
        ...deps,
        onProgress: (p: { phase: string; collection: string }) => {
          if (p.phase === 'capture' && p.collection === 'order_item') controller.abort(new Error('stop'));
        },
      };
      const cancelled = await runRequest(cancelling, request(resumed.url), controller.signal);
      expect(cancelled.cancelled).toBe(true);
      expect(dump(resumed.file).orders).toEqual(dump(database('untouched.db').file).orders);
      const db = new Database(resumed.file);
      db.prepare('UPDATE person SET email = ? WHERE id = 1').run('changed@x.io');
      db.close();

      const again = await runRequest(deps, request(resumed.url), signal);
      expect(again).toMatchObject({ status: 'completed', resumed: true });
      expect(again.collections).toEqual(done.collections);
      const end = dump(resumed.file);
      expect(end.orders).toEqual(after.orders);
      expect(end.order_item).toEqual(after.order_item);
      expect(end.person).toEqual(after.person);
    } finally {
      await store.cleanup();
    }
  });
});
