import { describe, expect, it } from 'vitest';
import type { DataSubjectRequest } from '../requests/data-subject-request.ts';
import type { RequestStatus } from '../requests/request-vocabulary.ts';
import { exerciseStatusOf } from './exercise-status.ts';

function request(status: RequestStatus, extended = false): DataSubjectRequest {
  return {
    id: 'req_1',
    type: 'access',
    status,
    jurisdiction: 'ccpa',
    channel: 'drp',
    language: 'en',
    identity: { email: 'a@example.com' },
    details: {},
    receivedAt: '2026-01-05T08:00:00.000Z',
    verifiedAt: null,
    acknowledgeBy: null,
    dueAt: '2026-02-19T23:59:59.999Z',
    extensionNoticeBy: '2026-02-19T23:59:59.999Z',
    extended,
    completedAt: null,
    assigneeId: null,
    fee: null,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
  };
}

const link = { id: 'uuid-1', agentRequestId: null, revokedAt: null };
const PUBLIC = 'https://privacy.example';

describe('Exercise Status of a request', () => {
  it('maps every Privet status to a DRP state', () => {
    const cases: [RequestStatus, string, string | undefined][] = [
      ['received', 'open', undefined],
      ['verifying', 'in_progress', 'need_user_verification'],
      ['verified', 'in_progress', undefined],
      ['in_progress', 'in_progress', undefined],
      ['completed', 'fulfilled', undefined],
      ['partially_completed', 'fulfilled', undefined],
      ['refused', 'denied', 'other'],
      ['cancelled', 'denied', 'other'],
      ['expired', 'denied', 'insuf_verification'],
    ];
    for (const [status, drp, reason] of cases) {
      const out = exerciseStatusOf(request(status), link, PUBLIC);
      expect([status, out.status, out.reason]).toEqual([status, drp, reason]);
    }
  });

  it('says revoked when the agent revoked, with +00:00 times and expected_by only while open', () => {
    const revoked = exerciseStatusOf(
      request('cancelled'),
      { ...link, revokedAt: '2026-01-06T00:00:00Z' },
      PUBLIC,
    );
    expect(revoked).toEqual({
      request_id: 'uuid-1',
      status: 'revoked',
      received_at: '2026-01-05T08:00:00.000+00:00',
    });
    const open = exerciseStatusOf(request('in_progress', true), { ...link, agentRequestId: 'x' }, PUBLIC);
    expect(open).toMatchObject({
      agent_request_id: 'x',
      expected_by: '2026-02-19T23:59:59.999+00:00',
      processing_details: 'The deadline was extended as the legal regime allows.',
    });
  });

  it('sends the person to the privacy center while they need to verify, and only then', () => {
    const waiting = exerciseStatusOf(request('verifying'), link, PUBLIC);
    expect(waiting).toMatchObject({
      status: 'in_progress',
      reason: 'need_user_verification',
      user_verification_url: 'https://privacy.example/requests/agent-verification/uuid-1',
    });
    expect(exerciseStatusOf(request('verified'), link, PUBLIC).user_verification_url).toBeUndefined();
  });
});
