import { Type, type Static } from 'typebox';

const Basis = Type.Object({
  code: Type.String(),
  article: Type.String(),
  name: Type.String({ description: 'In plain words' }),
});

/** One purpose as a privacy notice tells it (Art. 13(1)(c)–(f), 13(2)(a), 13(2)(f)). */
export const PurposeNoticeSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  legalBasis: Type.Union([Basis, Type.Null()]),
  specialCategoryCondition: Type.Union([Basis, Type.Null()]),
  /** The interest pursued when the basis is legitimate interests; the assessment only when marked public. */
  legitimateInterest: Type.Union([Type.String(), Type.Null()]),
  legitimateInterestAssessment: Type.Union([Type.String(), Type.Null()]),
  dataCategories: Type.Array(Type.String()),
  dataSubjects: Type.Array(Type.String()),
  recipients: Type.Array(Type.String()),
  retention: Type.Array(Type.String()),
  source: Type.String(),
  automatedDecisionMaking: Type.Union([Type.String(), Type.Null()], { description: 'The logic, when used' }),
});
export type PurposeNotice = Static<typeof PurposeNoticeSchema>;

/** One recipient as a notice names it: who, where, why, and how a transfer abroad is protected. */
export const ProcessorNoticeSchema = Type.Object({
  name: Type.String(),
  category: Type.String(),
  role: Type.String({ description: 'processor, controller, joint controller or third party' }),
  country: Type.String(),
  purposes: Type.Array(Type.String()),
  transferSafeguards: Type.Array(Type.String()),
});
export type ProcessorNotice = Static<typeof ProcessorNoticeSchema>;

/** One line of the retention schedule: a purpose, its data and how long it is kept. */
export const RetentionNoticeSchema = Type.Object({
  purpose: Type.String(),
  dataCategories: Type.Array(Type.String()),
  retention: Type.Array(Type.String()),
});
export type RetentionNotice = Static<typeof RetentionNoticeSchema>;

/** The fragments Privet publishes for the company's notice page. */
export const noticeFragmentNames = ['purposes', 'processors', 'retention'] as const;
export type NoticeFragmentName = (typeof noticeFragmentNames)[number];
