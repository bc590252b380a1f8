import { createPublicKey, type KeyObject } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HEX = /^[0-9a-fA-F]{64}$/;

/**
 * The raw 32-byte Ed25519 verify key from its text form: Base64 as the spec and PyNaCl's Base64Encoder write it
 * (DRP ≥ 0.9.1), or hex as DRP 0.9 and older directories did. Undefined when it is neither.
 */
export function decodeVerifyKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (HEX.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!BASE64.test(trimmed)) return undefined;
  const raw = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return raw.length === 32 ? raw : undefined;
}

/** A node:crypto public key for a raw Ed25519 key, built through its JWK form. */
export function ed25519PublicKey(raw: Buffer): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

/** The verify key in the canonical form Privet stores: Base64 of the 32 raw bytes. */
export function canonicalVerifyKey(text: string): string | undefined {
  return decodeVerifyKey(text)?.toString('base64');
}
