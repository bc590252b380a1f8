import { sql, type Kysely } from 'kysely';
import type { LegalBasisCode } from '../../datamap/taxonomy/legal-bases.ts';
import { PRIVACY_NOTICE } from '../../notices/notice-version.ts';
import type { Database } from '../../store/schema.ts';

/** What decisions need from the data map, the banner and the notices: small, reloaded when it changes. */
export interface DecisionModel {
  readonly purposes: readonly {
    readonly key: string;
    readonly dataUse: string;
    readonly basis: LegalBasisCode | null;
    readonly actingAs: string;
  }[];
  readonly categories: readonly {
    readonly purposeKey: string;
    readonly required: boolean;
    readonly gpcOptOut: boolean;
  }[];
  /** Every version of the privacy notice with the purposes it names; `current` is the one in force. */
  readonly notices: readonly { readonly version: string; readonly purposeKeys: readonly string[] }[];
  readonly currentNotice: string | null;
}

/** Reads the decision model in one go. */
export async function loadDecisionModel(db: Kysely<Database>): Promise<DecisionModel> {
  const [purposes, categories, notices] = await Promise.all([
    db.selectFrom('purposes').select(['fides_key', 'data_use', 'legal_basis', 'acting_as']).execute(),
    db.selectFrom('consent_categories').select(['purpose_key', 'required', 'gpc_opt_out']).execute(),
    db
      .selectFrom('notice_versions')
      .select(['version', 'purpose_keys', 'is_current', 'published_at'])
      .where('notice_key', '=', PRIVACY_NOTICE)
      .execute(),
  ]);
  return {
    purposes: purposes.map((row) => ({
      key: row.fides_key,
      dataUse: row.data_use,
      basis: row.legal_basis as LegalBasisCode | null,
      actingAs: row.acting_as,
    })),
    categories: categories.map((row) => ({
      purposeKey: row.purpose_key,
      required: row.required === 1,
      gpcOptOut: row.gpc_opt_out === 1,
    })),
    // Drafts never reached anyone, so no data was collected under them.
    notices: notices
      .filter((row) => row.published_at !== null)
      .map((row) => ({ version: row.version, purposeKeys: JSON.parse(row.purpose_keys) as string[] })),
    currentNotice: notices.find((row) => row.is_current === 1)?.version ?? null,
  };
}

/**
 * A cheap fingerprint of the model's tables, so that a refresh reloads the model only when it changed: any
 * insert or update moves a count or a latest time; a delete moves a count. Edits within the same millisecond
 * that keep every count are the blind spot; the periodic full reload of `createDecider` covers it.
 */
export async function decisionModelFingerprint(db: Kysely<Database>): Promise<string> {
  const result = await sql<{ fingerprint: string | null }>`select
    (select count(*) from purposes) || '/' || coalesce((select max(updated_at) from purposes), '') || '/' ||
    (select count(*) from consent_categories) || '/' || coalesce((select max(updated_at) from consent_categories), '') || '/' ||
    (select count(*) from notice_versions) || '/' || coalesce((select max(coalesce(published_at, created_at)) from notice_versions), '') || '/' ||
    coalesce((select max(id) from notice_versions where is_current = 1), '') as fingerprint`.execute(db);
  return result.rows[0]?.fingerprint ?? '';
}
