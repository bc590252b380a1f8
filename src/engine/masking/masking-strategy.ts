import type { FidesMaskingStrategy } from '../../datamap/fides-dataset.ts';

/**
 * How one field is masked. `placeholder`: a value of the column's type and length that says nothing about the
 * person, unique per row (HMAC of the secret and the row's key); `null`; `fixed` text; `random` text; `hmac`:
 * HMAC-SHA256 of the value with the secret (the same value masks the same way, so joins on it survive).
 */
export type MaskingStrategy =
  | { readonly kind: 'null' }
  | { readonly kind: 'placeholder' }
  | { readonly kind: 'fixed'; readonly value: string }
  | { readonly kind: 'random'; readonly length?: number }
  | { readonly kind: 'hmac' };

/** A Fides `masking_strategy_override` read as a Privet strategy, or why it was not. */
export type ResolvedOverride =
  | { readonly ok: true; readonly strategy: MaskingStrategy | 'delete' }
  | { readonly ok: false; readonly reason: string };

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * Maps Fides strategy names: `null_rewrite`, `string_rewrite` (`rewrite_value`), `random_string_rewrite`
 * (`length`), `hash` and `hmac` (always HMAC-SHA256 with Privet's secret), and `delete` (collection level: delete
 * the rows). Privet's own names `null`, `fixed`, `random`, `placeholder` are accepted too.
 */
export function resolveMaskingOverride(override: FidesMaskingStrategy): ResolvedOverride {
  const config = override.configuration ?? {};
  switch (override.strategy) {
    case 'null_rewrite':
    case 'null':
      return { ok: true, strategy: { kind: 'null' } };
    case 'string_rewrite':
    case 'fixed': {
      const value = text(config.rewrite_value) ?? text(config.value);
      return value === undefined
        ? { ok: false, reason: `${override.strategy} needs configuration.rewrite_value` }
        : { ok: true, strategy: { kind: 'fixed', value } };
    }
    case 'random_string_rewrite':
    case 'random': {
      const length = Number(config.length);
      return {
        ok: true,
        strategy: Number.isInteger(length) && length > 0 ? { kind: 'random', length } : { kind: 'random' },
      };
    }
    case 'hash':
    case 'hmac':
      return { ok: true, strategy: { kind: 'hmac' } };
    case 'placeholder':
      return { ok: true, strategy: { kind: 'placeholder' } };
    case 'delete':
      return { ok: true, strategy: 'delete' };
    default:
      return { ok: false, reason: `masking strategy "${override.strategy}" is not supported` };
  }
}
