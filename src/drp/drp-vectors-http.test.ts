import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../domain/clock.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { readDrpVectors, VECTOR_AGENT_ID, VECTOR_BUSINESS_ID } from './testing/drp-test-agent.ts';

const vectors = readDrpVectors();

// The vectors were signed by the OSIRAA test agent for business OUR_CB_ID, valid 2025-01-01 00:00–00:15 UTC.
describe('the spec test vectors over HTTP', () => {
  const clock = fixedClock('2025-01-01T00:05:00Z');
  let t: TestApp;
  let dir: string;
  let token = '';
  const text = { 'content-type': 'text/plain' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privet-drp-vectors-'));
    const directory = join(dir, 'agents.json');
    await writeFile(
      directory,
      JSON.stringify({
        agents: [{ id: VECTOR_AGENT_ID, name: 'OSIRAA local', verify_key: vectors.verify_key_b64 }],
      }),
    );
    t = await startTestApp({
      clock,
      env: { PRIVET_DRP_AGENTS_FILE: directory, PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true' },
    });
    const admin = { authorization: `Bearer ${await t.apiKey('admin')}` };
    // The business id comes from the admin API here (no PRIVET_DRP_BUSINESS_ID).
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/drp/settings',
      headers: admin,
      payload: { businessId: VECTOR_BUSINESS_ID },
    });
    expect(saved.json()).toMatchObject({ businessId: VECTOR_BUSINESS_ID, businessIdSource: 'settings' });
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts the set-up and exercise vectors while they are valid', async () => {
    const setup = await t.app.inject({
      method: 'POST',
      url: `/drp/v1/agent/${VECTOR_AGENT_ID}`,
      headers: text,
      payload: vectors.vectors.pairwise_setup.signed_b64,
    });
    expect(setup.statusCode).toBe(200);
    token = setup.json().token as string;
    const exercise = await t.app.inject({
      method: 'POST',
      url: '/drp/v1/data-rights-request',
      headers: { ...text, authorization: `Bearer ${token}` },
      payload: vectors.vectors.exercise_access.signed_b64,
    });
    expect(exercise.statusCode).toBe(200);
    expect(exercise.json()).toMatchObject({
      status: 'in_progress',
      received_at: '2025-01-01T00:05:00.000+00:00',
    });
  });

  it('refuses the same vectors as expired once expires-at has passed', async () => {
    clock.set('2025-01-01T00:15:00Z');
    const setup = await t.app.inject({
      method: 'POST',
      url: `/drp/v1/agent/${VECTOR_AGENT_ID}`,
      headers: text,
      payload: vectors.vectors.pairwise_setup.signed_b64,
    });
    expect([setup.statusCode, setup.body]).toEqual([403, '']);
    const exercise = await t.app.inject({
      method: 'POST',
      url: '/drp/v1/data-rights-request',
      headers: { ...text, authorization: `Bearer ${token}` },
      payload: vectors.vectors.exercise_access.signed_b64,
    });
    expect(exercise.statusCode).toBe(403);
    expect(exercise.json()).toEqual({
      code: '403',
      message: 'The message expired (expires-at has passed)',
      fatal: true,
    });
  });
}, 120_000);
