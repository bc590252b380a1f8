import type { PostgresConnection } from '../connection-url.ts';
import type { ServerInfo } from '../introspection.ts';
import { connectPostgres, queryPostgres } from './connect.ts';

/** Connects, asks the server's version and disconnects. */
export async function pingPostgres(target: PostgresConnection, signal: AbortSignal): Promise<ServerInfo> {
  const client = await connectPostgres(target, signal);
  try {
    const rows = await queryPostgres<{ version: string }>(
      client,
      `SELECT current_setting('server_version') AS version`,
      [],
      signal,
    );
    return { engine: 'postgres', version: rows[0]?.version ?? 'unknown' };
  } finally {
    await client.end().catch(() => undefined);
  }
}
