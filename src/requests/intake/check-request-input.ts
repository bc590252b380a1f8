import { PrivetError, type ErrorIssue } from '../../domain/errors.ts';
import type { RequestIdentity } from '../data-subject-request.ts';
import type { NewRequest } from './create-request.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DIRECT_MARKETING = 'marketing';

/** Checks what the types need and returns the identity with its email trimmed and lower-cased. */
export function checkRequestInput(input: NewRequest, now: Date): RequestIdentity {
  const issues: ErrorIssue[] = [];
  const email = input.identity.email.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 320) {
    issues.push({ code: 'invalid_email', path: 'identity.email', message: 'must be an email address' });
  }
  if (input.receivedAt !== undefined && input.receivedAt.getTime() > now.getTime() + 60_000) {
    issues.push({ code: 'in_future', path: 'receivedAt', message: 'cannot lie in the future' });
  }
  const details = input.details ?? {};
  if (input.type === 'restriction' && details.restrictionGround === undefined) {
    issues.push({
      code: 'ground_required',
      path: 'details.restrictionGround',
      message: 'a restriction needs one of the four Art. 18(1) grounds',
    });
  }
  if (input.type === 'objection' && details.objectionPurposes === undefined) {
    issues.push({
      code: 'purposes_required',
      path: 'details.objectionPurposes',
      message: 'an objection names the purposes objected to, or "all"',
    });
  }
  for (const purpose of Object.keys(details.compellingGrounds ?? {})) {
    if (purpose === DIRECT_MARKETING || purpose.startsWith(`${DIRECT_MARKETING}.`)) {
      issues.push({
        code: 'absolute_objection',
        path: `details.compellingGrounds.${purpose}`,
        message: 'an objection to direct marketing is absolute (Art. 21(3)); no grounds can override it',
      });
    }
  }
  if (input.type === 'rectification' && Object.keys(details.corrections ?? {}).length === 0) {
    issues.push({
      code: 'corrections_required',
      path: 'details.corrections',
      message: 'a rectification names at least one field and its corrected value',
    });
  }
  if (details.portabilityTarget !== undefined && !details.portabilityTarget.startsWith('https://')) {
    issues.push({
      code: 'https_required',
      path: 'details.portabilityTarget',
      message: 'data goes to another controller only over HTTPS',
    });
  }
  if (issues.length > 0) {
    throw new PrivetError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
      issues,
    });
  }
  return {
    email,
    ...(input.identity.phone === undefined ? {} : { phone: input.identity.phone.trim() }),
    ...(input.identity.name === undefined ? {} : { name: input.identity.name.trim() }),
  };
}
