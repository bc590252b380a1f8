// Test support: a real SMTP server on 127.0.0.1 that keeps every message it accepts.
import { SMTPServer, type SMTPServerError } from 'smtp-server';

export interface CapturedMail {
  readonly mailFrom: string;
  readonly rcptTo: readonly string[];
  /** The message exactly as the client sent it after DATA (RFC 5322, CRLF line ends). */
  readonly raw: string;
}

export interface TestSmtpServerOptions {
  /** Runs on RCPT TO before the reply, e.g. to hold the session while a test aborts the client. */
  readonly onRecipient?: (address: string) => Promise<void>;
  /** A reply for RCPT TO, e.g. `{ code: 550, message: 'No such user' }`; undefined accepts the recipient. */
  readonly refuseRecipient?: (address: string) => { code: number; message: string } | undefined;
  /** Offer AUTH; `check` returns an error message to refuse the login. */
  readonly auth?: { check(username: string, password: string): string | undefined };
}

export interface TestSmtpServer {
  readonly port: number;
  /** `smtp://127.0.0.1:<port>`. */
  readonly url: string;
  readonly received: CapturedMail[];
  close(): Promise<void>;
}

/** Starts an SMTP server on a free port of 127.0.0.1 that captures what it receives. */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: CapturedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    // Plain text on loopback: no STARTTLS, so the client never meets the server's self-signed certificate.
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => {
      const refusal = options.auth?.check(auth.username ?? '', auth.password ?? '');
      if (refusal === undefined) callback(null, { user: auth.username });
      else callback(smtpError(535, refusal));
    },
    onRcptTo: (address, _session, callback) => {
      void (options.onRecipient?.(address.address) ?? Promise.resolve()).then(() => {
        const refusal = options.refuseRecipient?.(address.address);
        callback(refusal ? smtpError(refusal.code, refusal.message) : null);
      });
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({
          mailFrom: mailFrom === false ? '' : mailFrom.address,
          rcptTo: rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('SMTP test server has no TCP port');
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function smtpError(code: number, message: string): SMTPServerError {
  const error: SMTPServerError = new Error(message);
  error.responseCode = code;
  return error;
}
