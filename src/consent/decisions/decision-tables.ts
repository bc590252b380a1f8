/** The tables of this capability, merged into the store's `Database` shape. */
export interface DecisionTables {
  /** Restrictions and objections from completed requests; `purposes` is a JSON list unless `all_purposes`. */
  processing_limits: {
    id: string;
    request_id: string;
    /** Normalised (trimmed, lower-case): the person id the decider looks limits up by. */
    email: string;
    kind: string;
    purposes: string;
    all_purposes: number;
    ground: string | null;
    /** Grows with every record and lift, under one lock: what deciders poll. */
    change_seq: number;
    created_at: string;
    created_by: string;
    lifted_at: string | null;
    lifted_by: string | null;
    lift_reason: string | null;
  };
  /** Idempotency keys of consent posts: a retried post answers with the first post's receipts. */
  consent_post_keys: {
    scope: string;
    idempotency_key: string;
    /** JSON list of the receipt (event) ids the first post recorded. */
    receipt_ids: string;
    recorded_at: string;
  };
  /** Subjects whose consent state an erasure removed: deciders drop their entries up to `up_to_seq`. */
  consent_erasures: {
    /** Grows under the consent ledger's lock: what deciders poll. */
    seq: number;
    request_id: string;
    subject_type: string;
    subject_id: string;
    /** The consent chain's head when the state was removed: later events are kept. */
    up_to_seq: number;
    at: string;
  };
}
