import type { Role } from '../../../src/domain/roles.ts';

/** An active API key as /api/admin/api-keys lists it: never the key itself, only its first characters. */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly role: Role;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

/** The answer of GET /api/admin/api-keys. */
export interface ApiKeyList {
  readonly keys: readonly ApiKey[];
}

/** The answer of POST /api/admin/api-keys: the only time the key itself is shown. */
export interface NewApiKey extends ApiKey {
  readonly key: string;
}
