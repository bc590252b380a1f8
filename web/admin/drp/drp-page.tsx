import { useState } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { Link } from '../../shared/link.tsx';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useAdmin } from '../admin-context.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { useRoleAllows } from '../datamap/use-role-allows.ts';
import '../operations.css';
import { useApiGet } from '../use-api-get.ts';
import { DrpAgentForm } from './drp-agent-form.tsx';
import { DrpAgentsTable } from './drp-agents-table.tsx';
import { DrpSettingsPanel } from './drp-settings-panel.tsx';
import type { DrpAgentView, DrpSettings } from './drp-setup.ts';

/**
 * The Data Rights Protocol set-up: business id, whether agent-verified requests start without staff, and the
 * authorized agents. Viewers read it; admins switch the setting and add and remove agents.
 */
export function DrpPage() {
  const { api } = useAdmin();
  const canChange = useRoleAllows('admin');
  const settings = useApiGet<DrpSettings>('/api/admin/drp/settings');
  const agents = useApiGet<{ items: DrpAgentView[] }>('/api/admin/drp/agents');
  const [savedSettings, setSavedSettings] = useState<DrpSettings | null>(null);
  const [removing, setRemoving] = useState<DrpAgentView | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const agentList = agents.data?.items ?? [];
  const currentSettings = savedSettings ?? settings.data;

  async function remove(): Promise<void> {
    if (removing === null) return;
    setRemoveBusy(true);
    setRemoveError(null);
    try {
      await api.delete(`/api/admin/drp/agents/${encodeURIComponent(removing.id)}`);
      setDone(`Removed ${removing.name}.`);
      setRemoving(null);
      agents.reload();
    } catch (failure) {
      setRemoveError(`The agent was not removed: ${errorMessage(failure)}`);
    } finally {
      setRemoveBusy(false);
    }
  }

  return (
    <>
      <PageHeading title="Data Rights Protocol" titleSuffix="Privet admin" />
      <p className="lead">
        Authorized agents send signed DRP 1.0 requests to <code>/drp/v1</code> on behalf of people. Their
        requests arrive in the request queue on the channel “drp”:{' '}
        <Link to="/admin/requests?channel=drp">see the requests from agents</Link>.
      </p>
      {settings.error !== null && (
        <p className="alert" role="alert">
          The DRP set-up could not be loaded: {settings.error}
        </p>
      )}
      {currentSettings === null ? (
        settings.error === null && <p role="status">Loading…</p>
      ) : (
        <DrpSettingsPanel settings={currentSettings} canChange={canChange} onSaved={setSavedSettings} />
      )}
      <h2>Authorized agents</h2>
      {agents.error !== null && (
        <p className="alert" role="alert">
          The agents could not be loaded: {agents.error}
        </p>
      )}
      {agentList.length > 0 && (
        <DrpAgentsTable
          agents={agentList}
          canChange={canChange}
          onRemove={(agent) => {
            setRemoveError(null);
            setRemoving(agent);
          }}
        />
      )}
      <div className="table-footer">
        <p className="status" role="status">
          {agents.loading && agents.data === null
            ? 'Loading…'
            : `${done === null ? '' : `${done} `}${
                agentList.length === 0
                  ? 'No agent is authorized yet.'
                  : `${agentList.length} ${agentList.length === 1 ? 'agent' : 'agents'}.`
              }`}
        </p>
        <button className="button button-secondary button-small" type="button" onClick={agents.reload}>
          Refresh
        </button>
      </div>
      {canChange && (
        <DrpAgentForm
          onAdded={(agent) => {
            setDone(`Added ${agent.name}.`);
            agents.reload();
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? ''}?`}
        confirmLabel="Remove agent"
        busy={removeBusy}
        error={removeError}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>
          Privet stops trusting <code>{removing?.id}</code> and its bearer tokens stop working at once; its
          requests so far stay in the queue. If the directory file lists the same id, that entry applies
          again.
        </p>
      </ConfirmDialog>
    </>
  );
}
