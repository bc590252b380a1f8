/** Event kinds an endpoint can subscribe to. */
export const WEBHOOK_EVENT_KINDS = ['consent.changed', 'art19.notice'] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

/** Sent only on request from the admin API, to the one endpoint being tested. */
export const TEST_EVENT_KIND = 'webhook.test';

/** Delivery states: `pending` until a 2xx answer, `failed` after the last attempt, `cancelled` with its endpoint. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
