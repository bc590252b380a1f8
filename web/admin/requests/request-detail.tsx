import { useState } from 'react';
import { roleAllows } from '../../../src/domain/roles.ts';
import { errorMessage } from '../../shared/api-error.ts';
import { Link } from '../../shared/link.tsx';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useAdmin, useSession } from '../admin-context.ts';
import { useApiGet } from '../use-api-get.ts';
import { AddManualTask } from './manual-task-forms.tsx';
import { EarlierRequests } from './earlier-requests.tsx';
import { RequestActionForm } from './request-action-form.tsx';
import { actionSpecs } from './request-action-specs.ts';
import { RequestFacts } from './request-facts.tsx';
import { labelOf, typeLabels } from './request-labels.ts';
import { RequestTasks } from './request-tasks.tsx';
import { RequestTimeline } from './request-timeline.tsx';
import type { RequestDetailAnswer } from './request-types.ts';

/** One request: its facts, what to do next, the timeline, the tasks and the person's earlier requests. */
export function RequestDetail({ id }: { readonly id: string }) {
  const path = `/api/admin/requests/${encodeURIComponent(id)}`;
  const { data, error, reload } = useApiGet<RequestDetailAnswer>(path);
  const { api } = useAdmin();
  const { user } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const back = (
    <p className="back-link">
      <Link to="/admin/requests">← Back to the requests</Link>
    </p>
  );

  if (data === null) {
    return (
      <>
        {back}
        <PageHeading title="Request" titleSuffix="Privet admin" />
        {error === null ? (
          <p className="status" role="status">
            Loading…
          </p>
        ) : (
          <p className="alert" role="alert">
            The request could not be loaded: {error}
          </p>
        )}
      </>
    );
  }

  const { request } = data;
  const canAct = roleAllows(user.role, 'operator');
  const actions = actionSpecs.filter((spec) => roleAllows(user.role, spec.minRole) && spec.when(request));
  function done(message: string): void {
    setActionError(null);
    setNotice(message);
    reload();
  }
  async function assign(assigneeId: string | null): Promise<void> {
    try {
      await api.post(`${path}/assign`, { assigneeId });
      done(assigneeId === null ? 'Nobody is assigned now.' : 'The request is assigned to you.');
    } catch (failure) {
      setActionError(errorMessage(failure));
    }
  }

  return (
    <>
      {back}
      <PageHeading
        title={`${labelOf(typeLabels, request.type)} request from ${request.identity.email}`}
        titleSuffix="Privet admin"
      />
      <p className="status request-notice" role="status">
        {notice}
      </p>
      {actionError !== null && (
        <p className="alert" role="alert">
          {actionError}
        </p>
      )}
      <div className="request-columns">
        <div>
          <RequestFacts request={request} verification={data.verification} me={user.id} />
          {canAct && (
            <p className="request-assign">
              {request.assigneeId === user.id ? (
                <button className="button button-secondary" type="button" onClick={() => void assign(null)}>
                  Unassign me
                </button>
              ) : (
                <button
                  className="button button-secondary"
                  type="button"
                  onClick={() => void assign(user.id)}
                >
                  Assign to me
                </button>
              )}
            </p>
          )}
        </div>
        {actions.length > 0 && (
          <section className="panel request-actions" aria-labelledby="request-actions-heading">
            <h2 id="request-actions-heading">Actions</h2>
            {actions.map((spec) => (
              <RequestActionForm key={spec.action} requestId={request.id} spec={spec} onDone={done} />
            ))}
          </section>
        )}
      </div>
      <section className="mail-part" aria-labelledby="request-timeline-heading">
        <h2 id="request-timeline-heading">Timeline</h2>
        <RequestTimeline entries={data.timeline} />
      </section>
      <section className="mail-part" aria-labelledby="request-tasks-heading">
        <h2 id="request-tasks-heading">Tasks</h2>
        <RequestTasks tasks={data.tasks} canAct={canAct} onDone={done} />
        {canAct && <AddManualTask requestId={request.id} onDone={done} />}
      </section>
      <section className="mail-part" aria-labelledby="request-earlier-heading">
        <h2 id="request-earlier-heading">Earlier requests of this person</h2>
        <p className="field-hint">
          The evidence for a fee or a refusal as manifestly unfounded or excessive (GDPR Art. 12(5)).
        </p>
        <EarlierRequests requests={data.earlierRequests} />
      </section>
    </>
  );
}
