import { createSecretBox, type SecretBox } from '../domain/secret-box.ts';

/** The box that seals endpoint secrets: its own key, so it opens nothing else. */
export function webhookSecretBox(instanceSecret: string): SecretBox {
  return createSecretBox(instanceSecret, 'webhooks');
}
