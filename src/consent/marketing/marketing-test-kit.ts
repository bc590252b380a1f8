import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Clock } from '../../domain/clock.ts';
import type { StoreKind } from '../../../test/support/test-stores.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seedConsentDemo } from '../consent-test-kit.ts';

/** The list the marketing tests use. */
export const NEWS = {
  key: 'news',
  name: 'Shop news',
  description: 'New products, monthly',
  purposeKey: 'marketing.communications.email',
};

/** A test app with the demo notice and categories, the `news` list, keys, and calls the tests share. */
export interface MarketingTestApp {
  readonly t: TestApp;
  readonly operator: string;
  readonly viewer: string;
  call(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    key: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
  post(url: string, payload: object): Promise<LightMyRequestResponse>;
  mailsTo(
    to: string,
  ): Promise<{ template: string; subject: string; text_body: string; html_body: string; headers: string }[]>;
  eventCount(): Promise<number>;
  stateOf(
    email: string,
    purpose: string,
  ): Promise<{ action: string; method: string; noticeVersion: string } | undefined>;
  subscriber(email: string): Promise<{ email: string; status: string } | undefined>;
  subscribeAndConfirm(email: string): Promise<void>;
}

/** The first capture group of `pattern` in `text`; throws when absent. */
export function tokenIn(text: string, pattern: RegExp): string {
  const found = pattern.exec(text)?.[1];
  if (found === undefined) throw new Error(`no token in ${text}`);
  return found;
}

/** Starts the app over a fresh store of the kind, with the demo consent setup and the `news` list. */
export async function startMarketingTestApp(kind: StoreKind, clock: Clock): Promise<MarketingTestApp> {
  const t = await startTestApp({ kind, clock });
  const [operator, viewer] = [await t.apiKey('operator'), await t.apiKey('viewer')];
  await seedConsentDemo({ store: t.store, clock });
  const call: MarketingTestApp['call'] = (method, url, key, payload) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });
  const post: MarketingTestApp['post'] = (url, payload) => t.app.inject({ method: 'POST', url, payload });
  const mailsTo: MarketingTestApp['mailsTo'] = (to) =>
    t.store.db.selectFrom('outbox').selectAll().where('to_address', '=', to).orderBy('created_at').execute();
  const created = await call('POST', '/api/admin/marketing/lists', operator, {
    ...NEWS,
    texts: { de: { name: 'Shop-Neuigkeiten', description: 'Neue Produkte, monatlich' } },
  });
  expect(created.statusCode).toBe(201);
  return {
    t,
    operator,
    viewer,
    call,
    post,
    mailsTo,
    eventCount: async () =>
      Number(
        (
          await t.store.db
            .selectFrom('consent_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    stateOf: async (email, purpose) =>
      (await call('GET', `/api/admin/consent/state?personId=${encodeURIComponent(email)}`, viewer))
        .json<{ purposes: { purposeKey: string; action: string; method: string; noticeVersion: string }[] }>()
        .purposes.find((p) => p.purposeKey === purpose),
    subscriber: async (email) =>
      (await call('GET', '/api/admin/marketing/lists/news/subscribers', viewer))
        .json<{ subscribers: { email: string; status: string }[] }>()
        .subscribers.find((s) => s.email === email),
    subscribeAndConfirm: async (email) => {
      expect((await post('/api/public/marketing/subscribe', { email, list: 'news' })).statusCode).toBe(202);
      const mail = (await mailsTo(email)).at(-1);
      const token = tokenIn(mail?.text_body ?? '', /#token=([A-Za-z0-9_.-]+)/);
      expect((await post('/api/public/marketing/confirm', { token })).statusCode).toBe(200);
    },
  };
}
