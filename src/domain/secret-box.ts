import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { PrivetError } from './errors.ts';

/** Seals secrets at rest with a key derived from PRIVET_SECRET; one box per purpose. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

const VERSION = 'v1';

/**
 * AES-256-GCM with a key derived by HKDF-SHA256 from the instance secret and a purpose label, so a key
 * for one purpose never opens another's secrets. Output: `v1.<iv>.<tag>.<ciphertext>` in base64url.
 */
export function createSecretBox(secret: string, purpose: string): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', secret, 'privet', `privet:${purpose}`, 32));
  return {
    seal: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open: (sealed) => {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) {
        throw new PrivetError('internal', 'A sealed secret has an unknown format');
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch (error) {
        // Most likely PRIVET_SECRET changed since the secret was stored.
        throw new PrivetError('internal', 'A stored secret cannot be opened: was PRIVET_SECRET changed?', {
          cause: error,
        });
      }
    },
  };
}
