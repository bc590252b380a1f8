/** Sign-in routes: slows password guessing per client address. */
export const LOGIN_RATE = { max: 10, timeWindow: '1 minute' } as const;

/** Every public route (privacy center API, DRP, unsubscribe) unless it sets a stricter limit. */
export const PUBLIC_RATE = { max: 120, timeWindow: '1 minute' } as const;

/** Paths served to the public internet without staff authentication. */
export function isPublicPath(url: string): boolean {
  return url.startsWith('/api/public') || url.startsWith('/drp/') || url.startsWith('/u/');
}
