import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError, type ErrorIssue } from '../../domain/errors.ts';
import { loadMailTemplate } from '../../mail/load-mail-template.ts';
import type { Database } from '../../store/schema.ts';
import type { RequestDeps } from '../request-deps.ts';
import { REQUEST_LANGUAGES, type RequestLanguage } from '../request-vocabulary.ts';
import { REQUEST_MESSAGES, type RequestMessage } from './request-messages.ts';
import { TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from './template-placeholders.ts';

/** A request message's template in one language, as staff see and edit it. */
export interface RequestTemplate {
  readonly message: RequestMessage;
  readonly language: RequestLanguage;
  readonly subject: string;
  /** Plain text with `{{placeholder}}`s. */
  readonly body: string;
  /** True when staff changed it; false for the shipped text. */
  readonly customised: boolean;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  /** Every placeholder this message may use. */
  readonly placeholders: string[];
  /** The shipped text, to compare with or go back to. */
  readonly shipped: { readonly subject: string; readonly body: string };
}

/** True when the name is a request message with a template. */
export function isRequestMessage(name: string): name is RequestMessage {
  return (REQUEST_MESSAGES as readonly string[]).includes(name);
}

/** True when the tag is a language request templates are kept in. */
export function isTemplateLanguage(tag: string): tag is RequestLanguage {
  return (REQUEST_LANGUAGES as readonly string[]).includes(tag);
}

function key(message: string, language: string): string {
  if (!isRequestMessage(message)) {
    throw new PrivetError('not_found', `No request message "${message}"`);
  }
  if (!isTemplateLanguage(language)) {
    throw new PrivetError('not_found', `No request templates in language "${language}"`);
  }
  return `${message}/${language}`;
}

async function shipped(message: RequestMessage, language: RequestLanguage) {
  const source = await loadMailTemplate(`request-${message}`, language);
  return { subject: source.subject.trim(), body: source.text };
}

/** The staff-edited text of a message in a language, if any (read in the caller's transaction when given). */
export async function readTemplateOverride(
  db: Kysely<Database>,
  message: string,
  language: string,
): Promise<Database['request_templates'] | undefined> {
  return db
    .selectFrom('request_templates')
    .selectAll()
    .where('message', '=', message)
    .where('language', '=', language)
    .executeTakeFirst();
}

/** One template as it is sent now: the staff's text where edited, else the shipped one. */
export async function readRequestTemplate(
  deps: Pick<RequestDeps, 'store'>,
  message: string,
  language: string,
): Promise<RequestTemplate> {
  key(message, language);
  const m = message as RequestMessage;
  const l = language as RequestLanguage;
  const [row, original] = await Promise.all([readTemplateOverride(deps.store.db, m, l), shipped(m, l)]);
  return {
    message: m,
    language: l,
    subject: row?.subject ?? original.subject,
    body: row?.body ?? original.body,
    customised: row !== undefined,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
    placeholders: [...TEMPLATE_PLACEHOLDERS[m]],
    shipped: original,
  };
}

/** Every request message in every language. */
export async function listRequestTemplates(deps: Pick<RequestDeps, 'store'>): Promise<RequestTemplate[]> {
  const all: RequestTemplate[] = [];
  for (const message of REQUEST_MESSAGES) {
    for (const language of REQUEST_LANGUAGES) all.push(await readRequestTemplate(deps, message, language));
  }
  return all;
}

/** Throws 400 naming each placeholder the message does not fill, per field. */
export function checkTemplateText(message: RequestMessage, text: { subject: string; body: string }): void {
  const issues: ErrorIssue[] = [];
  for (const field of ['subject', 'body'] as const) {
    for (const name of unknownPlaceholders(message, text[field])) {
      issues.push({
        code: 'unknown_placeholder',
        path: `body.${field}`,
        message: `unknown placeholder {{${name}}}; this message has ${TEMPLATE_PLACEHOLDERS[message].join(', ')}`,
      });
    }
  }
  if (/[\r\n]/.test(text.subject.trim())) {
    issues.push({ code: 'multi_line', path: 'body.subject', message: 'a subject is one line' });
  }
  if (issues.length > 0) {
    const names = issues
      .filter((i) => i.code === 'unknown_placeholder')
      .map((i) => /\{\{.*\}\}/.exec(i.message)?.[0]);
    throw new PrivetError(
      'validation_failed',
      names.length > 0
        ? `Unknown placeholder ${[...new Set(names)].join(', ')} in the ${message} template`
        : 'Invalid template',
      { issues },
    );
  }
}

/** Replaces a message's subject and body in a language (audited); sent messages use it from then on. */
export async function saveRequestTemplate(
  deps: RequestDeps,
  input: { message: string; language: string; subject: string; body: string; actor: string },
): Promise<RequestTemplate> {
  key(input.message, input.language);
  const message = input.message as RequestMessage;
  const text = { subject: input.subject.trim(), body: input.body.replace(/\r\n?/g, '\n') };
  checkTemplateText(message, text);
  const now = deps.clock.now().toISOString();
  await deps.store.transaction(async (trx) => {
    const before = await readTemplateOverride(trx, message, input.language);
    const row = { ...text, updated_at: now, updated_by: input.actor };
    if (before === undefined) {
      await trx
        .insertInto('request_templates')
        .values({ message, language: input.language, ...row })
        .execute();
    } else {
      await trx
        .updateTable('request_templates')
        .set(row)
        .where('message', '=', message)
        .where('language', '=', input.language)
        .execute();
    }
    await appendAudit(
      deps,
      {
        actor: input.actor,
        action: 'request.template_update',
        target: `request-template:${message}/${input.language}`,
        details: { subject: text.subject, previousSubject: before?.subject ?? null },
      },
      trx,
    );
  });
  return readRequestTemplate(deps, message, input.language);
}

/** Goes back to the shipped text (audited); a template that was never edited stays as it is. */
export async function resetRequestTemplate(
  deps: RequestDeps,
  input: { message: string; language: string; actor: string },
): Promise<RequestTemplate> {
  key(input.message, input.language);
  await deps.store.transaction(async (trx) => {
    const removed = await trx
      .deleteFrom('request_templates')
      .where('message', '=', input.message)
      .where('language', '=', input.language)
      .executeTakeFirst();
    await appendAudit(
      deps,
      {
        actor: input.actor,
        action: 'request.template_reset',
        target: `request-template:${input.message}/${input.language}`,
        details: { wasCustomised: Number(removed.numDeletedRows) > 0 },
      },
      trx,
    );
  });
  return readRequestTemplate(deps, input.message, input.language);
}
