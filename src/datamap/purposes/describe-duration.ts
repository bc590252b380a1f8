const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const units = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const;

/** An ISO-8601 duration in words for people: `P6Y` → `6 years`, `P1Y6M` → `1 year and 6 months`. */
export function describeDuration(duration: string): string {
  const match = DURATION.exec(duration);
  if (!match) return duration;
  const parts = units.flatMap((unit, i) => {
    const count = Number(match[i + 1] ?? 0);
    return count === 0 ? [] : [`${count} ${unit}${count === 1 ? '' : 's'}`];
  });
  if (parts.length === 0) return 'no time';
  const last = parts.pop() ?? '';
  return parts.length === 0 ? last : `${parts.join(', ')} and ${last}`;
}
