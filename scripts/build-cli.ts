/**
 * `npm run build:cli`: compiles the CLI (src/cli/main.ts and what it imports) to plain JavaScript in
 * dist/cli/, so that bin/privet.mjs runs without tsx: a smaller and faster process (tsx's loader thread and
 * its transforms cost about 80 MB). Packages stay imports of node_modules; each command module is its own
 * chunk, loaded only by the command that needs it.
 *
 * Each build goes to a folder of its own, dist/cli/<id>/; dist/cli/current.json names it and lists every
 * source file it was built from with its size and time, and is replaced last, in one rename. bin/privet.mjs
 * runs the build only while every one of those files is unchanged, and falls back to tsx otherwise (a fresh
 * clone before any build, or a source edited since). Builds older than an hour are removed, later, so that a
 * CLI already running can still load its chunks.
 */
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const outRoot = join(root, 'dist', 'cli');
const KEEP_OLD_BUILDS_MS = 60 * 60_000;

/** What bin/privet.mjs reads: the build folder and the sources with their size and mtime. */
export interface CliBuildManifest {
  readonly dir: string;
  readonly sources: readonly (readonly [path: string, size: number, mtimeMs: number])[];
}

/**
 * Modules find files next to them with `new URL('./x/', import.meta.url)` (migrations, templates, web/dist);
 * in the bundle each such `import.meta.url` is replaced by the URL of the module's own source file, computed
 * from the chunk's URL, so those files are found where they are, wherever the repository lives.
 */
function sourceImportMetaUrl(outDir: string): Plugin {
  return {
    name: 'source-import-meta-url',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const text = await readFile(path, 'utf8');
        if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
        const fromChunk = relative(outDir, path).split('\\').join('/');
        const url = `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`;
        return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

async function removeOldBuilds(current: string): Promise<void> {
  const now = Date.now();
  for (const entry of await readdir(outRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const path = join(outRoot, entry.name);
    if (now - (await stat(path)).mtimeMs > KEEP_OLD_BUILDS_MS)
      await rm(path, { recursive: true, force: true });
  }
}

/** Builds the CLI into a new folder of dist/cli/ and makes it the current build; returns the folder. */
export async function buildCli(): Promise<string> {
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const outDir = join(outRoot, id);
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: join(root, 'src', 'cli', 'main.ts') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: '[name]-[hash]',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceImportMetaUrl(outDir)],
  });
  const sources = await Promise.all(
    Object.keys(result.metafile.inputs).map(async (input) => {
      const info = await stat(join(root, input));
      return [input, info.size, info.mtimeMs] as const;
    }),
  );
  const manifest: CliBuildManifest = { dir: id, sources };
  const temporary = join(outRoot, `current.json.${id}`);
  await writeFile(temporary, JSON.stringify(manifest));
  await rename(temporary, join(outRoot, 'current.json'));
  await removeOldBuilds(id);
  return outDir;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const outDir = await buildCli();
  console.log(
    `built the CLI into ${relative(root, outDir)} in ${Math.round(performance.now() - started)} ms`,
  );
}
