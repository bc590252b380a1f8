import { Type, type Static } from 'typebox';

/** How bad an issue is: an `error` breaks a GDPR duty, a `warning` is worth a look. */
export const issueSeverities = ['error', 'warning'] as const;
export type IssueSeverity = (typeof issueSeverities)[number];

/** One finding of the data-map check: a code to act on, the path of the record and field, and a message. */
export const DataMapIssueSchema = Type.Object({
  code: Type.String(),
  severity: Type.Enum(issueSeverities),
  /** `purposes/<key>/<field>`, `recipients/<key>/<field>`, `transfers/<id>/<field>`, `systems/<key>/<field>`. */
  path: Type.String(),
  message: Type.String(),
});
export type DataMapIssue = Static<typeof DataMapIssueSchema>;
