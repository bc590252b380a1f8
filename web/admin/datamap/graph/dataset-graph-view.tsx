import { useMemo } from 'react';
import { useApiGet } from '../../use-api-get.ts';
import type { FidesDataset, GraphCheck } from '../datamap-types.ts';
import { IssueList } from '../issue-list.tsx';
import { collectionGraph } from './collection-graph.ts';
import { DatasetGraph } from './dataset-graph.tsx';
import { GraphLegend } from './graph-legend.tsx';
import { GraphTable } from './graph-table.tsx';
import { layoutCollectionGraph } from './layout-collection-graph.ts';

/** One dataset's graph with its legend, the check's findings in it, and the same facts as a table. */
export function DatasetGraphView({ datasetKey }: { readonly datasetKey: string }) {
  const { data: dataset, error } = useApiGet<FidesDataset>(
    `/api/admin/datasets/${encodeURIComponent(datasetKey)}`,
  );
  const { data: check } = useApiGet<GraphCheck>('/api/admin/datasets/check');
  const layout = useMemo(
    () => (dataset === null ? null : layoutCollectionGraph(collectionGraph(dataset))),
    [dataset],
  );
  const ownIssues = useMemo(
    () => (check?.issues ?? []).filter((issue) => issue.dataset === datasetKey),
    [check, datasetKey],
  );
  const issues = useMemo(() => {
    const counts = new Map<string, number>();
    // Errors only: every collection no identity reaches has a warning, and the drawing shows those apart.
    for (const issue of ownIssues)
      if (issue.collection !== undefined && issue.severity === 'error')
        counts.set(issue.collection, (counts.get(issue.collection) ?? 0) + 1);
    return counts;
  }, [ownIssues]);

  if (error !== null) {
    return (
      <p className="alert" role="alert">
        The dataset {datasetKey} could not be loaded: {error}
      </p>
    );
  }
  if (layout === null) {
    return (
      <p className="status" role="status">
        Loading…
      </p>
    );
  }
  return (
    <>
      <DatasetGraph datasetKey={datasetKey} layout={layout} issues={issues} />
      <GraphLegend />
      {ownIssues.length > 0 && (
        <section className="datamap-section" aria-labelledby="graph-issues-heading">
          <h2 id="graph-issues-heading">Problems in this dataset</h2>
          <IssueList issues={ownIssues} />
        </section>
      )}
      <section className="datamap-section" aria-labelledby="graph-table-heading">
        <h2 id="graph-table-heading" className="visually-hidden">
          The graph as a table
        </h2>
        <GraphTable datasetKey={datasetKey} layout={layout} />
      </section>
    </>
  );
}
