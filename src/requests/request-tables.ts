/** The tables of data-subject requests (migration 007); times ISO-8601 text, booleans 0/1, JSON text. */
export interface RequestTables {
  requests: {
    id: string;
    type: string;
    status: string;
    jurisdiction: string;
    channel: string;
    language: string;
    /** The identity's email, trimmed and lower-cased: finds a person's earlier requests. */
    email: string;
    /** `{email, phone?, name?}` as JSON. */
    identity: string;
    /** Type-specific details as JSON (grounds, purposes, corrections, scope, note). */
    details: string;
    received_at: string;
    verified_at: string | null;
    acknowledge_by: string | null;
    due_at: string;
    extension_notice_by: string;
    extended_due_at: string;
    extended: number;
    completed_at: string | null;
    assignee_id: string | null;
    /** `{amount, currency, reason}` JSON when a fee was asked, else null. */
    fee: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
  };
  request_events: {
    id: string;
    request_id: string;
    /** Order within the request's timeline (1, 2, …). */
    seq: number;
    at: string;
    kind: string;
    from_status: string | null;
    to_status: string | null;
    actor: string;
    reason: string | null;
    /** What the person or staff read on the timeline (a message subject, a note). */
    message: string | null;
    /** 1 when the requester sees the entry on their status page. */
    public: number;
    /** Extra data as JSON (template name, outbox id, task id). */
    data: string;
    /** Status events: when every status listener had it; null while pending. */
    notified_at: string | null;
  };
  request_verifications: {
    id: string;
    request_id: string;
    /**
     * `identity` (proving who asks), `download` (proving it again before a download) or `status` (a status
     * link: `link_hash` is the SHA-256 of its token, `code_hash` empty; every link sent stays valid).
     */
    purpose: string;
    /** HMAC of the 6-digit code keyed by PRIVET_SECRET: six digits alone would be easy to reverse. */
    code_hash: string;
    link_hash: string | null;
    tries: number;
    max_tries: number;
    expires_at: string;
    created_at: string;
    used_at: string | null;
    voided_at: string | null;
  };
  request_tasks: {
    id: string;
    request_id: string;
    /** `automatic` (a connected dataset, run by the engine) or `manual` (a system without a connector). */
    kind: string;
    /** The dataset (automatic) or system (manual) the task is about. */
    target: string;
    title: string;
    instructions: string;
    assignee_id: string | null;
    due_at: string | null;
    status: string;
    /** JSON: per-collection results, or the manual confirmation. */
    result: string | null;
    error: string | null;
    upload_path: string | null;
    upload_sha256: string | null;
    reminded_at: string | null;
    created_at: string;
    updated_at: string;
    completed_at: string | null;
    completed_by: string | null;
  };
  request_packages: {
    id: string;
    request_id: string;
    path: string;
    sha256: string;
    bytes: number;
    created_at: string;
    expires_at: string;
    purged_at: string | null;
    download_token_hash: string | null;
    download_expires_at: string | null;
    downloaded_at: string | null;
  };
  /** Fixed-window counters behind the per-address limits, shared by every replica. */
  request_throttle: {
    key_hash: string;
    window_start: string;
    count: number;
  };
  /** Request messages edited by staff (migration 013); absent rows use the shipped template. */
  request_templates: {
    /** A request message name (`acknowledgement`, `refusal`, …). */
    message: string;
    language: string;
    subject: string;
    /** Plain text with `{{placeholder}}`s; the HTML part is derived from it. */
    body: string;
    updated_at: string;
    updated_by: string;
  };
}
