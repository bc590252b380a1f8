import type { DecisionTables } from '../consent/decisions/decision-tables.ts';
import type { MarketingTables } from '../consent/marketing/marketing-tables.ts';
import type { DrpTables } from '../drp/drp-tables.ts';
import type { RequestTables } from '../requests/request-tables.ts';
import type { WebhookTables } from '../webhooks/webhook-tables.ts';

/**
 * The shape of Privet's own tables, shared by the SQLite and PostgreSQL adapters. Times are ISO-8601 UTC
 * strings, booleans are 0/1 integers and JSON is text, so that one query works unchanged on both dialects.
 */
export interface Database extends RequestTables, DrpTables, WebhookTables, MarketingTables, DecisionTables {
  schema_migrations: { version: string; name: string; applied_at: string };
  connections: {
    id: string;
    name: string;
    engine: string;
    url_redacted: string;
    url_sealed: string;
    dataset_key: string | null;
    created_at: string;
    updated_at: string;
    last_tested_at: string | null;
    last_test_ok: number | null;
    last_test_error: string | null;
  };
  settings: { key: string; value: string; updated_at: string };
  /** PostgreSQL only: rate-limit counters shared by replicas (src/http/shared-rate-limit-store.ts). */
  rate_limit_counters: { key: string; hits: number; resets_at_ms: string };
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
  /** Notice versions (src/notices): `purpose_keys` is a JSON list; one current version per notice. */
  notice_versions: {
    id: string;
    notice_key: string;
    version: string;
    text: string;
    text_hash: string;
    purpose_keys: string;
    created_at: string;
    published_at: string | null;
    is_current: number;
  };
  /** Banner categories (src/consent): `services`, `texts` and `google_consent_mode` are JSON text. */
  consent_categories: {
    key: string;
    purpose_key: string;
    required: number;
    gpc_opt_out: number;
    services: string;
    texts: string;
    google_consent_mode: string;
    position: number;
    created_at: string;
    updated_at: string;
  };
  /** The consent ledger: append-only, hash-chained by `seq` like audit_log, with its own chain. */
  consent_events: {
    seq: number;
    id: string;
    at: string;
    person_id: string | null;
    person_verified: number;
    device_id: string | null;
    category_key: string | null;
    purpose_key: string;
    action: string;
    method: string;
    gpc: number;
    notice_version: string;
    notice_hash: string;
    ip_truncated: string | null;
    user_agent_family: string | null;
    language: string | null;
    prev_hash: string;
    hash: string;
  };
  /** The latest consent event per subject (person or device) and purpose, kept in the event's transaction. */
  consent_state: {
    subject_type: string;
    subject_id: string;
    purpose_key: string;
    category_key: string | null;
    action: string;
    method: string;
    notice_version: string;
    notice_hash: string;
    event_id: string;
    event_seq: number;
    at: string;
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
  /** Privacy model (src/datamap/{taxonomy,systems,purposes,recipients}): free text is '' when not given. */
  taxonomy_extensions: {
    kind: string;
    fides_key: string;
    name: string;
    description: string;
    parent_key: string | null;
    sensitivity: string | null;
    created_at: string;
    updated_at: string;
  };
  systems: {
    fides_key: string;
    name: string;
    description: string;
    business_function: string;
    owner: string;
    dataset_keys: string;
    recipient_keys: string;
    created_at: string;
    updated_at: string;
  };
  recipients: {
    fides_key: string;
    name: string;
    category: string;
    role: string;
    country: string;
    dpa_signed_on: string | null;
    contract_url: string;
    contact: string;
    description: string;
    internal_notes: string;
    created_at: string;
    updated_at: string;
  };
  purposes: {
    fides_key: string;
    name: string;
    description: string;
    data_use: string;
    system_key: string | null;
    acting_as: string;
    on_behalf_of: string | null;
    legal_basis: string | null;
    special_category_condition: string | null;
    criminal_offence_authority: string;
    legitimate_interest: string;
    legitimate_interest_assessment: string;
    assessment_public: number;
    data_subjects: string;
    data_categories: string;
    retention_period: string | null;
    retention_criteria: string;
    retention_by_category: string;
    recipient_keys: string;
    source: string;
    source_description: string;
    automated_decision_making: number;
    automated_decision_logic: string;
    security_measures: string;
    consent_record: string;
    internal_notes: string;
    created_at: string;
    updated_at: string;
  };
  transfers: {
    id: string;
    recipient_key: string;
    system_key: string | null;
    destination_country: string;
    safeguard: string | null;
    safeguard_reference: string;
    created_at: string;
    updated_at: string;
  };
  /** Fides datasets (src/datamap/datasets): `document` is the whole FidesDataset as JSON text. */
  datasets: {
    fides_key: string;
    name: string | null;
    description: string | null;
    document: string;
    collection_count: number;
    field_count: number;
    created_at: string;
    updated_at: string;
  };
  /** Request runs (src/engine): `input`, `result` are JSON text; `owner` is `host:pid` while running. */
  request_runs: {
    id: string;
    type: string;
    status: string;
    resume_key: string;
    owner: string | null;
    input: string;
    progress_done: number;
    progress_total: number;
    result: string | null;
    error: string | null;
    created_at: string;
    updated_at: string;
    finished_at: string | null;
  };
  /** Checkpointed steps of a request run: `state` (the checkpoint) and `result` are JSON text. */
  request_steps: {
    run_id: string;
    step_key: string;
    position: number;
    phase: string;
    collection: string;
    status: string;
    attempt: number;
    state: string | null;
    result: string | null;
    error: string | null;
    updated_at: string;
  };
}
