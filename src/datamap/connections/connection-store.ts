import { appendAudit } from '../../audit/append-audit.ts';
import { parseConnectionUrl, redactConnectionUrl } from '../../connectors/connection-url.ts';
import type { Clock } from '../../domain/clock.ts';
import { PrivetError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import type { SecretBox } from '../../domain/secret-box.ts';

/** What the connection use cases need; the box seals URLs (they carry passwords) at rest. */
export interface ConnectionDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly box: SecretBox;
}

/** A connection as shown to people: the URL only ever with its password replaced by `***`. */
export interface ConnectionView {
  readonly id: string;
  readonly name: string;
  readonly engine: string;
  readonly url: string;
  readonly datasetKey: string | null;
  readonly createdAt: string;
  readonly lastTest: { readonly at: string; readonly ok: boolean; readonly error: string | null } | null;
}

type Row = Awaited<ReturnType<typeof selectRows>>[number];

function selectRows(store: Store) {
  return store.db.selectFrom('connections').selectAll().orderBy('name').execute();
}

function toView(row: Row): ConnectionView {
  return {
    id: row.id,
    name: row.name,
    engine: row.engine,
    url: row.url_redacted,
    datasetKey: row.dataset_key,
    createdAt: row.created_at,
    lastTest:
      row.last_tested_at === null
        ? null
        : { at: row.last_tested_at, ok: row.last_test_ok === 1, error: row.last_test_error },
  };
}

/** Stores a connection; the URL is validated, sealed, and kept readable only with its password hidden. */
export async function createConnection(
  deps: ConnectionDeps,
  input: { readonly name: string; readonly url: string; readonly datasetKey?: string },
  actor: string,
  /** Join the caller's transaction (a seed step) instead of opening one. */
  outer?: Kysely<Database>,
): Promise<ConnectionView> {
  const descriptor = parseConnectionUrl(input.url);
  const now = deps.clock.now().toISOString();
  const row = {
    id: newId('con'),
    name: input.name.trim(),
    engine: descriptor.engine,
    url_redacted: redactConnectionUrl(input.url.trim()),
    url_sealed: deps.box.seal(input.url.trim()),
    dataset_key: input.datasetKey ?? null,
    created_at: now,
    updated_at: now,
    last_tested_at: null,
    last_test_ok: null,
    last_test_error: null,
  };
  const write = async (trx: Kysely<Database>) => {
    const clash = await trx
      .selectFrom('connections')
      .select('id')
      .where('name', '=', row.name)
      .executeTakeFirst();
    if (clash) throw new PrivetError('conflict', `A connection named ${row.name} exists`);
    await trx.insertInto('connections').values(row).execute();
    await appendAudit(
      deps,
      {
        actor,
        action: 'datamap.connection.create',
        target: `connection:${row.id}`,
        details: { name: row.name, url: row.url_redacted },
      },
      trx,
    );
  };
  await (outer === undefined ? deps.store.transaction(write) : write(outer));
  return toView(row);
}

/** Every connection, by name, without secrets. */
export async function listConnections(store: Store): Promise<ConnectionView[]> {
  return (await selectRows(store)).map(toView);
}

/** One connection without secrets, or `not_found`. */
export async function getConnection(store: Store, id: string): Promise<ConnectionView> {
  const row = await store.db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new PrivetError('not_found', `No connection ${id}`);
  return toView(row);
}

/** The full URL, password included, for a connector to use; never for a response or a log line. */
export async function openConnectionUrl(
  deps: Pick<ConnectionDeps, 'store' | 'box'>,
  id: string,
): Promise<string> {
  const row = await deps.store.db
    .selectFrom('connections')
    .select('url_sealed')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new PrivetError('not_found', `No connection ${id}`);
  return deps.box.open(row.url_sealed);
}

/** Records the outcome of a connection test (the error already free of the password). */
export async function recordConnectionTest(
  deps: ConnectionDeps,
  id: string,
  result: { readonly ok: boolean; readonly error: string | null },
  actor: string,
): Promise<ConnectionView> {
  await deps.store.transaction(async (trx) => {
    await trx
      .updateTable('connections')
      .set({
        last_tested_at: deps.clock.now().toISOString(),
        last_test_ok: result.ok ? 1 : 0,
        last_test_error: result.error,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(
      deps,
      { actor, action: 'datamap.connection.test', target: `connection:${id}`, details: { ok: result.ok } },
      trx,
    );
  });
  return getConnection(deps.store, id);
}

/** Removes a connection and its sealed secret. */
export async function deleteConnection(deps: ConnectionDeps, id: string, actor: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const result = await trx.deleteFrom('connections').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new PrivetError('not_found', `No connection ${id}`);
    await appendAudit(deps, { actor, action: 'datamap.connection.delete', target: `connection:${id}` }, trx);
  });
}
