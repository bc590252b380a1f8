import type { Kysely } from 'kysely';
import type { MailData } from '../../mail/mailer.ts';
import { renderMail, renderSubject, type RenderedMail } from '../../mail/render-mail.ts';
import { renderTemplate } from '../../mail/render-template.ts';
import type { Database } from '../../store/schema.ts';
import type { RequestDeps } from '../request-deps.ts';
import { checkTemplateText, readRequestTemplate, readTemplateOverride } from './request-template-store.ts';
import type { RequestMessage } from './request-messages.ts';
import { samplePlaceholderValues } from './template-placeholders.ts';
import { textToHtml } from './text-to-html.ts';

function renderText(
  template: string,
  text: { subject: string; body: string },
  language: string,
  data: MailData,
): RenderedMail {
  const body = renderTemplate(text.body, data, { html: false, template });
  return {
    template,
    locale: language,
    subject: renderSubject(text.subject, data, template),
    text: body,
    html: textToHtml(body, language),
  };
}

/** Renders a request message with the staff's text for its language where edited, else the shipped template. */
export async function renderRequestMessage(
  db: Kysely<Database>,
  input: { message: RequestMessage; language: string; data: MailData },
): Promise<RenderedMail> {
  const template = `request-${input.message}`;
  const edited = await readTemplateOverride(db, input.message, input.language);
  if (edited === undefined) return renderMail({ template, locale: input.language, data: input.data });
  return renderText(template, edited, input.language, input.data);
}

/**
 * Renders a template with sample values: the draft subject and body when given (checked like a save), else the
 * text sent now.
 */
export async function previewRequestTemplate(
  deps: Pick<RequestDeps, 'store'>,
  input: { message: string; language: string; subject?: string | undefined; body?: string | undefined },
): Promise<RenderedMail> {
  const current = await readRequestTemplate(deps, input.message, input.language);
  const text = { subject: input.subject ?? current.subject, body: input.body ?? current.body };
  checkTemplateText(current.message, text);
  return renderText(
    `request-${current.message}`,
    text,
    current.language,
    samplePlaceholderValues(current.message, current.language),
  );
}
