import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { isPrivetError, type PrivetError } from '../domain/errors.ts';
import { backoffDelayMs } from './backoff-delay.ts';
import { builtInJobs } from './built-in-jobs.ts';
import { defineSchedule } from './define-schedule.ts';
import { defineJob } from './job-definition.ts';
import { createJobRegistry } from './job-registry.ts';

function thrown(fn: () => unknown): PrivetError | undefined {
  try {
    fn();
  } catch (error) {
    return isPrivetError(error) ? error : undefined;
  }
  return undefined;
}

const noop = defineJob({
  kind: 'test.noop',
  schema: Type.Object({ n: Type.Integer() }),
  handler: async () => {},
});

describe('job registry', () => {
  it('ships system.echo', () => {
    expect(builtInJobs().kinds).toContain('system.echo');
    expect(builtInJobs().check('system.echo', { key: 'k', delayMs: 0 }).kind).toBe('system.echo');
  });

  it('refuses unknown kinds with bad_request and bad payloads with validation_failed and issue paths', () => {
    const registry = createJobRegistry([noop]);
    expect(thrown(() => registry.check('test.other', {}))?.code).toBe('bad_request');
    const invalid = thrown(() => registry.check('test.noop', { n: 'one' }));
    expect(invalid?.code).toBe('validation_failed');
    expect(invalid?.issues.map((i) => i.path)).toEqual(['/n']);
    expect(registry.check('test.noop', { n: 1 })).toBe(registry.get('test.noop'));
  });

  it('refuses duplicate kinds and schedules whose job cannot be enqueued', () => {
    expect(thrown(() => createJobRegistry([noop, noop]))?.code).toBe('internal');
    const badPayload = defineSchedule({
      name: 'tick',
      every: 60_000,
      kind: 'test.noop',
      payload: { n: 'x' },
    });
    expect(thrown(() => createJobRegistry([noop], { schedules: [badPayload] }))?.code).toBe('internal');
    const unknownKind = defineSchedule({ name: 'tick', every: 60_000, kind: 'test.other', payload: {} });
    expect(thrown(() => createJobRegistry([noop], { schedules: [unknownKind] }))?.code).toBe('internal');
  });

  it('refuses malformed definitions', () => {
    expect(thrown(() => defineJob({ kind: 'Not A Kind', handler: async () => {} }))?.code).toBe('internal');
    expect(thrown(() => defineJob({ kind: 'test.x', maxAttempts: 0, handler: async () => {} }))?.code).toBe(
      'internal',
    );
    expect(
      thrown(() => defineJob({ kind: 'test.x', timeoutMs: 86_400_000, handler: async () => {} }))?.code,
    ).toBe('internal');
  });
});

describe('backoffDelayMs', () => {
  it('grows by the factor per attempt and stops at the cap', () => {
    const policy = { baseMs: 100, factor: 3, maxMs: 1_000 };
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(policy, attempt))).toEqual([100, 300, 900, 1_000]);
    expect(backoffDelayMs({ baseMs: 50 }, 3)).toBe(200);
  });
});
