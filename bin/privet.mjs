#!/usr/bin/env node
// Runs the CLI. With a current build of it (dist/cli/, `npm run build:cli`, made by `npm ci`, `npm start` and
// `npm test`) as plain JavaScript: about half the memory and start-up time. Otherwise (no build yet, or a
// source file changed since the build) the TypeScript sources directly through tsx, so no build is needed.
// PRIVET_CLI=build insists on the build (an error when it is not current), PRIVET_CLI=tsx on the sources.
import { readFileSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// Every command but the servers is one process doing one job that streams its data (an export of a million
// rows holds a few thousand at a time), so its memory is V8's heap policy more than its data: left alone, the
// young generation grows to 32 MB and old garbage piles up to about 4 times the live heap before a full
// collection. Keeping the young generation at its initial size and the old one within 1.5 times its live size
// holds such an export under 150 MB (from about 250 MB) for some more CPU spent collecting (about +40 % on
// that export; nothing measurable on small ones). Set first, before the young generation grows. (Measured on
// Node 20; later V8 versions raise a growth factor below 2 to 2, so there the young generation still grows.)
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (command !== 'serve' && command !== 'worker') {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=50');
}

const built = new URL('../dist/cli/', import.meta.url);
const root = new URL('../', import.meta.url);

/** The current build's entry module, or undefined when there is none or a source changed since. */
function currentBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(new URL('current.json', built), 'utf8'));
  } catch {
    return undefined;
  }
  for (const [path, size, mtimeMs] of manifest.sources) {
    const info = statSync(new URL(path, root), { throwIfNoEntry: false });
    if (info === undefined || info.size !== size || info.mtimeMs !== mtimeMs) return undefined;
  }
  return new URL(`${manifest.dir}/main.js`, built).href;
}

const mode = process.env.PRIVET_CLI;
const entry = mode === 'tsx' ? undefined : currentBuild();
if (entry === undefined && mode === 'build') {
  process.stderr.write(
    'privet: PRIVET_CLI=build, but dist/cli/ is missing or older than src/: npm run build:cli\n',
  );
  process.exit(1);
}
if (entry === undefined) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import(entry ?? '../src/cli/main.ts');
await main(process.argv);
