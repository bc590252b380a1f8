import { parseConnectionUrl, type ConnectionDescriptor } from './connection-url.ts';
import type { Introspector } from './introspection.ts';
import { openMysqlIntrospector } from './mysql/introspector.ts';
import { openPostgresIntrospector } from './postgres/introspector.ts';
import { openRedisIntrospector } from './redis/introspector.ts';
import { openSqliteIntrospector } from './sqlite/introspector.ts';

/** Connects to the database a URL (or parsed descriptor) names and returns its engine's introspector. */
export function openIntrospector(
  connection: string | ConnectionDescriptor,
  signal: AbortSignal,
): Promise<Introspector> {
  const target = typeof connection === 'string' ? parseConnectionUrl(connection) : connection;
  switch (target.engine) {
    case 'postgres':
      return openPostgresIntrospector(target, signal);
    case 'mysql':
      return openMysqlIntrospector(target, signal);
    case 'sqlite':
      return openSqliteIntrospector(target, signal);
    case 'redis':
      return openRedisIntrospector(target, signal);
  }
}
