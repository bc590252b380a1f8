import { Type, type Static } from 'typebox';
import { PurposeKey } from '../../notices/notice-version.ts';
import type { Database } from '../../store/schema.ts';

/** A list key as it appears in forms and links: `newsletter`, `product-news`. */
export const ListKey = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_-]*$' });

/** A list's name and description in one language. */
export const ListTextSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 2000 }),
});
export type ListText = Static<typeof ListTextSchema>;

/** A list as admins write it: English name and description, other languages in `texts`. */
export const MarketingListInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 2000, default: '' }),
  purposeKey: Type.Intersect([PurposeKey], {
    description: 'The consent purpose a subscription gives and an unsubscribe withdraws',
  }),
  texts: Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$' }), ListTextSchema, {
    default: {},
    maxProperties: 50,
  }),
  public: Type.Boolean({ default: true, description: 'Offered on public subscription forms' }),
});
export type MarketingListInput = Static<typeof MarketingListInput>;

/** A stored list with its subscriber counts. */
export const MarketingListSchema = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    description: Type.String(),
    purposeKey: Type.String(),
    texts: Type.Record(Type.String(), ListTextSchema),
    public: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'MarketingList' },
);
export type MarketingList = Static<typeof MarketingListSchema>;

/** Maps a stored row to the API shape. */
export function listFromRow(row: Database['marketing_lists']): MarketingList {
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    purposeKey: row.purpose_key,
    texts: JSON.parse(row.texts) as Record<string, ListText>,
    public: row.public === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The list's name and description in the language, else English. */
export function listText(list: MarketingList, language: string | undefined): ListText {
  const lang = language?.split('-')[0]?.toLowerCase();
  const text = lang === undefined ? undefined : list.texts[lang];
  return text ?? { name: list.name, description: list.description };
}
