import type { Writable } from 'node:stream';
import { buildSupplementaryInformation } from './build-supplementary-information.ts';
import { collectionFields, findCollection } from './collection-fields.ts';
import type { PackageInput, PackageSummary } from './package-input.ts';
import { renderAccessIndexHtml } from './render-access-index-html.ts';
import { renderManifest } from './render-manifest.ts';
import { writeCollections } from './write-collections.ts';
import { createZipWriter } from './zip-writer.ts';

/**
 * Streams the Art. 15 access package to `out` as a ZIP: `<dataset>/<collection>.json` and `.csv` for every
 * collection, then `supplementary-information.json`, `index.html` and `manifest.json` (SHA-256 of every other
 * entry). Rows are read once, lazily, as fast as `out` takes the bytes; memory does not grow with their
 * number. With the same input and `generatedAt` the bytes are the same. On error or abort `out` is destroyed
 * and the promise rejects.
 */
export async function writeAccessPackage(
  input: PackageInput,
  out: Writable,
  signal: AbortSignal,
): Promise<PackageSummary> {
  const zip = createZipWriter(out, input.generatedAt, signal);
  try {
    const { collections, entries } = await writeCollections(
      zip,
      input,
      (source) => ({
        declaredFields: collectionFields(
          findCollection(input.dataMap.datasets, source.dataset, source.collection),
        ).map((f) => f.name),
      }),
      signal,
    );
    const info = buildSupplementaryInformation(input.dataMap, collections, input.generatedAt);
    entries.push(await zip.add('supplementary-information.json', `${JSON.stringify(info, null, 2)}\n`));
    const html = renderAccessIndexHtml({
      info,
      collections,
      identities: input.identities,
      generatedAt: input.generatedAt,
      ...(input.requestId === undefined ? {} : { requestId: input.requestId }),
    });
    entries.push(await zip.add('index.html', html));
    const manifest = await zip.add('manifest.json', renderManifest(entries, input.generatedAt));
    await zip.finish();
    return { collections, entries: [...entries, manifest] };
  } catch (error) {
    await zip.fail(error);
    throw error;
  }
}
