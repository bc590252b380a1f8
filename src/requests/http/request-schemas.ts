import { Type } from 'typebox';
import { JURISDICTIONS } from '../../domain/deadlines/jurisdiction.ts';
import {
  REQUEST_CHANNELS,
  REQUEST_LANGUAGES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  RESTRICTION_GROUNDS,
} from '../request-vocabulary.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const RequestTypeSchema = Type.Enum(REQUEST_TYPES);
export const RequestStatusSchema = Type.Enum(REQUEST_STATUSES);
export const JurisdictionSchema = Type.Enum(JURISDICTIONS);
export const ChannelSchema = Type.Enum(REQUEST_CHANNELS);
export const LanguageSchema = Type.Enum(REQUEST_LANGUAGES);

export const IdentitySchema = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const DetailsSchema = Type.Object(
  {
    restrictionGround: Type.Optional(Type.Enum(RESTRICTION_GROUNDS)),
    objectionPurposes: Type.Optional(
      Type.Union([
        Type.Literal('all'),
        Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100 }),
      ]),
    ),
    compellingGrounds: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 4000 }))),
    corrections: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 4000 }))),
    scope: Type.Optional(Type.Union([Type.Literal('categories'), Type.Literal('specific')])),
    portabilityTarget: Type.Optional(Type.String({ maxLength: 2000 })),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

const FeeSchema = Type.Object({ amount: Type.Number(), currency: Type.String(), reason: Type.String() });

/** A request as the admin API returns it. */
export const DataSubjectRequestSchema = Type.Object({
  id: Type.String(),
  type: RequestTypeSchema,
  status: RequestStatusSchema,
  jurisdiction: JurisdictionSchema,
  channel: ChannelSchema,
  language: LanguageSchema,
  identity: IdentitySchema,
  details: DetailsSchema,
  receivedAt: Type.String(),
  verifiedAt: Nullable(Type.String()),
  acknowledgeBy: Nullable(Type.String()),
  dueAt: Type.String(),
  extensionNoticeBy: Type.String(),
  extended: Type.Boolean(),
  completedAt: Nullable(Type.String()),
  assigneeId: Nullable(Type.String()),
  fee: Type.Union([FeeSchema, Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** One timeline entry, as staff see it. */
export const TimelineEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  kind: Type.String(),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  actor: Type.String(),
  reason: Nullable(Type.String()),
  message: Nullable(Type.String()),
  public: Type.Boolean(),
});

export const TaskSchema = Type.Object({
  id: Type.String(),
  requestId: Type.String(),
  kind: Type.Union([Type.Literal('automatic'), Type.Literal('manual')]),
  target: Type.String(),
  title: Type.String(),
  instructions: Type.String(),
  assigneeId: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  status: Type.String(),
  result: Type.Unknown(),
  error: Nullable(Type.String()),
  upload: Type.Union([Type.Object({ sha256: Type.String() }), Type.Null()]),
  createdAt: Type.String(),
  completedAt: Nullable(Type.String()),
  completedBy: Nullable(Type.String()),
});

export const RequestIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
