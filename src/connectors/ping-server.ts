import type { ConnectionDescriptor } from './connection-url.ts';
import type { ServerInfo } from './introspection.ts';
import { pingMysql } from './mysql/ping.ts';
import { pingPostgres } from './postgres/ping.ts';
import { pingRedis } from './redis/ping.ts';
import { pingSqlite } from './sqlite/ping.ts';

/** Connects to the described server, asks its version and disconnects; errors are the driver's. */
export function pingServer(target: ConnectionDescriptor, signal: AbortSignal): Promise<ServerInfo> {
  switch (target.engine) {
    case 'postgres':
      return pingPostgres(target, signal);
    case 'mysql':
      return pingMysql(target, signal);
    case 'sqlite':
      return pingSqlite(target, signal);
    case 'redis':
      return pingRedis(target, signal);
  }
}
