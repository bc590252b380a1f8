import nodemailer, { type NodemailerError } from 'nodemailer';
import { PrivetError } from '../domain/errors.ts';
import type { MailTransport, OutgoingMail, SendOutcome } from './mail-transport.ts';
import { redactUrlSecrets } from '../domain/redact-url-secrets.ts';

export interface SmtpTransportOptions {
  /** Bounds each connect, greeting and socket wait, so that a silent server cannot hold a job forever. */
  readonly timeoutMs?: number;
}

const MAX_ERROR_LENGTH = 1000;

/** A mail transport over SMTP for a `smtp://` or `smtps://` URL; nothing it reports contains the URL's password. */
export function createSmtpTransport(smtpUrl: string, options: SmtpTransportOptions = {}): MailTransport {
  if (!URL.canParse(smtpUrl) || !/^smtps?:$/.test(new URL(smtpUrl).protocol)) {
    // Only the scheme is echoed: a malformed URL is exactly where a password hides from redaction.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(smtpUrl)?.[1] ?? 'no scheme';
    throw new PrivetError(
      'config_invalid',
      `PRIVET_SMTP_URL must be an smtp:// or smtps:// URL (got ${scheme})`,
    );
  }
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // Messages are rendered text; nothing in them may make the server read local files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  });
  const redact = (text: string) => redactUrlSecrets(text, smtpUrl).slice(0, MAX_ERROR_LENGTH);

  return {
    send: async (mail: OutgoingMail, signal: AbortSignal): Promise<SendOutcome> => {
      signal.throwIfAborted();
      try {
        const info = await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { ...mail.headers },
          messageId: mail.messageId,
          date: mail.date,
          signal,
        });
        if (info.rejected.length > 0) {
          return { status: 'refused', permanent: true, error: redact(`Recipient refused: ${info.response}`) };
        }
        return { status: 'sent', response: redact(info.response) };
      } catch (error) {
        // Aborting mid-send cannot tell whether the server kept the message; the caller decides what to record.
        if (signal.aborted) throw signal.reason;
        return { status: 'refused', permanent: isPermanent(error), error: redact(describe(error)) };
      }
    },
    close: () => transporter.close(),
  };
}

function isPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as NodemailerError).permanent === true;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodemailerError).code;
  return code === undefined ? error.message : `${code}: ${error.message}`;
}
