import { verify, type KeyObject } from 'node:crypto';

/** Length of an Ed25519 signature, which libsodium's combined mode puts before the message. */
export const SIGNATURE_BYTES = 64;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A signed message split into its signature and the signed bytes (spec 3.07.1, combined mode). */
export interface SignedMessage {
  readonly signature: Buffer;
  readonly message: Buffer;
}

/**
 * Decodes a base64 request body into signature and message; undefined when it is not base64 or too short to
 * hold a signature. Whitespace (a trailing newline from a client) is ignored.
 */
export function decodeSignedMessage(body: string): SignedMessage | undefined {
  const text = body.replace(/\s+/g, '');
  if (text.length % 4 === 1 || !BASE64.test(text)) return undefined;
  const buffer = Buffer.from(text, 'base64');
  if (buffer.length <= SIGNATURE_BYTES) return undefined;
  return { signature: buffer.subarray(0, SIGNATURE_BYTES), message: buffer.subarray(SIGNATURE_BYTES) };
}

/** True when the signature over the exact message bytes verifies with the Ed25519 key. */
export function signatureValid(signed: SignedMessage, key: KeyObject): boolean {
  try {
    return verify(null, signed.message, key, signed.signature);
  } catch {
    return false;
  }
}
