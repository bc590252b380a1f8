import type { ValueTransform } from './data-connection.ts';
import { scalarText } from './scalar-text.ts';

/**
 * The compared form of a value under a transform, in JavaScript: what SQL engines compute in the query, Redis
 * and SQLite's registered functions compute here. Null stays null.
 */
export function transformValue(transform: ValueTransform, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = scalarText(value);
  if (transform === 'lower_trim') return text.trim().toLowerCase();
  if (transform === 'phone_digits') return text.replace(/[^0-9+]/g, '');
  return text;
}
