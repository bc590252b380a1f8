// Test kit (imported only by tests): an authorized agent with its own Ed25519 key that signs DRP messages the way
// libsodium's combined mode does, and the spec's test vectors from test/fixtures/drp.
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatDrpTime } from '../drp-time.ts';

/** An agent for tests: its id, Base64 verify key, and a signer. */
export interface TestAgent {
  readonly id: string;
  readonly verifyKey: string;
  /** base64(signature || UTF-8 JSON) of the message, serialised with JSON.stringify. */
  signJson(message: Readonly<Record<string, unknown>>): string;
  /** base64(signature || bytes) of the exact text. */
  signText(text: string): string;
}

function agentFrom(id: string, privateKey: KeyObject): TestAgent {
  const jwk = privateKey.export({ format: 'jwk' });
  const verifyKey = Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
  const signText = (text: string): string => {
    const bytes = Buffer.from(text, 'utf8');
    return Buffer.concat([sign(null, bytes, privateKey), bytes]).toString('base64');
  };
  return { id, verifyKey, signText, signJson: (message) => signText(JSON.stringify(message)) };
}

/** A new agent with a fresh key pair. */
export function newTestAgent(id: string): TestAgent {
  return agentFrom(id, generateKeyPairSync('ed25519').privateKey);
}

/** An agent signing with a 32-byte Ed25519 seed (libsodium's `SigningKey(seed)`), wrapped as PKCS#8. */
export function seededTestAgent(id: string, seedBase64: string): TestAgent {
  const prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  const der = Buffer.concat([prefix, Buffer.from(seedBase64, 'base64')]);
  return agentFrom(id, createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
}

/** The envelope claims of a message issued now, valid for ten minutes. */
export function envelope(agentId: string, businessId: string, now: Date): Record<string, string> {
  return {
    'agent-id': agentId,
    'business-id': businessId,
    'issued-at': formatDrpTime(now),
    'expires-at': formatDrpTime(new Date(now.getTime() + 10 * 60_000)),
    'drp.version': '1.0',
  };
}

/** One vector of drp-test-vectors.json. */
export interface DrpVector {
  readonly message_json: string;
  readonly signed_b64: string;
  readonly signature_hex: string;
}

/** The spec's test vectors (test/fixtures/drp/drp-test-vectors.json). */
export interface DrpVectors {
  readonly signing_seed_b64: string;
  readonly verify_key_b64: string;
  readonly vectors: {
    readonly pairwise_setup: DrpVector;
    readonly exercise_access: DrpVector;
    readonly revoke: DrpVector;
  };
}

/** Reads the spec's test vectors from the fixtures. */
export function readDrpVectors(): DrpVectors {
  const file = fileURLToPath(new URL('../../../test/fixtures/drp/drp-test-vectors.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as DrpVectors;
}

/** The agent id and business id the vectors were signed for. */
export const VECTOR_AGENT_ID = 'CR_AA_DRP_ID_001_LOCAL';
export const VECTOR_BUSINESS_ID = 'OUR_CB_ID';
