import type { FastifyReply } from 'fastify';
import { Type, type TSchema } from 'typebox';
import {
  buildProcessorNotice,
  buildPurposeNotice,
  buildRetentionNotice,
} from '../../datamap/notice-fragments/build-notice-fragments.ts';
import {
  ProcessorNoticeSchema,
  PurposeNoticeSchema,
  RetentionNoticeSchema,
  type NoticeFragmentName,
} from '../../datamap/notice-fragments/notice-fragments.ts';
import {
  renderProcessorsFragment,
  renderPurposesFragment,
  renderRetentionFragment,
} from '../../datamap/notice-fragments/render-notice-fragment-html.ts';
import { loadPrivacyModel, type PrivacyModel } from '../../datamap/privacy-model/privacy-model.ts';
import type { PrivacyModelDeps } from '../../datamap/privacy-model/privacy-model-deps.ts';
import type { PrivetApp } from '../app-deps.ts';

interface Fragment {
  readonly name: NoticeFragmentName;
  readonly summary: string;
  readonly itemSchema: TSchema;
  json(model: PrivacyModel): unknown[];
  html(model: PrivacyModel): string;
}

const fragments: readonly Fragment[] = [
  {
    name: 'purposes',
    summary: 'Purposes with their legal basis in plain words, data categories, recipients and retention',
    itemSchema: PurposeNoticeSchema,
    json: buildPurposeNotice,
    html: (model) => renderPurposesFragment(buildPurposeNotice(model)),
  },
  {
    name: 'processors',
    summary: 'Recipients of personal data with their country and transfer safeguards',
    itemSchema: ProcessorNoticeSchema,
    json: buildProcessorNotice,
    html: (model) => renderProcessorsFragment(buildProcessorNotice(model)),
  },
  {
    name: 'retention',
    summary: 'The retention schedule',
    itemSchema: RetentionNoticeSchema,
    json: buildRetentionNotice,
    html: (model) => renderRetentionFragment(buildRetentionNotice(model)),
  },
];

// Published for the company's own notice page, which usually lives on another origin: anyone may read and
// embed it, and a short cache keeps a busy page from loading the data map on every view.
function publicHeaders(reply: FastifyReply): void {
  void reply
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', 'public, max-age=300');
}

/** Public, unauthenticated notice fragments: JSON at `/api/public/notice/<name>`, HTML at `<name>.html`. */
export async function registerNoticeFragmentRoutes(app: PrivetApp, deps: PrivacyModelDeps): Promise<void> {
  const load = () => loadPrivacyModel(deps.store.db, deps.taxonomyDefaults);
  for (const fragment of fragments) {
    app.get(
      `/api/public/notice/${fragment.name}`,
      {
        schema: {
          summary: fragment.summary,
          tags: ['notice'],
          response: { 200: Type.Object({ [fragment.name]: Type.Array(fragment.itemSchema) }) },
        },
      },
      async (_request, reply) => {
        publicHeaders(reply);
        return { [fragment.name]: fragment.json(await load()) };
      },
    );
    app.get(
      `/api/public/notice/${fragment.name}.html`,
      {
        schema: {
          summary: `${fragment.summary}, as an HTML <section> to place in a notice page`,
          tags: ['notice'],
          response: { 200: { content: { 'text/html': { schema: Type.String() } } } },
        },
      },
      async (_request, reply) => {
        publicHeaders(reply);
        return reply.type('text/html; charset=utf-8').send(fragment.html(await load()));
      },
    );
  }
}
