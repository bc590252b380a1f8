/** A value JSON can hold without loss of meaning. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// Deeper nesting than this is not a database value but a cycle or an accident; it is written as text.
const MAX_DEPTH = 64;

function fromObject(value: object, depth: number): JsonValue {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  // Binary columns (bytea, BLOB, VARBINARY) arrive as Buffers or typed arrays: Base64 keeps every byte.
  if (ArrayBuffer.isView(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('base64');
  if (Array.isArray(value) || value instanceof Set) {
    return [...(value as Iterable<unknown>)].map((item) => toJsonValueAt(item, depth + 1));
  }
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([k, v]) => [String(k), toJsonValueAt(v, depth + 1)]));
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  // Driver types such as decimal or interval objects say how they want to be written.
  if (typeof toJSON === 'function') return toJsonValueAt((toJSON as () => unknown).call(value), depth + 1);
  // A loop, not entries/fromEntries: this runs for every row of an export, and fewer short-lived arrays
  // per row keep the garbage collector's work (and the heap) small.
  const record: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) {
    const item = toJsonValueAt((value as Record<string, unknown>)[key], depth + 1);
    // A column named __proto__ stays a field, as fromEntries would keep it, not the object's prototype.
    if (key === '__proto__')
      Object.defineProperty(record, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else record[key] = item;
  }
  return record;
}

function toJsonValueAt(value: unknown, depth: number): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON has no NaN or Infinity; as text they stay what they were instead of becoming null.
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      // As text: a 64-bit id is not safe as a JSON number in most readers.
      return value.toString();
    case 'object':
      return depth >= MAX_DEPTH ? '[nested too deeply]' : fromObject(value, depth);
    default:
      return null;
  }
}

/** A database value as JSON: Buffers as Base64, Dates as ISO 8601 (UTC), bigints as decimal strings. */
export function toJsonValue(value: unknown): JsonValue {
  return toJsonValueAt(value, 0);
}
