import { appendAudit } from '../audit/append-audit.ts';
import { PrivetError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Role } from '../domain/roles.ts';
import type { AuthDeps } from './auth-deps.ts';
import { hashPassword } from './password.ts';

export interface NewUser {
  readonly email: string;
  readonly name?: string;
  readonly role: Role;
  /** Omit to create an account that can only sign in through a one-time link until a password is set. */
  readonly password?: string;
}

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

export const MIN_PASSWORD_LENGTH = 12;

/** Normalises an email address for lookups: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a staff account; a duplicate email is a `conflict`, a short password `validation_failed`. */
export async function createUser(deps: AuthDeps, input: NewUser, actor: string): Promise<UserView> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new PrivetError('validation_failed', `Not an email address: ${input.email}`, {
      issues: [{ code: 'invalid_email', path: 'email', message: 'must be an email address' }],
    });
  }
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new PrivetError(
      'validation_failed',
      `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
      {
        issues: [
          { code: 'too_short', path: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
        ],
      },
    );
  }
  // An unusable hash: no password verifies against it.
  const passwordHash = input.password === undefined ? 'none' : await hashPassword(input.password);
  const now = deps.clock.now();
  const user = {
    id: newId('usr', now),
    email,
    name: input.name?.trim() || email.split('@')[0] || email,
    role: input.role,
    createdAt: now.toISOString(),
  };
  return deps.store.transaction(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) throw new PrivetError('conflict', `A user with the email ${email} already exists`);
    await trx
      .insertInto('users')
      .values({
        id: user.id,
        email,
        name: user.name,
        password_hash: passwordHash,
        role: user.role,
        created_at: user.createdAt,
        disabled_at: null,
      })
      .execute();
    await appendAudit(
      deps,
      { actor, action: 'user.create', target: `user:${user.id}`, details: { email, role: user.role } },
      trx,
    );
    return user;
  });
}
