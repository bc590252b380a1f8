/** Reads a JSON value from localStorage; storage can be disabled or full, so failures give `undefined`. */
export function readLocal<T>(key: string): T | undefined {
  try {
    return (JSON.parse(localStorage.getItem(key) ?? 'null') as T | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Writes a JSON value to localStorage, ignoring a disabled or full storage: the banner then asks again. */
export function writeLocal(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to do: without storage the visitor is asked on every page, which is the safe side.
  }
}
