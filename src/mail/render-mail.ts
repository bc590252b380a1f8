import { loadMailTemplate } from './load-mail-template.ts';
import type { MailMessage } from './mailer.ts';
import { renderTemplate } from './render-template.ts';

export interface RenderedMail {
  readonly template: string;
  readonly locale: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Renders a subject line: on one line, so that a value with a line break cannot start a new header. */
export function renderSubject(subject: string, data: MailMessage['data'], template: string): string {
  return renderTemplate(subject, data, { html: false, template }).replace(/\s+/g, ' ').trim();
}

/** Renders a message's template into subject, plain text and HTML, in its locale or the fallback. */
export async function renderMail(
  message: Pick<MailMessage, 'template' | 'locale' | 'data'>,
  signal?: AbortSignal,
  dir?: string,
): Promise<RenderedMail> {
  const source = await loadMailTemplate(message.template, message.locale, signal, dir);
  const render = (text: string, html: boolean) =>
    renderTemplate(text, message.data, { html, template: message.template });
  return {
    template: message.template,
    locale: source.locale,
    subject: renderSubject(source.subject, message.data, message.template),
    text: render(source.text, false),
    html: render(source.html, true),
  };
}
