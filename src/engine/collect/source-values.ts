import type { FieldMatch } from '../../connectors/data-connection.ts';
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

/**
 * The match a source makes: its field against the identity's candidates or the values found upstream; from
 * rows upstream that were not read (`CapturedRows.match`), against their field in a nested match.
 */
export function sourceMatch(
  source: PlanSource,
  identities: readonly SubjectIdentity[],
  upstream: (step: string) => Pick<CapturedRows, 'values' | 'match'> | undefined,
  tableOf: (step: string) => string,
): FieldMatch {
  if (source.kind === 'identity')
    return {
      field: source.field,
      values: sourceValues(source, identities, upstream),
      transform: source.transform,
    };
  const found = upstream(source.from);
  if (found?.match === undefined)
    return { field: source.field, values: sourceValues(source, identities, upstream) };
  return {
    field: source.field,
    values: [],
    within: { collection: tableOf(source.from), select: source.fromField, match: found.match },
  };
}
