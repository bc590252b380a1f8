import type { Kysely } from 'kysely';
import { PrivetError, type ErrorIssue } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';

/** One reference from the record being written to another privacy-model record. */
export interface KeyReference {
  readonly table: 'systems' | 'recipients';
  readonly key: string;
  /** Where in the input the key is, e.g. `recipientKeys.1`. */
  readonly path: string;
}

const issueCode = { systems: 'unknown_system', recipients: 'unknown_recipient' } as const;

/** The references of a key list, with their paths (`recipientKeys.0`, …). */
export function listReferences(
  table: KeyReference['table'],
  keys: readonly string[],
  path: string,
): KeyReference[] {
  return keys.map((key, i) => ({ table, key, path: `${path}.${i}` }));
}

/** Throws `validation_failed` naming every referenced system or recipient that does not exist. */
export async function requireExistingKeys(
  trx: Kysely<Database>,
  references: readonly KeyReference[],
): Promise<void> {
  const issues: ErrorIssue[] = [];
  for (const table of ['systems', 'recipients'] as const) {
    const wanted = references.filter((r) => r.table === table);
    if (wanted.length === 0) continue;
    const found = await trx
      .selectFrom(table)
      .select('fides_key')
      .where(
        'fides_key',
        'in',
        wanted.map((r) => r.key),
      )
      .execute();
    const known = new Set(found.map((row) => row.fides_key));
    for (const reference of wanted) {
      if (known.has(reference.key)) continue;
      const noun = table === 'systems' ? 'system' : 'recipient';
      issues.push({ code: issueCode[table], path: reference.path, message: `no ${noun} ${reference.key}` });
    }
  }
  if (issues.length > 0) {
    throw new PrivetError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
      issues,
    });
  }
}
