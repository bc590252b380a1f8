/** A service's cookie pattern (`*` matches any run of characters) as an exact-match regular expression. */
export function cookiePattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** The domains a cookie visible on `host` may be set for: host-only, then the host and each parent with a dot. */
export function cookieDomains(host: string): string[] {
  const labels = host.split('.');
  const domains = [''];
  // An IP address has no parent domains; a single label (localhost) only has itself.
  if (!/^[\d.]+$|:/.test(host))
    for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** The paths a cookie visible on `pathname` may be set for: `/` and every parent folder of the page. */
export function cookiePaths(pathname: string): string[] {
  const paths = ['/'];
  const parts = pathname.split('/');
  // Both `/a` and `/a/` are valid cookie paths for a page under /a/.
  for (let i = 2; i <= parts.length; i++) {
    const path = parts.slice(0, i).join('/');
    for (const candidate of i < parts.length ? [path, `${path}/`] : [path]) {
      if (!paths.includes(candidate)) paths.push(candidate);
    }
  }
  return paths;
}
