import type { Kysely } from 'kysely';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import { codeHash, sameHash } from './verification-code.ts';

/** How checking a code ended; `wrong` and `exhausted` still commit the counted try. */
export type CodeCheck = { readonly ok: true } | { readonly ok: false; readonly error: PrivetError };

/**
 * Checks a code against the request's open verification of the purpose, in the caller's transaction: a
 * right code marks it used; a wrong one counts a try, and the fifth wrong try voids it (`rate_limited`,
 * issue `too_many_attempts`). The caller commits, then throws `error`, so that the try is counted.
 */
export async function checkCodeIn(
  trx: Kysely<Database>,
  input: { secret: string; requestId: string; purpose: 'identity' | 'download'; code: string; now: Date },
): Promise<CodeCheck> {
  const open = await trx
    .selectFrom('request_verifications')
    .selectAll()
    .where('request_id', '=', input.requestId)
    .where('purpose', '=', input.purpose)
    .where('used_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const at = input.now.toISOString();
  if (open === undefined) return invalid('There is no code to check; ask for a new one', 'no_code');
  if (open.voided_at !== null || open.tries >= open.max_tries) return tooMany();
  if (open.expires_at <= at) return invalid('The code has expired; ask for a new one', 'code_expired');
  if (/^\d{6}$/.test(input.code) && sameHash(open.code_hash, codeHash(input.secret, open.id, input.code))) {
    await trx.updateTable('request_verifications').set({ used_at: at }).where('id', '=', open.id).execute();
    return { ok: true };
  }
  const tries = open.tries + 1;
  const exhausted = tries >= open.max_tries;
  await trx
    .updateTable('request_verifications')
    .set({ tries, ...(exhausted ? { voided_at: at } : {}) })
    .where('id', '=', open.id)
    .execute();
  if (exhausted) return tooMany();
  const left = open.max_tries - tries;
  return invalid(`The code is not right; ${left} ${left === 1 ? 'try' : 'tries'} left`, 'invalid_code');
}

function invalid(message: string, code: string): CodeCheck {
  return {
    ok: false,
    error: new PrivetError('bad_request', message, { issues: [{ code, path: 'body.code', message }] }),
  };
}

function tooMany(): CodeCheck {
  const message = 'Too many wrong codes: this code no longer works; ask for a new one';
  return {
    ok: false,
    error: new PrivetError('rate_limited', message, {
      issues: [{ code: 'too_many_attempts', path: 'body.code', message }],
    }),
  };
}
