/** Splits a list into consecutive slices of at most `size` items (an empty list gives no slices). */
export function* chunked<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
