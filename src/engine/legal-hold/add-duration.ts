const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** The instant an ISO-8601 duration (`P10Y`, `P1Y6M`, `P30D`) after `start`, in UTC; undefined if unreadable. */
export function addDuration(start: Date, duration: string): Date | undefined {
  const match = DURATION.exec(duration);
  if (match === null || duration === 'P' || Number.isNaN(start.getTime())) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((v) => Number(v ?? 0));
  const end = new Date(start);
  end.setUTCFullYear(end.getUTCFullYear() + (years ?? 0), end.getUTCMonth() + (months ?? 0));
  end.setUTCDate(end.getUTCDate() + (weeks ?? 0) * 7 + (days ?? 0));
  end.setTime(end.getTime() + (((hours ?? 0) * 60 + (minutes ?? 0)) * 60 + (seconds ?? 0)) * 1000);
  return end;
}
