import { Type, type Static } from 'typebox';
import type { Database } from '../store/schema.ts';
import {
  consentActions,
  consentMethods,
  type ConsentAction,
  type ConsentMethod,
} from './consent-vocabulary.ts';

/** One entry of the consent ledger as the API shows it. */
export const ConsentEventSchema = Type.Object(
  {
    seq: Type.Integer(),
    id: Type.String({ description: 'Also the consent receipt id' }),
    at: Type.String(),
    personId: Type.Union([Type.String(), Type.Null()]),
    /** False when the person id came from an unauthenticated caller (a banner on a customer's site). */
    personVerified: Type.Boolean(),
    deviceId: Type.Union([Type.String(), Type.Null()]),
    categoryKey: Type.Union([Type.String(), Type.Null()]),
    purposeKey: Type.String(),
    action: Type.Enum(consentActions),
    method: Type.Enum(consentMethods),
    gpc: Type.Boolean({ description: 'A Global Privacy Control signal came with the choice' }),
    noticeVersion: Type.String(),
    noticeHash: Type.String(),
    ipTruncated: Type.Union([Type.String(), Type.Null()]),
    userAgentFamily: Type.Union([Type.String(), Type.Null()]),
    language: Type.Union([Type.String(), Type.Null()]),
    prevHash: Type.String(),
    hash: Type.String(),
  },
  { $id: 'ConsentEvent' },
);
export type ConsentEvent = Static<typeof ConsentEventSchema>;

/** Maps a stored row to the API shape. */
export function consentEventFromRow(row: Database['consent_events']): ConsentEvent {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    personId: row.person_id,
    personVerified: row.person_verified === 1,
    deviceId: row.device_id,
    categoryKey: row.category_key,
    purposeKey: row.purpose_key,
    action: row.action as ConsentAction,
    method: row.method as ConsentMethod,
    gpc: row.gpc === 1,
    noticeVersion: row.notice_version,
    noticeHash: row.notice_hash,
    ipTruncated: row.ip_truncated,
    userAgentFamily: row.user_agent_family,
    language: row.language,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
