import { connectionErrorMessage } from './connection-error-message.ts';
import { parseConnectionUrl } from './connection-url.ts';
import { pingServer } from './ping-server.ts';

/** The outcome of a "test connection": the server's engine and version, or why it failed (never the password). */
export type TestConnectionResult =
  | { readonly ok: true; readonly engine: string; readonly version: string }
  | { readonly ok: false; readonly error: string };

/** Connects to the URL's server, asks its version and disconnects; failures are data, not exceptions. */
export async function testConnection(url: string, signal: AbortSignal): Promise<TestConnectionResult> {
  try {
    const info = await pingServer(parseConnectionUrl(url), signal);
    return { ok: true, engine: info.engine, version: info.version };
  } catch (error) {
    return { ok: false, error: connectionErrorMessage(error, url) };
  }
}
