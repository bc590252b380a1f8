import type { Writable } from 'node:stream';
import { createReadStream } from 'node:fs';
import yauzl from 'yauzl';
import type { PackageEntry } from './package-input.ts';
import { addManualFilesToIndex, renderManualIndexHtml } from './render-access-index-html.ts';
import { renderManifest } from './render-manifest.ts';
import { createZipWriter } from './zip-writer.ts';

/** A file exported by hand from a system without a connector, to be put in the package. */
export interface ManualFile {
  /** The system (the task's target); becomes the folder `manual/<system>/`. */
  readonly system: string;
  readonly name: string;
  /** Where the upload is stored. */
  readonly path: string;
  /** The SHA-256 recorded at upload; a stored file that no longer matches it is refused. */
  readonly sha256: string;
}

function segment(name: string): string {
  const safe = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]/gu, '_');
  return safe === '' || /^\.+$/.test(safe) ? '_' : safe.slice(0, 120);
}

/** The ZIP path of a manual file: one plain segment per part, so nothing climbs out of `manual/`. */
export function manualEntryPath(file: Pick<ManualFile, 'system' | 'name'>): string {
  return `manual/${segment(file.system)}/${segment(file.name)}`;
}

async function* copyEntries(base: string, signal: AbortSignal) {
  const zip = await yauzl.openPromise(base, { lazyEntries: true, strictFileNames: true });
  try {
    for await (const entry of zip.eachEntry()) {
      signal.throwIfAborted();
      // A base built here before already holds manual files; they are added afresh, not twice.
      if (entry.fileName === 'manifest.json' || entry.fileName.endsWith('/')) continue;
      if (entry.fileName.startsWith('manual/')) continue;
      yield { path: entry.fileName, stream: await zip.openReadStreamPromise(entry) };
    }
  } finally {
    zip.close();
  }
}

async function text(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Streams a package to `out` that holds every entry of the `base` package (if any) and the manual files under
 * `manual/<system>/<name>`, with a new `manifest.json` listing the SHA-256 of all of them. The base's
 * `index.html` gains a section listing the manual files (written after them); with `index: true` and no base
 * page, a page listing them is made. Rejects (and destroys `out`) when a manual file's bytes differ from the
 * hash recorded at upload.
 */
export async function writeMergedPackage(
  input: {
    base: string | undefined;
    files: readonly ManualFile[];
    generatedAt: Date;
    /** Make an index page when the base has none (an access package). */
    index?: boolean;
  },
  out: Writable,
  signal: AbortSignal,
): Promise<PackageEntry[]> {
  const zip = createZipWriter(out, input.generatedAt, signal);
  const entries: PackageEntry[] = [];
  const taken = new Set<string>();
  let indexHtml: string | undefined;
  try {
    if (input.base !== undefined) {
      for await (const { path, stream } of copyEntries(input.base, signal)) {
        taken.add(path.toLowerCase());
        if (path === 'index.html') {
          indexHtml = await text(stream as AsyncIterable<Uint8Array>);
          continue;
        }
        entries.push(await zip.add(path, stream as AsyncIterable<Uint8Array>));
      }
    }
    const listed: { system: string; path: string }[] = [];
    for (const file of input.files) {
      const wanted = manualEntryPath(file);
      let path = wanted;
      for (let n = 2; taken.has(path.toLowerCase()); n++) path = `${wanted}-${n}`;
      taken.add(path.toLowerCase());
      const entry = await zip.add(path, createReadStream(file.path, { signal }) as AsyncIterable<Uint8Array>);
      if (entry.sha256 !== file.sha256)
        throw new Error(`The stored upload for ${path} no longer matches its recorded SHA-256`);
      entries.push(entry);
      listed.push({ system: file.system, path });
    }
    if (indexHtml !== undefined) {
      entries.push(await zip.add('index.html', addManualFilesToIndex(indexHtml, listed)));
    } else if (input.index === true && listed.length > 0) {
      entries.push(await zip.add('index.html', renderManualIndexHtml(listed, input.generatedAt)));
    }
    entries.push(await zip.add('manifest.json', renderManifest(entries, input.generatedAt)));
    await zip.finish();
    return entries;
  } catch (error) {
    await zip.fail(error);
    throw error;
  }
}
