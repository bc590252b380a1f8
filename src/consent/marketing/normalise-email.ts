import { PrivetError } from '../../domain/errors.ts';

// One plain address, as the outbox accepts it: no display name, list or line break.
const ADDRESS = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+\.[^\s@<>,;:"()[\]\\]+$/;

/**
 * The form an address is stored and matched in: trimmed and lower-cased, so `Ann@Example.com` and
 * `ann@example.com` are one subscriber. It is also the person id of marketing consent events.
 */
export function normaliseEmail(email: string): string {
  const normal = email.trim().toLowerCase();
  if (normal.length > 254 || !ADDRESS.test(normal)) {
    throw new PrivetError('validation_failed', 'The request is not valid: expected an e-mail address', {
      issues: [
        { code: 'invalid_email', path: 'body.email', message: 'Expected an address such as a@example.com' },
      ],
    });
  }
  return normal;
}
