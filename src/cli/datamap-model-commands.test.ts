import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../test/support/run-cli.ts';
import { createPostgresDatabase, type TestDatabase } from '../../test/support/test-stores.ts';
import { modelResources, type ModelResourceName } from '../datamap/privacy-model/model-resources.ts';
import { openStore } from '../store/open-store.ts';

const recipients = `
- key: mailer
  name: Mailer GmbH
  role: processor
  country: DE
  dpaSignedOn: 2024-03-01
- key: cloud
  name: Cloud Inc.
  role: processor
  country: US
`;

const shop = `key: shop
name: Web shop
owner: Sales team
recipientKeys: [mailer, cloud]
`;

const orders = JSON.stringify({
  key: 'orders',
  name: 'Orders',
  dataUse: 'essential.service',
  systemKey: 'shop',
  legalBasis: '6.1.b',
  dataSubjects: ['customer'],
  dataCategories: ['user.contact.email'],
  retentionPeriod: 'P10Y',
  retentionByCategory: [
    { dataCategory: 'user.contact.email', period: 'P2Y', criteria: 'after the last order' },
  ],
});

describe.each(['sqlite', 'postgres'] as const)(
  'privet datamap systems|recipients|purposes|transfers (%s)',
  (kind) => {
    let dir: string;
    let env: Record<string, string>;
    let database: TestDatabase | undefined;
    const file = async (name: string, text: string) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    };
    const cli = (...args: string[]) => runCli(['datamap', ...args], env);
    // Reads go through the store (the same use cases the CLI lists with): every CLI start costs seconds here.
    const listed = async (plural: ModelResourceName) => {
      const store = openStore(env.PRIVET_DATABASE_URL ?? join(dir, 'data', 'privet.db'));
      try {
        return (await modelResources[plural].list(store.db)) as Record<string, unknown>[];
      } finally {
        await store.close();
      }
    };

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'privet-model-cli-'));
      env = { PRIVET_DATA_DIR: join(dir, 'data'), PRIVET_DEMO: 'false' };
      if (kind === 'postgres') {
        database = await createPostgresDatabase();
        env.PRIVET_DATABASE_URL = database.url;
      }
    }, 300_000);
    afterAll(async () => {
      await database?.drop();
      await rm(dir, { recursive: true, force: true });
    });

    it('puts a list of recipients, a system, a purpose and a transfer; lists and shows them; audits as cli', async () => {
      const put = await cli(
        'recipients',
        'put',
        '--file',
        await file('recipients.yml', recipients),
        '--json',
      );
      expect(put.stderr).toBe('');
      expect(JSON.parse(put.stdout)).toEqual({
        results: [
          { id: 'mailer', action: 'created' },
          { id: 'cloud', action: 'created' },
        ],
      });
      expect((await cli('systems', 'put', '--file', await file('shop.yml', shop))).stdout).toBe(
        'Created system shop.\n',
      );
      expect((await cli('purposes', 'put', '--file', await file('orders.json', orders))).stdout).toBe(
        'Created purpose orders.\n',
      );
      const transfer = await cli(
        'transfers',
        'put',
        '--file',
        await file('t.yml', 'recipientKey: cloud\nsystemKey: shop\ndestinationCountry: US\nsafeguard: scc\n'),
        '--json',
      );
      const [created] = (JSON.parse(transfer.stdout) as { results: { id: string; action: string }[] })
        .results;
      expect(created?.action).toBe('created');

      expect((await listed('systems')).map((s) => [s.key, s.owner, s.recipientKeys])).toEqual([
        ['shop', 'Sales team', ['mailer', 'cloud']],
      ]);
      expect((await listed('recipients')).map((r) => [r.key, r.dpaSignedOn, r.purposeKeys])).toEqual([
        ['cloud', null, ['orders']],
        ['mailer', '2024-03-01', ['orders']],
      ]);
      const [purpose] = await listed('purposes');
      expect(purpose?.retentionByCategory).toEqual([
        { dataCategory: 'user.contact.email', period: 'P2Y', criteria: 'after the last order' },
      ]);
      expect((await listed('transfers')).map((t) => [t.id, t.safeguard, t.destinationCountry])).toEqual([
        [created?.id, 'scc', 'US'],
      ]);
      expect((await cli('transfers', 'list')).stdout).toBe(`${created?.id}  cloud → US (scc)\n`);

      // show prints YAML that put takes back, read-only fields and all.
      const shown = await cli('systems', 'show', 'shop');
      expect(parse(shown.stdout)).toMatchObject({
        key: 'shop',
        owner: 'Sales team',
        recipientKeys: ['mailer', 'cloud'],
      });
      const edited = shown.stdout.replace('owner: Sales team', 'owner: Shop team');
      const update = await cli('systems', 'put', '--file', await file('shop-edited.yml', edited));
      expect(update.stdout).toBe('Updated system shop.\n');
      const moved = `id: ${created?.id}\nrecipientKey: cloud\ndestinationCountry: US\nsafeguard: bcr\n`;
      expect((await cli('transfers', 'put', '--file', await file('t2.yml', moved))).stdout).toBe(
        `Updated transfer ${created?.id}.\n`,
      );

      const store = openStore(env.PRIVET_DATABASE_URL ?? join(dir, 'data', 'privet.db'));
      try {
        const audit = await store.db
          .selectFrom('audit_log')
          .select(['actor', 'action', 'target'])
          .where('action', 'like', 'datamap.%')
          .orderBy('seq')
          .execute();
        expect(audit.map((a) => `${a.actor} ${a.action} ${a.target}`)).toEqual([
          'cli datamap.recipient.create recipient:mailer',
          'cli datamap.recipient.create recipient:cloud',
          'cli datamap.system.create system:shop',
          'cli datamap.purpose.create purpose:orders',
          `cli datamap.transfer.create transfer:${created?.id}`,
          'cli datamap.system.update system:shop',
          `cli datamap.transfer.update transfer:${created?.id}`,
        ]);
      } finally {
        await store.close();
      }
    }, 300_000);

    it('rejects bad files with file:line: path: message and writes nothing of them', async () => {
      const before = await listed('recipients');
      const mixed = await file(
        'mixed.yml',
        '- key: fresh\n  name: Fresh\n  role: processor\n  country: FR\n- key: broken\n  name: Broken\n  role: boss\n  country: fr\n',
      );
      const bad = await cli('recipients', 'put', '--file', mixed);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(`${mixed}:7: [1].role: `);
      expect(bad.stderr).toContain(`${mixed}:8: [1].country: must match pattern`);
      expect(bad.stderr).toContain('Nothing was written (2 problem(s)).');

      // Valid by schema, but the second record names a recipient that does not exist: the first is rolled back.
      const systems = await file(
        'systems.yml',
        '- key: other\n  name: Other\n- key: third\n  name: Third\n  recipientKeys:\n    - mailer\n    - ghost\n',
      );
      const refused = await cli('systems', 'put', '--file', systems, '--json');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`${systems}:7: [1].recipientKeys.1: no recipient ghost`);
      expect(JSON.parse(refused.stdout).error.issues).toEqual([
        {
          code: 'unknown_recipient',
          path: `${systems}:7: [1].recipientKeys.1`,
          message: 'no recipient ghost',
        },
      ]);
      expect((await listed('systems')).map((s) => s.key)).toEqual(['shop']);
      expect(await listed('recipients')).toEqual(before);

      const syntax = await cli('purposes', 'put', '--file', await file('syntax.yml', 'key: a\nname: [b\n'));
      expect(syntax.code).toBe(1);
      expect(syntax.stderr).toMatch(/syntax\.yml:\d+: /);
      const missing = await cli(
        'transfers',
        'put',
        '--file',
        await file('gone.yml', 'id: trf_nope\nrecipientKey: cloud\ndestinationCountry: US\n'),
      );
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('gone.yml:1: (record): No transfer trf_nope');
    }, 300_000);

    it('removes records, refusing while others use them', async () => {
      const inUse = await cli('systems', 'remove', 'shop');
      expect(inUse.code).toBe(1);
      expect(inUse.stderr).toContain('System shop is still used by purpose orders');
      const [transfer] = await listed('transfers');
      expect((await cli('transfers', 'remove', String(transfer?.id))).stdout).toBe(
        `Removed transfer ${String(transfer?.id)}.\n`,
      );
      expect(JSON.parse((await cli('purposes', 'remove', 'orders', '--json')).stdout)).toEqual({
        removed: 'orders',
      });
      expect((await cli('systems', 'remove', 'shop')).code).toBe(0);
      expect(await listed('systems')).toEqual([]);
    }, 300_000);
  },
);
