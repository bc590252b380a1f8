/** Exponential backoff between attempts: `baseMs * factor^(attempt-1)`, capped at `maxMs`. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly factor?: number;
  readonly maxMs?: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 5_000, factor: 2, maxMs: 15 * 60_000 };

/** Milliseconds to wait after the given failed attempt (1-based) before the next one. */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number): number {
  const factor = policy.factor ?? 2;
  const raw = policy.baseMs * factor ** Math.max(0, attempt - 1);
  return Math.round(Math.min(raw, policy.maxMs ?? Number.POSITIVE_INFINITY));
}
