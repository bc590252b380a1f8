/**
 * The child process of `npm run bench:engine` (c): exports one subject's access package with the engine's
 * use case and nothing else loaded, so that its peak RSS is what the export costs. Not for other use.
 * Arguments: <connection URL> <dataset YAML> <email> <out.zip> <store file> <secret>.
 */
import { readFile } from 'node:fs/promises';
import { openDataConnection } from '../src/connectors/open-data-connection.ts';
import { openIntrospector } from '../src/connectors/open-introspector.ts';
import { parseFidesYaml } from '../src/datamap/fides-yaml/parse-fides-yaml.ts';
import { systemClock } from '../src/domain/clock.ts';
import { exportRequestPackage } from '../src/requests/package/export-request-package.ts';
import { migrate } from '../src/store/migrate.ts';
import { openSqliteStore } from '../src/store/open-sqlite-store.ts';

const [url, yml, email, out, storeFile, secret] = process.argv.slice(2);
if (secret === undefined) throw new Error('usage: <url> <dataset.yml> <email> <out.zip> <store> <secret>');
const store = openSqliteStore(storeFile ?? '');
try {
  await migrate(store);
  const { datasets } = parseFidesYaml(await readFile(yml ?? '', 'utf8'), yml ?? '');
  const exported = await exportRequestPackage(
    { store, clock: systemClock, secret, openConnection: openDataConnection, openIntrospector },
    {
      type: 'access',
      bindings: datasets.map((dataset) => ({ dataset, url: url ?? '' })),
      identities: [{ type: 'email', value: email ?? '' }],
      outFile: out ?? '',
    },
    new AbortController().signal,
  );
  const rows = Object.values(exported.result.collections).reduce((n, c) => n + c.rows, 0);
  console.log(JSON.stringify({ status: exported.result.status, rows, bytes: exported.bytes }));
} finally {
  await store.close();
}
