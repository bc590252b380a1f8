import { randomBytes, randomFillSync } from 'node:crypto';

// Random bytes for ids, drawn from the CSPRNG a few kilobytes at a time: one call per id (one per request, for
// request ids) cost more than the rest of building it. Ids are unique, not secret; tokens below are not pooled.
const POOL_SIZE = 4096;
const ID_RANDOM_BYTES = 10;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;

function idRandom(): string {
  if (poolOffset + ID_RANDOM_BYTES > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const start = poolOffset;
  poolOffset += ID_RANDOM_BYTES;
  return pool.toString('base64url', start, poolOffset);
}

/** A new random id, time-ordered by its prefix so that ids sort by creation: `<prefix>_<ms36><random>`. */
export function newId(prefix: string, now: Date = new Date()): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  return `${prefix}_${time}${idRandom()}`;
}

/** A random secret token (URL-safe), for API keys, session ids and one-time links. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
