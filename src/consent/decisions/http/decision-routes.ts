import { Type } from 'typebox';
import { PrivetError, type ErrorIssue } from '../../../domain/errors.ts';
import type { AppDeps, PrivetApp } from '../../../http/app-deps.ts';
import type { Decider } from '../create-decider.ts';
import { DecisionSchema, type Decision, type DecisionSubject } from '../decision.ts';
import { resolveSubject } from '../decision-subject.ts';
import { withLedgerProof } from '../with-ledger-proof.ts';

const tags = ['consent'];
const Email = Type.String({ minLength: 3, maxLength: 320 });
const PersonId = Type.String({ minLength: 1, maxLength: 200 });
const DeviceId = Type.String({ minLength: 1, maxLength: 64 });
const Purpose = Type.String({ minLength: 1, maxLength: 200 });
const CollectedUnder = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'The notice version the data was collected under: a purpose it does not name is denied',
});
const SubjectFields = {
  email: Type.Optional(Email),
  personId: Type.Optional(PersonId),
  deviceId: Type.Optional(DeviceId),
};
const MAX_SUBJECTS = 1000;
const MAX_PURPOSES = 100;
const MAX_PAIRS = 10_000;

function refuse(issues: ErrorIssue[]): never {
  const summary = issues.map((i) => `${i.path} ${i.message}`).join('; ');
  throw new PrivetError('validation_failed', `The decision request is not valid: ${summary}`, { issues });
}

function checkPurposes(decider: Decider, purposes: readonly string[], path: (i: number) => string): void {
  const issues = purposes.flatMap((purpose, i) =>
    decider.knows(purpose)
      ? []
      : [
          {
            code: 'unknown_purpose',
            path: path(i),
            message: `no purpose ${purpose} (give a data-map purpose key, a data use or a banner category's data use)`,
          },
        ],
  );
  if (issues.length > 0) refuse(issues);
}

function checkNotice(decider: Decider, version: string | undefined, path: string): void {
  if (version !== undefined && !decider.knowsNotice(version)) {
    refuse([{ code: 'unknown_notice_version', path, message: `no published notice version ${version}` }]);
  }
}

/**
 * `GET /api/admin/decisions` and its batch form for services. Each request first catches the process's
 * decider up with every committed change (one indexed read when nothing moved), so an answer reflects every
 * consent, withdrawal and limit committed before the request, on whichever replica it was written.
 */
export async function registerDecisionRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  const fresh = () => deps.decisions.fresh();

  app.get(
    '/api/admin/decisions',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'May this person’s or device’s data be used for this purpose? With the basis and evidence',
        tags,
        querystring: Type.Object({
          ...SubjectFields,
          purpose: Purpose,
          collectedUnder: Type.Optional(CollectedUnder),
        }),
        response: { 200: DecisionSchema },
      },
    },
    async (request) => {
      const { purpose, collectedUnder, ...subject } = request.query;
      resolveSubject(subject, 'querystring.');
      const current = await fresh();
      checkPurposes(current, [purpose], () => 'querystring.purpose');
      checkNotice(current, collectedUnder, 'querystring.collectedUnder');
      const decision = current.decide({ ...subject, purpose, collectedUnder });
      const [proved] = await withLedgerProof(deps.store.db, [decision]);
      if (proved === undefined) throw new PrivetError('internal', 'The decision went missing');
      return proved;
    },
  );

  app.post(
    '/api/admin/decisions',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Decisions for many subjects × purposes in one call (for services)',
        description: `At most ${MAX_SUBJECTS} subjects, ${MAX_PURPOSES} purposes and ${MAX_PAIRS} pairs. Reads only.`,
        tags,
        body: Type.Object({
          subjects: Type.Array(Type.Object(SubjectFields), { minItems: 1, maxItems: MAX_SUBJECTS }),
          purposes: Type.Array(Purpose, { minItems: 1, maxItems: MAX_PURPOSES }),
          collectedUnder: Type.Optional(CollectedUnder),
        }),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({ subject: Type.Object(SubjectFields), decisions: Type.Array(DecisionSchema) }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { subjects, purposes, collectedUnder } = request.body;
      if (subjects.length * purposes.length > MAX_PAIRS) {
        refuse([
          {
            code: 'too_many_pairs',
            path: 'body',
            message: `${subjects.length} subjects × ${purposes.length} purposes exceeds ${MAX_PAIRS} decisions`,
          },
        ]);
      }
      subjects.forEach((subject: DecisionSubject, i) => resolveSubject(subject, `body.subjects.${i}.`));
      const current = await fresh();
      checkPurposes(current, purposes, (i) => `body.purposes.${i}`);
      checkNotice(current, collectedUnder, 'body.collectedUnder');
      const flat: Decision[] = [];
      for (const subject of subjects) {
        for (const purpose of purposes) flat.push(current.decide({ ...subject, purpose, collectedUnder }));
      }
      const proved = await withLedgerProof(deps.store.db, flat);
      return {
        results: subjects.map((subject, i) => ({
          subject,
          decisions: proved.slice(i * purposes.length, (i + 1) * purposes.length),
        })),
      };
    },
  );
}
