import { useState } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { useApiGet } from '../use-api-get.ts';
import type { BannerCategory, BannerCategoryList } from './banner-category.ts';
import { CategoryForm } from './category-form.tsx';

/** The banner's categories in banner order and (admins) adding, changing and removing them. */
export function CategoriesPanel({
  canChange,
  languages,
}: {
  readonly canChange: boolean;
  /** The banner's languages besides English, offered for category texts. */
  readonly languages: readonly string[];
}) {
  const { api } = useAdmin();
  const { data, error, reload } = useApiGet<BannerCategoryList>('/api/admin/consent/categories');
  const [editing, setEditing] = useState<BannerCategory | null>(null);
  const [removing, setRemoving] = useState<BannerCategory | null>(null);
  const [busy, setBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const categories = data?.categories ?? [];

  async function remove(): Promise<void> {
    if (removing === null) return;
    setBusy(true);
    setRemoveError(null);
    try {
      await api.delete(`/api/admin/consent/categories/${encodeURIComponent(removing.key)}`);
      setDone(`Removed the category ${removing.key}.`);
      if (editing?.key === removing.key) setEditing(null);
      setRemoving(null);
      reload();
    } catch (failure) {
      setRemoveError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Categories</h2>
        {error !== null && (
          <p className="alert" role="alert">
            The categories could not be loaded: {error}
          </p>
        )}
        {categories.length > 0 && (
          <div className="table-scroll">
            <table className="table" data-testid="banner-categories">
              <caption className="visually-hidden">Banner categories in banner order</caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col">Purpose</th>
                  <th scope="col">Choice</th>
                  <th scope="col">Services</th>
                  <th scope="col">Consent Mode</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {categories.map((category) => (
                  <tr key={category.key} data-key={category.key}>
                    <th scope="row" className="row-heading">
                      {category.texts.en?.title ?? category.key} <code>{category.key}</code>
                    </th>
                    <td>
                      <code>{category.purposeKey}</code>
                    </td>
                    <td>
                      {category.required ? 'always on' : 'opt-in'}
                      {category.gpcOptOut && ', GPC opts out'}
                    </td>
                    <td>{category.services.map((service) => service.name).join(', ') || '—'}</td>
                    <td>{category.googleConsentMode.join(', ') || '—'}</td>
                    <td className="actions-cell">
                      {canChange && (
                        <>
                          <button
                            className="button button-secondary button-small"
                            type="button"
                            aria-label={`Change ${category.key}`}
                            onClick={() => {
                              setDone(null);
                              setEditing(category);
                            }}
                          >
                            Change
                          </button>{' '}
                          <button
                            className="button button-danger-quiet button-small"
                            type="button"
                            aria-label={`Remove ${category.key}`}
                            onClick={() => {
                              setRemoveError(null);
                              setRemoving(category);
                            }}
                          >
                            Remove
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="status" role="status">
          {done === null ? '' : `${done} `}
          {data === null
            ? ''
            : categories.length === 0
              ? 'There are no categories: the banner has nothing to ask.'
              : `${categories.length} ${categories.length === 1 ? 'category' : 'categories'}.`}
        </p>
      </section>
      {canChange && (
        <CategoryForm
          key={editing?.key ?? ''}
          editing={editing}
          languages={languages}
          onSaved={(category, created) => {
            setDone(created ? `Added the category ${category.key}.` : `Saved the category ${category.key}.`);
            setEditing(null);
            reload();
          }}
          onCancelEdit={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove the category ${removing?.key ?? ''}?`}
        confirmLabel="Remove category"
        busy={busy}
        error={removeError}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>Banners stop offering it. Choices already recorded for it stay in the ledger.</p>
      </ConfirmDialog>
    </>
  );
}
