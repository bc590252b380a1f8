import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, newTestAgent } from '../../src/drp/testing/drp-test-agent.ts';
import { collectPageProblems, launchChromium } from './launch-chromium.ts';
import {
  enterCode,
  nextCodeFor,
  startCenterHarness,
  waitForStatus,
  type CenterHarness,
} from './privacy-center-harness.ts';
import { webBuilt } from './web-built.ts';

const JOHN = 'john.doe@example.com';
const BUSINESS = 'PRIVET_CENTER_CB';

describe('corrections, localised reasons and agent verification in the privacy center, in Chromium', () => {
  let harness: CenterHarness;
  let browser: Browser;

  beforeAll(async () => {
    await webBuilt();
    harness = await startCenterHarness();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('a person corrects a field chosen from the data map, and reads why each step happened in German', async () => {
    const { testApp, shopPath } = harness;
    const page = await (await browser.newContext()).newPage();
    const problems = collectPageProblems(page);
    const seen = new Set<string>();
    await page.goto(`${testApp.url}/rights/correct`);
    await page.getByLabel('Email address').fill(JOHN);
    const field = page.getByLabel('Data to correct (1)');
    await field.waitFor();
    // The data map's personal fields, not free text: keys and assigned ids are not offered.
    const offered = await field.locator('option').allTextContents();
    expect(offered).toEqual(expect.arrayContaining(['Last name', 'First name']));
    expect(offered).not.toContain('Loyalty id');
    await page.getByRole('button', { name: 'Send request' }).click();
    // Nothing chosen yet: the summary says what is missing and the field is marked.
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.selectOption({ label: 'Last name' });
    await page.getByLabel('Correct value (1)').fill('Doe-Smith');
    await page.getByLabel('Anything else we should know? (optional)').fill('I married in May.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await enterCode(page, await nextCodeFor(testApp.store, JOHN, seen));
    await waitForStatus(page, 'Completed');
    const shop = new Database(shopPath, { readonly: true });
    try {
      expect(shop.prepare('SELECT last_name FROM customers WHERE email = ?').get(JOHN)).toEqual({
        last_name: 'Doe-Smith',
      });
    } finally {
      shop.close();
    }

    const timeline = page.getByRole('region', { name: 'What has happened' });
    await timeline.getByText('You confirmed your email address.').waitFor();
    await page.getByRole('button', { name: 'Deutsch' }).click();
    const german = page.getByRole('region', { name: 'Was bisher geschah' });
    await german.getByText('Sie haben Ihre E-Mail-Adresse bestätigt.').waitFor();
    const text = (await german.textContent()) ?? '';
    expect(text).toContain('Alles ist erledigt.');
    // None of the server's English notes reaches the German page.
    expect(text).not.toMatch(
      /Email address confirmed|Started on verification|Every task is done|Received by/,
    );
    expect(problems).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('a person an authorized agent sent confirms with an emailed code and goes back to the agent', async () => {
    const { testApp } = harness;
    const agent = newTestAgent('CENTER_AGENT');
    const admin = { authorization: `Bearer ${await testApp.apiKey('admin')}` };
    const inject = (method: 'POST' | 'PUT', url: string, payload: object | string, headers: object) =>
      testApp.app.inject({ method, url, headers: headers as Record<string, string>, payload });
    expect((await inject('PUT', '/api/admin/drp/settings', { businessId: BUSINESS }, admin)).statusCode).toBe(
      200,
    );
    expect(
      (
        await inject(
          'POST',
          '/api/admin/drp/agents',
          {
            id: agent.id,
            name: 'Center Agent',
            verify_key: agent.verifyKey,
            web_url: 'https://agent.example',
          },
          admin,
        )
      ).statusCode,
    ).toBe(201);
    const text = { 'content-type': 'text/plain' };
    const setUp = await inject(
      'POST',
      `/drp/v1/agent/${agent.id}`,
      agent.signJson(envelope(agent.id, BUSINESS, new Date())),
      text,
    );
    const token = setUp.json().token as string;
    const email = 'agent.client@example.com';
    const exercised = await inject(
      'POST',
      '/drp/v1/data-rights-request',
      agent.signJson({
        ...envelope(agent.id, BUSINESS, new Date()),
        exercise: 'deletion',
        regime: 'ccpa',
        email,
        email_verified: true,
      }),
      { ...text, authorization: `Bearer ${token}` },
    );
    expect(exercised.json()).toMatchObject({ status: 'in_progress', reason: 'need_user_verification' });
    const requestId = exercised.json().request_id as string;
    const verificationUrl = new URL(exercised.json().user_verification_url as string);

    const page = await (await browser.newContext()).newPage();
    const problems = collectPageProblems(page);
    await page.route('https://agent.example/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>Agent</title><h1>Back at the agent</h1>',
      }),
    );
    const back = 'https://agent.example/requests/done';
    await page.goto(
      `${testApp.url}${verificationUrl.pathname}?request_id=${encodeURIComponent(requestId)}&redirect_to=${encodeURIComponent(back)}`,
    );
    await page.getByRole('heading', { level: 1, name: 'Confirm a request made for you' }).waitFor();
    expect(await page.getByText('Center Agent, an authorized agent').textContent()).toContain(
      'the deletion of your personal information',
    );
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    await page.getByLabel('Code from the email').fill(await nextCodeFor(testApp.store, email, new Set()));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(back);
    await page.getByRole('heading', { name: 'Back at the agent' }).waitFor();

    const status = await testApp.app.inject({
      method: 'GET',
      url: `/drp/v1/data-rights-request/${requestId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(status.json().reason).toBeUndefined();
    expect(status.json().status).toMatch(/^(in_progress|fulfilled)$/);
    // A wrong request_id shows nothing to verify.
    await page.goto(`${testApp.url}${verificationUrl.pathname}?request_id=someone-else`);
    await page.getByRole('alert').filter({ hasText: 'This link is incomplete or no longer works' }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  }, 240_000);
});
