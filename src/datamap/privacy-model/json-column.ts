/** Reads a JSON text column written by `writeJsonColumn`; a corrupt value reads as the fallback. */
export function readJsonColumn<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Writes a value to a JSON text column (the same text on SQLite and PostgreSQL). */
export function writeJsonColumn(value: unknown): string {
  return JSON.stringify(value);
}
