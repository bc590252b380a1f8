import type { Database } from '../../store/schema.ts';

/** One consent change as a `consent.changed` event carries it: no IP address, no user agent. */
export interface ConsentChange {
  readonly consentEventId: string;
  readonly at: string;
  readonly subject: { readonly personId: string | null; readonly deviceId: string | null };
  readonly purpose: string;
  readonly category: string | null;
  /** The new state for that subject and purpose: `given`, `withdrawn` or `objected`. */
  readonly state: string;
  readonly method: string;
  readonly gpc: boolean;
  readonly noticeVersion: string;
}

type LedgerRow = Pick<
  Database['consent_events'],
  | 'id'
  | 'at'
  | 'person_id'
  | 'device_id'
  | 'purpose_key'
  | 'category_key'
  | 'action'
  | 'method'
  | 'gpc'
  | 'notice_version'
>;

/** The columns of the ledger an event may carry. */
export const CONSENT_CHANGE_COLUMNS = [
  'seq',
  'id',
  'at',
  'person_id',
  'device_id',
  'purpose_key',
  'category_key',
  'action',
  'method',
  'gpc',
  'notice_version',
] as const;

/** Maps a ledger row to the change a receiver is told about. */
export function toConsentChange(row: LedgerRow): ConsentChange {
  return {
    consentEventId: row.id,
    at: row.at,
    subject: { personId: row.person_id, deviceId: row.device_id },
    purpose: row.purpose_key,
    category: row.category_key,
    state: row.action,
    method: row.method,
    gpc: row.gpc === 1,
    noticeVersion: row.notice_version,
  };
}
