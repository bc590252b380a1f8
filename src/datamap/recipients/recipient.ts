import { Type, type Static } from 'typebox';
import {
  CountryCodeSchema,
  DateSchema,
  FidesKeySchema,
  optionalText,
} from '../privacy-model/field-schemas.ts';

/** Who a recipient is to the organisation (GDPR Art. 4(9)–(10), Art. 26, Art. 28). */
export const recipientRoles = ['processor', 'controller', 'joint_controller', 'third_party'] as const;
export type RecipientRole = (typeof recipientRoles)[number];

/** A recipient role in schemas. */
export const RecipientRoleSchema = Type.Enum(recipientRoles);

/** What a caller writes about a recipient; omitted text is ''. */
export const RecipientFieldsSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  category: optionalText(200, 'The category of recipient, as a notice names it: "Payment service provider"'),
  role: RecipientRoleSchema,
  country: CountryCodeSchema,
  dpaSignedOn: Type.Optional(
    Type.Union([DateSchema, Type.Null()], { description: 'When the Art. 28 contract (DPA) was signed' }),
  ),
  contractUrl: optionalText(1000, 'Where the contract (DPA) is kept'),
  contact: optionalText(500, 'Name and contact details'),
  description: optionalText(5000),
  internalNotes: optionalText(5000, 'Never published'),
});
export type RecipientFields = Static<typeof RecipientFieldsSchema>;

/** A new recipient: its fides key and fields. */
export const NewRecipientSchema = Type.Intersect([
  Type.Object({ key: FidesKeySchema }),
  RecipientFieldsSchema,
]);
export type NewRecipient = Static<typeof NewRecipientSchema>;

/** A recipient as stored and returned; `purposeKeys` is derived from the purposes and systems using it. */
export const RecipientSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  category: Type.String(),
  role: RecipientRoleSchema,
  country: Type.String(),
  dpaSignedOn: Type.Union([Type.String(), Type.Null()]),
  contractUrl: Type.String(),
  contact: Type.String(),
  description: Type.String(),
  internalNotes: Type.String(),
  purposeKeys: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Recipient = Static<typeof RecipientSchema>;
