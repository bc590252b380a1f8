/** A finding of a data-map check, as both checks report them. */
export interface ListedIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly message: string;
}

// Errors first: they break a duty; warnings are worth a look.
const issueSeverities = ['error', 'warning'] as const;
const headings = { error: 'Errors', warning: 'Warnings' } as const;

export interface IssueListProps {
  readonly issues: readonly ListedIssue[];
  /** Makes the group headings' ids unique on the page. */
  readonly idPrefix?: string;
  /** The level of the group headings: one below the heading the list sits under. */
  readonly level?: 3 | 4;
}

/** Check findings grouped by severity, errors first, each with its code and path. */
export function IssueList({ issues, idPrefix = 'issues', level = 3 }: IssueListProps) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="issue-groups">
      {issueSeverities.map((severity) => {
        const group = issues.filter((issue) => issue.severity === severity);
        if (group.length === 0) return null;
        const headingId = `${idPrefix}-${severity}`;
        return (
          <section
            key={severity}
            className={`issue-group issue-group-${severity}`}
            aria-labelledby={headingId}
          >
            <Heading id={headingId}>
              {headings[severity]} ({group.length})
            </Heading>
            <ul className="issue-list">
              {group.map((issue) => (
                <li
                  key={`${issue.code}|${issue.path}|${issue.message}`}
                  className={`issue issue-${severity}`}
                >
                  <span className={`badge badge-issue-${severity}`}>{severity}</span>{' '}
                  <code className="issue-path">{issue.path}</code>
                  <span className="issue-message">{issue.message}</span>
                  <span className="issue-code">{issue.code}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
