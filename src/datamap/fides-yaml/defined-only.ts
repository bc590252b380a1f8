/** The object's type with every property that may be undefined made optional instead. */
export type DefinedOnly<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * Drops undefined properties, so that optional keys are absent rather than undefined: documents then survive
 * JSON and YAML round trips unchanged (exactOptionalPropertyTypes holds us to that).
 */
export function definedOnly<T extends Record<string, unknown>>(value: T): DefinedOnly<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as DefinedOnly<T>;
}
