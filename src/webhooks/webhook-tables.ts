/** The tables of webhooks and Art. 19 notices (migration 009); times ISO-8601 text, booleans 0/1, JSON text. */
export interface WebhookTables {
  /** Where signed events go; the secret is sealed with the `webhooks` secret box and never leaves the server. */
  webhook_endpoints: {
    id: string;
    name: string;
    url: string;
    secret_sealed: string;
    /** JSON list of the event kinds the endpoint subscribes to. */
    event_kinds: string;
    enabled: number;
    created_at: string;
    updated_at: string;
    /** Deleted endpoints stay for the record of what was sent to them; they receive nothing more. */
    deleted_at: string | null;
  };
  /** One event, sent with the same id (the receivers' idempotency key) to every endpoint and on every retry. */
  webhook_events: {
    id: string;
    kind: string;
    /** The event's `data` as JSON. */
    data: string;
    /** Makes emitting the same fact twice (a retried job) yield one event. */
    source_key: string | null;
    created_at: string;
  };
  /** One event to one endpoint: `pending` until delivered, `failed` after the last attempt, or `cancelled`. */
  webhook_deliveries: {
    id: string;
    event_id: string;
    endpoint_id: string;
    status: string;
    attempts: number;
    max_attempts: number;
    next_attempt_at: string | null;
    claimed_until: string | null;
    last_status_code: number | null;
    last_error: string | null;
    created_at: string;
    updated_at: string;
    finished_at: string | null;
  };
  /** Every HTTP attempt of a delivery. */
  webhook_attempts: {
    id: string;
    delivery_id: string;
    attempt: number;
    at: string;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
  };
  /** How far a feed (the consent ledger) has been turned into events: the last `seq` handled. */
  webhook_cursors: { name: string; position: number; updated_at: string };
  /** How a data-map recipient is told under Art. 19: by a webhook endpoint, else by email. */
  art19_recipient_channels: {
    recipient_key: string;
    endpoint_id: string | null;
    email: string | null;
    language: string;
    updated_at: string;
  };
  /** One Art. 19 notice per request and recipient: the channel, and the delivery or outbox entry behind it. */
  art19_notices: {
    id: string;
    request_id: string;
    recipient_key: string;
    recipient_name: string;
    /** `webhook`, `email`, or `none` when the recipient has no channel. */
    channel: string;
    delivery_id: string | null;
    outbox_id: string | null;
    created_at: string;
  };
}
