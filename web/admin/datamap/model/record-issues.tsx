import { useApiGet } from '../../use-api-get.ts';
import type { ModelCheck } from '../datamap-types.ts';
import { IssueList } from '../issue-list.tsx';

export interface RecordIssuesProps {
  /** `purposes/<key>`, `systems/<key>`, `recipients/<key>`: the check's paths of this record start so. */
  readonly prefix: string;
}

/**
 * What the data-map check says about one record, so that a draft shows what it still lacks. The caller keys it
 * by the record's updatedAt, so that a save checks again.
 */
export function RecordIssues({ prefix }: RecordIssuesProps) {
  const { data, error } = useApiGet<ModelCheck>('/api/admin/datamap/check');
  const issues = (data?.issues ?? []).filter(
    (issue) => issue.path === prefix || issue.path.startsWith(`${prefix}/`),
  );
  return (
    <section className="panel panel-wide record-issues" aria-labelledby="record-issues-heading">
      <h2 id="record-issues-heading">Check</h2>
      {error !== null ? (
        <p className="alert" role="alert">
          The check could not run: {error}
        </p>
      ) : data === null ? (
        <p className="status">Checking…</p>
      ) : issues.length === 0 ? (
        <p className="check-ok">The check found nothing missing here.</p>
      ) : (
        <IssueList issues={issues} idPrefix="record-issues" />
      )}
    </section>
  );
}
