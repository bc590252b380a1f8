/** Subscriber counts of a list by status. */
export interface SubscriberCounts {
  readonly pending: number;
  readonly active: number;
  readonly unsubscribed: number;
}

/** A list's name and description in one language. */
export interface ListText {
  readonly name: string;
  readonly description: string;
}

/** A marketing list as /api/admin/marketing/lists shows it. */
export interface MarketingList {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly purposeKey: string;
  readonly texts: Readonly<Record<string, ListText>>;
  readonly public: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The answer of GET /api/admin/marketing/lists. */
export interface MarketingListList {
  readonly lists: readonly (MarketingList & { readonly subscribers: SubscriberCounts })[];
}

/** One address on a list. */
export interface Subscription {
  readonly listKey: string;
  readonly email: string;
  readonly status: 'pending' | 'active' | 'unsubscribed';
  readonly locale: string | null;
  readonly requestedAt: string | null;
  readonly confirmedAt: string | null;
  readonly unsubscribedAt: string | null;
  readonly updatedAt: string;
}

/** The answer of GET /api/admin/marketing/lists/:key/subscribers. */
export interface SubscriberPage {
  readonly subscribers: readonly Subscription[];
  readonly next: string | null;
}

/** A campaign as /api/admin/marketing/campaigns shows it. */
export interface Campaign {
  readonly campaign: string;
  readonly listKey: string;
  readonly subject: string;
  readonly status: 'queued' | 'sending' | 'sent' | 'failed';
  readonly recipients: number;
  readonly queued: number;
  readonly skipped: number;
  readonly tracked: number;
  readonly jobId: string | null;
  readonly error: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** The answer of POST /api/admin/unsubscribe-links. */
export interface UnsubscribeLinkAnswer {
  readonly url: string;
  readonly headers: { readonly 'List-Unsubscribe': string; readonly 'List-Unsubscribe-Post': string };
}
