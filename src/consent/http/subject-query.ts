import { Type } from 'typebox';
import { PrivetError } from '../../domain/errors.ts';
import type { ConsentSubject } from '../consent-subject.ts';

/** Query fields naming whose consent: exactly one of a device id or a person id. */
export const SubjectQuery = {
  deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  personId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
};

/** The subject a query names; a 400 naming both fields when it names none or both. */
export function subjectFromQuery(query: { deviceId?: string; personId?: string }): ConsentSubject {
  const { deviceId, personId } = query;
  if ((deviceId === undefined) === (personId === undefined)) {
    const message = 'give exactly one of deviceId and personId';
    throw new PrivetError('validation_failed', `The request is not valid: ${message}`, {
      issues: [
        { code: 'one_subject', path: 'querystring.deviceId', message },
        { code: 'one_subject', path: 'querystring.personId', message },
      ],
    });
  }
  return deviceId !== undefined ? { type: 'device', id: deviceId } : { type: 'person', id: personId ?? '' };
}
