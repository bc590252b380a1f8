import { Type, type Static } from 'typebox';
import { FidesKeySchema, optionalKeys, optionalText } from '../privacy-model/field-schemas.ts';

/** What a caller writes about a system (an application or database); omitted text is '', lists []. */
export const SystemFieldsSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: optionalText(5000),
  businessFunction: optionalText(200, 'The business function that owns it, e.g. "Sales", "Customer service"'),
  owner: optionalText(500, 'The accountable person or team and how to reach them'),
  datasetKeys: optionalKeys('Fides datasets (databases) the system uses'),
  recipientKeys: optionalKeys('Processors and other recipients that receive data from the system'),
});
export type SystemFields = Static<typeof SystemFieldsSchema>;

/** A new system: its fides key and fields. */
export const NewSystemSchema = Type.Intersect([Type.Object({ key: FidesKeySchema }), SystemFieldsSchema]);
export type NewSystem = Static<typeof NewSystemSchema>;

/** A system as stored and returned. */
export const SystemSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  businessFunction: Type.String(),
  owner: Type.String(),
  datasetKeys: Type.Array(Type.String()),
  recipientKeys: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type System = Static<typeof SystemSchema>;
