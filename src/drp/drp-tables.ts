/** The tables of the DRP capability (migration 008), merged into the store's `Database` shape. */
export interface DrpTables {
  /** Agents added through the admin API; agents of the directory file are read from the file. */
  drp_agents: {
    id: string;
    name: string;
    /** Base64 of the raw 32-byte Ed25519 verify key. */
    verify_key: string;
    web_url: string | null;
    identity_assurance_url: string | null;
    technical_contact: string | null;
    business_contact: string | null;
    created_at: string;
    updated_at: string;
  };
  /** Pair-wise bearer tokens: only the SHA-256 of each token is kept. */
  drp_tokens: { token_hash: string; agent_id: string; business_id: string; created_at: string };
  /** The DRP side of a data-subject request: which agent sent it and where to call back. */
  drp_requests: {
    id: string;
    agent_id: string;
    request_id: string;
    agent_request_id: string | null;
    message_hash: string;
    exercise: string;
    regime: string | null;
    /** JSON list of relationship hints. */
    relationships: string;
    status_callback: string | null;
    revoked_at: string | null;
    revoke_reason: string | null;
    created_at: string;
  };
  /** Status callbacks owed to agents, one per request status change, retried until delivered. */
  drp_callbacks: {
    id: string;
    drp_request_id: string;
    event_id: string;
    status: string;
    attempts: number;
    next_attempt_at: string;
    claimed_until: string | null;
    last_http_status: number | null;
    last_error: string | null;
    sent_status: string | null;
    created_at: string;
    delivered_at: string | null;
  };
}
