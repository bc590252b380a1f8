import { subPath } from '../sub-path.ts';

/** Which page of a record section a path names: the list, the form for a new record, or one record. */
export type RecordRoute =
  | { readonly page: 'list' }
  | { readonly page: 'new' }
  | { readonly page: 'one'; readonly key: string }
  | { readonly page: 'unknown' };

/** `/base` → list, `/base/new` → new, `/base/{key}` → one; anything deeper is unknown. */
export function recordRoute(pathname: string, base: string): RecordRoute {
  const [first, ...rest] = subPath(pathname, base);
  if (first === undefined) return { page: 'list' };
  if (rest.length > 0) return { page: 'unknown' };
  return first === 'new' ? { page: 'new' } : { page: 'one', key: first };
}
