import { PrivetError } from '../../../domain/errors.ts';

/** The fields of an application/x-www-form-urlencoded body. */
export function parseUrlEncoded(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/**
 * The text fields of a multipart/form-data body (RFC 7578): enough for a one-click unsubscribe POST, which
 * carries one small field. File parts are skipped.
 */
export function parseMultipart(body: Buffer, contentType: string): Record<string, string> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (marker === undefined) throw new PrivetError('bad_request', 'The multipart body has no boundary');
  const fields: Record<string, string> = {};
  // latin1 maps bytes one to one, so splitting never breaks a multi-byte character; values are decoded after.
  const parts = body.toString('latin1').split(`--${marker}`);
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(head)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined || /\bfilename=/i.test(disposition)) continue;
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    fields[name] = Buffer.from(value, 'latin1').toString('utf8');
  }
  return fields;
}
