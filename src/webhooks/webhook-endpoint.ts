import { Type, type Static } from 'typebox';
import { roleAllows, type Role } from '../domain/roles.ts';
import { WEBHOOK_EVENT_KINDS } from './webhook-event-kinds.ts';

/** An endpoint as the API shows it: never its secret, and its URL only to admins. */
export const WebhookEndpointSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.Union([Type.String(), Type.Null()], {
    description: 'Shown to admins only (a URL may hold a token of the receiver); null for other roles',
  }),
  eventKinds: Type.Array(Type.Enum(WEBHOOK_EVENT_KINDS)),
  enabled: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type WebhookEndpoint = Static<typeof WebhookEndpointSchema>;

/** The endpoint as a caller of the role may see it: without the URL below admin. */
export function endpointForRole(endpoint: WebhookEndpoint, role: Role): WebhookEndpoint {
  return roleAllows(role, 'admin') ? endpoint : { ...endpoint, url: null };
}

/** The endpoint as the audit log keeps it (every signed-in user reads the log): the URL's origin only. */
export function endpointForAudit(endpoint: WebhookEndpoint): WebhookEndpoint {
  if (endpoint.url === null) return endpoint;
  let origin: string;
  try {
    origin = new URL(endpoint.url).origin;
  } catch {
    origin = '(invalid URL)';
  }
  return { ...endpoint, url: origin };
}

const SecretSchema = Type.String({
  minLength: 32,
  maxLength: 200,
  description: 'The shared HMAC key, e.g. `openssl rand -hex 32`; stored sealed and never shown again',
});

/** What a caller sends to create an endpoint. */
export const NewWebhookEndpointSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  url: Type.String({ minLength: 8, maxLength: 2000 }),
  secret: SecretSchema,
  eventKinds: Type.Array(Type.Enum(WEBHOOK_EVENT_KINDS), { uniqueItems: true, default: [] }),
  enabled: Type.Optional(Type.Boolean({ default: true })),
});
export type NewWebhookEndpoint = Static<typeof NewWebhookEndpointSchema>;

/** A partial update; a new `secret` rotates the key. */
export const WebhookEndpointPatchSchema = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  url: Type.Optional(Type.String({ minLength: 8, maxLength: 2000 })),
  secret: Type.Optional(SecretSchema),
  eventKinds: Type.Optional(Type.Array(Type.Enum(WEBHOOK_EVENT_KINDS), { uniqueItems: true })),
  enabled: Type.Optional(Type.Boolean()),
});
export type WebhookEndpointPatch = Static<typeof WebhookEndpointPatchSchema>;
