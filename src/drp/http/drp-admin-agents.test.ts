import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { startCallbackServer, type CallbackServer } from '../testing/callback-server.ts';
import { envelope, newTestAgent } from '../testing/drp-test-agent.ts';

const BUSINESS = 'PRIVET_TEST_LIST';
const START = '2026-04-01T09:30:00.000Z';

interface ListedAgent {
  id: string;
  source: string;
  verify_key_fingerprint: string;
  last_request_at: string | null;
  last_status_callback: string | null;
}

/** The fingerprint as an operator would compute it from the directory's Base64 key. */
function expectedFingerprint(verifyKey: string): string {
  const digest = createHash('sha256').update(Buffer.from(verifyKey, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

describe.each(['sqlite', 'postgres'] as const)(
  'DRP admin agent list: fingerprints and last requests (%s)',
  (kind) => {
    const clock = fixedClock(START);
    const fromFile = newTestAgent('AGENT_FILE');
    const added = newTestAgent('AGENT_ADDED');
    let t: TestApp;
    let dir: string;
    let agentServer: CallbackServer;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'privet-drp-list-'));
      const directory = join(dir, 'agents.json');
      await writeFile(
        directory,
        JSON.stringify([{ id: fromFile.id, name: 'File agent', verify_key: fromFile.verifyKey }]),
      );
      t = await startTestApp({
        kind,
        clock,
        env: {
          PRIVET_DRP_AGENTS_FILE: directory,
          PRIVET_DRP_BUSINESS_ID: BUSINESS,
          PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true',
        },
      });
      agentServer = await startCallbackServer();
    }, 120_000);
    afterAll(async () => {
      await agentServer?.close();
      await t?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    const list = async (): Promise<ListedAgent[]> => {
      const viewer = { authorization: `Bearer ${await t.apiKey('viewer')}` };
      const res = await t.app.inject({ method: 'GET', url: '/api/admin/drp/agents', headers: viewer });
      expect(res.statusCode).toBe(200);
      return res.json<{ items: ListedAgent[] }>().items;
    };

    it('shows each key fingerprint, file and API agents alike, and no request before the first', async () => {
      const admin = { authorization: `Bearer ${await t.apiKey('admin')}` };
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/admin/drp/agents',
        headers: admin,
        // Hex on the way in: the fingerprint is of the key's bytes, not of how it was typed.
        payload: {
          id: added.id,
          name: 'Added agent',
          verify_key: Buffer.from(added.verifyKey, 'base64').toString('hex'),
        },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        verify_key_fingerprint: expectedFingerprint(added.verifyKey),
        last_request_at: null,
        last_status_callback: null,
      });
      expect(await list()).toEqual([
        expect.objectContaining({
          id: added.id,
          source: 'admin',
          verify_key_fingerprint: expectedFingerprint(added.verifyKey),
          last_request_at: null,
        }),
        expect.objectContaining({
          id: fromFile.id,
          source: 'directory',
          verify_key_fingerprint: expectedFingerprint(fromFile.verifyKey),
          last_request_at: null,
          last_status_callback: null,
        }),
      ]);
      expect(expectedFingerprint(added.verifyKey)).not.toBe(expectedFingerprint(fromFile.verifyKey));
    });

    it('reports when an agent last sent a request and the status callback it gave', async () => {
      const setUp = await t.app.inject({
        method: 'POST',
        url: `/drp/v1/agent/${fromFile.id}`,
        headers: { 'content-type': 'text/plain' },
        payload: fromFile.signJson(envelope(fromFile.id, BUSINESS, clock.now())),
      });
      expect(setUp.statusCode).toBe(200);
      const token = setUp.json().token as string;
      const callback = agentServer.url;
      const exercised = await t.app.inject({
        method: 'POST',
        url: '/drp/v1/data-rights-request',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
        payload: fromFile.signJson({
          ...envelope(fromFile.id, BUSINESS, clock.now()),
          exercise: 'sale:opt-out',
          regime: 'ccpa',
          name: 'Random, John',
          email: 'jrandom@example.com',
          email_verified: true,
          status_callback: callback,
        }),
      });
      expect(exercised.statusCode).toBe(200);

      const agents = await list();
      expect(agents.find((agent) => agent.id === fromFile.id)).toMatchObject({
        last_request_at: START,
        last_status_callback: callback,
      });
      expect(agents.find((agent) => agent.id === added.id)).toMatchObject({
        last_request_at: null,
        last_status_callback: null,
      });
    });
  },
  120_000,
);
