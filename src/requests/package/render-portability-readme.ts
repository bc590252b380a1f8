import type { Purpose } from '../../datamap/purposes/purpose.ts';
import { maskIdentity } from './mask-identity.ts';
import type { PackagedCollection } from './package-input.ts';

/** What the portability README tells. */
export interface PortabilityReadmeContent {
  readonly controller: string;
  readonly collections: readonly PackagedCollection[];
  readonly purposes: readonly Purpose[];
  readonly identities: Readonly<Record<string, string>>;
  readonly generatedAt: Date;
  readonly requestId?: string;
}

/** The portability package's `README.txt`: what is in it, what is not and why, and how the files are written. */
export function renderPortabilityReadme(content: PortabilityReadmeContent): string {
  const controller = content.controller.trim() === '' ? 'the controller' : content.controller.trim();
  const who = Object.entries(content.identities)
    .map(([type, value]) => `${type} ${maskIdentity(value)}`)
    .join(', ');
  const files = content.collections.map(
    (c) =>
      `  ${c.jsonEntry} and ${c.csvEntry}: ${c.rows} ${c.rows === 1 ? 'record' : 'records'}` +
      (c.columns.length > 0 ? `; fields ${c.columns.join(', ')}` : ''),
  );
  const purposes = content.purposes.map(
    (p) => `  ${p.name} (${p.legalBasis === '6.1.a' ? 'your consent' : 'our contract with you'})`,
  );
  return [
    `Your data from ${controller}: portability copy (Art. 20 GDPR)`,
    '',
    `Made on ${content.generatedAt.toISOString()} for ${who || 'the identities given in the request'}.`,
    ...(content.requestId === undefined ? [] : [`Request: ${content.requestId}`]),
    '',
    'This archive holds the personal data you gave us yourself (such as your name, contact details, account',
    'details and what you wrote to us) that we process on the basis of your consent or to perform a contract',
    'with you, in formats other services can import. It leaves out what we observed or worked out (such as',
    'browsing, device and purchase history), identifiers we assigned, and data we process only on other legal',
    'bases. For a full copy of all your data, ask for access under Art. 15 GDPR.',
    '',
    'Purposes covered:',
    ...(purposes.length > 0 ? purposes : ['  none']),
    '',
    'Files:',
    ...(files.length > 0 ? files : ['  none: we hold no data you provided under these purposes']),
    '  manifest.json: the SHA-256 checksum of every file, to check that nothing was changed',
    '',
    'Each JSON file is an array with one object per record. Each CSV file is UTF-8 with a header line, every',
    'value in double quotes. Times are ISO 8601 in UTC; binary values are Base64.',
    '',
  ].join('\n');
}
