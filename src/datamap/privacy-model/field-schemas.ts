import { Type } from 'typebox';

/** A fides key: letters, digits, `_`, `-` and `.`, as fideslang allows (minus `<>`, which URLs dislike). */
export const FidesKeySchema = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,100}$' });

/** An optional free-text field of at most `max` characters; '' when not given. */
export function optionalText(max: number, description?: string) {
  return Type.Optional(Type.String({ maxLength: max, ...(description ? { description } : {}) }));
}

/** An optional list of fides keys; [] when not given. */
export function optionalKeys(description: string) {
  return Type.Optional(Type.Array(FidesKeySchema, { maxItems: 200, uniqueItems: true, description }));
}

/** An ISO 3166-1 alpha-2 country code in capitals, e.g. `DE`, `US`. */
export const CountryCodeSchema = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });

/** An ISO-8601 calendar date, e.g. `2024-03-01`. */
export const DateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
