import { Type } from 'typebox';
import type { PrivetApp } from '../../http/app-deps.ts';
import { principalOf } from '../../http/auth-hook.ts';
import { previewRequestTemplate } from '../messages/render-request-message.ts';
import {
  listRequestTemplates,
  readRequestTemplate,
  resetRequestTemplate,
  saveRequestTemplate,
} from '../messages/request-template-store.ts';
import type { RequestDeps } from '../request-deps.ts';

const tags = ['requests'];
const BASE = '/api/admin/request-templates';

const Params = Type.Object({
  message: Type.String({ minLength: 1, maxLength: 60 }),
  language: Type.String({ minLength: 2, maxLength: 10 }),
});

const TemplateSchema = Type.Object({
  message: Type.String(),
  language: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  customised: Type.Boolean(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  placeholders: Type.Array(Type.String()),
  shipped: Type.Object({ subject: Type.String(), body: Type.String() }),
});

const TextBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    body: Type.String({ minLength: 1, maxLength: 20000 }),
  },
  { additionalProperties: false },
);

const PreviewBody = Type.Object(
  {
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 20000 })),
  },
  { additionalProperties: false },
);

const PreviewSchema = Type.Object({
  subject: Type.String(),
  text: Type.String(),
  html: Type.String(),
});

/** Staff read, edit, preview and reset the messages sent to requesters, per message and language. */
export function registerRequestTemplateRoutes(app: PrivetApp, deps: RequestDeps): void {
  app.get(
    BASE,
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Every request message template in every language',
        tags,
        response: { 200: Type.Object({ items: Type.Array(TemplateSchema) }) },
      },
    },
    async () => ({ items: await listRequestTemplates(deps) }),
  );
  app.get(
    `${BASE}/:message/:language`,
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'One request message template as it is sent now, with the shipped text',
        tags,
        params: Params,
        response: { 200: TemplateSchema },
      },
    },
    async (request) => readRequestTemplate(deps, request.params.message, request.params.language),
  );
  app.put(
    `${BASE}/:message/:language`,
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Replace the subject and body of a request message (placeholders checked; audited)',
        tags,
        params: Params,
        body: TextBody,
        response: { 200: TemplateSchema },
      },
    },
    async (request) =>
      saveRequestTemplate(deps, {
        ...request.params,
        ...request.body,
        actor: principalOf(request).actor,
      }),
  );
  app.delete(
    `${BASE}/:message/:language`,
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Reset a request message to the shipped text (audited)',
        tags,
        params: Params,
        response: { 200: TemplateSchema },
      },
    },
    async (request) => resetRequestTemplate(deps, { ...request.params, actor: principalOf(request).actor }),
  );
  app.post(
    `${BASE}/:message/:language/preview`,
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Render a template (the draft given, else the current text) with sample values',
        tags,
        params: Params,
        body: PreviewBody,
        response: { 200: PreviewSchema },
      },
    },
    async (request) => {
      const preview = await previewRequestTemplate(deps, { ...request.params, ...request.body });
      return { subject: preview.subject, text: preview.text, html: preview.html };
    },
  );
}
