import { PrivetError } from '../domain/errors.ts';
import { escapeHtml } from '../domain/escape-html.ts';
import type { MailData } from './mailer.ts';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders from `data`, HTML-escaped when `html` is set. A placeholder without a value
 * throws naming every missing variable, so a half-filled message is never kept or sent.
 */
export function renderTemplate(
  source: string,
  data: MailData,
  options: { html: boolean; template: string },
): string {
  const missing = new Set<string>();
  const output = source.replace(PLACEHOLDER, (placeholder, name: string) => {
    // Own properties only: `{{constructor}}` must not render Object's constructor.
    const value = Object.hasOwn(data, name) ? data[name] : undefined;
    if (value === undefined) {
      missing.add(name);
      return placeholder;
    }
    const text = String(value);
    return options.html ? escapeHtml(text) : text;
  });
  if (missing.size > 0) {
    const names = [...missing];
    throw new PrivetError(
      'internal',
      `Mail template "${options.template}" needs ${names.map((n) => `"${n}"`).join(', ')}, which the message data lacks`,
      {
        issues: names.map((name) => ({
          code: 'missing_variable',
          path: `data.${name}`,
          message: `Missing template variable "${name}"`,
        })),
      },
    );
  }
  return output;
}
