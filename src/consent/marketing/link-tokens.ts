import { createSecretBox, type SecretBox } from '../../domain/secret-box.ts';

/** What a token may be used for; a token sealed for one purpose never opens as another. */
export const linkTokenPurposes = ['confirm', 'preferences'] as const;
export type LinkTokenPurpose = (typeof linkTokenPurposes)[number];

/** What a token carries: always the address, the rest depending on its purpose. */
export interface LinkTokenPayload {
  /** Normalised e-mail address. */
  readonly e: string;
  /** List key. */
  readonly l?: string;
  /** Expiry, milliseconds since the epoch; absent for tokens that must work as long as the mail exists. */
  readonly x?: number;
  /** Nonce: binds a confirmation token to one subscription request. */
  readonly n?: string;
}

/** Seals and opens the tokens of links to the privacy center (double opt-in, preference portal). */
export interface LinkTokens {
  seal(purpose: LinkTokenPurpose, payload: LinkTokenPayload): string;
  /** The payload, or undefined for a forged, altered, other-purpose or expired token. */
  open(purpose: LinkTokenPurpose, token: string, now: Date): LinkTokenPayload | undefined;
}

function isPayload(value: unknown): value is LinkTokenPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const optionalString = (key: string) => v[key] === undefined || typeof v[key] === 'string';
  return (
    typeof v.e === 'string' &&
    ['l', 'n'].every(optionalString) &&
    (v.x === undefined || typeof v.x === 'number')
  );
}

/**
 * Tokens are AES-256-GCM sealed with a key derived from PRIVET_SECRET and the purpose: opaque (the address
 * does not show in the link), authenticated (any change fails), and bound to one purpose. Nothing is stored.
 */
export function createLinkTokens(secret: string): LinkTokens {
  const boxes = new Map<LinkTokenPurpose, SecretBox>(
    linkTokenPurposes.map((purpose) => [purpose, createSecretBox(secret, `marketing-token:${purpose}`)]),
  );
  const box = (purpose: LinkTokenPurpose): SecretBox => {
    const found = boxes.get(purpose);
    if (found === undefined) throw new Error(`No token box for ${purpose}`);
    return found;
  };
  return {
    seal: (purpose, payload) => box(purpose).seal(JSON.stringify(payload)),
    open: (purpose, token, now) => {
      if (token.length > 4096 || !/^v1\.[A-Za-z0-9_.-]+$/.test(token)) return undefined;
      let payload: unknown;
      try {
        payload = JSON.parse(box(purpose).open(token));
      } catch {
        return undefined;
      }
      if (!isPayload(payload)) return undefined;
      if (payload.x !== undefined && payload.x <= now.getTime()) return undefined;
      return payload;
    },
  };
}
