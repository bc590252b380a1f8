import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/test-stores.ts';
import { fixedClock } from '../../domain/clock.ts';
import { isPrivetError } from '../../domain/errors.ts';
import { createNoticeVersion } from '../../notices/create-notice-version.ts';
import { recordConsent } from '../commit-consent-batch.ts';
import { createDecider, type Decider } from './create-decider.ts';
import type { Decision, DecisionQuery } from './decision.ts';
import { KIT_NOTICE, personAction, seedDecisionModel } from './decision-test-kit.ts';
import { liftProcessingLimit, recordProcessingLimit } from './processing-limits.ts';

describe.each(storeKinds)('purpose decisions on %s', (kind) => {
  let t: TestStore;
  let decider: Decider;
  const clock = fixedClock('2026-03-01T09:00:00Z');
  const deps = () => ({ store: t.store, clock });
  const ask = async (query: DecisionQuery, d: Decider = decider): Promise<Decision> => {
    await d.refresh();
    return d.decide(query);
  };
  const brief = (d: Decision) => ({ allowed: d.allowed, reason: d.reason, basis: d.basis });

  beforeAll(async () => {
    t = await openTestStore(kind);
    await seedDecisionModel(deps());
    decider = createDecider(deps());
    await decider.start();
  }, 120_000);
  afterAll(async () => {
    decider.close();
    await t.cleanup();
  });

  it('allows a consent-based purpose with consent under the notice in force, with the ledger event', async () => {
    await personAction(deps(), 'alice@example.com', 'newsletter', 'given');
    const decision = await ask({ email: ' Alice@Example.com ', purpose: 'newsletter' });
    expect(brief(decision)).toEqual({ allowed: true, reason: 'consent_given', basis: '6.1.a' });
    expect(decision.purposeKey).toBe('newsletter');
    const [evidence] = decision.evidence;
    const event = await t.store.db
      .selectFrom('consent_events')
      .selectAll()
      .where('person_id', '=', 'alice@example.com')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(JSON.stringify(evidence))).toEqual({
      kind: 'consent_event',
      subjectType: 'person',
      eventSeq: event.seq,
      at: event.at,
      action: 'given',
      method: 'staff',
      noticeVersion: KIT_NOTICE,
    });
    // The data use names the same purpose, and the person id is the lower-case email.
    expect(
      brief(await ask({ personId: 'alice@example.com', purpose: 'marketing.communications.email' })),
    ).toEqual(brief(decision));
  });

  it('denies without consent, and after a withdrawal, also on a second replica once it refreshes', async () => {
    expect(brief(await ask({ email: 'bob@example.com', purpose: 'newsletter' }))).toEqual({
      allowed: false,
      reason: 'no_consent',
      basis: '6.1.a',
    });
    const replica = createDecider(deps());
    await replica.start();
    try {
      expect(replica.decide({ email: 'alice@example.com', purpose: 'newsletter' }).allowed).toBe(true);
      await personAction(deps(), 'alice@example.com', 'newsletter', 'withdrawn');
      // Until it refreshes, the replica answers from what it read; the refresh takes the commit.
      expect(replica.decide({ email: 'alice@example.com', purpose: 'newsletter' }).allowed).toBe(true);
      const after = await ask({ email: 'alice@example.com', purpose: 'newsletter' }, replica);
      expect(brief(after)).toEqual({ allowed: false, reason: 'consent_withdrawn', basis: '6.1.a' });
      expect(brief(await ask({ email: 'alice@example.com', purpose: 'newsletter' }))).toEqual(brief(after));
    } finally {
      replica.close();
    }
  });

  it('treats GPC as an opt-out of sale and sharing, under consent and under legitimate interest', async () => {
    const device = 'gpc-device-0123456789';
    await recordConsent(deps(), {
      deviceId: device,
      personVerified: false,
      noticeVersion: KIT_NOTICE,
      choices: { analytics: true },
      method: 'banner',
      gpc: true,
    });
    expect(brief(await ask({ deviceId: device, purpose: 'third_party_sharing' }))).toEqual({
      allowed: false,
      reason: 'gpc_opt_out',
      basis: '6.1.a',
    });
    expect(brief(await ask({ deviceId: device, purpose: 'ads' }))).toEqual({
      allowed: false,
      reason: 'gpc_opt_out',
      basis: '6.1.f',
    });
    expect(brief(await ask({ deviceId: device, purpose: 'analytics' }))).toEqual({
      allowed: true,
      reason: 'consent_given',
      basis: '6.1.a',
    });
    expect(brief(await ask({ deviceId: 'other-device-0123456789', purpose: 'ads' }))).toEqual({
      allowed: true,
      reason: 'legitimate_interest',
      basis: '6.1.f',
    });
  });

  it('answers by basis: legitimate interest, contract, legal obligation, strictly necessary, none', async () => {
    const who = { email: 'carol@example.com' };
    expect(brief(await ask({ ...who, purpose: 'fraud_prevention' }))).toEqual({
      allowed: true,
      reason: 'legitimate_interest',
      basis: '6.1.f',
    });
    expect(brief(await ask({ ...who, purpose: 'order_fulfilment' }))).toEqual({
      allowed: true,
      reason: 'contract',
      basis: '6.1.b',
    });
    expect(brief(await ask({ ...who, purpose: 'invoicing' }))).toEqual({
      allowed: true,
      reason: 'legal_obligation',
      basis: '6.1.c',
    });
    expect(brief(await ask({ ...who, purpose: 'public_register' }))).toEqual({
      allowed: true,
      reason: 'public_task',
      basis: '6.1.e',
    });
    expect(brief(await ask({ ...who, purpose: 'emergency_contact' }))).toEqual({
      allowed: true,
      reason: 'vital_interests',
      basis: '6.1.d',
    });
    expect(brief(await ask({ ...who, purpose: 'functional.essential' }))).toEqual({
      allowed: true,
      reason: 'strictly_necessary',
      basis: null,
    });
    expect(brief(await ask({ ...who, purpose: 'undecided' }))).toEqual({
      allowed: false,
      reason: 'no_legal_basis',
      basis: null,
    });
    expect(brief(await ask({ ...who, purpose: 'no_such_purpose' }))).toEqual({
      allowed: false,
      reason: 'unknown_purpose',
      basis: null,
    });
  });

  it('denies what an objection recorded by a request names, and lifts it', async () => {
    await recordProcessingLimit(deps(), {
      email: 'Carol@Example.com',
      kind: 'objection',
      purposes: ['fraud_prevention'],
      requestId: 'req_objection_1',
      ground: 'my particular situation',
      actor: 'user:staff',
    });
    const denied = await ask({ email: 'carol@example.com', purpose: 'fraud_prevention' });
    expect(brief(denied)).toEqual({ allowed: false, reason: 'objection', basis: '6.1.f' });
    expect(denied.evidence).toEqual([
      {
        kind: 'processing_limit',
        limitKind: 'objection',
        requestId: 'req_objection_1',
        since: clock.now().toISOString(),
      },
    ]);
    expect((await ask({ email: 'carol@example.com', purpose: 'order_fulfilment' })).allowed).toBe(true);
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'actor'])
      .where('target', '=', 'request:req_objection_1')
      .execute();
    expect(audit).toEqual([
      { action: 'consent.processing_limit.record', target: 'request:req_objection_1', actor: 'user:staff' },
    ]);
    await liftProcessingLimit(deps(), {
      requestId: 'req_objection_1',
      actor: 'user:staff',
      reason: 'withdrawn',
    });
    expect((await ask({ email: 'carol@example.com', purpose: 'fraud_prevention' })).allowed).toBe(true);
  });

  it('makes an objection to direct marketing absolute, whatever the basis, but not reach contracts', async () => {
    await personAction(deps(), 'dave@example.com', 'newsletter', 'given');
    expect((await ask({ email: 'dave@example.com', purpose: 'newsletter' })).allowed).toBe(true);
    await recordProcessingLimit(deps(), {
      email: 'dave@example.com',
      kind: 'objection',
      purposes: 'all',
      requestId: 'req_objection_2',
      actor: 'user:staff',
    });
    for (const purpose of ['newsletter', 'ads', 'fraud_prevention']) {
      expect((await ask({ email: 'dave@example.com', purpose })).reason).toBe('objection');
    }
    expect((await ask({ email: 'dave@example.com', purpose: 'order_fulfilment' })).reason).toBe('contract');
    // An objection recorded in the ledger (the portal, staff) stops the purpose too.
    await personAction(deps(), 'erin@example.com', 'ads', 'objected');
    expect(brief(await ask({ email: 'erin@example.com', purpose: 'ads' }))).toEqual({
      allowed: false,
      reason: 'objection',
      basis: '6.1.f',
    });
  });

  it('lets a restriction allow storage only: every purpose it covers is denied until lifted', async () => {
    await recordProcessingLimit(deps(), {
      email: 'frank@example.com',
      kind: 'restriction',
      purposes: 'all',
      requestId: 'req_restriction_1',
      ground: 'accuracy_contested',
      actor: 'user:staff',
    });
    for (const purpose of ['order_fulfilment', 'invoicing', 'fraud_prevention']) {
      expect(brief(await ask({ email: 'frank@example.com', purpose }))).toMatchObject({
        allowed: false,
        reason: 'restriction',
      });
    }
    await liftProcessingLimit(deps(), {
      requestId: 'req_restriction_1',
      actor: 'user:staff',
      reason: 'corrected',
    });
    await liftProcessingLimit(deps(), {
      requestId: 'req_restriction_1',
      actor: 'user:staff',
      reason: 'again',
    });
    expect((await ask({ email: 'frank@example.com', purpose: 'order_fulfilment' })).reason).toBe('contract');
    await expect(
      liftProcessingLimit(deps(), { requestId: 'req_none', actor: 'user:staff', reason: 'x' }),
    ).rejects.toSatisfy((error) => isPrivetError(error, 'not_found'));
  });

  it('limits purposes to the notice: not named where collected, or consent under an older notice', async () => {
    await personAction(deps(), 'gina@example.com', 'profiling', 'given');
    expect((await ask({ email: 'gina@example.com', purpose: 'profiling' })).reason).toBe(
      'purpose_not_in_notice',
    );
    expect(
      brief(
        await ask({ email: 'gina@example.com', purpose: 'fraud_prevention', collectedUnder: KIT_NOTICE }),
      ),
    ).toMatchObject({ allowed: true, reason: 'legitimate_interest' });
    const outside = await ask({
      email: 'gina@example.com',
      purpose: 'profiling',
      collectedUnder: KIT_NOTICE,
    });
    expect(outside.reason).toBe('purpose_not_in_notice');
    expect(outside.evidence).toEqual([
      { kind: 'notice', noticeVersion: KIT_NOTICE, role: 'collected_under' },
    ]);

    await personAction(deps(), 'hugo@example.com', 'analytics', 'given');
    expect((await ask({ email: 'hugo@example.com', purpose: 'analytics' })).allowed).toBe(true);
    await createNoticeVersion(
      deps(),
      {
        version: '2026-02',
        text: 'Privacy notice, second version.',
        purposeKeys: ['analytics'],
        publish: true,
      },
      'test',
    );
    const stale = await ask({ email: 'hugo@example.com', purpose: 'analytics' });
    expect(brief(stale)).toEqual({ allowed: false, reason: 'notice_changed', basis: '6.1.a' });
    expect(stale.evidence[1]).toEqual({ kind: 'notice', noticeVersion: '2026-02', role: 'in_force' });
    await personAction(deps(), 'hugo@example.com', 'analytics', 'given', '2026-02');
    expect((await ask({ email: 'hugo@example.com', purpose: 'analytics' })).reason).toBe('consent_given');
  });

  it('refuses a question naming no subject or two', async () => {
    for (const query of [
      { purpose: 'ads' },
      { purpose: 'ads', email: 'a@b.c', deviceId: 'device-0123456789' },
    ]) {
      expect(() => decider.decide(query)).toThrow(/exactly one of email, personId and deviceId/);
    }
  });
});
