import { PrivetError } from '../../domain/errors.ts';
import type { DecisionSubject } from './decision.ts';
import { personIdOfEmail } from './person-id-of-email.ts';

const subjectFields = ['email', 'personId', 'deviceId'] as const;

/** The error for a subject naming none or several of its fields, or undefined when it names exactly one. */
export function subjectProblem(subject: DecisionSubject, path = ''): PrivetError | undefined {
  const { email, personId, deviceId } = subject;
  const given =
    (email === undefined ? 0 : 1) + (personId === undefined ? 0 : 1) + (deviceId === undefined ? 0 : 1);
  if (given === 1) return undefined;
  const message = `give exactly one of email, personId and deviceId (${given === 0 ? 'none' : given} given)`;
  const where = path === '' ? '' : `${path.replace(/\.$/, '')}: `;
  return new PrivetError('validation_failed', `The decision request is not valid: ${where}${message}`, {
    issues: subjectFields.map((field) => ({ code: 'one_subject', path: `${path}${field}`, message })),
  });
}

/** The index key of a subject (an email becomes its person id); throws unless exactly one field is given. */
export function resolveSubject(
  subject: DecisionSubject,
  path = '',
): { readonly type: 'person' | 'device'; readonly id: string } {
  const problem = subjectProblem(subject, path);
  if (problem) throw problem;
  const { email, personId, deviceId } = subject;
  if (email !== undefined) return { type: 'person', id: personIdOfEmail(email) };
  if (personId !== undefined) return { type: 'person', id: personId };
  return { type: 'device', id: deviceId ?? '' };
}
