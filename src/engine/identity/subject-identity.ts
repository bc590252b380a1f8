import type { ValueTransform } from '../../connectors/data-connection.ts';

/** One identity of the requester as the engine compares it. */
export interface SubjectIdentity {
  /** The Fides identity type: `email`, `phone_number` or a custom one such as `loyalty_id`. */
  readonly type: string;
  /** The normalised value (trimmed lower-case email, E.164 phone, custom ids as given). */
  readonly value: string;
  /** How identity columns are transformed before comparing. */
  readonly transform: ValueTransform;
  /** The transformed values a column may equal. */
  readonly candidates: readonly string[];
}

/** An identity as a caller gives it, before normalisation. */
export interface IdentityInput {
  readonly type: string;
  readonly value: string;
}
