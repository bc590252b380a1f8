/** The messages a requester receives, each a template pair under src/mail/templates/<lang>/request-<name>. */
export const REQUEST_MESSAGES = [
  'acknowledgement',
  'verification-code',
  'download-code',
  'step-up',
  'extension',
  'completion',
  'refusal',
  'fee',
  'cancellation',
] as const;
export type RequestMessage = (typeof REQUEST_MESSAGES)[number];
