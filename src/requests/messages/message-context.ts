import type { Kysely } from 'kysely';
import { readOrganisation } from '../../demo/organisation.ts';
import type { Database } from '../../store/schema.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import { formatMessageDate, requestTypeLabel } from './request-type-label.ts';

/** What every request message says: who writes, about which request, dates on the organisation's calendar. */
export interface MessageContext {
  readonly organisation: string;
  readonly supervisoryAuthority: string;
  readonly timeZone: string;
  readonly base: {
    organisation: string;
    requestId: string;
    typeLabel: string;
    dueOn: string;
    receivedOn: string;
  };
}

/** Reads the organisation and builds the common message data for a request. */
export async function messageContext(
  db: Kysely<Database>,
  request: DataSubjectRequest,
): Promise<MessageContext> {
  const organisation = await readOrganisation(db);
  const timeZone = organisation?.timeZone ?? 'UTC';
  const name = organisation?.name ?? 'Privet';
  return {
    organisation: name,
    supervisoryAuthority:
      organisation?.supervisoryAuthority !== undefined && organisation.supervisoryAuthority !== ''
        ? organisation.supervisoryAuthority
        : 'the data protection supervisory authority of your country',
    timeZone,
    base: {
      organisation: name,
      requestId: request.id,
      typeLabel: requestTypeLabel(request.type, request.language),
      dueOn: formatMessageDate(request.dueAt, request.language, timeZone),
      receivedOn: formatMessageDate(request.receivedAt, request.language, timeZone),
    },
  };
}
