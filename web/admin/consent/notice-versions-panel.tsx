import { useState } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { DateTime } from '../date-time.tsx';

/** One version of the privacy notice, as `GET /api/admin/notices/versions` lists it. */
export interface NoticeVersion {
  readonly version: string;
  readonly textHash: string;
  readonly purposeKeys: readonly string[];
  readonly createdAt: string;
  readonly publishedAt: string | null;
  readonly current: boolean;
}

export interface NoticeVersionsPanelProps {
  readonly versions: readonly NoticeVersion[];
  readonly canChange: boolean;
  /** After a version was put in force or a draft deleted. */
  readonly onChanged: () => void;
}

// What the confirmation dialog is about to do.
interface PendingChange {
  readonly action: 'publish' | 'delete';
  readonly version: NoticeVersion;
}

/**
 * The notice's versions, newest first, and (admins) putting a draft or an older version in force, or deleting a
 * draft; a version ever in force is kept as the record of what people were told.
 */
export function NoticeVersionsPanel({ versions, canChange, onChanged }: NoticeVersionsPanelProps) {
  const { api } = useAdmin();
  const [target, setTarget] = useState<PendingChange | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function confirm(): Promise<void> {
    if (target === null) return;
    setBusy(true);
    setError(null);
    const url = `/api/admin/notices/versions/${encodeURIComponent(target.version.version)}`;
    try {
      if (target.action === 'publish') {
        const published = await api.post<NoticeVersion>(`${url}/publish`);
        setDone(`Version ${published.version} is in force.`);
      } else {
        await api.delete(url);
        setDone(`Deleted the draft ${target.version.version}.`);
      }
      setTarget(null);
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="notice-versions-heading">
      <h2 id="notice-versions-heading">Privacy notice versions</h2>
      {versions.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="notice-versions">
            <caption className="visually-hidden">Versions of the privacy notice, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">State</th>
                <th scope="col">Purposes</th>
                <th scope="col">Text hash</th>
                <th scope="col">Published</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.version} data-version={version.version}>
                  <th scope="row" className="row-heading nowrap">
                    {/* Published versions are public (receipts link to them); a draft's text is not, yet. */}
                    {version.publishedAt === null ? (
                      version.version
                    ) : (
                      <a href={`/api/public/notice?version=${encodeURIComponent(version.version)}`}>
                        {version.version}
                      </a>
                    )}
                  </th>
                  <td>
                    {version.current ? (
                      <span className="badge badge-consent-given">in force</span>
                    ) : version.publishedAt === null ? (
                      'draft'
                    ) : (
                      'earlier'
                    )}
                  </td>
                  <td>{version.purposeKeys.join(', ') || '—'}</td>
                  <td className="nowrap">
                    <code title={version.textHash}>{version.textHash.slice(0, 12)}…</code>
                  </td>
                  <td className="nowrap">
                    <DateTime value={version.publishedAt} />
                  </td>
                  <td className="actions-cell">
                    {canChange && !version.current && (
                      <button
                        className="button button-secondary button-small"
                        type="button"
                        aria-label={`Put in force: version ${version.version}`}
                        onClick={() => {
                          setError(null);
                          setDone(null);
                          setTarget({ action: 'publish', version });
                        }}
                      >
                        Put in force
                      </button>
                    )}
                    {canChange && version.publishedAt === null && (
                      <>
                        {' '}
                        <button
                          className="button button-danger-quiet button-small"
                          type="button"
                          aria-label={`Delete draft ${version.version}`}
                          onClick={() => {
                            setError(null);
                            setDone(null);
                            setTarget({ action: 'delete', version });
                          }}
                        >
                          Delete draft
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
        {versions.length === 0
          ? 'No version of the privacy notice exists yet: the banner cannot record consent without one.'
          : `${versions.length} ${versions.length === 1 ? 'version' : 'versions'}.`}
      </p>
      <ConfirmDialog
        open={target !== null}
        title={
          target?.action === 'delete'
            ? `Delete the draft ${target.version.version}?`
            : `Put version ${target?.version.version ?? ''} in force?`
        }
        confirmLabel={target?.action === 'delete' ? 'Delete draft' : 'Put in force'}
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => setTarget(null)}
      >
        {target?.action === 'delete' ? (
          <p>It was never in force, so nothing was recorded under it. Its text is gone once deleted.</p>
        ) : (
          <p>
            Banners ask every visitor again, and consent given under any other version no longer counts for
            consent-based purposes until it is given again under this one.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
