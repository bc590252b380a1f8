import { Redis } from 'ioredis';
import { abortable } from '../abortable.ts';
import type { RedisConnection } from '../connection-url.ts';

/** Opens an ioredis client that never retries or queues; the caller disconnects it in a `finally`. */
export async function connectRedis(target: RedisConnection, signal: AbortSignal): Promise<Redis> {
  const client = new Redis({
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.user === '' ? {} : { username: target.user }),
    ...(target.password === undefined ? {} : { password: target.password }),
    ...(target.tls ? { tls: {} } : {}),
    lazyConnect: true,
    connectTimeout: 10_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // ioredis reports a refused AUTH as an 'error' event and then only "Connection is closed"; keep the cause.
  let lastError: unknown;
  client.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await abortable(client.connect(), signal, () => client.disconnect());
  } catch (error) {
    client.disconnect();
    throw signal.aborted ? error : (lastError ?? error);
  }
  return client;
}

/** Runs one command, disconnecting the client if the signal aborts first. */
export function commandRedis<T>(client: Redis, work: Promise<T>, signal: AbortSignal): Promise<T> {
  return abortable(work, signal, () => client.disconnect());
}
