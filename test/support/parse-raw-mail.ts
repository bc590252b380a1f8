// Test support: just enough RFC 5322 / MIME parsing to assert on what an SMTP server received.

export interface RawMailPart {
  readonly contentType: string;
  readonly body: string;
}

export interface ParsedRawMail {
  /** Header values by lower-case name, unfolded, encoded words decoded. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  header(name: string): string | undefined;
  /** The leaf parts of a multipart body (or the body itself), transfer-decoded. */
  readonly parts: readonly RawMailPart[];
}

/** Parses a raw message into headers and decoded body parts. */
export function parseRawMail(raw: string): ParsedRawMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const headers = parseHeaders(head);
  const header = (name: string) => headers.get(name.toLowerCase())?.[0];
  return { headers, header, parts: leafParts(headers, body) };
}

function parseHeaders(head: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeEncodedWords(line.slice(colon + 1).trim());
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

function leafParts(headers: Map<string, string[]>, body: string): RawMailPart[] {
  const contentType = headers.get('content-type')?.[0] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!contentType.toLowerCase().startsWith('multipart/') || boundary === undefined) {
    const encoding = headers.get('content-transfer-encoding')?.[0]?.toLowerCase() ?? '7bit';
    return [{ contentType, body: decodeBody(body, encoding) }];
  }
  const sections = body.split(`--${boundary}`).slice(1);
  return sections
    .filter((section) => !section.startsWith('--'))
    .flatMap((section) => parseRawMail(section.replace(/^\r\n/, '')).parts);
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body.replace(/=\r\n/g, ''));
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_word, _charset, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}
