import { PrivetError } from '../../domain/errors.ts';
import { identityType } from '../identity/normalise-identities.ts';
import type { RequestPlan } from '../plan/request-plan.ts';

/** A corrected value as given: `--set customer.email=new@example.com` or `--set email=new@example.com`. */
export interface CorrectionInput {
  readonly target: string;
  readonly value: string;
}

/** The corrections that apply to one step: field → new value. */
export type StepCorrections = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** Reads `field=value` (the first `=` splits; the value may hold more). */
export function parseCorrection(text: string): CorrectionInput {
  const at = text.indexOf('=');
  if (at <= 0) throw new PrivetError('bad_request', `--set needs field=value, not "${text}"`);
  return { target: text.slice(0, at).trim(), value: text.slice(at + 1) };
}

/**
 * Resolves corrections to the plan's fields: `collection.field` (or `dataset.collection.field`) names one
 * field; a bare identity type (`email`, `phone`, `loyalty_id`) names every field holding that identity. A
 * target that names nothing is a `bad_request`, so that a typo never passes as "nothing to correct".
 */
export function resolveCorrections(
  plan: RequestPlan,
  corrections: readonly CorrectionInput[],
): StepCorrections {
  const byStep = new Map<string, Record<string, string>>();
  const set = (step: string, field: string, value: string) =>
    byStep.set(step, { ...byStep.get(step), [field]: value });
  for (const { target, value } of corrections) {
    let matched = false;
    for (const step of plan.steps) {
      for (const prefix of [`${step.collection}.`, `${step.dataset}.${step.collection}.`, `${step.name}.`]) {
        if (!target.startsWith(prefix)) continue;
        const field = target.slice(prefix.length);
        if (step.fields.some((f) => f.name === field) || field in step.identityFields) {
          set(step.id, field, value);
          matched = true;
        }
      }
      for (const [field, identity] of Object.entries(step.identityFields))
        if (identity === identityType(target)) {
          set(step.id, field, value);
          matched = true;
        }
    }
    if (!matched)
      throw new PrivetError(
        'bad_request',
        `--set ${target}: no field of the subject's collections is called that`,
      );
  }
  return byStep;
}
