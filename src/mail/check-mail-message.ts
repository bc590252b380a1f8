import { PrivetError, type ErrorIssue } from '../domain/errors.ts';
import type { MailMessage } from './mailer.ts';

// One plain address: no display name, list or line break that could add recipients or headers.
const ADDRESS = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+$/;
const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
// Headers the outbox itself sets; a caller overriding them would make the kept copy lie about what was sent.
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

/** Throws `validation_failed` unless the message has one plain recipient address and well-formed extra headers. */
export function checkMailMessage(message: MailMessage): void {
  const issues: ErrorIssue[] = [];
  if (message.to.length > 254 || !ADDRESS.test(message.to)) {
    issues.push({
      code: 'invalid_address',
      path: 'to',
      message: 'Expected one e-mail address such as a@example.com',
    });
  }
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) {
      issues.push({
        code: 'invalid_header',
        path: `headers.${name}`,
        message: `Header "${name}" may not be set`,
      });
    } else if (/[\r\n\0]/.test(value)) {
      issues.push({ code: 'invalid_header', path: `headers.${name}`, message: 'Header values are one line' });
    }
  }
  if (issues.length > 0) {
    throw new PrivetError(
      'validation_failed',
      `Invalid mail message: ${issues.map((i) => i.path).join(', ')}`,
      {
        issues,
      },
    );
  }
}
