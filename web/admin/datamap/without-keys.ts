/** A copy of the object without the given keys (a stored record's key and timestamps, say). */
export function withoutKeys<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy: Partial<T> = { ...value };
  for (const key of keys) delete copy[key];
  // Every key of T but those deleted is still there, copied from value.
  return copy as Omit<T, K>;
}
