import type { Writable } from 'node:stream';
import type { PackageInput, PackageSummary } from './package-input.ts';
import { portabilityPurposes, portableFields } from './portable-fields.ts';
import { renderManifest } from './render-manifest.ts';
import { renderPortabilityReadme } from './render-portability-readme.ts';
import type { JsonValue } from './to-json-value.ts';
import { writeCollections } from './write-collections.ts';
import { createZipWriter } from './zip-writer.ts';

/**
 * Streams the Art. 20 portability package to `out` as a ZIP: for each collection with portable fields (see
 * `portableFields`) a JSON and a CSV file holding only those fields, then `README.txt` and `manifest.json`.
 * A row with no portable value is left out; a collection with no portable field is read and dropped. Streams
 * and fails like `writeAccessPackage`.
 */
export async function writePortabilityPackage(
  input: PackageInput,
  out: Writable,
  signal: AbortSignal,
): Promise<PackageSummary> {
  const zip = createZipWriter(out, input.generatedAt, signal);
  const used = new Set<string>();
  try {
    const { collections, entries } = await writeCollections(
      zip,
      input,
      (source) => {
        const portable = portableFields(input.dataMap, source.dataset, source.collection);
        if (portable.length === 0) return undefined;
        return {
          declaredFields: portable.map((f) => f.name),
          project: (row) => {
            const kept: Record<string, JsonValue> = {};
            let filled = false;
            for (const field of portable) {
              const value = row[field.name];
              if (value === undefined) continue;
              kept[field.name] = value;
              if (value === null || value === '') continue;
              filled = true;
              for (const key of field.purposes) used.add(key);
            }
            return filled ? kept : undefined;
          },
        };
      },
      signal,
    );
    const readme = renderPortabilityReadme({
      controller: input.dataMap.organisation?.name ?? '',
      collections,
      // The purposes that made a written value portable, not every consent or contract purpose.
      purposes: portabilityPurposes(input.dataMap).filter((p) => used.has(p.key)),
      identities: input.identities,
      generatedAt: input.generatedAt,
      ...(input.requestId === undefined ? {} : { requestId: input.requestId }),
    });
    entries.push(await zip.add('README.txt', readme));
    const manifest = await zip.add('manifest.json', renderManifest(entries, input.generatedAt));
    await zip.finish();
    return { collections, entries: [...entries, manifest] };
  } catch (error) {
    await zip.fail(error);
    throw error;
  }
}
