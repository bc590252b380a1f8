import { PrivetError } from '../../domain/errors.ts';
import { queueExecution, startRequestIn } from '../execution/start-request.ts';
import { appendRequestEvent } from '../lifecycle/append-request-event.ts';
import { transitionRequestIn } from '../lifecycle/transition-request.ts';
import { acknowledgeRequest } from '../messages/acknowledge-request.ts';
import { formatMessageDate } from '../messages/request-type-label.ts';
import { messageContext } from '../messages/message-context.ts';
import { sendRequestMessage } from '../messages/send-request-message.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { FINAL_STATUSES } from '../request-vocabulary.ts';
import { runStaffAction } from './staff-action.ts';

type Action = { requestId: string; actor: string };

function open(request: DataSubjectRequest): void {
  if (FINAL_STATUSES.includes(request.status)) {
    throw new PrivetError('conflict', `The request is ${request.status}; nothing more can be done with it`);
  }
}

/** Marks the requester verified by staff, with how (the note stays staff-only); acknowledges if not yet done. */
export function verifyByStaff(
  deps: RequestDeps,
  input: Action & { note: string },
): Promise<DataSubjectRequest> {
  return runStaffAction(
    deps,
    { ...input, action: 'verify', details: { note: input.note } },
    async (trx, request, fx) => {
      const done = await transitionRequestIn(deps, trx, {
        ...input,
        to: 'verified',
        reason: `Verified by staff: ${input.note}`,
        publicReason: false,
      });
      fx.eventIds.push(done.eventId);
      const now = deps.clock.now().toISOString();
      await trx
        .updateTable('request_verifications')
        .set({ voided_at: now })
        .where('request_id', '=', request.id)
        .where('purpose', '=', 'identity')
        .where('used_at', 'is', null)
        .where('voided_at', 'is', null)
        .execute();
      const linked = await trx
        .selectFrom('request_verifications')
        .select('id')
        .where('request_id', '=', request.id)
        .where('purpose', '=', 'status')
        .executeTakeFirst();
      if (linked === undefined)
        fx.mail.push((await acknowledgeRequest(deps, trx, done.request, input.actor)).mail);
    },
  );
}

/** Asks the person for more to prove who they are (proportionate step-up); the message goes out by email. */
export function stepUp(deps: RequestDeps, input: Action & { message: string }): Promise<DataSubjectRequest> {
  return runStaffAction(deps, { ...input, action: 'step_up' }, async (trx, request, fx) => {
    if (request.status !== 'received' && request.status !== 'verifying') {
      throw new PrivetError('conflict', `A ${request.status} request needs no more identity proof`);
    }
    if (request.status === 'received') {
      fx.eventIds.push(
        (
          await transitionRequestIn(deps, trx, {
            ...input,
            to: 'verifying',
            reason: 'More proof of identity asked',
          })
        ).eventId,
      );
    }
    const context = await messageContext(trx, request);
    fx.mail.push(
      await sendRequestMessage(deps, trx, {
        requestId: request.id,
        to: request.identity.email,
        language: request.language,
        message: 'step-up',
        data: { ...context.base, message: input.message },
        actor: input.actor,
        public: true,
      }),
    );
  });
}

/** Approves and starts a verified request: its automatic tasks run in the worker. */
export function startByStaff(
  deps: RequestDeps,
  input: Action & { reason?: string | undefined },
): Promise<DataSubjectRequest> {
  let started: Awaited<ReturnType<typeof startRequestIn>> | undefined;
  return runStaffAction(deps, { ...input, action: 'start' }, async (trx, _request, fx) => {
    started = await startRequestIn(deps, trx, { ...input, reason: input.reason ?? 'Approved by staff' });
    fx.after = async () => {
      if (started !== undefined) await queueExecution(deps, started);
    };
  });
}

/** Art. 12(5) grounds for a refusal or a fee. */
export const REFUSAL_GROUNDS = ['manifestly_unfounded', 'manifestly_excessive'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

const GROUND_TEXT = {
  en: { manifestly_unfounded: 'manifestly unfounded', manifestly_excessive: 'manifestly excessive' },
  de: { manifestly_unfounded: 'offenkundig unbegründet', manifestly_excessive: 'exzessiv' },
} as const;

function groundText(ground: RefusalGround, language: string): string {
  return (language === 'de' ? GROUND_TEXT.de : GROUND_TEXT.en)[ground];
}

/** Refuses a request as manifestly unfounded or excessive; the letter states why and the right to complain. */
export function refuse(
  deps: RequestDeps,
  input: Action & { ground: RefusalGround; reason: string },
): Promise<DataSubjectRequest> {
  return runStaffAction(
    deps,
    { ...input, action: 'refuse', details: { ground: input.ground, reason: input.reason } },
    async (trx, request, fx) => {
      const done = await transitionRequestIn(deps, trx, {
        ...input,
        to: 'refused',
        reason: `${GROUND_TEXT.en[input.ground]}: ${input.reason}`,
        // The status page names the ground in the person's language and quotes the staff's words.
        data: { ground: input.ground, text: input.reason },
      });
      fx.eventIds.push(done.eventId);
      const context = await messageContext(trx, request);
      fx.mail.push(
        await sendRequestMessage(deps, trx, {
          requestId: request.id,
          to: request.identity.email,
          language: request.language,
          message: 'refusal',
          data: {
            ...context.base,
            ground: groundText(input.ground, request.language),
            reason: input.reason,
            supervisoryAuthority: context.supervisoryAuthority,
          },
          actor: input.actor,
          public: true,
        }),
      );
    },
  );
}

/** Asks a reasonable fee for a manifestly unfounded or excessive request; the letter states why. */
export function chargeFee(
  deps: RequestDeps,
  input: Action & { ground: RefusalGround; amount: number; currency: string; reason: string },
): Promise<DataSubjectRequest> {
  return runStaffAction(
    deps,
    {
      ...input,
      action: 'fee',
      details: { ground: input.ground, amount: input.amount, currency: input.currency },
    },
    async (trx, request, fx) => {
      open(request);
      const fee = { amount: input.amount, currency: input.currency.toUpperCase(), reason: input.reason };
      await trx
        .updateTable('requests')
        .set({ fee: JSON.stringify(fee), updated_at: deps.clock.now().toISOString() })
        .where('id', '=', request.id)
        .execute();
      const context = await messageContext(trx, request);
      fx.mail.push(
        await sendRequestMessage(deps, trx, {
          requestId: request.id,
          to: request.identity.email,
          language: request.language,
          message: 'fee',
          data: {
            ...context.base,
            ground: groundText(input.ground, request.language),
            amount: input.amount.toFixed(2),
            currency: fee.currency,
            reason: input.reason,
            supervisoryAuthority: context.supervisoryAuthority,
          },
          actor: input.actor,
          public: true,
        }),
      );
    },
  );
}

/** Extends the deadline once, telling the person why before the first period ends; otherwise 409. */
export function extend(deps: RequestDeps, input: Action & { reasons: string }): Promise<DataSubjectRequest> {
  return runStaffAction(
    deps,
    { ...input, action: 'extend', details: { reasons: input.reasons } },
    async (trx, request, fx) => {
      open(request);
      if (request.extended)
        throw new PrivetError(
          'conflict',
          'The deadline was already extended once; it cannot be extended again',
        );
      if (deps.clock.now().toISOString() >= request.extensionNoticeBy) {
        throw new PrivetError(
          'conflict',
          `An extension had to be sent before ${request.extensionNoticeBy}; it is too late now`,
        );
      }
      const row = await trx
        .selectFrom('requests')
        .select('extended_due_at')
        .where('id', '=', request.id)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('requests')
        .set({ extended: 1, due_at: row.extended_due_at, updated_at: deps.clock.now().toISOString() })
        .where('id', '=', request.id)
        .execute();
      const extended = { ...request, dueAt: row.extended_due_at };
      const context = await messageContext(trx, extended);
      await appendRequestEvent(deps, trx, {
        requestId: request.id,
        kind: 'action',
        actor: input.actor,
        message: `Deadline extended to ${row.extended_due_at}`,
        reason: input.reasons,
        public: true,
        data: { dueAt: row.extended_due_at },
      });
      fx.mail.push(
        await sendRequestMessage(deps, trx, {
          requestId: request.id,
          to: request.identity.email,
          language: request.language,
          message: 'extension',
          data: {
            ...context.base,
            dueOn: formatMessageDate(row.extended_due_at, request.language, context.timeZone),
            reasons: input.reasons,
          },
          actor: input.actor,
          public: true,
        }),
      );
    },
  );
}

/** Adds a staff-only note to the timeline. */
export function addNote(deps: RequestDeps, input: Action & { text: string }): Promise<DataSubjectRequest> {
  return runStaffAction(deps, { ...input, action: 'note' }, async (trx, request) => {
    await appendRequestEvent(deps, trx, {
      requestId: request.id,
      kind: 'note',
      actor: input.actor,
      message: input.text,
      public: false,
    });
  });
}

/** Cancels a request (withdrawn by the person, a duplicate); the person is told why. */
export function cancel(deps: RequestDeps, input: Action & { reason: string }): Promise<DataSubjectRequest> {
  return runStaffAction(
    deps,
    { ...input, action: 'cancel', details: { reason: input.reason } },
    async (trx, request, fx) => {
      fx.eventIds.push(
        (await transitionRequestIn(deps, trx, { ...input, to: 'cancelled', reason: input.reason })).eventId,
      );
      const context = await messageContext(trx, request);
      fx.mail.push(
        await sendRequestMessage(deps, trx, {
          requestId: request.id,
          to: request.identity.email,
          language: request.language,
          message: 'cancellation',
          data: { ...context.base, reason: input.reason },
          actor: input.actor,
          public: true,
        }),
      );
    },
  );
}

/** Assigns the request to a staff member (or nobody). */
export function assign(
  deps: RequestDeps,
  input: Action & { assigneeId: string | null },
): Promise<DataSubjectRequest> {
  return runStaffAction(
    deps,
    { ...input, action: 'assign', details: { assigneeId: input.assigneeId } },
    async (trx, request) => {
      if (input.assigneeId !== null) {
        const user = await trx
          .selectFrom('users')
          .select('id')
          .where('id', '=', input.assigneeId)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        if (user === undefined)
          throw new PrivetError('validation_failed', `No active user ${input.assigneeId}`, {
            issues: [{ code: 'unknown_user', path: 'body.assigneeId', message: 'no such active user' }],
          });
      }
      await trx
        .updateTable('requests')
        .set({ assignee_id: input.assigneeId, updated_at: deps.clock.now().toISOString() })
        .where('id', '=', request.id)
        .execute();
      await appendRequestEvent(deps, trx, {
        requestId: request.id,
        kind: 'action',
        actor: input.actor,
        message: input.assigneeId === null ? 'Unassigned' : `Assigned to ${input.assigneeId}`,
        public: false,
      });
    },
  );
}
