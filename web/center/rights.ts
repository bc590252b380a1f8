/** One right a person can use from the privacy center. */
export interface Right {
  /** The last part of the right's address, /rights/<slug>. */
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  /** Where the GDPR grants it. */
  readonly article: string;
}

/** The rights the privacy center offers, in the order people usually look for them. */
export const rights: readonly Right[] = [
  {
    slug: 'access',
    title: 'See your data',
    summary: 'Get a copy of the personal data we hold about you, and learn how and why we use it.',
    article: 'GDPR Art. 15',
  },
  {
    slug: 'correct',
    title: 'Correct your data',
    summary: 'Ask us to fix personal data about you that is wrong or incomplete.',
    article: 'GDPR Art. 16',
  },
  {
    slug: 'delete',
    title: 'Delete your data',
    summary: 'Ask us to erase your personal data when we no longer need it or have no right to keep it.',
    article: 'GDPR Art. 17',
  },
  {
    slug: 'object',
    title: 'Restrict or object',
    summary: 'Ask us to pause using your data, or to stop a use you object to, such as direct marketing.',
    article: 'GDPR Art. 18 and 21',
  },
  {
    slug: 'portability',
    title: 'Take it elsewhere',
    summary: 'Receive the data you gave us in a machine-readable file, to take to another service.',
    article: 'GDPR Art. 20',
  },
  {
    slug: 'consent',
    title: 'Withdraw consent',
    summary: 'Change your mind at any time about anything you agreed to, as easily as you agreed.',
    article: 'GDPR Art. 7(3)',
  },
];

/** The right with this slug, if any. */
export function findRight(slug: string): Right | undefined {
  return rights.find((right) => right.slug === slug);
}
