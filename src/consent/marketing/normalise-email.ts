import { PrivetError } from '../../domain/errors.ts';
import { personIdOfEmail } from '../decisions/person-id-of-email.ts';

// One plain address, as the outbox accepts it: no display name, list or line break.
const ADDRESS = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+\.[^\s@<>,;:"()[\]\\]+$/;

/**
 * The form an address is stored and matched in: the person id of the address (trimmed and lower-cased, see
 * personIdOfEmail), so `Ann@Example.com` and `ann@example.com` are one subscriber and one person in the
 * consent ledger and the decisions; refused unless it is one plain address.
 */
export function normaliseEmail(email: string): string {
  const normal = personIdOfEmail(email);
  if (normal.length > 254 || !ADDRESS.test(normal)) {
    throw new PrivetError('validation_failed', 'The request is not valid: expected an e-mail address', {
      issues: [
        { code: 'invalid_email', path: 'body.email', message: 'Expected an address such as a@example.com' },
      ],
    });
  }
  return normal;
}
