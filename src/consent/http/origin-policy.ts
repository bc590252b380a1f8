import type { Kysely } from 'kysely';
import type { Clock } from '../../domain/clock.ts';
import type { Database } from '../../store/schema.ts';
import { readConsentSettings } from '../consent-settings.ts';

/** Which sites may call the public consent API from their pages. */
export interface OriginPolicy {
  /** The Access-Control-Allow-Origin value for this origin (`*` or the origin), or undefined when refused. */
  allowedOrigin(origin: string): Promise<string | undefined>;
  /** The same answer from the cache, without waiting, or undefined when the list must be read first. */
  peek(origin: string): { readonly allowed: string | undefined } | undefined;
  /** Forgets the cached list, after this process changed the settings. */
  invalidate(): void;
}

/**
 * The allowed origins from the consent settings, cached for `ttlMs`: every banner post carries an Origin, and
 * a database read per request would queue behind the group commit holding SQLite's one connection. Another
 * replica's change is seen within `ttlMs`; this process's own change at once.
 */
export function createOriginPolicy(db: Kysely<Database>, clock: Clock, ttlMs = 2_000): OriginPolicy {
  let cached: { readonly origins: readonly string[]; readonly until: number } | undefined;
  let loading: Promise<readonly string[]> | undefined;

  async function origins(): Promise<readonly string[]> {
    const now = clock.now().getTime();
    if (cached !== undefined && now < cached.until) return cached.origins;
    // One read for all the requests that find the cache stale at the same time.
    loading ??= readConsentSettings(db)
      .then((settings) => {
        cached = { origins: settings.allowedOrigins, until: clock.now().getTime() + ttlMs };
        return settings.allowedOrigins;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  const answer = (list: readonly string[], origin: string) =>
    list.includes('*') ? '*' : list.includes(origin) ? origin : undefined;

  return {
    allowedOrigin: async (origin) => answer(await origins(), origin),
    peek: (origin) =>
      cached !== undefined && clock.now().getTime() < cached.until
        ? { allowed: answer(cached.origins, origin) }
        : undefined,
    invalidate: () => {
      cached = undefined;
    },
  };
}
