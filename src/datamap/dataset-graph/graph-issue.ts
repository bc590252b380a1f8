import type { DatasetIssue, IssueSeverity } from './dataset-issue.ts';

/** A graph finding, located by dataset and pointer so that an import can trace it to a file and line. */
export interface GraphIssue extends DatasetIssue {
  /** The `fides_key` of the dataset the finding is in. */
  readonly dataset: string;
  /** Where in that dataset: `collections[2].fields[0].fides_meta.references[0]` ('' for the dataset). */
  readonly pointer: string;
  /** The collection concerned, for pages that mark it on a drawn graph. */
  readonly collection?: string;
}

/** Builds a graph issue; its path is `<fides_key>:<pointer>`. */
export function graphIssue(
  severity: IssueSeverity,
  code: string,
  at: { dataset: string; pointer: string; collection?: string },
  message: string,
): GraphIssue {
  const path = at.pointer === '' ? at.dataset : `${at.dataset}:${at.pointer}`;
  return { code, severity, path, message, ...at };
}
