import type { Messages } from './i18n/messages-en.ts';

/** What the privacy center sends as a request's `type`; the names of the requests API. */
export const centerRequestTypes = [
  'access',
  'portability',
  'erasure',
  'rectification',
  'restriction',
  'objection',
  'consent_withdrawal',
  'opt_out_sale',
] as const;
export type CenterRequestType = (typeof centerRequestTypes)[number];

/** One right a person can use from the privacy center. */
export interface Right {
  /** The last part of the right's address, /rights/<slug>; also its key in the texts. */
  readonly slug: keyof Messages['rights'];
  /** Where the law grants it. */
  readonly article: string;
  /** The request types the right's form can send; the first is the default. */
  readonly types: readonly [CenterRequestType, ...CenterRequestType[]];
  /** False for a right reached from the footer rather than from a card. */
  readonly onLanding?: boolean;
}

/** The rights the privacy center offers, in the order people usually look for them. */
export const rights: readonly Right[] = [
  { slug: 'access', article: 'GDPR Art. 15', types: ['access'] },
  { slug: 'correct', article: 'GDPR Art. 16', types: ['rectification'] },
  { slug: 'delete', article: 'GDPR Art. 17', types: ['erasure'] },
  { slug: 'object', article: 'GDPR Art. 18 and 21', types: ['objection', 'restriction'] },
  { slug: 'portability', article: 'GDPR Art. 20', types: ['portability'] },
  { slug: 'consent', article: 'GDPR Art. 7(3)', types: ['consent_withdrawal'] },
  { slug: 'do-not-sell', article: 'CCPA § 1798.120', types: ['opt_out_sale'], onLanding: false },
];

/** The right with this slug, if any. */
export function findRight(slug: string): Right | undefined {
  return rights.find((right) => right.slug === slug);
}
