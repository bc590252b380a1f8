import { Type, type Static } from 'typebox';
import type { DataSubjectRequest } from '../requests/data-subject-request.ts';
import { formatDrpTime } from './drp-time.ts';
import { DRP_REASONS, DRP_STATUSES, type DrpReason, type DrpStatus } from './drp-vocabulary.ts';

/** The Exercise Status object (spec 3.03): the answer of exercise, status and revoke, and the callback body. */
export const ExerciseStatusSchema = Type.Object(
  {
    request_id: Type.String(),
    status: Type.Enum(DRP_STATUSES),
    reason: Type.Optional(Type.Enum(DRP_REASONS)),
    agent_request_id: Type.Optional(Type.String()),
    received_at: Type.Optional(Type.String()),
    expected_by: Type.Optional(Type.String()),
    processing_details: Type.Optional(Type.String()),
    user_verification_url: Type.Optional(Type.String()),
  },
  { description: 'Exercise Status (DRP 1.0 section 3.03)' },
);
export type ExerciseStatus = Static<typeof ExerciseStatusSchema>;

/** The DRP side of a request, as stored with it. */
export interface DrpRequestLink {
  readonly id: string;
  readonly agentRequestId: string | null;
  readonly revokedAt: string | null;
}

/**
 * The privacy center page where the person confirms a request an agent sent (spec 3.02.1); the agent adds
 * `request_id` and `redirect_to` to it.
 */
export function userVerificationUrl(publicUrl: string, drpRequestId: string): string {
  return `${publicUrl}/requests/agent-verification/${encodeURIComponent(drpRequestId)}`;
}

function stateOf(
  request: DataSubjectRequest,
  link: DrpRequestLink,
): { status: DrpStatus; reason?: DrpReason; details?: string; verify?: boolean } {
  switch (request.status) {
    case 'received':
      return { status: 'open' };
    case 'verifying':
      return {
        status: 'in_progress',
        reason: 'need_user_verification',
        details: 'The consumer needs to confirm their identity at the user_verification_url.',
        verify: true,
      };
    case 'verified':
    case 'in_progress':
      return request.extended
        ? { status: 'in_progress', details: 'The deadline was extended as the legal regime allows.' }
        : { status: 'in_progress' };
    case 'completed':
      return { status: 'fulfilled' };
    case 'partially_completed':
      return {
        status: 'fulfilled',
        details: 'Fulfilled in part; the consumer was told which parts and why.',
      };
    case 'refused':
      return { status: 'denied', reason: 'other' };
    case 'cancelled':
      // Cancelled by the agent's revoke, or by staff on the consumer's word through another channel.
      return link.revokedAt !== null ? { status: 'revoked' } : { status: 'denied', reason: 'other' };
    case 'expired':
      return { status: 'denied', reason: 'insuf_verification' };
  }
}

/**
 * The Exercise Status of a request. Privet is the business's own endpoint, so a request moves from `open` to
 * `in_progress` as soon as it is received or verified; `expected_by` is the legal due date (extended when
 * extended). Times carry `+00:00`.
 */
export function exerciseStatusOf(
  request: DataSubjectRequest,
  link: DrpRequestLink,
  publicUrl: string,
): ExerciseStatus {
  const state = stateOf(request, link);
  const open = state.status === 'open' || state.status === 'in_progress';
  return {
    request_id: link.id,
    status: state.status,
    ...(state.reason === undefined ? {} : { reason: state.reason }),
    ...(link.agentRequestId === null ? {} : { agent_request_id: link.agentRequestId }),
    received_at: formatDrpTime(request.receivedAt),
    ...(open ? { expected_by: formatDrpTime(request.dueAt) } : {}),
    ...(state.details === undefined ? {} : { processing_details: state.details }),
    ...(state.verify === true ? { user_verification_url: userVerificationUrl(publicUrl, link.id) } : {}),
  };
}
