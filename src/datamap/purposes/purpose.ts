import { Type, type Static } from 'typebox';
import { legalBasisCodes, specialConditionCodes } from '../taxonomy/legal-bases.ts';
import { FidesKeySchema, optionalKeys, optionalText } from '../privacy-model/field-schemas.ts';

/** Whether the organisation decides the processing (controller) or does it on a client's behalf (processor). */
export const processingRoles = ['controller', 'processor'] as const;
export type ProcessingRole = (typeof processingRoles)[number];

/** Where the data comes from: the person (Art. 13), another source (Art. 14), or both. */
export const dataSources = ['data_subject', 'other_source', 'both'] as const;
export type DataSource = (typeof dataSources)[number];

/** An ISO-8601 duration such as `P6Y`, `P18M`, `P30D` or `P1Y6M`. */
export const DurationSchema = Type.String({
  pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$',
  description: 'ISO-8601 duration, e.g. P6Y',
});

const LegalBasisSchema = Type.Enum(legalBasisCodes);
const ConditionSchema = Type.Enum(specialConditionCodes);

/** Retention of one data category when it differs from the purpose's. */
export const CategoryRetentionSchema = Type.Object({
  dataCategory: FidesKeySchema,
  period: Type.Union([DurationSchema, Type.Null()]),
  criteria: Type.String({ maxLength: 2000 }),
});
export type CategoryRetention = Static<typeof CategoryRetentionSchema>;

/** What a caller writes about a purpose (a processing activity); omitted text is '', lists [], flags false. */
export const PurposeFieldsSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: optionalText(5000, 'Shown in the notice'),
  dataUse: FidesKeySchema,
  systemKey: Type.Optional(Type.Union([FidesKeySchema, Type.Null()])),
  actingAs: Type.Optional(Type.Enum(processingRoles)),
  onBehalfOf: Type.Optional(
    Type.Union([FidesKeySchema, Type.Null()], {
      description: 'The controller (a recipient) when acting as processor',
    }),
  ),
  legalBasis: Type.Optional(Type.Union([LegalBasisSchema, Type.Null()])),
  specialCategoryCondition: Type.Optional(Type.Union([ConditionSchema, Type.Null()])),
  criminalOffenceAuthority: optionalText(2000, 'The law authorising Art. 10 processing of offence data'),
  legitimateInterest: optionalText(2000, 'The interest pursued (told to people when the basis is 6.1.f)'),
  legitimateInterestAssessment: optionalText(20000, 'The balancing test; internal unless assessmentPublic'),
  assessmentPublic: Type.Optional(Type.Boolean()),
  dataSubjects: optionalKeys('fideslang data subject keys'),
  dataCategories: optionalKeys('fideslang data category keys'),
  retentionPeriod: Type.Optional(Type.Union([DurationSchema, Type.Null()])),
  retentionCriteria: optionalText(2000, 'When the period is not fixed: the criteria that end it'),
  retentionByCategory: Type.Optional(Type.Array(CategoryRetentionSchema, { maxItems: 200 })),
  recipientKeys: optionalKeys('Recipients of this purpose besides those of its system'),
  source: Type.Optional(Type.Enum(dataSources)),
  sourceDescription: optionalText(2000),
  automatedDecisionMaking: Type.Optional(
    Type.Boolean({ description: 'Art. 22 decisions, including profiling' }),
  ),
  automatedDecisionLogic: optionalText(5000),
  securityMeasures: optionalText(5000),
  consentRecord: optionalText(1000, 'Where the consent records are (6.1.a)'),
  internalNotes: optionalText(5000, 'Never published'),
});
export type PurposeFields = Static<typeof PurposeFieldsSchema>;

/** A new purpose: its fides key and fields. */
export const NewPurposeSchema = Type.Intersect([Type.Object({ key: FidesKeySchema }), PurposeFieldsSchema]);
export type NewPurpose = Static<typeof NewPurposeSchema>;

/** A purpose as stored and returned: every field present. */
export const PurposeSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  dataUse: Type.String(),
  systemKey: Type.Union([Type.String(), Type.Null()]),
  actingAs: Type.Enum(processingRoles),
  onBehalfOf: Type.Union([Type.String(), Type.Null()]),
  legalBasis: Type.Union([LegalBasisSchema, Type.Null()]),
  specialCategoryCondition: Type.Union([ConditionSchema, Type.Null()]),
  criminalOffenceAuthority: Type.String(),
  legitimateInterest: Type.String(),
  legitimateInterestAssessment: Type.String(),
  assessmentPublic: Type.Boolean(),
  dataSubjects: Type.Array(Type.String()),
  dataCategories: Type.Array(Type.String()),
  retentionPeriod: Type.Union([Type.String(), Type.Null()]),
  retentionCriteria: Type.String(),
  retentionByCategory: Type.Array(CategoryRetentionSchema),
  recipientKeys: Type.Array(Type.String()),
  source: Type.Enum(dataSources),
  sourceDescription: Type.String(),
  automatedDecisionMaking: Type.Boolean(),
  automatedDecisionLogic: Type.String(),
  securityMeasures: Type.String(),
  consentRecord: Type.String(),
  internalNotes: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Purpose = Static<typeof PurposeSchema>;
