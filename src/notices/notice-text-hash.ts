import { createHash } from 'node:crypto';

/** SHA-256 of a notice text's UTF-8 bytes, hex: the proof of which words a person was shown. */
export function noticeTextHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
