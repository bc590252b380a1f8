/**
 * The decoded path segments after a section's base path: `/admin/datamap/datasets/a%20b` under
 * `/admin/datamap/datasets` is `['a b']`; the base itself is `[]`.
 */
export function subPath(pathname: string, base: string): string[] {
  if (!pathname.startsWith(`${base}/`)) return [];
  return pathname
    .slice(base.length + 1)
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        // A malformed escape: use it as it stands, and let the server say it does not exist.
        return segment;
      }
    });
}
