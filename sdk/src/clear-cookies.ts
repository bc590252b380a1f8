import { cookieDomains, cookiePaths, cookiePattern } from './cookie-pattern.ts';

/**
 * Deletes the cookies whose names match the patterns, for every domain and path they could have been set
 * with: document.cookie shows names only, and a cookie is removed only by the same name, domain and path.
 * HttpOnly cookies can not be seen from a page; the server that set them must clear them.
 */
export function clearCookies(patterns: readonly string[]): void {
  if (patterns.length === 0) return;
  const regexps = patterns.map(cookiePattern);
  const names = document.cookie.split(';').map((pair) => pair.split('=')[0]?.trim() ?? '');
  // A Secure cookie can only be overwritten, and so deleted, by a Secure cookie.
  const secure = location.protocol === 'https:' ? ';secure' : '';
  for (const name of names) {
    if (!regexps.some((regexp) => regexp.test(name))) continue;
    for (const domain of cookieDomains(location.hostname)) {
      for (const path of cookiePaths(location.pathname)) {
        document.cookie = `${name}=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=${path}${domain && `;domain=${domain}`}${secure}`;
      }
    }
  }
}
