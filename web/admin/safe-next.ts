/**
 * The page to open after sign-in, from the login page's ?next=: only a console page of this origin, so the
 * parameter cannot send a freshly signed-in admin to another site.
 */
export function safeNext(raw: string | null): string {
  if (raw === null) return '/admin';
  const url = new URL(raw, window.location.origin);
  const inConsole = url.pathname === '/admin' || url.pathname.startsWith('/admin/');
  if (url.origin !== window.location.origin || !inConsole || url.pathname === '/admin/login') return '/admin';
  return url.pathname + url.search;
}
