import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api-error.ts';
import { formIssues } from './form-issues.ts';

describe('form issues', () => {
  it('names fields in words people can act on', () => {
    const error = new ApiError(400, 'validation_failed', 'The request is not valid', [
      { code: 'pattern', path: 'body.retentionPeriod', message: 'must match pattern "^P…$"' },
      { code: 'type', path: 'body.retentionPeriod', message: 'must be null' },
      { code: 'anyOf', path: 'body.retentionPeriod', message: 'must match a schema in anyOf' },
      { code: 'pattern', path: 'body.dataCategories.1', message: 'must match pattern "^[a-z]$"' },
      { code: 'required', path: 'body', message: "must have required property 'name'" },
      { code: 'minLength', path: 'body.country', message: 'must NOT have fewer than 1 characters' },
      { code: 'unknown_recipient', path: 'recipientKeys.0', message: 'no recipient x' },
      { code: 'other', path: '', message: 'about the whole request' },
    ]);
    expect(formIssues(error)).toEqual({
      retentionPeriod: 'is not in the expected form (see the hint)',
      dataCategories: 'is not in the expected form (see the hint)',
      name: 'is required',
      country: 'is required',
      recipientKeys: 'no recipient x',
    });
    expect(formIssues(new Error('offline'))).toEqual({});
  });
});
