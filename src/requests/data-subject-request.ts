import type { Selectable } from 'kysely';
import type { Jurisdiction } from '../domain/deadlines/jurisdiction.ts';
import type { RequestTables } from './request-tables.ts';
import type {
  RequestChannel,
  RequestLanguage,
  RequestStatus,
  RequestType,
  RestrictionGround,
} from './request-vocabulary.ts';

/** Who the request is about, as the person gave it. */
export interface RequestIdentity {
  readonly email: string;
  readonly phone?: string;
  readonly name?: string;
}

/** Type-specific details of a request. */
export interface RequestDetails {
  readonly restrictionGround?: RestrictionGround;
  /** Objection: purpose keys objected to (`all` for every purpose); direct marketing cannot be overridden. */
  readonly objectionPurposes?: string[] | 'all';
  /** Objection: purposes kept on recorded compelling grounds (never direct marketing). */
  readonly compellingGrounds?: Readonly<Record<string, string>>;
  /** Rectification: `collection.field` → corrected value. */
  readonly corrections?: Readonly<Record<string, string>>;
  /** CCPA access: categories only, or specific pieces. */
  readonly scope?: 'categories' | 'specific';
  /** Portability straight to another controller's HTTPS endpoint. */
  readonly portabilityTarget?: string;
  readonly note?: string;
}

/** A data-subject request as the admin API shows it. */
export interface DataSubjectRequest {
  readonly id: string;
  readonly type: RequestType;
  readonly status: RequestStatus;
  readonly jurisdiction: Jurisdiction;
  readonly channel: RequestChannel;
  readonly language: RequestLanguage;
  readonly identity: RequestIdentity;
  readonly details: RequestDetails;
  readonly receivedAt: string;
  readonly verifiedAt: string | null;
  readonly acknowledgeBy: string | null;
  readonly dueAt: string;
  readonly extensionNoticeBy: string;
  readonly extended: boolean;
  readonly completedAt: string | null;
  readonly assigneeId: string | null;
  readonly fee: { readonly amount: number; readonly currency: string; readonly reason: string } | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type RequestRow = Selectable<RequestTables['requests']>;

/** The API view of a stored request (`due_at` moves to the extended date when extended). */
export function toDataSubjectRequest(row: RequestRow): DataSubjectRequest {
  return {
    id: row.id,
    type: row.type as RequestType,
    status: row.status as RequestStatus,
    jurisdiction: row.jurisdiction as Jurisdiction,
    channel: row.channel as RequestChannel,
    language: row.language as RequestLanguage,
    identity: JSON.parse(row.identity) as RequestIdentity,
    details: JSON.parse(row.details) as RequestDetails,
    receivedAt: row.received_at,
    verifiedAt: row.verified_at,
    acknowledgeBy: row.acknowledge_by,
    dueAt: row.due_at,
    extensionNoticeBy: row.extension_notice_by,
    extended: row.extended === 1,
    completedAt: row.completed_at,
    assigneeId: row.assignee_id,
    fee: row.fee === null ? null : (JSON.parse(row.fee) as DataSubjectRequest['fee']),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
