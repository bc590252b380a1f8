/** A request message template as `/api/admin/request-templates` returns it. */
export interface RequestTemplate {
  readonly message: string;
  readonly language: string;
  readonly subject: string;
  readonly body: string;
  readonly customised: boolean;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  readonly placeholders: readonly string[];
  readonly shipped: { readonly subject: string; readonly body: string };
}

/** A template rendered with sample values. */
export interface TemplatePreview {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Where the console edits one template. */
export function templatePagePath(message: string, language: string): string {
  return `/admin/requests/templates/${encodeURIComponent(message)}/${encodeURIComponent(language)}`;
}

/** The API path of one template. */
export function templateApiPath(message: string, language: string): string {
  return `/api/admin/request-templates/${encodeURIComponent(message)}/${encodeURIComponent(language)}`;
}

const MESSAGE_LABELS: Readonly<Record<string, string>> = {
  acknowledgement: 'Acknowledgement',
  'verification-code': 'Verification code',
  'download-code': 'Download code',
  'step-up': 'More proof of identity',
  extension: 'Extension',
  completion: 'Completion',
  refusal: 'Refusal',
  fee: 'Fee',
  cancellation: 'Cancellation',
};

const LANGUAGE_LABELS: Readonly<Record<string, string>> = { en: 'English', de: 'German' };

/** How the console names a request message. */
export function messageLabel(message: string): string {
  return MESSAGE_LABELS[message] ?? message;
}

/** How the console names a template language. */
export function languageLabel(language: string): string {
  return LANGUAGE_LABELS[language] ?? language;
}
