import type { RedisConnection } from '../connection-url.ts';
import type { ServerInfo } from '../introspection.ts';
import { commandRedis, connectRedis } from './connect.ts';

/** Connects, sends PING, reads the server version from INFO and disconnects. */
export async function pingRedis(target: RedisConnection, signal: AbortSignal): Promise<ServerInfo> {
  const client = await connectRedis(target, signal);
  try {
    const pong = await commandRedis(client, client.ping(), signal);
    if (pong !== 'PONG') throw new Error(`unexpected PING reply ${String(pong)}`);
    const info = await commandRedis(client, client.info('server'), signal);
    const version = /^(?:redis|valkey)_version:(\S+)/m.exec(info)?.[1] ?? 'unknown';
    return { engine: 'redis', version };
  } finally {
    client.disconnect();
  }
}
