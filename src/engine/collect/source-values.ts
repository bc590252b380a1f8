import type { SubjectIdentity } from '../identity/subject-identity.ts';
import type { PlanSource } from '../plan/request-plan.ts';
import type { CapturedRows } from './captured-rows.ts';

/** The values a source compares with: the identity's candidates, or the values found upstream. */
export function sourceValues(
  source: PlanSource,
  identities: readonly SubjectIdentity[],
  upstream: (step: string) => Pick<CapturedRows, 'values'> | undefined,
): readonly unknown[] {
  if (source.kind === 'identity')
    return identities.filter((i) => i.type === source.identity).flatMap((i) => i.candidates);
  return upstream(source.from)?.values[source.fromField] ?? [];
}
