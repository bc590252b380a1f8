import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresSample } from '../../../test/support/load-sample-database.ts';
import { postgresFeatureSchema } from '../../../test/support/postgres-feature-schema.ts';
import type { TestDatabase } from '../../../test/support/test-stores.ts';
import { openIntrospector } from '../../connectors/open-introspector.ts';
import { fixedClock } from '../../domain/clock.ts';
import { isPrivetError } from '../../domain/errors.ts';
import type { FidesDataset } from '../fides-dataset.ts';
import { scanDatabase } from './scan-database.ts';

const signal = new AbortController().signal;
const deps = { openIntrospector, clock: fixedClock('2026-06-01T00:00:00Z') };

describe('scan of partitioned, inherited and cyclic PostgreSQL tables', () => {
  let database: TestDatabase;
  let dataset: FidesDataset;
  const refs = (table: string) =>
    dataset.collections
      .find((c) => c.name === table)
      ?.fields.flatMap((f) =>
        (f.fides_meta?.references ?? []).map((r) => `${f.name}→${r.field}:${r.direction}`),
      );

  beforeAll(async () => {
    database = await loadPostgresSample(postgresFeatureSchema);
    dataset = (await scanDatabase(deps, { url: database.url }, signal)).dataset;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('makes a partitioned table one collection with the reference its partitions declare', () => {
    const names = dataset.collections.map((c) => c.name);
    expect(names).toContain('event');
    expect(names.filter((n) => n.startsWith('event_'))).toEqual([]);
    expect(refs('event')).toEqual(['account_id→account.id:from']);
    const ip = dataset.collections
      .find((c) => c.name === 'event')
      ?.fields.find((f) => f.name === 'ip_address');
    expect(ip?.data_categories).toEqual(['user.device.ip_address']);
  });

  it('keeps composite keys into a partitioned table, inheritance, self-references and cycles', () => {
    expect(refs('ticket')).toEqual(['event_id→event.id:from', 'event_at→event.at:from']);
    expect(refs('contact_base')).toEqual(['id→account.id:from', 'account_id→account.id:from']);
    expect(refs('account')).toEqual(['referred_by→account.id:to']);
    expect(refs('team')).toEqual(['captain_id→player.id:to']);
    expect(refs('player')).toEqual(['team_id→team.id:to']);
    expect(dataset.collections.find((c) => c.name === 'account')?.fields[1]?.fides_meta?.identity).toBe(
      'email',
    );
  });

  it('fails with the URL redacted when the database is unreachable', async () => {
    const url = 'postgres://postgres:Zq9-not-shown@127.0.0.1:1/nowhere';
    const error: unknown = await scanDatabase(deps, { url }, signal).catch((e: unknown) => e);
    expect(isPrivetError(error, 'unavailable')).toBe(true);
    expect((error as Error).message).toContain('postgres://postgres:***@127.0.0.1:1/nowhere');
    expect((error as Error).message).not.toContain('Zq9-not-shown');
  });
});
