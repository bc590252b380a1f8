/** The requester's private status page; the token stays in the fragment, which never reaches a server log. */
export function statusPath(statusToken: string): string {
  return `/requests/status#token=${encodeURIComponent(statusToken)}`;
}

/** The token in this page's fragment (`#token=…`), or null. */
export function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token === null || token === '' ? null : token;
}
