import { useEffect } from 'react';
import { Link } from '../../../shared/link.tsx';
import { PageHeading } from '../../../shared/page-heading.tsx';
import { useApiGet } from '../../use-api-get.ts';
import type { FidesDataset } from '../datamap-types.ts';
import { CollectionFieldsTable } from './collection-fields-table.tsx';

/** One dataset: what it is, then each collection with its fields. */
export function DatasetDetail({ datasetKey }: { readonly datasetKey: string }) {
  const { data: dataset, error } = useApiGet<FidesDataset>(
    `/api/admin/datasets/${encodeURIComponent(datasetKey)}`,
  );
  // A link to one collection (from the graph's table) scrolls to it once the dataset is on the page.
  useEffect(() => {
    if (dataset === null || window.location.hash === '') return;
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }, [dataset]);
  const back = (
    <p className="back-link">
      <Link to="/admin/datamap/datasets">← Back to the datasets</Link>
    </p>
  );
  if (dataset === null) {
    return (
      <>
        {back}
        <PageHeading title={datasetKey} titleSuffix="Privet admin" />
        {error === null ? (
          <p className="status" role="status">
            Loading…
          </p>
        ) : (
          <p className="alert" role="alert">
            The dataset could not be loaded: {error}
          </p>
        )}
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeading title={dataset.name ?? dataset.fides_key} titleSuffix="Privet admin" />
      <dl className="facts">
        <dt>Key</dt>
        <dd>
          <code>{dataset.fides_key}</code>
        </dd>
        {dataset.description !== undefined && (
          <>
            <dt>Description</dt>
            <dd>{dataset.description}</dd>
          </>
        )}
        <dt>Collections</dt>
        <dd>{dataset.collections.length}</dd>
        <dt>Graph</dt>
        <dd>
          <Link to={`/admin/datamap/graph/${encodeURIComponent(dataset.fides_key)}`}>Show the graph</Link>
        </dd>
      </dl>
      <nav className="collection-index" aria-label="Collections">
        <ul>
          {dataset.collections.map((collection) => (
            <li key={collection.name}>
              <a href={`#collection-${collection.name}`}>{collection.name}</a>
            </li>
          ))}
        </ul>
      </nav>
      {dataset.collections.map((collection) => {
        const extension = collection['x-privet'];
        return (
          <section
            key={collection.name}
            id={`collection-${collection.name}`}
            className="collection"
            aria-labelledby={`collection-${collection.name}-heading`}
          >
            <h2 id={`collection-${collection.name}-heading`}>
              {collection.name}{' '}
              {extension?.data_subject !== undefined && (
                <span className="badge badge-subject">subject: {extension.data_subject}</span>
              )}{' '}
              {extension?.personal === false && <span className="badge">not personal</span>}
            </h2>
            {collection.description !== undefined && <p>{collection.description}</p>}
            {(collection.fides_meta?.after ?? []).length > 0 && (
              <p className="field-hint">After: {collection.fides_meta?.after?.join(', ')}</p>
            )}
            <CollectionFieldsTable collection={collection} />
          </section>
        );
      })}
    </>
  );
}
