import type { JsonValue } from './to-json-value.ts';

/** One CSV cell's text: nothing for null, nested values as their JSON text. */
export function csvCell(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * One RFC 4180 record ending in CRLF, every field quoted, as `toCsv` of the record of processing writes them:
 * commas, quotes and line breaks inside a value stay inside its field, and no spreadsheet guesses a type.
 */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map((field) => `"${field.replaceAll('"', '""')}"`).join(',')}\r\n`;
}
