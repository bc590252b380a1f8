import type { ErrorIssue } from '../../domain/errors.ts';

/** How bad an issue is: an `error` rejects an import, a `warning` is reported and kept. */
export const issueSeverities = ['error', 'warning'] as const;

/** `error` or `warning`. */
export type IssueSeverity = (typeof issueSeverities)[number];

/** A finding about a dataset as data: what (`code`), where (`path`), how bad, and a sentence for people. */
export interface DatasetIssue extends ErrorIssue {
  readonly severity: IssueSeverity;
  /** `file:line` when the issue comes from, or was traced back to, a YAML file. */
  readonly where?: string;
}

/** One line for people: `file:line: message`, or `path: message` when no file is known. */
export function formatIssue(issue: DatasetIssue): string {
  return `${issue.where ?? issue.path}: ${issue.message}`;
}

/** The issues of the given severity. */
export function issuesOf<T extends DatasetIssue>(issues: readonly T[], severity: IssueSeverity): T[] {
  return issues.filter((issue) => issue.severity === severity);
}
