import { useState } from 'react';
import { errorMessage } from '../../../shared/api-error.ts';
import { PageHeading } from '../../../shared/page-heading.tsx';
import { useAdmin } from '../../admin-context.ts';
import '../../operations.css';
import { useApiGet } from '../../use-api-get.ts';
import '../datamap.css';
import type { Taxonomy } from '../datamap-types.ts';
import '../model/record-form.css';
import { useRoleAllows } from '../use-role-allows.ts';
import { TaxonomyExtensionForm } from './taxonomy-extension-form.tsx';
import { taxonomyKindChoices } from './taxonomy-kinds.ts';

/** The organisation's own data categories, uses and subjects, added under fideslang's, and the way to add one. */
export function TaxonomyPage() {
  const { api } = useAdmin();
  const canEdit = useRoleAllows('admin');
  const { data, error, loading, reload } = useApiGet<Taxonomy>('/api/admin/taxonomy');
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const custom = taxonomyKindChoices.flatMap((kind) =>
    (data?.[kind.list] ?? []).filter((e) => e.custom).map((entry) => ({ kind, entry })),
  );

  async function remove(kind: string, key: string): Promise<void> {
    setFailure(null);
    try {
      await api.delete(`/api/admin/taxonomy/extensions/${kind}/${encodeURIComponent(key)}`);
      setStatus(`Removed ${key}.`);
      reload();
    } catch (problem) {
      setFailure(`${key} was not removed: ${errorMessage(problem)}`);
    }
  }

  return (
    <>
      <PageHeading title="Taxonomy" titleSuffix="Privet admin" />
      <p className="lead">
        The fideslang data categories, uses and subjects are the default vocabulary. Add your own where they
        are not precise enough (a loyalty card number under <code>user.unique_id</code>); purposes and
        datasets can then use them.
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          The taxonomy could not be loaded: {error}
        </p>
      )}
      {failure !== null && (
        <p className="alert" role="alert">
          {failure}
        </p>
      )}
      {canEdit && (
        <TaxonomyExtensionForm
          taxonomy={data}
          onAdded={(key) => {
            setStatus(`Added ${key}.`);
            reload();
          }}
        />
      )}
      <h2>Custom keys</h2>
      {custom.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Custom keys</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Name</th>
                <th scope="col">Vocabulary</th>
                <th scope="col">Under</th>
                <th scope="col">Sensitivity</th>
                {canEdit && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {custom.map(({ kind, entry }) => (
                <tr key={`${kind.value}:${entry.key}`} data-key={entry.key}>
                  <th scope="row" className="row-heading">
                    <code>{entry.key}</code>
                  </th>
                  <td>{entry.name}</td>
                  <td>{kind.label}</td>
                  <td>{entry.parentKey === null ? '—' : <code>{entry.parentKey}</code>}</td>
                  <td>{entry.sensitivity ?? '—'}</td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={`Remove ${entry.key}`}
                        onClick={() => void remove(kind.value, entry.key)}
                      >
                        Remove
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="status table-footer" role="status">
        {loading && data === null
          ? 'Loading…'
          : `${status === null ? '' : `${status} `}${
              custom.length === 0
                ? 'There are no custom keys yet.'
                : `${custom.length} custom ${custom.length === 1 ? 'key' : 'keys'}.`
            }`}
      </p>
    </>
  );
}
