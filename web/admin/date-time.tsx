/** A moment from the API (ISO 8601) in the reader's locale; "—" when there is none. */
export function DateTime({ value }: { readonly value: string | null }) {
  if (value === null) return <span aria-label="none">—</span>;
  return <time dateTime={value}>{new Date(value).toLocaleString()}</time>;
}
