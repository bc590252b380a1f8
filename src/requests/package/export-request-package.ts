import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { loadPrivacyModel } from '../../datamap/privacy-model/privacy-model.ts';
import { loadDefaultTaxonomy } from '../../datamap/taxonomy/load-default-taxonomy.ts';
import { readOrganisation } from '../../demo/organisation.ts';
import type { DatasetBinding } from '../../engine/execution/plan-request.ts';
import type { RequestEngineDeps } from '../../engine/execution/request-engine-deps.ts';
import { runRequest, type RequestRunResult } from '../../engine/execution/run-request.ts';
import type { IdentityInput } from '../../engine/identity/subject-identity.ts';
import type { PackageInput } from './package-input.ts';
import { writeAccessPackage } from './write-access-package.ts';
import { writePortabilityPackage } from './write-portability-package.ts';

/** What to export and where. */
export interface ExportRequestInput {
  readonly type: 'access' | 'portability';
  readonly bindings: readonly DatasetBinding[];
  readonly identities: readonly IdentityInput[];
  readonly subject?: string;
  /** The ZIP to write; it appears only when complete (written beside it first, then renamed). */
  readonly outFile: string;
  readonly requestId?: string;
  readonly actor?: string;
}

/** The written package: its path, size and SHA-256, and the run's result per collection. */
export interface ExportedPackage {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly result: RequestRunResult;
}

async function sha256Of(path: string, signal: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function identityRecord(identities: readonly IdentityInput[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { type, value } of identities)
    record[type] = record[type] === undefined ? value.trim() : `${record[type]}, ${value.trim()}`;
  return record;
}

/**
 * Runs an access (Art. 15) or portability (Art. 20) request over the bindings and streams the subject's rows
 * straight into the package ZIP: the rows are never all in memory. The supplementary information comes from
 * the stored data map (purposes, processors, organisation) and the bindings' datasets. A collection whose
 * database is down is missing from the package and `failed` in the result (the run is then `partial`). On an
 * error or abort no file is left at `outFile`.
 */
export async function exportRequestPackage(
  deps: RequestEngineDeps,
  input: ExportRequestInput,
  signal: AbortSignal,
): Promise<ExportedPackage> {
  const [model, organisation] = await Promise.all([
    loadDefaultTaxonomy(signal).then((taxonomy) => loadPrivacyModel(deps.store.db, taxonomy, signal)),
    readOrganisation(deps.store.db),
  ]);
  const partial = `${input.outFile}.${randomBytes(4).toString('hex')}.partial`;
  const write = input.type === 'access' ? writeAccessPackage : writePortabilityPackage;
  let written = false;
  try {
    const result = await runRequest(
      deps,
      {
        type: input.type,
        bindings: input.bindings,
        identities: input.identities,
        actor: input.actor ?? 'system',
        ...(input.subject === undefined ? {} : { subject: input.subject }),
        consume: async (collections) => {
          const packageInput: PackageInput = {
            identities: identityRecord(input.identities),
            collections,
            dataMap: { model, organisation, datasets: input.bindings.map((b) => b.dataset) },
            generatedAt: deps.clock.now(),
            ...(input.requestId === undefined ? {} : { requestId: input.requestId }),
          };
          await write(packageInput, createWriteStream(partial), signal);
          written = true;
        },
      },
      signal,
    );
    if (result.cancelled) throw signal.reason ?? new Error('Cancelled');
    if (!written) throw new Error('The request ended before its package was written');
    const sha256 = await sha256Of(partial, signal);
    const { size } = await stat(partial);
    await rename(partial, input.outFile);
    return { file: input.outFile, bytes: size, sha256, result };
  } finally {
    await rm(partial, { force: true });
  }
}
