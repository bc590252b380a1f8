import { PrivetError } from '../domain/errors.ts';

/** The engines Privet connects to; MariaDB is spoken to as `mysql`. */
export const connectorEngines = ['postgres', 'mysql', 'sqlite', 'redis'] as const;
export type ConnectorEngine = (typeof connectorEngines)[number];

interface NetworkTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Absent when the URL has none; never put into a message. */
  readonly password?: string;
  /** `?ssl=true`, `?sslmode=require|verify-ca|verify-full`: use TLS. */
  readonly tls: boolean;
}

/** A PostgreSQL server, database and schema. */
export interface PostgresConnection extends NetworkTarget {
  readonly engine: 'postgres';
  readonly database: string;
  /** The schema to read (`?schema=`), `public` by default. */
  readonly schema: string;
}

/** A MySQL or MariaDB server and database. */
export interface MysqlConnection extends NetworkTarget {
  readonly engine: 'mysql';
  /** Which scheme the URL used; both speak the same protocol. */
  readonly flavour: 'mysql' | 'mariadb';
  readonly database: string;
}

/** A SQLite file. */
export interface SqliteConnection {
  readonly engine: 'sqlite';
  readonly path: string;
}

/** A Redis server and database number. */
export interface RedisConnection extends NetworkTarget {
  readonly engine: 'redis';
  readonly db: number;
}

/** A parsed connection URL: everything a connector needs, typed per engine. */
export type ConnectionDescriptor = PostgresConnection | MysqlConnection | SqliteConnection | RedisConnection;

const defaultPorts = { postgres: 5432, mysql: 3306, redis: 6379 } as const;

function invalid(url: string, why: string): PrivetError {
  return new PrivetError('bad_request', `Invalid connection URL ${redactConnectionUrl(url)}: ${why}`);
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function parseSqlite(url: string): SqliteConnection {
  const rest = url.slice('sqlite:'.length).split('?')[0] ?? '';
  // `sqlite:///abs/path` is the URL form (decoded); `sqlite:<path>` is taken as written.
  const path = rest.startsWith('//') ? decode(rest.slice(2)) : rest;
  if (path === '') throw invalid(url, 'no database file path');
  return { engine: 'sqlite', path };
}

function networkTarget(parsed: URL, engine: keyof typeof defaultPorts, url: string): NetworkTarget {
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw invalid(url, 'no host');
  const port = parsed.port === '' ? defaultPorts[engine] : Number(parsed.port);
  const sslmode = parsed.searchParams.get('sslmode');
  const tls =
    parsed.searchParams.get('ssl') === 'true' ||
    (sslmode !== null && sslmode !== 'disable' && sslmode !== 'prefer' && sslmode !== 'allow') ||
    parsed.protocol === 'rediss:';
  const user = decode(parsed.username);
  const password = parsed.password === '' ? undefined : decode(parsed.password);
  return { host, port, user, tls, ...(password === undefined ? {} : { password }) };
}

/** Parses a `postgres://`, `postgresql://`, `mysql://`, `mariadb://`, `sqlite:` or `redis://` URL. */
export function parseConnectionUrl(url: string): ConnectionDescriptor {
  const trimmed = url.trim();
  if (/^sqlite:/i.test(trimmed)) return parseSqlite(trimmed);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw invalid(trimmed, 'not a URL');
  }
  const scheme = parsed.protocol.slice(0, -1).toLowerCase();
  const database = decode(parsed.pathname.replace(/^\//, ''));
  if (scheme === 'postgres' || scheme === 'postgresql') {
    const target = networkTarget(parsed, 'postgres', trimmed);
    return {
      engine: 'postgres',
      ...target,
      user: target.user === '' ? 'postgres' : target.user,
      database: database === '' ? 'postgres' : database,
      schema: parsed.searchParams.get('schema') ?? 'public',
    };
  }
  if (scheme === 'mysql' || scheme === 'mariadb') {
    if (database === '') throw invalid(trimmed, 'no database name');
    const target = networkTarget(parsed, 'mysql', trimmed);
    return { engine: 'mysql', flavour: scheme, ...target, user: target.user || 'root', database };
  }
  if (scheme === 'redis' || scheme === 'rediss') {
    const db = database === '' ? 0 : Number(database);
    if (!Number.isInteger(db) || db < 0) throw invalid(trimmed, 'the path must be a database number');
    return { engine: 'redis', ...networkTarget(parsed, 'redis', trimmed), db };
  }
  throw invalid(trimmed, `unsupported scheme "${scheme}" (postgres, mysql, mariadb, sqlite, redis)`);
}

/** The URL with its password replaced by `***`, safe for messages and logs. */
export function redactConnectionUrl(url: string): string {
  // Greedy to the last `@`: a password may hold an unescaped `@` or `/`, and redacting too much beats leaking.
  return url.replace(/^(\s*[a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:).*@/i, '$1***@');
}
