import { describe, expect, it } from 'vitest';
import { checkSignedMessage, type MessageExpectations } from './check-signed-message.ts';
import type { DrpAgent } from './drp-agent.ts';
import { DrpError } from './drp-error.ts';
import { formatDrpTime, parseDrpTime } from './drp-time.ts';
import {
  envelope,
  newTestAgent,
  readDrpVectors,
  seededTestAgent,
  VECTOR_AGENT_ID,
  VECTOR_BUSINESS_ID,
} from './testing/drp-test-agent.ts';
import { canonicalVerifyKey, decodeVerifyKey } from './verify-key.ts';

const vectors = readDrpVectors();

function agent(id: string, verifyKey: string): DrpAgent {
  return {
    id,
    name: id,
    verifyKey,
    webUrl: null,
    identityAssuranceUrl: null,
    technicalContact: null,
    businessContact: null,
    supportedVerifications: [],
    source: 'admin',
  };
}

const vectorAgent = agent(VECTOR_AGENT_ID, vectors.verify_key_b64);
// Inside the vectors' window (issued 2025-01-01T00:00, expires 00:15) and just after it.
const during = new Date('2025-01-01T00:05:00Z');
const after = new Date('2025-01-01T00:15:00Z');

function refusal(body: unknown, expect: MessageExpectations): DrpError {
  try {
    checkSignedMessage(body, expect);
  } catch (error) {
    if (error instanceof DrpError) return error;
    throw error;
  }
  throw new Error('the message was accepted');
}

describe('the spec test vectors', () => {
  const base = { agent: vectorAgent, businessId: VECTOR_BUSINESS_ID } as const;

  it('verify while valid and give back the exact signed JSON', () => {
    for (const name of ['pairwise_setup', 'exercise_access'] as const) {
      const vector = vectors.vectors[name];
      const verified = checkSignedMessage(vector.signed_b64, { ...base, now: during, envelope: 'required' });
      expect(verified.bytes.toString('utf8')).toBe(vector.message_json);
      expect(verified.claims).toEqual(JSON.parse(vector.message_json));
      const signature = Buffer.from(vector.signed_b64, 'base64').subarray(0, 64).toString('hex');
      expect(signature).toBe(vector.signature_hex);
    }
    const revoke = checkSignedMessage(vectors.vectors.revoke.signed_b64, {
      ...base,
      now: after,
      envelope: 'if_present',
    });
    expect(revoke.claims).toEqual({ reason: "I don't want my account deleted." });
  });

  it('are refused as expired once expires-at has passed', () => {
    for (const name of ['pairwise_setup', 'exercise_access'] as const) {
      const error = refusal(vectors.vectors[name].signed_b64, { ...base, now: after, envelope: 'required' });
      expect(error.status).toBe(403);
      expect(error.options.fatal).toBe(true);
      expect(error.message).toMatch(/expired/);
    }
  });

  it('are refused as from the future before issued-at (beyond the leeway)', () => {
    const error = refusal(vectors.vectors.pairwise_setup.signed_b64, {
      ...base,
      now: new Date('2024-12-31T23:58:00Z'),
      envelope: 'required',
    });
    expect([error.status, error.message]).toEqual([403, 'issued-at is in the future: check the agent clock']);
  });

  it('re-signed with the seed give the same signatures (Ed25519 is deterministic)', () => {
    const signer = seededTestAgent(VECTOR_AGENT_ID, vectors.signing_seed_b64);
    expect(signer.verifyKey).toBe(vectors.verify_key_b64);
    for (const vector of Object.values(vectors.vectors)) {
      expect(signer.signText(vector.message_json)).toBe(vector.signed_b64);
    }
  });
});

describe('checks in the spec order', () => {
  const a = newTestAgent('AGENT_A');
  const b = newTestAgent('AGENT_B');
  const now = new Date('2026-03-01T12:00:00Z');
  const expectA = { agent: agent(a.id, a.verifyKey), businessId: 'CB', now, envelope: 'required' } as const;

  it('accepts a good message', () => {
    const claims = checkSignedMessage(a.signJson(envelope(a.id, 'CB', now)), expectA).claims;
    expect(claims['agent-id']).toBe('AGENT_A');
  });

  it('refuses a body that is not base64 with 400, before anything else', () => {
    expect(refusal('not base64 at all!', expectA).status).toBe(400);
    expect(refusal('AAAA', expectA).status).toBe(400);
    expect(refusal(undefined, expectA).status).toBe(400);
  });

  it('refuses a tampered message and another agent key with 403', () => {
    const signed = Buffer.from(a.signJson(envelope(a.id, 'CB', now)), 'base64');
    const at = signed.length - 3;
    signed.writeUInt8(signed.readUInt8(at) ^ 1, at);
    expect(refusal(signed.toString('base64'), expectA).message).toMatch(/signature/);
    // B signs a message claiming to be A: the signature check comes first and fails with A's key.
    const forged = refusal(b.signJson(envelope(a.id, 'CB', now)), expectA);
    expect([forged.status, forged.message]).toEqual([
      403,
      'The signature does not verify with the key of agent AGENT_A',
    ]);
  });

  it('refuses a wrong agent-id, then a wrong business-id, each with 403', () => {
    const wrongAgent = refusal(a.signJson({ ...envelope('AGENT_B', 'OTHER', now) }), expectA);
    expect(wrongAgent.message).toMatch(/^agent-id/);
    const wrongBusiness = refusal(a.signJson(envelope(a.id, 'OTHER_CB', now)), expectA);
    expect([wrongBusiness.status, wrongBusiness.message]).toEqual([
      403,
      'business-id "OTHER_CB" is not this business',
    ]);
  });

  it('refuses missing or malformed timestamps with 400', () => {
    const noExpiry: Record<string, string> = envelope(a.id, 'CB', now);
    delete noExpiry['expires-at'];
    expect(refusal(a.signJson(noExpiry), expectA).status).toBe(400);
    expect(
      refusal(a.signJson({ ...envelope(a.id, 'CB', now), 'issued-at': 'yesterday' }), expectA).status,
    ).toBe(400);
  });

  it('checks only the claims a revoke body carries', () => {
    const loose = { ...expectA, envelope: 'if_present' } as const;
    expect(checkSignedMessage(a.signText('{"reason": "x"}'), loose).claims).toEqual({ reason: 'x' });
    expect(refusal(a.signJson({ reason: 'x', 'business-id': 'OTHER' }), loose).status).toBe(403);
  });
});

describe('keys and timestamps', () => {
  it('reads verify keys in Base64 and hex, refusing other lengths', () => {
    const hex = Buffer.from(vectors.verify_key_b64, 'base64').toString('hex');
    expect(canonicalVerifyKey(hex)).toBe(vectors.verify_key_b64);
    expect(canonicalVerifyKey(vectors.verify_key_b64)).toBe(vectors.verify_key_b64);
    expect(decodeVerifyKey('AAAA')).toBeUndefined();
    expect(decodeVerifyKey('not a key')).toBeUndefined();
  });

  it('parses the spec timestamps and sends +00:00', () => {
    expect(parseDrpTime('2025-01-01T00:15:00.000+00:00')?.toISOString()).toBe('2025-01-01T00:15:00.000Z');
    expect(parseDrpTime('2025-01-01T02:15:00+0200')?.toISOString()).toBe('2025-01-01T00:15:00.000Z');
    expect(parseDrpTime('2025-01-01T00:15:00.123456')?.toISOString()).toBe('2025-01-01T00:15:00.123Z');
    expect(parseDrpTime('2025-13-01T00:00:00Z')).toBeUndefined();
    expect(formatDrpTime(new Date('2026-01-02T03:04:05.006Z'))).toBe('2026-01-02T03:04:05.006+00:00');
  });
});
