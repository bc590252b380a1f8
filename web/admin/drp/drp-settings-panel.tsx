import { useState } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { businessIdSourceText, type DrpSettings } from './drp-setup.ts';

export interface DrpSettingsPanelProps {
  readonly settings: DrpSettings;
  readonly canChange: boolean;
  readonly onSaved: (settings: DrpSettings) => void;
}

const START_LABEL = 'Start agent-verified requests without staff';

/**
 * The business id agents sign for and where it comes from, the directory file and its problems, and whether
 * requests the agent verified start at once: admins switch that, everyone else reads it.
 */
export function DrpSettingsPanel({ settings, canChange, onSaved }: DrpSettingsPanelProps) {
  const { api } = useAdmin();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function toggle(next: boolean): Promise<void> {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const answer = await api.put<DrpSettings>('/api/admin/drp/settings', { startVerifiedRequests: next });
      onSaved(answer);
      setSaved(
        answer.startVerifiedRequests
          ? 'Saved: requests the agent verified now start without staff.'
          : 'Saved: requests the agent verified now wait for staff to start them.',
      );
    } catch (failure) {
      setError(`The setting was not saved: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="drp-setup-heading">
      <h2 id="drp-setup-heading">Set-up</h2>
      <dl className="facts">
        <dt>Business id</dt>
        <dd>{settings.businessId === null ? 'none' : <code>{settings.businessId}</code>}</dd>
        <dt>Business id from</dt>
        <dd>{businessIdSourceText(settings)}</dd>
        <dt>Directory file</dt>
        <dd>
          {settings.agentsFile === null ? (
            'none (PRIVET_DRP_AGENTS_FILE is not set)'
          ) : (
            <code>{settings.agentsFile}</code>
          )}
        </dd>
        {!canChange && (
          <>
            <dt>{START_LABEL}</dt>
            <dd>{settings.startVerifiedRequests ? 'yes' : 'no, staff start them'}</dd>
          </>
        )}
      </dl>
      {settings.directoryIssues.length > 0 && (
        <div className="alert" role="alert">
          <p>Some entries of the directory file are ignored:</p>
          <ul>
            {settings.directoryIssues.map((issue) => (
              <li key={`${issue.index}:${issue.message}`}>
                Entry {issue.index + 1}: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {canChange && (
        <div className="field">
          <span className="checkbox-row">
            <input
              id="drp-start-verified"
              type="checkbox"
              role="switch"
              checked={settings.startVerifiedRequests}
              disabled={busy}
              aria-describedby="drp-start-verified-hint"
              onChange={(event) => void toggle(event.target.checked)}
            />
            <label htmlFor="drp-start-verified">{START_LABEL}</label>
          </span>
          <span id="drp-start-verified-hint" className="field-hint">
            When an agent verified enough of the person’s identity for the request, it starts at once; when
            off, it waits in the queue for staff to start it. Requests without enough verification always ask
            the person to confirm first.
          </span>
        </div>
      )}
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {saved !== null && <p role="status">{saved}</p>}
    </section>
  );
}
