import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.ts';
import { openStore } from '../store/open-store.ts';

describe('privet datamap taxonomy list|add|remove', () => {
  let dir: string;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runCli(['datamap', 'taxonomy', ...args], env);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privet-taxonomy-cli-'));
    env = { PRIVET_DATA_DIR: join(dir, 'data'), PRIVET_DEMO: 'false' };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds a key under an existing parent, refuses one without, lists and removes it, audited as cli', async () => {
    const added = await cli(
      'add',
      '--kind',
      'data_category',
      '--key',
      'user.unique_id.loyalty_card',
      '--name',
      'Loyalty card number',
      '--json',
    );
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toEqual({
      kind: 'data_category',
      key: 'user.unique_id.loyalty_card',
      name: 'Loyalty card number',
      description: '',
      parentKey: 'user.unique_id',
      sensitivity: null,
    });

    const orphan = await cli('add', '--kind', 'data_use', '--key', 'made_up.thing', '--name', 'Thing');
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toBe('privet: key: the parent made_up is not a known data_use\n');

    const listed = await cli('list');
    expect(listed.stdout).toBe('data_category  user.unique_id.loyalty_card  Loyalty card number\n');
    expect((await cli('remove', 'data_category', 'user.unique_id.loyalty_card')).stdout).toBe(
      'Removed data_category user.unique_id.loyalty_card.\n',
    );

    const store = openStore(join(dir, 'data', 'privet.db'));
    try {
      expect(await store.db.selectFrom('taxonomy_extensions').selectAll().execute()).toEqual([]);
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'target'])
        .where('action', 'like', 'datamap.taxonomy%')
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => `${a.actor} ${a.action} ${a.target}`)).toEqual([
        'cli datamap.taxonomy.add taxonomy:data_category:user.unique_id.loyalty_card',
        'cli datamap.taxonomy.remove taxonomy:data_category:user.unique_id.loyalty_card',
      ]);
    } finally {
      await store.close();
    }
  }, 300_000);
});
