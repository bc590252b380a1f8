import { createHmac, randomBytes } from 'node:crypto';
import { valueKey } from '../../connectors/distinct-values.ts';
import type { ColumnShape } from './column-shape.ts';
import type { MaskingStrategy } from './masking-strategy.ts';

/** What a masked value may depend on besides the strategy and the column. */
export interface MaskContext {
  readonly secret: string;
  /** Names the cell stably: dataset, collection, field and the row's key, so a re-run masks it the same way. */
  readonly cell: string;
}

const MAX_INT = 2_147_483_646;

function hmacHex(secret: string, input: string): string {
  return createHmac('sha256', secret).update(input).digest('hex');
}

function fit(text: string, length: number | undefined): string {
  return length === undefined ? text : text.slice(0, Math.max(1, length));
}

// `erased-` tells a reader what happened when the column has room for it; the hex part keeps rows distinct.
function placeholderText(hex: string, length: number | undefined): string {
  const room = length ?? 31;
  return room >= 15 ? `erased-${hex.slice(0, Math.min(24, room - 7))}` : fit(hex, room);
}

function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A value of the column's type that says nothing about the person; `hex` (asked only where the type needs
 * it) makes it unique per cell.
 */
function typedPlaceholder(shape: ColumnShape, hex: () => string): unknown {
  const intValue = () => (Number.parseInt(hex().slice(0, 8), 16) % MAX_INT) + 1;
  if (shape.family === 'integer') return shape.unique ? intValue() : 0;
  if (shape.family === 'decimal') return shape.unique ? intValue() : 0;
  if (shape.family === 'boolean') return false;
  if (shape.family === 'json') return '{}';
  if (shape.family === 'binary') return Buffer.alloc(0);
  if (shape.family === 'date') {
    if (/^(timestamp|datetime)/.test(shape.type)) return '1970-01-01 00:00:00';
    if (/^time/.test(shape.type)) return '00:00:00';
    if (/^year/.test(shape.type)) return 1970;
    if (/^interval/.test(shape.type)) return '0 seconds';
    return '1970-01-01';
  }
  if (/^uuid/.test(shape.type)) return uuidFrom(hex());
  if (/^(inet|cidr)/.test(shape.type)) return '0.0.0.0';
  if (/^macaddr/.test(shape.type)) return '00:00:00:00:00:00';
  return placeholderText(hex(), shape.length);
}

/** The masked value of one cell. Strategies that depend only on the cell are the same on every run. */
export function maskValue(
  strategy: MaskingStrategy,
  shape: ColumnShape,
  value: unknown,
  context: MaskContext,
): unknown {
  const cellHex = () => hmacHex(context.secret, context.cell);
  switch (strategy.kind) {
    case 'null':
      return shape.nullable ? null : typedPlaceholder(shape, cellHex);
    case 'placeholder':
      return typedPlaceholder(shape, cellHex);
    case 'fixed':
      return shape.family === 'text' ? fit(strategy.value, shape.length) : typedPlaceholder(shape, cellHex);
    case 'random': {
      const length = Math.min(strategy.length ?? 16, shape.length ?? Number.MAX_SAFE_INTEGER);
      const random = randomBytes(Math.ceil(length / 2) + 1).toString('hex');
      return shape.family === 'text'
        ? random.slice(0, length)
        : typedPlaceholder(shape, () => random.padEnd(32, '0'));
    }
    case 'hmac': {
      if (value === null || value === undefined) return null;
      const hex = hmacHex(context.secret, typeof value === 'string' ? value : valueKey(value));
      return shape.family === 'text' && !/^(uuid|inet|cidr|macaddr)/.test(shape.type)
        ? fit(hex, shape.length)
        : typedPlaceholder(shape, () => hex);
    }
  }
}

/**
 * The masked value of a cell as a function of the cell's name alone, worked out once per column, where the
 * strategy gives a placeholder in a plain text column (the same value `maskValue` gives); undefined otherwise.
 */
export function textPlaceholderMask(
  strategy: MaskingStrategy,
  shape: ColumnShape,
  secret: string,
): ((cell: string) => string) | undefined {
  const placeholder = strategy.kind === 'placeholder' || (strategy.kind === 'null' && !shape.nullable);
  if (!placeholder || shape.family !== 'text' || /^(uuid|inet|cidr|macaddr)/.test(shape.type))
    return undefined;
  return (cell) => placeholderText(hmacHex(secret, cell), shape.length);
}

/**
 * The masked value when it is the same on every row, depending neither on the row (its key) nor on the value
 * (null in a nullable column, a fixed text, 0 in a plain integer column); undefined when it is not.
 */
export function sameOnEveryRow(
  strategy: MaskingStrategy,
  shape: ColumnShape,
): { readonly value: unknown } | undefined {
  if (strategy.kind === 'random' || strategy.kind === 'hmac') return undefined;
  let perCell = false;
  const value = maskValue(strategy, shape, undefined, {
    secret: '',
    get cell() {
      perCell = true;
      return '';
    },
  });
  return perCell ? undefined : { value };
}
