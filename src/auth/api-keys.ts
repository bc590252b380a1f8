import { appendAudit } from '../audit/append-audit.ts';
import { PrivetError } from '../domain/errors.ts';
import { newId, newToken } from '../domain/ids.ts';
import { isRole, type Role } from '../domain/roles.ts';
import type { AuthDeps } from './auth-deps.ts';
import type { Principal } from './principal.ts';
import { tokenHash } from './token-hash.ts';

export interface ApiKeyView {
  readonly id: string;
  readonly name: string;
  /** The first characters of the key, to recognise it; the key itself is shown only once. */
  readonly prefix: string;
  readonly role: Role;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

/** Creates an API key with a role; the returned `key` is never retrievable again. */
export async function createApiKey(
  deps: AuthDeps,
  input: { readonly name: string; readonly role: Role },
  actor: string,
): Promise<ApiKeyView & { key: string }> {
  const now = deps.clock.now();
  const id = newId('key', now);
  const key = `pvt_${newToken(30)}`;
  const view: ApiKeyView = {
    id,
    name: input.name,
    prefix: key.slice(0, 10),
    role: input.role,
    createdBy: actor,
    createdAt: now.toISOString(),
    lastUsedAt: null,
  };
  await deps.store.transaction(async (trx) => {
    await trx
      .insertInto('api_keys')
      .values({
        id,
        name: view.name,
        prefix: view.prefix,
        key_hash: tokenHash(key),
        role: view.role,
        created_by: actor,
        created_at: view.createdAt,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await appendAudit(
      deps,
      { actor, action: 'apikey.create', target: `key:${id}`, details: { name: view.name, role: view.role } },
      trx,
    );
  });
  return { ...view, key };
}

/** The principal behind a bearer key, or undefined when it is unknown or revoked. */
export async function resolveApiKey(deps: AuthDeps, key: string): Promise<Principal | undefined> {
  const row = await deps.store.db
    .selectFrom('api_keys')
    .select(['id', 'role', 'name'])
    .where('key_hash', '=', tokenHash(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || !isRole(row.role)) return undefined;
  return { kind: 'key', id: row.id, role: row.role, actor: `key:${row.id}`, name: row.name };
}

/** Lists keys that are not revoked. */
export async function listApiKeys(deps: AuthDeps): Promise<ApiKeyView[]> {
  const rows = await deps.store.db
    .selectFrom('api_keys')
    .selectAll()
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: isRole(row.role) ? row.role : 'viewer',
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }));
}

/** Revokes a key at once; revoking an unknown or revoked key is `not_found`. */
export async function revokeApiKey(deps: AuthDeps, id: string, actor: string): Promise<void> {
  await deps.store.transaction(async (trx) => {
    const result = await trx
      .updateTable('api_keys')
      .set({ revoked_at: deps.clock.now().toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new PrivetError('not_found', `No active API key ${id}`);
    await appendAudit(deps, { actor, action: 'apikey.revoke', target: `key:${id}` }, trx);
  });
}
