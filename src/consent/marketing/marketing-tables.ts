/** The tables of this capability, merged into the store's `Database` shape. */
export interface MarketingTables {
  /** A mailing list tied to one consent purpose; `texts` is JSON `{lang: {name, description}}`. */
  marketing_lists: {
    key: string;
    name: string;
    description: string;
    purpose_key: string;
    texts: string;
    public: number;
    created_at: string;
    updated_at: string;
  };
  /** One address on one list: `pending` until the double opt-in is confirmed. */
  marketing_subscriptions: {
    list_key: string;
    email: string;
    status: string;
    locale: string | null;
    confirm_nonce_hash: string | null;
    requested_at: string | null;
    confirmed_at: string | null;
    unsubscribed_at: string | null;
    last_event_id: string | null;
    created_at: string;
    updated_at: string;
  };
  /** Opens and clicks, recorded only for people who consented to e-mail tracking; no IP address. */
  marketing_tracking_events: {
    id: string;
    at: string;
    kind: string;
    list_key: string;
    email: string;
    campaign: string;
    url: string | null;
  };
  /** What a short mail link (unsubscribe, open pixel, click redirect) stands for; the URL holds id + HMAC. */
  marketing_links: {
    id: string;
    kind: string;
    email: string;
    list_key: string;
    campaign: string | null;
    url: string | null;
    created_at: string;
  };
  /** A message sent to a list; `cursor` is the last address handled, moved with each batch's mails. */
  marketing_campaigns: {
    id: string;
    list_key: string;
    subject: string;
    body: string;
    link_text: string;
    link_url: string;
    status: string;
    /** Active, confirmed subscribers when the campaign was started. */
    recipients: number;
    queued: number;
    /** Subscribers whose purpose decision said no (an objection, a restriction, a withdrawal elsewhere). */
    skipped: number;
    tracked: number;
    cursor: string | null;
    job_id: string | null;
    error: string | null;
    created_by: string;
    created_at: string;
    finished_at: string | null;
  };
}
