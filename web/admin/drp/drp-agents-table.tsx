import { DateTime } from '../date-time.tsx';
import { agentSourceText, type DrpAgentView } from './drp-setup.ts';

export interface DrpAgentsTableProps {
  readonly agents: readonly DrpAgentView[];
  readonly canChange: boolean;
  readonly onRemove: (agent: DrpAgentView) => void;
}

/**
 * The authorized agents Privet trusts, where each comes from, its key's fingerprint and its latest request;
 * admins remove the ones added here (directory entries are removed by editing the file).
 */
export function DrpAgentsTable({ agents, canChange, onRemove }: DrpAgentsTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Authorized agents</caption>
        <thead>
          <tr>
            <th scope="col">Agent id</th>
            <th scope="col">Name</th>
            <th scope="col">From</th>
            <th scope="col">Verify key fingerprint</th>
            <th scope="col">Status callback (latest request)</th>
            <th scope="col">Last request</th>
            {canChange && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => (
            <tr key={agent.id} data-id={agent.id}>
              <th scope="row" className="row-heading nowrap">
                <code>{agent.id}</code>
              </th>
              <td>{agent.name}</td>
              <td>{agentSourceText(agent)}</td>
              <td>
                <code title={`Verify key ${agent.verify_key}`}>{agent.verify_key_fingerprint}</code>
              </td>
              <td>
                {agent.last_status_callback === null ? (
                  <span aria-label="none">—</span>
                ) : (
                  <code>{agent.last_status_callback}</code>
                )}
              </td>
              <td>
                <DateTime value={agent.last_request_at} />
              </td>
              {canChange && (
                <td className="actions-cell">
                  {agent.source === 'admin' ? (
                    <button
                      className="button button-danger-quiet button-small"
                      type="button"
                      aria-label={`Remove ${agent.name}`}
                      onClick={() => onRemove(agent)}
                    >
                      Remove
                    </button>
                  ) : (
                    <span className="field-hint">Edit the directory file to remove</span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
