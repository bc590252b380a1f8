import { Type } from 'typebox';
import { PrivetError } from '../../domain/errors.ts';
import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { principalOf } from '../../http/auth-hook.ts';
import { createNoticeVersion } from '../create-notice-version.ts';
import { deleteNoticeDraft } from '../delete-notice-draft.ts';
import { NoticeVersionSchema, PurposeKey, VersionLabel } from '../notice-version.ts';
import { publishNoticeVersion } from '../publish-notice-version.ts';
import { currentNoticeVersion, findNoticeVersion, listNoticeVersions } from '../read-notice-versions.ts';

const PublicNotice = Type.Object({
  version: Type.String(),
  text: Type.String(),
  textHash: Type.String({ description: 'SHA-256 of the UTF-8 text, hex' }),
  publishedAt: Type.String(),
  purposeKeys: Type.Array(Type.String()),
});

const tags = ['notices'];

/** Staff routes: list, create, publish and delete (drafts only) versions of the privacy notice. */
export async function registerNoticeAdminRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/notices/versions',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'List the versions of the privacy notice, newest first',
        tags,
        response: { 200: Type.Object({ versions: Type.Array(NoticeVersionSchema) }) },
      },
    },
    async () => ({ versions: await listNoticeVersions(deps.store.db) }),
  );

  app.post(
    '/api/admin/notices/versions',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Add a version of the privacy notice (a draft unless publish is true)',
        tags,
        body: Type.Object({
          version: VersionLabel,
          text: Type.String({ minLength: 1, maxLength: 500_000 }),
          purposeKeys: Type.Array(PurposeKey, { maxItems: 200, description: 'The purposes it covers' }),
          publish: Type.Boolean({ default: false }),
        }),
        response: { 201: NoticeVersionSchema },
      },
    },
    async (request, reply) => {
      const created = await createNoticeVersion(deps, request.body, principalOf(request).actor);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/admin/notices/versions/:version/publish',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Put a version of the privacy notice in force',
        tags,
        params: Type.Object({ version: VersionLabel }),
        response: { 200: NoticeVersionSchema },
      },
    },
    async (request) => publishNoticeVersion(deps, request.params.version, principalOf(request).actor),
  );

  app.delete(
    '/api/admin/notices/versions/:version',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Delete a draft of the privacy notice (a version ever put in force is kept: 409)',
        tags,
        params: Type.Object({ version: VersionLabel }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteNoticeDraft(deps, request.params.version, principalOf(request).actor);
      return reply.status(204).send(null);
    },
  );
}

/** The public notice text: the version in force, or a named published version (what a receipt links to). */
export async function registerPublicNoticeRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/public/notice',
    {
      schema: {
        summary: 'The privacy notice in force (or a published version) with the hash of its text',
        tags: ['public'],
        querystring: Type.Object({ version: Type.Optional(VersionLabel) }),
        response: { 200: PublicNotice },
      },
    },
    async (request) => {
      const { version } = request.query;
      const found =
        version === undefined
          ? await currentNoticeVersion(deps.store.db)
          : await findNoticeVersion(deps.store.db, version);
      if (found?.publishedAt == null) {
        throw new PrivetError(
          'not_found',
          version === undefined
            ? 'No privacy notice is published yet'
            : `No published notice version ${version}`,
        );
      }
      return {
        version: found.version,
        text: found.text,
        textHash: found.textHash,
        publishedAt: found.publishedAt,
        purposeKeys: found.purposeKeys,
      };
    },
  );
}
