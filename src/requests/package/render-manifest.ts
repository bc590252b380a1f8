import type { PackageEntry } from './package-input.ts';

/**
 * `manifest.json`: every other entry with its size and SHA-256, so the person (or anyone they pass the
 * package to) can check that no file was changed or left out.
 */
export function renderManifest(entries: readonly PackageEntry[], generatedAt: Date): string {
  const manifest = {
    generatedAt: generatedAt.toISOString(),
    algorithm: 'SHA-256',
    entries: entries.map((e) => ({ path: e.path, bytes: e.bytes, sha256: e.sha256 })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
