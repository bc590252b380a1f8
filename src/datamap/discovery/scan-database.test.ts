import { describe, expect, it, vi } from 'vitest';
import type { Introspector, SchemaInfo } from '../../connectors/introspection.ts';
import { fixedClock } from '../../domain/clock.ts';
import { isPrivetError } from '../../domain/errors.ts';
import { scanDatabase } from './scan-database.ts';

const schema: SchemaInfo = {
  engine: 'sqlite',
  database: 'shop',
  tables: [
    {
      name: 'users',
      columns: [
        { name: 'id', type: 'INTEGER', nullable: false, unique: true, default: null },
        { name: 'contact', type: 'TEXT', nullable: true, unique: false, default: null },
        { name: 'avatar', type: 'BLOB', nullable: true, unique: false, default: null },
      ],
      primaryKey: ['id'],
      foreignKeys: [],
      indexes: [],
    },
  ],
};

function fakeIntrospector(
  sample: Introspector['sampleValues'],
): Introspector & { close: ReturnType<typeof vi.fn> } {
  return {
    engine: 'sqlite',
    readSchema: async () => schema,
    sampleValues: sample,
    close: vi.fn(async () => undefined),
  };
}

describe('scanDatabase', () => {
  it('samples each column (not blobs) and closes the connection', async () => {
    const sample = vi.fn(async (_t: string, column: string, _n: number) =>
      column === 'contact' ? ['ada@example.com', 'bob@example.com', 'eve@example.com'] : ['1', '2', '3'],
    );
    const introspector = fakeIntrospector(sample);
    const result = await scanDatabase(
      { openIntrospector: async () => introspector, clock: fixedClock('2026-01-01T00:00:00Z') },
      { url: 'sqlite:shop.db', sampleSize: 3 },
      new AbortController().signal,
    );
    expect(sample.mock.calls.map((c) => [c[1], c[2]])).toEqual([
      ['id', 3],
      ['contact', 3],
    ]);
    expect(introspector.close).toHaveBeenCalledOnce();
    const users = result.dataset.collections[0];
    expect(users?.fields[1]).toMatchObject({
      name: 'contact',
      data_categories: ['user.contact.email'],
      fides_meta: { identity: 'email' },
    });
    expect(users?.fields[0]?.data_categories).toEqual(['user.unique_id']);
    expect(result.summary.identities).toEqual([{ field: 'users.contact', identity: 'email' }]);
  });

  it('stops on abort, closes the connection and passes the reason on', async () => {
    const controller = new AbortController();
    const introspector = fakeIntrospector(async () => {
      controller.abort(new Error('interrupted'));
      throw new Error('connection ended');
    });
    const deps = { openIntrospector: async () => introspector, clock: fixedClock('2026-01-01T00:00:00Z') };
    await expect(scanDatabase(deps, { url: 'sqlite:shop.db' }, controller.signal)).rejects.toThrow(
      'interrupted',
    );
    expect(introspector.close).toHaveBeenCalledOnce();
  });

  it('wraps driver errors in an unavailable PrivetError without the password', async () => {
    const url = 'mysql://app:S3cr3t-pw@db.example/shop';
    const deps = {
      openIntrospector: async () => {
        throw new Error(`Access denied for app using S3cr3t-pw`);
      },
      clock: fixedClock('2026-01-01T00:00:00Z'),
    };
    const error: unknown = await scanDatabase(deps, { url }, new AbortController().signal).catch(
      (e: unknown) => e,
    );
    expect(isPrivetError(error, 'unavailable')).toBe(true);
    expect((error as Error).message).toBe(
      'Cannot scan mysql://app:***@db.example/shop: Access denied for app using ***',
    );
  });
});
