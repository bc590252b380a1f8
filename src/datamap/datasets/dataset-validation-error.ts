import { PrivetError } from '../../domain/errors.ts';
import { formatIssue, type DatasetIssue } from '../dataset-graph/dataset-issue.ts';

// Enough lines to fix a file in one go without burying the terminal; every issue stays in `issues`.
const MAX_LINES = 50;

/** A `validation_failed` error whose message lists the issues as `file:line: message` lines. */
export function datasetValidationError(issues: readonly DatasetIssue[]): PrivetError {
  const lines = issues.slice(0, MAX_LINES).map(formatIssue);
  if (issues.length > MAX_LINES) lines.push(`… and ${issues.length - MAX_LINES} more`);
  return new PrivetError('validation_failed', lines.join('\n'), { issues });
}
