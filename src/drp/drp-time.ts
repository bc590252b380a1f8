const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO-8601 timestamp of a DRP message; undefined when malformed. A timestamp without an offset is
 * read as UTC, as Python's naive `isoformat()` (used by some agents) writes no offset.
 */
export function parseDrpTime(text: unknown): Date | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_8601.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '00', fraction = '0', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = fraction.padEnd(3, '0').slice(0, 3);
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${offset}`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** A timestamp as Privet sends it to agents: ISO 8601 with an explicit `+00:00` offset (not `Z`). */
export function formatDrpTime(at: Date | string): string {
  return new Date(at).toISOString().replace(/Z$/, '+00:00');
}
