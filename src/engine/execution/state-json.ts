// Checkpoints hold row keys and values as the drivers return them: bigints and bytes survive the round trip
// through JSON text as tagged objects.

// Whether a value holds anything plain JSON cannot carry back: then (only) the tagging replacer is needed,
// which costs a call per value (checkpoints hold thousands of keys).
function needsTags(value: unknown): boolean {
  if (typeof value === 'bigint') return true;
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(needsTags);
  for (const key in value) if (needsTags((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** JSON text of a checkpoint; bigints and byte arrays are tagged so that `parseState` restores them. */
export function stringifyState(value: unknown): string {
  if (!needsTags(value)) return JSON.stringify(value);
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return { $bigint: v.toString() };
    if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('hex') };
    if (
      typeof v === 'object' &&
      v !== null &&
      (v as { type?: unknown }).type === 'Buffer' &&
      Array.isArray((v as { data?: unknown }).data)
    )
      return { $bytes: Buffer.from((v as { data: number[] }).data).toString('hex') };
    return v;
  });
}

/** The checkpoint back from its JSON text. */
export function parseState<T>(text: string): T {
  if (!text.includes('"$bigint"') && !text.includes('"$bytes"')) return JSON.parse(text) as T;
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null) {
      const tagged = v as { $bigint?: unknown; $bytes?: unknown };
      if (typeof tagged.$bigint === 'string') return BigInt(tagged.$bigint);
      if (typeof tagged.$bytes === 'string') return Buffer.from(tagged.$bytes, 'hex');
    }
    return v;
  }) as T;
}
