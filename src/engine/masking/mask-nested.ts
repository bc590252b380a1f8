import type { NestedField } from '../plan/request-plan.ts';
import type { ColumnShape } from './column-shape.ts';
import { maskValue } from './mask-value.ts';

// Inside a document nothing constrains a value: any may be null, text has no length.
const DOCUMENT_VALUE: ColumnShape = { family: 'text', type: '', nullable: true, unique: false };

function parse(value: unknown): { document: unknown; text: boolean } | undefined {
  if (typeof value !== 'string') return { document: value, text: false };
  try {
    return { document: JSON.parse(value) as unknown, text: true };
  } catch {
    return undefined;
  }
}

// Masks the value at `path` below `node` in place; arrays on the way apply the rest of the path to each item.
function maskAt(
  node: unknown,
  path: readonly string[],
  mask: (value: unknown, at: string) => unknown,
  at: string,
): boolean {
  if (Array.isArray(node))
    return node.map((item, i) => maskAt(item, path, mask, `${at}[${i}]`)).some(Boolean);
  if (node === null || typeof node !== 'object') return false;
  const [head, ...rest] = path;
  if (head === undefined || !Object.hasOwn(node, head)) return false;
  const record = node as Record<string, unknown>;
  const here = `${at}.${head}`;
  if (rest.length > 0) return maskAt(record[head], rest, mask, here);
  if (Array.isArray(record[head])) {
    record[head] = (record[head] as unknown[]).map((item, i) => mask(item, `${here}[${i}]`));
    return true;
  }
  const masked = mask(record[head], here);
  if (masked === record[head]) return false;
  record[head] = masked;
  return true;
}

/**
 * A document or JSON column's value with its personal fields masked (each by its strategy; the cell of a
 * nested value is named by its path, so re-runs mask it the same way), in the form it came in: parsed JSON
 * stays parsed, JSON text stays text. Undefined when nothing inside changes (null, not JSON, fields absent).
 */
export function maskNested(
  value: unknown,
  nested: readonly NestedField[],
  context: { readonly secret: string; readonly cell: (path: string) => string },
): unknown {
  if (value === null || value === undefined) return undefined;
  const parsed = parse(value);
  if (parsed === undefined) return undefined;
  const document = structuredClone(parsed.document);
  let changed = false;
  for (const field of nested) {
    const mask = (current: unknown, at: string) =>
      current === null || current === undefined
        ? current
        : maskValue(field.strategy, DOCUMENT_VALUE, current, {
            secret: context.secret,
            cell: context.cell(at),
          });
    if (maskAt(document, field.path, mask, '$')) changed = true;
  }
  if (!changed) return undefined;
  return parsed.text ? JSON.stringify(document) : document;
}
