import type { ApiIssue } from '../../../shared/api-error.ts';
import { issueLocation } from './issue-location.ts';

export interface ImportProblemsProps {
  readonly title: string;
  readonly issues: readonly ApiIssue[];
  readonly tone: 'error' | 'warning';
}

/** What an import found, one line each: the file and line first, so that one can go and fix it. */
export function ImportProblems({ title, issues, tone }: ImportProblemsProps) {
  return (
    <div
      className={tone === 'error' ? 'alert import-problems' : 'notice import-problems'}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      <p className="import-problems-title">{title}</p>
      <ul className="issue-list">
        {issues.map((issue) => {
          const { where } = issueLocation(issue.path);
          return (
            <li key={`${issue.code}|${issue.path}|${issue.message}`} className="issue">
              {where !== null && <code className="issue-where">{where}</code>}
              <span className="issue-message">{issue.message}</span>
              <span className="issue-code">{issue.code}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
