import { actorKind } from '../lifecycle/request-transitions.ts';

/**
 * Why a step happened, as the status page says it in the person's language: a key of its message catalogue,
 * plus the words staff wrote for the person (a refusal's or cancellation's reason, an extension's reasons) and
 * a date where the sentence has one.
 */
export interface PublicReason {
  readonly key: string;
  readonly text?: string;
  readonly date?: string;
}

/** A timeline event as stored. */
export interface PublicEvent {
  readonly kind: string;
  readonly from_status: string | null;
  readonly to_status: string | null;
  readonly actor: string;
  readonly reason: string | null;
  readonly data: string;
}

function dataOf(event: PublicEvent): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(event.data);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown): { text?: string } =>
  typeof value === 'string' && value.trim() !== '' ? { text: value } : {};

function statusReason(event: PublicEvent, data: Record<string, unknown>): PublicReason | undefined {
  const by = actorKind(event.actor);
  switch (event.to_status) {
    case 'received':
      return { key: 'received' };
    case 'verifying':
      return {
        key: by === 'staff' ? 'verifying.step_up' : by === 'agent' ? 'verifying.agent' : 'verifying.code',
      };
    case 'verified':
      return {
        key: by === 'requester' ? 'verified.email' : by === 'agent' ? 'verified.agent' : 'verified.staff',
      };
    case 'in_progress':
      return { key: event.from_status === 'partially_completed' ? 'rerun' : 'started' };
    case 'completed':
    case 'partially_completed':
    case 'expired':
      return { key: event.to_status };
    case 'refused': {
      const ground = data.ground;
      const key =
        ground === 'manifestly_unfounded' || ground === 'manifestly_excessive'
          ? `refused.${ground}`
          : 'refused';
      return { key, ...text(data.text ?? event.reason) };
    }
    case 'cancelled':
      return { key: by === 'agent' ? 'cancelled.agent' : 'cancelled', ...text(event.reason) };
    default:
      return undefined;
  }
}

/** The reason of a public timeline event as catalogue key and parameters; undefined for messages. */
export function publicReasonOf(event: PublicEvent): PublicReason | undefined {
  const data = dataOf(event);
  if (event.kind === 'status') return statusReason(event, data);
  if (event.kind === 'action' && typeof data.dueAt === 'string') {
    return { key: 'extended', date: data.dueAt, ...text(event.reason) };
  }
  return undefined;
}
