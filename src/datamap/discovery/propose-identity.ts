import type { CategoryProposal } from './category-proposal.ts';
import { nameTokens, singular } from './column-name-tokens.ts';

/** An identity Fides can look a person up by, and the column that holds it. */
export interface IdentityProposal {
  readonly column: string;
  readonly identity: 'email' | 'phone_number';
}

const kinds = [
  {
    identity: 'email',
    category: 'user.contact.email',
    plainWords: new Set('email mail emailaddress e address primary main contact customer user'.split(' ')),
  },
  {
    identity: 'phone_number',
    category: 'user.contact.phone_number',
    plainWords: new Set(
      'phone telephone tel mobile cell cellphone number phonenumber primary main contact'.split(' '),
    ),
  },
] as const;

// Below this, a reviewer should first confirm the category before anything is looked up by it.
const MIN_CONFIDENCE = 0.5;

/**
 * The column a request should look people up by in one table: its plainest email column (`email` before
 * `alt_email`), or, in a table without email, its plainest phone column.
 */
export function proposeIdentity(
  columns: readonly { readonly name: string; readonly proposal: CategoryProposal }[],
): IdentityProposal | undefined {
  for (const kind of kinds) {
    const candidates = columns.filter(
      (c) => c.proposal.category === kind.category && c.proposal.confidence >= MIN_CONFIDENCE,
    );
    const plain = (name: string) =>
      nameTokens(name)
        .map(singular)
        .every((w) => kind.plainWords.has(w));
    const best = [...candidates].sort(
      (a, b) =>
        Number(plain(b.name)) - Number(plain(a.name)) || b.proposal.confidence - a.proposal.confidence,
    )[0];
    if (best !== undefined) return { column: best.name, identity: kind.identity };
  }
  return undefined;
}
