import { Type, type Static } from 'typebox';

/** The JSON body of every error response. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      issues: Type.Optional(
        Type.Array(Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() })),
      ),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;
