import { Type, type Static } from 'typebox';
import { legalBasisCodes, type LegalBasisCode } from '../../datamap/taxonomy/legal-bases.ts';

/** Why a decision came out as it did: one code per rule, so that callers can count and explain them. */
export const decisionReasons = [
  'consent_given',
  'consent_withdrawn',
  'no_consent',
  'notice_changed',
  'gpc_opt_out',
  'objection',
  'restriction',
  'purpose_not_in_notice',
  'legitimate_interest',
  'public_task',
  'contract',
  'legal_obligation',
  'vital_interests',
  'strictly_necessary',
  'no_legal_basis',
  'unknown_purpose',
] as const;
export type DecisionReason = (typeof decisionReasons)[number];

/** Whom a decision is about: exactly one of the three. */
export interface DecisionSubject {
  readonly email?: string | undefined;
  readonly personId?: string | undefined;
  readonly deviceId?: string | undefined;
}

/** One question: may this subject's data be used for this purpose? */
export interface DecisionQuery extends DecisionSubject {
  /** A data-map purpose key (`newsletter`) or a data use (`marketing.advertising`). */
  readonly purpose: string;
  /** The notice version the data was collected under: a purpose that notice does not name is denied. */
  readonly collectedUnder?: string | undefined;
}

/** The ledger event a consent-based answer rests on. `eventId` and `hash` are filled in by `withLedgerProof`. */
export interface ConsentEvidence {
  readonly kind: 'consent_event';
  readonly subjectType: 'person' | 'device';
  /** The event's position in the consent chain: unique, and what the proof is looked up by. */
  readonly eventSeq: number;
  readonly at: string;
  readonly action: string;
  readonly method: string;
  readonly noticeVersion: string;
  readonly eventId?: string;
  readonly hash?: string;
}

/** The restriction or objection (from a completed request) that denies the purpose. */
export interface LimitEvidence {
  readonly kind: 'processing_limit';
  readonly limitKind: 'restriction' | 'objection';
  readonly requestId: string;
  readonly since: string;
}

/** The notice whose purposes an answer was checked against. */
export interface NoticeEvidence {
  readonly kind: 'notice';
  readonly noticeVersion: string;
  readonly role: 'in_force' | 'collected_under';
}

export type DecisionEvidence = ConsentEvidence | LimitEvidence | NoticeEvidence;

/** The answer, with the legal basis from the data map and what it rests on. */
export interface Decision {
  readonly allowed: boolean;
  /** The purpose as asked. */
  readonly purpose: string;
  /** The data-map purpose it resolved to (null for a banner category the data map does not list). */
  readonly purposeKey: string | null;
  readonly basis: LegalBasisCode | null;
  readonly reason: DecisionReason;
  readonly evidence: readonly DecisionEvidence[];
}

/** The API shape of a decision. */
export const DecisionSchema = Type.Object(
  {
    allowed: Type.Boolean(),
    purpose: Type.String(),
    purposeKey: Type.Union([Type.String(), Type.Null()]),
    basis: Type.Union([Type.Enum(legalBasisCodes), Type.Null()], {
      description: 'GDPR Art. 6(1) basis of the purpose in the data map',
    }),
    reason: Type.Enum(decisionReasons),
    evidence: Type.Array(
      Type.Union([
        Type.Object({
          kind: Type.Literal('consent_event'),
          subjectType: Type.Enum(['person', 'device']),
          eventSeq: Type.Integer(),
          eventId: Type.Optional(Type.String()),
          hash: Type.Optional(Type.String()),
          at: Type.String(),
          action: Type.String(),
          method: Type.String(),
          noticeVersion: Type.String(),
        }),
        Type.Object({
          kind: Type.Literal('processing_limit'),
          limitKind: Type.Enum(['restriction', 'objection']),
          requestId: Type.String(),
          since: Type.String(),
        }),
        Type.Object({
          kind: Type.Literal('notice'),
          noticeVersion: Type.String(),
          role: Type.Enum(['in_force', 'collected_under']),
        }),
      ]),
    ),
  },
  { $id: 'PurposeDecision' },
);
export type DecisionJson = Static<typeof DecisionSchema>;
