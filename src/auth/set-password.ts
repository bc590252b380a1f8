import { appendAudit } from '../audit/append-audit.ts';
import { PrivetError } from '../domain/errors.ts';
import type { AuthDeps } from './auth-deps.ts';
import { MIN_PASSWORD_LENGTH } from './create-user.ts';
import { hashPassword } from './password.ts';

/** Sets a staff member's password (their own, or by an admin) and audits it without the password. */
export async function setPassword(
  deps: AuthDeps,
  userId: string,
  password: string,
  actor: string,
): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new PrivetError(
      'validation_failed',
      `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  const hash = await hashPassword(password);
  await deps.store.transaction(async (trx) => {
    const result = await trx
      .updateTable('users')
      .set({ password_hash: hash })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new PrivetError('not_found', `No user ${userId}`);
    await appendAudit(deps, { actor, action: 'user.password.set', target: `user:${userId}` }, trx);
  });
}
