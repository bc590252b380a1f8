import type { DataConnection } from '../../connectors/data-connection.ts';
import type { SchemaInfo } from '../../connectors/introspection.ts';

/** Live schemas by connection URL, reused while the database says its schema has not changed. */
export interface SchemaCache {
  /**
   * The schema of the database at `url`, read over `connection`. Reused only when the connection reports a
   * schema version and it is the one the cached schema was read under; otherwise read (and kept).
   */
  schemaOf(url: string, connection: DataConnection, signal: AbortSignal): Promise<SchemaInfo>;
}

interface Entry {
  readonly version: string;
  readonly schema: SchemaInfo;
}

/**
 * A cache of at most `maxEntries` schemas (the least recently used goes first). A schema is trusted only
 * with the version read just before it, so a change between the two reads shows as a new version next time.
 */
export function schemaCache(maxEntries = 32): SchemaCache {
  const entries = new Map<string, Entry>();
  return {
    schemaOf: async (url, connection, signal) => {
      if (connection.readSchema === undefined)
        throw new Error(`A ${connection.engine} connection cannot read its schema`);
      if (connection.schemaVersion === undefined) return connection.readSchema(signal);
      const version = await connection.schemaVersion(signal);
      const cached = entries.get(url);
      entries.delete(url);
      if (cached !== undefined && cached.version === version) {
        entries.set(url, cached);
        return cached.schema;
      }
      const schema = await connection.readSchema(signal);
      entries.set(url, { version, schema });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      return schema;
    },
  };
}

/** The process's cache, used unless the engine's deps name another. */
export const processSchemaCache: SchemaCache = schemaCache();
