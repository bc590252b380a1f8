/**
 * The shape of Privet's own tables, shared by the SQLite and PostgreSQL adapters. Times are ISO-8601 UTC
 * strings, booleans are 0/1 integers and JSON is text, so that one query works unchanged on both dialects.
 */
export interface Database {
  schema_migrations: { version: string; name: string; applied_at: string };
  settings: { key: string; value: string; updated_at: string };
  users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    role: string;
    created_at: string;
    disabled_at: string | null;
  };
  sessions: {
    id_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
  };
  api_keys: {
    id: string;
    name: string;
    prefix: string;
    key_hash: string;
    role: string;
    created_by: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  login_links: {
    token_hash: string;
    user_id: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  audit_log: {
    seq: number;
    id: string;
    at: string;
    actor: string;
    action: string;
    target: string;
    details: string;
    prev_hash: string;
    hash: string;
  };
  jobs: {
    id: string;
    kind: string;
    payload: string;
    idempotency_key: string | null;
    status: string;
    attempts: number;
    max_attempts: number;
    run_at: string;
    locked_by: string | null;
    locked_until: string | null;
    last_error: string | null;
    created_at: string;
    updated_at: string;
    finished_at: string | null;
  };
  job_runs: {
    id: string;
    job_id: string;
    attempt: number;
    worker: string;
    started_at: string;
    finished_at: string | null;
    outcome: string | null;
    error: string | null;
  };
  outbox: {
    id: string;
    to_address: string;
    from_address: string;
    subject: string;
    template: string;
    locale: string;
    text_body: string;
    html_body: string;
    headers: string;
    status: string;
    attempts: number;
    error: string | null;
    message_id: string | null;
    created_at: string;
    sent_at: string | null;
    /** Until when one worker holds the entry for sending, so that two workers never send it together. */
    claimed_until: string | null;
  };
}
