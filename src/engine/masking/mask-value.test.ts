import { describe, expect, it } from 'vitest';
import type { ColumnShape } from './column-shape.ts';
import { maskValue, textPlaceholderMask } from './mask-value.ts';
import { resolveMaskingOverride } from './masking-strategy.ts';

const text = (length: number | undefined, nullable = true, unique = false): ColumnShape => ({
  family: 'text',
  type: length === undefined ? 'text' : `varchar(${length})`,
  ...(length === undefined ? {} : { length }),
  nullable,
  unique,
});
const context = (cell: string) => ({ secret: 'secret-secret-secret-secret-secret', cell });

describe('maskValue', () => {
  it('nulls a nullable column and gives a NOT NULL one a value of its type and length', () => {
    expect(maskValue({ kind: 'null' }, text(60), 'ada@example.com', context('a'))).toBeNull();
    const masked = maskValue({ kind: 'null' }, text(20, false), 'Lovelace', context('a'));
    expect(masked).toMatch(/^erased-[0-9a-f]{13}$/);
    expect(maskValue({ kind: 'null' }, text(5, false), 'x', context('a'))).toMatch(/^[0-9a-f]{5}$/);
    const shape = (family: ColumnShape['family'], type: string): ColumnShape => ({
      family,
      type,
      nullable: false,
      unique: false,
    });
    expect(maskValue({ kind: 'placeholder' }, shape('integer', 'int'), 42, context('a'))).toBe(0);
    expect(maskValue({ kind: 'placeholder' }, shape('date', 'date'), '1990-01-01', context('a'))).toBe(
      '1970-01-01',
    );
    expect(
      maskValue({ kind: 'placeholder' }, shape('date', 'timestamp without time zone'), 'x', context('a')),
    ).toBe('1970-01-01 00:00:00');
    expect(maskValue({ kind: 'placeholder' }, shape('text', 'uuid'), 'x', context('a'))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('makes placeholders unique per cell and the same on every run', () => {
    const unique = text(60, false, true);
    const a = maskValue({ kind: 'placeholder' }, unique, 'ada@example.com', context('customer/1/email'));
    const b = maskValue({ kind: 'placeholder' }, unique, 'ada@example.com', context('customer/2/email'));
    expect(a).not.toBe(b);
    expect(maskValue({ kind: 'placeholder' }, unique, 'other', context('customer/1/email'))).toBe(a);
    const int = { family: 'integer', type: 'int', nullable: false, unique: true } as const;
    expect(maskValue({ kind: 'placeholder' }, int, 1, context('x'))).not.toBe(
      maskValue({ kind: 'placeholder' }, int, 1, context('y')),
    );
  });

  it('hashes values with the secret, fixes and randomises text within the length', () => {
    const hash = maskValue({ kind: 'hmac' }, text(undefined), 'ada@example.com', context('a'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(maskValue({ kind: 'hmac' }, text(10), 'ada@example.com', context('other cell'))).toBe(
      String(hash).slice(0, 10),
    );
    expect(maskValue({ kind: 'hmac' }, text(10), null, context('a'))).toBeNull();
    expect(maskValue({ kind: 'fixed', value: 'redacted-value' }, text(8), 'x', context('a'))).toBe(
      'redacted',
    );
    const random = maskValue({ kind: 'random', length: 12 }, text(40), 'x', context('a'));
    expect(random).toMatch(/^[0-9a-f]{12}$/);
    expect(maskValue({ kind: 'random', length: 12 }, text(40), 'x', context('a'))).not.toBe(random);
  });
});

describe('resolveMaskingOverride', () => {
  it('maps the Fides strategy names', () => {
    expect(resolveMaskingOverride({ strategy: 'null_rewrite' })).toEqual({
      ok: true,
      strategy: { kind: 'null' },
    });
    expect(
      resolveMaskingOverride({ strategy: 'string_rewrite', configuration: { rewrite_value: 'MASKED' } }),
    ).toEqual({ ok: true, strategy: { kind: 'fixed', value: 'MASKED' } });
    expect(
      resolveMaskingOverride({ strategy: 'random_string_rewrite', configuration: { length: 8 } }),
    ).toEqual({
      ok: true,
      strategy: { kind: 'random', length: 8 },
    });
    expect(resolveMaskingOverride({ strategy: 'hash', configuration: { algorithm: 'SHA-512' } })).toEqual({
      ok: true,
      strategy: { kind: 'hmac' },
    });
    expect(resolveMaskingOverride({ strategy: 'delete' })).toEqual({ ok: true, strategy: 'delete' });
    expect(resolveMaskingOverride({ strategy: 'aes_encrypt' })).toMatchObject({ ok: false });
    expect(resolveMaskingOverride({ strategy: 'string_rewrite' })).toMatchObject({ ok: false });
  });

  it('gives the same text placeholders through the per-column shortcut as cell by cell', () => {
    const secret = context('').secret;
    const cell = JSON.stringify(['shop', 'customer', 'email', JSON.stringify(['v:7'])]);
    for (const [strategy, shape] of [
      [{ kind: 'placeholder' }, text(60)],
      [{ kind: 'null' }, text(12, false)],
      [{ kind: 'null' }, text(undefined, false, true)],
    ] as const) {
      const mask = textPlaceholderMask(strategy, shape, secret);
      expect(mask?.(cell)).toBe(maskValue(strategy, shape, 'x', context(cell)));
    }
    expect(textPlaceholderMask({ kind: 'null' }, text(60), secret)).toBeUndefined();
    const uuid: ColumnShape = { family: 'text', type: 'uuid', nullable: false, unique: true };
    expect(textPlaceholderMask({ kind: 'placeholder' }, uuid, secret)).toBeUndefined();
  });
});
