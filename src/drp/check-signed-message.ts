import { DrpError } from './drp-error.ts';
import type { DrpAgent } from './drp-agent.ts';
import { parseDrpTime } from './drp-time.ts';
import { decodeSignedMessage, signatureValid } from './signed-message.ts';
import { decodeVerifyKey, ed25519PublicKey } from './verify-key.ts';

/**
 * How far an agent's clock may run ahead before `issued-at` counts as "in the future". The spec asks for the
 * current time to be after `issued-at`; a minute of tolerance keeps ordinary clock drift from refusing
 * requests, while `expires-at` is enforced to the millisecond.
 */
export const ISSUED_AT_LEEWAY_MS = 60_000;

/** What a signed message is checked against. */
export interface MessageExpectations {
  /** The agent whose key must verify the signature: the bearer token's agent, or the URL's in key set-up. */
  readonly agent: DrpAgent;
  /** This business's `business-id`. */
  readonly businessId: string;
  readonly now: Date;
  /**
   * `required`: the message must carry agent-id, business-id, issued-at and expires-at (set-up, exercise).
   * `if_present`: the revoke body holds only `reason`; any of those claims it does carry are still checked.
   */
  readonly envelope: 'required' | 'if_present';
}

/** A verified message: its claims and the exact bytes that were signed. */
export interface VerifiedMessage {
  readonly claims: Readonly<Record<string, unknown>>;
  readonly bytes: Buffer;
}

/**
 * Validates a signed DRP message in the spec's order (3.07): it decodes from base64; the signature verifies
 * with the agent's key; `agent-id` names that agent; `business-id` names this business; the current time is
 * after `issued-at` and before `expires-at`. The first failure throws a DrpError with its status.
 */
export function checkSignedMessage(body: unknown, expect: MessageExpectations): VerifiedMessage {
  const signed = typeof body === 'string' ? decodeSignedMessage(body) : undefined;
  if (signed === undefined) {
    throw new DrpError(
      400,
      'The body must be base64 of a 64-byte Ed25519 signature followed by the JSON message (text/plain)',
    );
  }
  const raw = decodeVerifyKey(expect.agent.verifyKey);
  if (raw === undefined || !signatureValid(signed, ed25519PublicKey(raw))) {
    throw new DrpError(403, `The signature does not verify with the key of agent ${expect.agent.id}`);
  }
  const claims = parseClaims(signed.message);
  const required = expect.envelope === 'required';
  const agentId = claims['agent-id'];
  if ((required || agentId !== undefined) && agentId !== expect.agent.id) {
    throw new DrpError(403, `agent-id ${JSON.stringify(agentId)} is not the agent of this bearer token`);
  }
  const businessId = claims['business-id'];
  if ((required || businessId !== undefined) && businessId !== expect.businessId) {
    throw new DrpError(403, `business-id ${JSON.stringify(businessId)} is not this business`);
  }
  const issuedAt = timeClaim(claims, 'issued-at', required);
  if (issuedAt !== undefined && expect.now.getTime() + ISSUED_AT_LEEWAY_MS < issuedAt.getTime()) {
    throw new DrpError(403, 'issued-at is in the future: check the agent clock');
  }
  const expiresAt = timeClaim(claims, 'expires-at', required);
  if (expiresAt !== undefined && expect.now.getTime() >= expiresAt.getTime()) {
    throw new DrpError(403, 'The message expired (expires-at has passed)', { fatal: true });
  }
  return { claims, bytes: signed.message };
}

function parseClaims(message: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(message.toString('utf8'));
  } catch {
    throw new DrpError(400, 'The signed message is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DrpError(400, 'The signed message must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function timeClaim(claims: Record<string, unknown>, name: string, required: boolean): Date | undefined {
  const value = claims[name];
  if (value === undefined && !required) return undefined;
  const at = parseDrpTime(value);
  if (at === undefined) throw new DrpError(400, `${name} must be an ISO 8601 timestamp`);
  return at;
}
