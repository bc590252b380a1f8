import { Fragment } from 'react';
import { DateTime } from '../date-time.tsx';
import { DueDate } from './due-date.tsx';
import { jurisdictionLabels, labelOf } from './request-labels.ts';
import { RequestStatusBadge } from './request-status-badge.tsx';
import type { DataSubjectRequest, VerificationState } from './request-types.ts';

function DetailsList({ details }: { readonly details: DataSubjectRequest['details'] }) {
  const pairs: [string, string][] = [];
  if (details.restrictionGround !== undefined) pairs.push(['Restriction ground', details.restrictionGround]);
  if (details.objectionPurposes !== undefined) {
    const purposes = details.objectionPurposes;
    pairs.push(['Objects to', purposes === 'all' ? 'all purposes' : purposes.join(', ')]);
  }
  for (const [field, value] of Object.entries(details.corrections ?? {}))
    pairs.push([`Correct ${field}`, value]);
  if (details.scope !== undefined) pairs.push(['Scope', details.scope]);
  if (details.portabilityTarget !== undefined) pairs.push(['Send to', details.portabilityTarget]);
  if (details.note !== undefined) pairs.push(['Note from the person', details.note]);
  return (
    <>
      {pairs.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </>
  );
}

export interface RequestFactsProps {
  readonly request: DataSubjectRequest;
  readonly verification: VerificationState | null;
  /** The signed-in staff member's id, to say "You". */
  readonly me: string;
}

/** Who asked, for what, under which law, and the dates that matter. */
export function RequestFacts({ request, verification, me }: RequestFactsProps) {
  return (
    <dl className="facts">
      <dt>Person</dt>
      <dd>
        {request.identity.email}
        {request.identity.name !== undefined && ` (${request.identity.name})`}
        {request.identity.phone !== undefined && `, ${request.identity.phone}`}
      </dd>
      <dt>Status</dt>
      <dd>
        <RequestStatusBadge status={request.status} />
      </dd>
      <dt>Jurisdiction</dt>
      <dd>{labelOf(jurisdictionLabels, request.jurisdiction)}</dd>
      <dt>Channel</dt>
      <dd>
        {request.channel}, in {request.language === 'de' ? 'German' : 'English'}
      </dd>
      <dt>Received</dt>
      <dd>
        <DateTime value={request.receivedAt} />
      </dd>
      <dt>Verified</dt>
      <dd>
        <DateTime value={request.verifiedAt} />
        {verification !== null &&
          request.verifiedAt === null &&
          ` (code ${verification.state}, ${verification.tries}/${verification.maxTries} tries)`}
      </dd>
      {request.acknowledgeBy !== null && (
        <>
          <dt>Acknowledge by</dt>
          <dd>
            <DateTime value={request.acknowledgeBy} />
          </dd>
        </>
      )}
      <dt>Due</dt>
      <dd>
        <DueDate request={request} />
        {request.extended ? ' (extended)' : ''}
      </dd>
      {!request.extended && (
        <>
          <dt>Extend before</dt>
          <dd>
            <DateTime value={request.extensionNoticeBy} />
          </dd>
        </>
      )}
      {request.fee !== null && (
        <>
          <dt>Fee</dt>
          <dd>
            {request.fee.amount} {request.fee.currency}: {request.fee.reason}
          </dd>
        </>
      )}
      <dt>Assigned to</dt>
      <dd>
        {request.assigneeId === null ? (
          'Nobody'
        ) : request.assigneeId === me ? (
          'You'
        ) : (
          <code>{request.assigneeId}</code>
        )}
      </dd>
      <DetailsList details={request.details} />
      <dt>Request id</dt>
      <dd>
        <code>{request.id}</code>
      </dd>
    </dl>
  );
}
