import type { Kysely } from 'kysely';
import type { Clock } from '../../domain/clock.ts';
import { newId } from '../../domain/ids.ts';
import type { Database } from '../../store/schema.ts';
import type { RequestEventKind, RequestStatus } from '../request-vocabulary.ts';

/** One timeline entry to append. */
export interface RequestEventInput {
  readonly requestId: string;
  readonly kind: RequestEventKind;
  readonly actor: string;
  readonly from?: RequestStatus | null;
  readonly to?: RequestStatus;
  readonly reason?: string | undefined;
  readonly message?: string | undefined;
  /** Shown to the requester on the status page. */
  readonly public: boolean;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** Appends a timeline entry in the caller's transaction and returns its id and time. */
export async function appendRequestEvent(
  deps: { readonly clock: Clock },
  trx: Kysely<Database>,
  input: RequestEventInput,
): Promise<{ id: string; at: string }> {
  const now = deps.clock.now();
  const id = newId('rqe', now);
  const at = now.toISOString();
  const last = await trx
    .selectFrom('request_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', input.requestId)
    .executeTakeFirst();
  await trx
    .insertInto('request_events')
    .values({
      id,
      request_id: input.requestId,
      seq: Number(last?.seq ?? 0) + 1,
      at,
      kind: input.kind,
      from_status: input.from ?? null,
      to_status: input.to ?? null,
      actor: input.actor,
      reason: input.reason ?? null,
      message: input.message ?? null,
      public: input.public ? 1 : 0,
      data: JSON.stringify(input.data ?? {}),
      notified_at: null,
    })
    .execute();
  return { id, at };
}
