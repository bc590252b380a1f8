import { describe, expect, it } from 'vitest';
import { DrpError } from './drp-error.ts';
import { readExerciseClaims } from './exercise-claims.ts';

const strict = { allowLocal: false };
const base = { 'drp.version': '1.0', exercise: 'deletion', email: 'a@example.com' };

function refusal(claims: Record<string, unknown>): string {
  try {
    readExerciseClaims(claims, strict);
  } catch (error) {
    if (error instanceof DrpError && error.status === 400) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('exercise claims', () => {
  it('reads the identity, hints and verification flags', () => {
    const claims = readExerciseClaims(
      {
        ...base,
        regime: 'ccpa',
        name: 'Random, John',
        phone_number: '+14155550100',
        phone_number_verified: true,
        email_verified: false,
        relationships: ['customer', 'marketing'],
        status_callback: 'https://agent.example.com/update_status',
        'agent-request-id': 'foo',
      },
      strict,
    );
    expect(claims).toEqual({
      action: 'deletion',
      regime: 'ccpa',
      relationships: ['customer', 'marketing'],
      statusCallback: 'https://agent.example.com/update_status',
      agentRequestId: 'foo',
      identity: { email: 'a@example.com', name: 'Random, John', phone: '+14155550100' },
      emailVerified: false,
      phoneVerified: true,
      address: null,
      addressVerified: false,
      powerOfAttorney: null,
    });
  });

  it('refuses what Privet cannot honour, saying what to fix', () => {
    expect(refusal({ ...base, exercise: 'rectification' })).toBe('Unsupported rights actions submitted.');
    expect(refusal({ ...base, 'drp.version': '0.9.4' })).toBe('drp.version must be "1.0"');
    expect(refusal({ ...base, regime: 'gdpr' })).toMatch(/^Unsupported regime/);
    expect(refusal({ ...base, email: undefined })).toMatch(/email claim is required/);
    expect(refusal({ ...base, relationships: 'customer' })).toMatch(/relationships/);
  });

  it('refuses callbacks to private, metadata or plain-http targets', () => {
    for (const url of [
      'http://agent.example.com/cb',
      'https://10.0.0.5/cb',
      'https://169.254.169.254/latest',
      'https://127.0.0.1/cb',
      'not a url',
    ]) {
      expect(refusal({ ...base, status_callback: url })).toMatch(/^status_callback /);
    }
    const local = readExerciseClaims(
      { ...base, status_callback: 'http://127.0.0.1:8003/update_status' },
      { allowLocal: true },
    );
    expect(local.statusCallback).toBe('http://127.0.0.1:8003/update_status');
  });
});
