import type { Sensitivity } from './taxonomy.ts';

/**
 * The fideslang data categories that GDPR treats as sensitive, with every descendant: Art. 9(1) special
 * categories (racial or ethnic origin, political opinions, religious beliefs, genetic and biometric data for
 * identification, health, sexual orientation) and Art. 10 personal data on criminal convictions and offences.
 * fideslang has no trade-union key; an organisation adds one as an extension marked `art9`.
 */
export const defaultSensitiveCategories: Readonly<Record<string, Sensitivity>> = {
  'user.biometric': 'art9',
  'user.authorization.biometric': 'art9',
  'user.health_and_medical': 'art9',
  'user.demographic.political_opinion': 'art9',
  'user.demographic.race_ethnicity': 'art9',
  'user.demographic.religious_belief': 'art9',
  'user.demographic.sexual_orientation': 'art9',
  'user.criminal_history': 'art10',
};

/** The sensitivity a key has itself or inherits from its nearest marked ancestor (dotted prefix). */
export function inheritedSensitivity(
  key: string,
  marked: ReadonlyMap<string, Sensitivity>,
): Sensitivity | null {
  const parts = key.split('.');
  for (let length = parts.length; length > 0; length--) {
    const found = marked.get(parts.slice(0, length).join('.'));
    if (found !== undefined) return found;
  }
  return null;
}
