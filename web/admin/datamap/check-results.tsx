import type { ListedIssue } from './issue-list.tsx';
import { IssueList } from './issue-list.tsx';

export interface CheckResultsProps {
  readonly id: string;
  readonly title: string;
  /** Null while loading. */
  readonly issues: readonly ListedIssue[] | null;
  readonly error: string | null;
}

/** One check's findings under a heading, or that it found nothing. */
export function CheckResults({ id, title, issues, error }: CheckResultsProps) {
  return (
    <section className="check-results" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {error !== null ? (
        <p className="alert" role="alert">
          The check could not run: {error}
        </p>
      ) : issues === null ? (
        <p className="status">Checking…</p>
      ) : issues.length === 0 ? (
        <p className="check-ok">No problems found.</p>
      ) : (
        <IssueList issues={issues} idPrefix={id} level={4} />
      )}
    </section>
  );
}
