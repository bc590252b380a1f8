import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

/** The controller: who runs the privacy programme, printed on notices, letters and the record of processing. */
export const OrganisationSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  address: Type.String({ maxLength: 500 }),
  email: Type.String({ maxLength: 320 }),
  dpo: Type.String({ maxLength: 500, description: 'Name and contact of the data protection officer' }),
  timeZone: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'IANA zone for deadlines, e.g. Europe/Berlin',
  }),
  supervisoryAuthority: Type.String({
    maxLength: 500,
    description: 'Name and address, quoted in refusal letters',
  }),
  holidays: Type.Optional(
    Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), {
      maxItems: 400,
      description: 'Public holidays (YYYY-MM-DD) that request deadlines skip, besides Saturdays and Sundays',
    }),
  ),
});
export type Organisation = Static<typeof OrganisationSchema>;

const KEY = 'organisation';

/** The organisation settings, or undefined before they are set. */
export async function readOrganisation(db: Kysely<Database>): Promise<Organisation | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return undefined;
  const value: unknown = JSON.parse(row.value);
  return Value.Check(OrganisationSchema, value) ? value : undefined;
}

/** Writes the organisation settings (insert or replace). */
export async function writeOrganisation(
  db: Kysely<Database>,
  organisation: Organisation,
  at: Date,
): Promise<void> {
  const value = JSON.stringify(organisation);
  await db
    .insertInto('settings')
    .values({ key: KEY, value, updated_at: at.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at.toISOString() }))
    .execute();
}
