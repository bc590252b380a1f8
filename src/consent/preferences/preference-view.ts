import { Type, type Static } from 'typebox';
import { ConsentEventSchema } from '../consent-event.ts';
import { subscriptionStatuses } from '../marketing/subscription.ts';

/** What the preference portal shows one person: consents per purpose, list subscriptions, tracking, history. */
export const PreferenceViewSchema = Type.Object(
  {
    email: Type.String(),
    noticeVersion: Type.Union([Type.String(), Type.Null()]),
    categories: Type.Array(
      Type.Object({
        key: Type.String(),
        purposeKey: Type.String(),
        title: Type.String(),
        description: Type.String(),
        given: Type.Boolean(),
      }),
    ),
    lists: Type.Array(
      Type.Object({
        key: Type.String(),
        purposeKey: Type.String(),
        name: Type.String(),
        description: Type.String(),
        status: Type.Union([Type.Enum(subscriptionStatuses), Type.Literal('none')]),
      }),
    ),
    emailTracking: Type.Object({ purposeKey: Type.String(), given: Type.Boolean() }),
    history: Type.Array(ConsentEventSchema, { description: 'The newest 20 consent events of this person' }),
  },
  { $id: 'PreferenceView' },
);
export type PreferenceView = Static<typeof PreferenceViewSchema>;
