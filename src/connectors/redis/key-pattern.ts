// Keys such as `customer:42:profile` or `session:3f2a…` are grouped into patterns (`customer:*:profile`) so
// that a keyspace reads like a list of tables.
const variableSegment = [
  /^\d+$/, // numeric ids
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUIDs
  /^[0-9a-f]{8,}$/i, // hex ids and hashes
  /^[0-9A-HJKMNP-TV-Z]{26}$/, // ULIDs
  /@/, // emails and user@host
  /^(?=.*\d)[A-Za-z0-9_-]{16,}$/, // tokens
];

function escapeGlob(segment: string): string {
  return segment.replace(/[*?[\]\\]/g, '\\$&');
}

/** The glob pattern (for SCAN MATCH) a key belongs to: variable `:`-separated segments become `*`. */
export function keyPattern(key: string): string {
  return key
    .split(':')
    .map((segment) => (variableSegment.some((re) => re.test(segment)) ? '*' : escapeGlob(segment)))
    .join(':');
}
