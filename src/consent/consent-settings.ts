import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { appendAudit } from '../audit/append-audit.ts';
import type { Database } from '../store/schema.ts';
import { BannerTextsSchema } from './banner-texts.ts';
import type { ConsentDeps } from './consent-deps.ts';
import { LANGUAGE_TAG } from './language-tag.ts';

/** An origin allowed to call the public consent API from a browser: `https://shop.example` or `*`. */
const OriginPattern = Type.String({
  maxLength: 300,
  pattern: '^(\\*|https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?)$',
});

/** Server-side configuration of the banner and its public API. */
export const ConsentSettingsSchema = Type.Object({
  allowedOrigins: Type.Array(OriginPattern, {
    maxItems: 500,
    default: [],
    description: 'Sites whose pages may call the public consent API (CORS); `*` allows any (demo only)',
  }),
  privacyNoticeUrl: Type.String({
    maxLength: 2000,
    default: '',
    description: 'Linked from the banner; empty means the privacy center’s notice page',
  }),
  texts: Type.Record(Type.String({ pattern: LANGUAGE_TAG.source }), Type.Partial(BannerTextsSchema), {
    default: {},
    description: 'Banner texts by language; English is shipped and may be overridden here',
  }),
});
export type ConsentSettings = Static<typeof ConsentSettingsSchema>;

const KEY = 'consent.settings';

/** The stored settings, or the defaults (no cross-origin callers, shipped texts). */
export async function readConsentSettings(db: Kysely<Database>): Promise<ConsentSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const stored: unknown = row === undefined ? {} : JSON.parse(row.value);
  const value = Value.Default(ConsentSettingsSchema, stored);
  return Value.Check(ConsentSettingsSchema, value)
    ? value
    : { allowedOrigins: [], privacyNoticeUrl: '', texts: {} };
}

/** Replaces the settings, audited in the same transaction. */
export async function writeConsentSettings(
  deps: ConsentDeps,
  settings: ConsentSettings,
  actor: string,
  trx?: Kysely<Database>,
): Promise<void> {
  if (trx === undefined) {
    await deps.store.transaction((inner) => writeConsentSettings(deps, settings, actor, inner));
    return;
  }
  const value = JSON.stringify(settings);
  const at = deps.clock.now().toISOString();
  await trx
    .insertInto('settings')
    .values({ key: KEY, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
  await appendAudit(
    deps,
    {
      actor,
      action: 'consent.settings.update',
      target: 'consent-settings',
      details: { allowedOrigins: settings.allowedOrigins, languages: Object.keys(settings.texts) },
    },
    trx,
  );
}
