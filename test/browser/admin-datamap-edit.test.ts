import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

// orders.customer_id refers to customers.id, but the file has no customers collection.
const DANGLING = [
  'dataset:',
  '  - fides_key: crm',
  '    name: CRM',
  '    collections:',
  '      - name: orders',
  '        fields:',
  '          - name: id',
  '            data_categories: [system.operations]',
  '          - name: customer_id',
  '            data_categories: [system.operations]',
  '            fides_meta:',
  '              references:',
  '                - dataset: crm',
  '                  field: customers.id',
  '                  direction: from',
  '',
].join('\n');

const VALID = [
  ...DANGLING.trimEnd().split('\n'),
  '      - name: customers',
  '        fields:',
  '          - name: id',
  '            data_categories: [user.unique_id]',
  '          - name: email',
  '            data_categories: [user.contact.email]',
  '            fides_meta:',
  '              identity: email',
  '',
].join('\n');

describe('editing the data map in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  const admin = { email: 'ada@example.test', password: PASSWORD };
  const viewer = { email: 'vic@example.test', password: PASSWORD };

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    await seedDemo({ store: testApp.store, clock: systemClock, config: testApp.config });
    await testApp.createUser({ ...admin, role: 'admin' });
    await testApp.createUser({ ...viewer, role: 'viewer' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('an import with a dangling reference shows file:line and changes nothing; a valid one appears', async () => {
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/datamap/datasets', admin, {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole('heading', { level: 1, name: 'Datasets' }).waitFor();
    const rows = page.getByRole('table', { name: 'Datasets' }).getByRole('row');
    await page.getByRole('status').filter({ hasText: '1 dataset.' }).waitFor();
    expect(await rows.count()).toBe(2);

    await page.getByLabel('YAML file').setInputFiles({
      name: 'crm.yml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(DANGLING),
    });
    await expect.poll(() => page.getByLabel('YAML', { exact: true }).inputValue()).toBe(DANGLING);
    await page.getByRole('button', { name: 'Import' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await alert.waitFor();
    const problem = alert.getByRole('listitem');
    expect(await problem.count()).toBe(1);
    // The reference is on line 13 of the file.
    expect(await problem.locator('.issue-where').textContent()).toBe('crm.yml:13');
    expect(await problem.textContent()).toContain('refers to crm.customers.id');
    await screenshot(page, 'admin-datamap-import-error');

    await page.reload();
    await page.getByRole('status').filter({ hasText: '1 dataset.' }).waitFor();
    expect(await rows.count(), 'the list is unchanged').toBe(2);
    const stored = await (
      await fetch(`${testApp.url}/api/admin/datasets`, {
        headers: { authorization: `Bearer ${await testApp.apiKey('viewer')}` },
      })
    ).json();
    expect(stored.datasets.map((d: { fidesKey: string }) => d.fidesKey)).toEqual(['demo_shop']);

    await page.getByLabel('YAML', { exact: true }).fill(VALID);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported crm.' }).waitFor();
    const crm = page.getByRole('row').filter({ hasText: 'crm' });
    await crm.waitFor();
    expect(await crm.textContent()).toMatch(/CRM\s*24/);
    await page.getByRole('status').filter({ hasText: '2 datasets.' }).waitFor();

    // Delete asks first, then the dataset is gone.
    await crm.getByRole('button', { name: 'Delete the dataset crm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the dataset crm?' });
    await dialog.getByRole('button', { name: 'Delete dataset' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted the dataset crm. 1 dataset.' }).waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an admin creates a purpose on 6.1.f without an assessment, and the check names what is missing', async () => {
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/datamap/purposes', admin, {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole('heading', { level: 1, name: 'Purposes' }).waitFor();
    await page.getByRole('link', { name: 'Add a purpose' }).click();
    await page.getByRole('heading', { level: 1, name: 'New purpose' }).waitFor();

    // First with values the server refuses: each problem is shown beside its field.
    await page.getByLabel('Key', { exact: true }).fill('loyalty scoring');
    await page.getByLabel('Name', { exact: true }).fill('Loyalty scoring');
    await page.getByLabel('Data use').selectOption('marketing.communications');
    await page
      .getByLabel('Legal basis (Art. 6(1) GDPR)')
      .selectOption({ label: 'Art. 6(1)(f) GDPR: Our legitimate interests' });
    await page.getByLabel('Legitimate interest pursued').fill('Rewarding loyal customers with offers');
    await page.getByLabel('Retention period').fill('two years');
    await page.getByLabel('Data categories', { exact: true }).fill('user.behavior.purchase_history');
    await page.getByLabel('Data categories', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Create purpose' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The purpose was not saved: see the marked fields.' })
      .waitFor();
    expect(await page.getByLabel('Key', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Retention period').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#purpose-retention-period-error').textContent()).toBe(
      'is not in the expected form (see the hint)',
    );
    await screenshot(page, 'admin-datamap-purpose-errors');

    await page.getByLabel('Key', { exact: true }).fill('loyalty_scoring');
    await page.getByLabel('Retention period').fill('P2Y');
    await page.getByRole('button', { name: 'Create purpose' }).click();
    await page.getByRole('heading', { level: 1, name: 'Loyalty scoring' }).waitFor();
    await page.waitForURL(`${testApp.url}/admin/datamap/purposes/loyalty_scoring`);
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const check = page.getByRole('region', { name: 'Check' });
    const missing = check.getByRole('listitem').filter({ hasText: 'legitimate_interest_without_assessment' });
    await missing.waitFor();
    expect(await missing.textContent()).toContain('purposes/loyalty_scoring/legitimateInterestAssessment');
    expect(await missing.textContent()).toContain('balancing test');
    expect(await page.getByLabel('Data categories', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Chosen: Data categories' }).textContent()).toContain(
      'user.behavior.purchase_history',
    );
    await screenshot(page, 'admin-datamap-purpose-check');

    // The overview's check lists it too, as an error with its path.
    await page
      .getByRole('navigation', { name: 'Console sections' })
      .getByRole('link', { name: 'Data map' })
      .click();
    const modelCheck = page.getByRole('region', { name: 'Purposes, systems and recipients' });
    const errors = modelCheck.getByRole('region', { name: /^Errors/ });
    await errors.waitFor();
    expect(await errors.textContent()).toContain('purposes/loyalty_scoring/legitimateInterestAssessment');

    // Writing the assessment clears it.
    await page.goto(`${testApp.url}/admin/datamap/purposes/loyalty_scoring`);
    await page
      .getByLabel('Legitimate interest assessment')
      .fill('Customers expect offers for what they buy; opt-out in every mail.');
    await page.getByRole('button', { name: 'Save purpose' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await check.getByText('The check found nothing missing here.').waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a viewer reads every data-map page but sees no way to change anything', async () => {
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/datamap', viewer, {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole('heading', { level: 1, name: 'Data map' }).waitFor();
    const editing = /^(Add|Create|Save|Delete|Import|Test|Scan|Remove)/;
    const editButtons = () => page.locator('main').getByRole('button', { name: editing });
    const editLinks = () => page.locator('main').getByRole('link', { name: editing });

    for (const [path, heading, ready] of [
      ['/admin/datamap/datasets', 'Datasets', 'demo_shop'],
      ['/admin/datamap/systems', 'Systems', 'Web shop'],
      ['/admin/datamap/purposes', 'Purposes', 'Order fulfilment'],
      ['/admin/datamap/recipients', 'Recipients', 'PayFlow Payments Europe S.A.'],
      ['/admin/datamap/connections', 'Connections', 'Demo shop'],
    ] as const) {
      await page.goto(`${testApp.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByRole('rowheader', { name: ready }).waitFor();
      expect(await editButtons().count(), path).toBe(0);
      expect(await editLinks().count(), path).toBe(0);
    }
    expect(await page.getByRole('region', { name: 'Add a connection' }).count()).toBe(0);

    // One record: every field readable, none changeable, no save or delete.
    await page.goto(`${testApp.url}/admin/datamap/purposes`);
    await page.getByRole('link', { name: 'Order fulfilment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Order fulfilment' }).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Order fulfilment');
    expect(await page.getByLabel('Name', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Legal basis (Art. 6(1) GDPR)').isDisabled()).toBe(true);
    expect(await editButtons().count()).toBe(0);
    await screenshot(page, 'admin-datamap-purpose-viewer');

    await page.goto(`${testApp.url}/admin/datamap/purposes/new`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.goto(`${testApp.url}/admin/datamap/connections/anything/scan`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
