import type { Kysely } from 'kysely';
import { newId } from '../domain/ids.ts';
import type { Database } from '../store/schema.ts';
import type { Dialect } from '../store/store.ts';
import { CONSENT_GENESIS_HASH, consentEventHash } from './consent-hash.ts';
import { insertRows, type RowColumn, type RowInsert } from './insert-rows.ts';
import type { PlannedConsentEvent } from './plan-consent-events.ts';

/** Serialises appends to the consent chain across processes; its own lock, apart from the audit ledger's. */
export const CONSENT_LEDGER_LOCK = 'privet:consent-ledger';

type EventRow = Database['consent_events'];
type StateRow = Database['consent_state'];

const text = (name: string): RowColumn => ({ name, pgType: 'text' });
const integer = (name: string): RowColumn => ({ name, pgType: 'integer' });

const eventInsert: RowInsert = {
  table: 'consent_events',
  columns: [
    { name: 'seq', pgType: 'bigint' },
    ...['id', 'at', 'person_id'].map(text),
    integer('person_verified'),
    ...['device_id', 'category_key', 'purpose_key', 'action', 'method'].map(text),
    integer('gpc'),
    ...[
      'notice_version',
      'notice_hash',
      'ip_truncated',
      'user_agent_family',
      'language',
      'prev_hash',
      'hash',
    ].map(text),
  ],
};

/** The current-state upsert, one row per subject and purpose. */
export const stateUpsert: RowInsert = {
  table: 'consent_state',
  columns: [
    ...['subject_type', 'subject_id', 'purpose_key', 'category_key', 'action', 'method'].map(text),
    ...['notice_version', 'notice_hash', 'event_id'].map(text),
    { name: 'event_seq', pgType: 'bigint' },
    text('at'),
  ],
  conflictKeys: ['subject_type', 'subject_id', 'purpose_key'],
};

function stateRows(events: readonly EventRow[]): StateRow[] {
  // Later events of the same subject and purpose replace earlier ones: one row per key, as the upsert needs.
  const latest = new Map<string, StateRow>();
  for (const event of events) {
    const subjects: [string, string][] = [];
    if (event.device_id !== null) subjects.push(['device', event.device_id]);
    // An unverified person id may opt out (as anyone may, like GPC) but may not give consent for a person.
    if (event.person_id !== null && (event.person_verified === 1 || event.action !== 'given')) {
      subjects.push(['person', event.person_id]);
    }
    for (const [type, id] of subjects) {
      // Neither the subject type nor a purpose key holds a NUL, so the joined key is unambiguous.
      latest.set(`${type}\u0000${id}\u0000${event.purpose_key}`, {
        subject_type: type,
        subject_id: id,
        purpose_key: event.purpose_key,
        category_key: event.category_key,
        action: event.action,
        method: event.method,
        notice_version: event.notice_version,
        notice_hash: event.notice_hash,
        event_id: event.id,
        event_seq: event.seq,
        at: event.at,
      });
    }
  }
  return [...latest.values()];
}

/**
 * Appends events to the consent chain and updates the current-state table, inside the caller's transaction,
 * which must hold CONSENT_LEDGER_LOCK. Returns the stored rows in chain order.
 */
export async function appendConsentEvents(
  trx: Kysely<Database>,
  dialect: Dialect,
  planned: readonly PlannedConsentEvent[],
  at: Date,
): Promise<EventRow[]> {
  if (planned.length === 0) return [];
  const head = await trx
    .selectFrom('consent_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? CONSENT_GENESIS_HASH;
  const time = at.toISOString();
  const rows: EventRow[] = planned.map((event) => {
    seq += 1;
    const row: EventRow = {
      seq,
      id: newId('cev', at),
      at: time,
      person_id: event.personId,
      person_verified: event.personVerified ? 1 : 0,
      device_id: event.deviceId,
      category_key: event.categoryKey,
      purpose_key: event.purposeKey,
      action: event.action,
      method: event.method,
      gpc: event.gpc ? 1 : 0,
      notice_version: event.noticeVersion,
      notice_hash: event.noticeHash,
      ip_truncated: event.ipTruncated,
      user_agent_family: event.userAgentFamily,
      language: event.language,
      prev_hash: prevHash,
      hash: '',
    };
    // The hash covers every other column (consentEventHash reads them by name, never `hash`).
    prevHash = consentEventHash(row);
    row.hash = prevHash;
    return row;
  });
  await insertRows(trx, dialect, eventInsert, rows);
  await insertRows(trx, dialect, stateUpsert, stateRows(rows));
  return rows;
}
