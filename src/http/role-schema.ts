import { Type } from 'typebox';

/** A staff role in route schemas. */
export const RoleSchema = Type.Union([
  Type.Literal('viewer'),
  Type.Literal('operator'),
  Type.Literal('admin'),
]);
