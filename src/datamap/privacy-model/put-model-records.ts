import { isPrivetError, PrivetError } from '../../domain/errors.ts';
import type { ModelResource } from './model-resources.ts';
import type { ModelFile } from './parse-model-file.ts';
import { PRIVACY_MODEL_LOCK, type PrivacyModelDeps } from './privacy-model-deps.ts';

/** What happened to one record of a model file. */
export interface PutOutcome {
  readonly id: string;
  readonly action: 'created' | 'updated';
}

/**
 * Creates or updates every record of a parsed model file with the same use cases as the API, all in one
 * transaction: a record that fails (an unknown recipient, a missing transfer) leaves nothing of the file
 * written, and its issues name the file, line and path.
 */
export async function putModelRecords(
  deps: Pick<PrivacyModelDeps, 'store' | 'clock'>,
  resource: ModelResource,
  file: ModelFile,
  actor: string,
): Promise<PutOutcome[]> {
  return deps.store.transaction(
    async (trx) => {
      const outcomes: PutOutcome[] = [];
      for (const write of file.writes) {
        try {
          const exists = write.id !== undefined && (await resource.get(trx, write.id)) !== undefined;
          if (exists || (resource.param === 'id' && write.id !== undefined)) {
            const fields: Record<string, unknown> = { ...write.input };
            delete fields.key;
            await resource.update(deps, write.id ?? '', fields as never, actor, trx);
            outcomes.push({ id: write.id ?? '', action: 'updated' });
          } else {
            const created = (await resource.create(deps, write.input as never, actor, trx)) as {
              key?: string;
              id?: string;
            };
            outcomes.push({ id: created.key ?? created.id ?? '', action: 'created' });
          }
        } catch (error) {
          if (!isPrivetError(error)) throw error;
          const issues =
            error.issues.length > 0
              ? error.issues.map((i) => ({ ...i, path: file.locate(write.at, i.path) }))
              : [{ code: error.code, path: file.locate(write.at, ''), message: error.message }];
          throw new PrivetError(error.code, issues.map((i) => `${i.path}: ${i.message}`).join('\n'), {
            issues,
            cause: error,
          });
        }
      }
      return outcomes;
    },
    { lock: PRIVACY_MODEL_LOCK },
  );
}
