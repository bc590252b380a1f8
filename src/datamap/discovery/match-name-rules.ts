import { nameTokens, singular } from './column-name-tokens.ts';
import type { TypeFamily } from './column-type-family.ts';
import { nameRules, type NameRule } from './name-rules.ts';

// A last word like these makes the column about the thing, not the thing itself: `email_verified`,
// `address_id` (a reference), `phone_type`, `country_count`.
const qualifierEndings = new Set(
  'id uuid guid count type kind status verified confirmed template flag enabled sent valid validated format consent optin optout opt preference provider domain bounced unsubscribed frequency'.split(
    ' ',
  ),
);

/** The name rules that fit a column, in priority order, given its type and whether its table is about people. */
export function matchingNameRules(columnName: string, family: TypeFamily, aboutPeople: boolean): NameRule[] {
  const words = nameTokens(columnName).map(singular);
  const qualified = words.length > 1 && qualifierEndings.has(words.at(-1) ?? '');
  return nameRules.filter(
    (rule) =>
      rule.types.includes(family) &&
      (rule.scope === 'any' || aboutPeople) &&
      (rule.identifier || !qualified) &&
      rule.matches(words),
  );
}
