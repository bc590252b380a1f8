import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { Purpose } from '../purposes/purpose.ts';
import { listPurposes } from '../purposes/purpose-repository.ts';
import type { Recipient } from '../recipients/recipient.ts';
import { listRecipients } from '../recipients/recipient-repository.ts';
import type { Transfer } from '../recipients/transfer.ts';
import { listTransfers } from '../recipients/transfer-repository.ts';
import type { System } from '../systems/system.ts';
import { listSystems } from '../systems/system-repository.ts';
import type { DefaultTaxonomy } from '../taxonomy/load-default-taxonomy.ts';
import { loadTaxonomy } from '../taxonomy/load-taxonomy.ts';
import type { Taxonomy } from '../taxonomy/taxonomy.ts';

/** The privacy side of the data map at one moment: what the ROPA, the notice and the check are built from. */
export interface PrivacyModel {
  readonly systems: readonly System[];
  readonly purposes: readonly Purpose[];
  readonly recipients: readonly Recipient[];
  readonly transfers: readonly Transfer[];
  readonly taxonomy: Taxonomy;
}

/** Reads the whole privacy model (it is small: tens to hundreds of records). */
export async function loadPrivacyModel(
  db: Kysely<Database>,
  taxonomyDefaults: DefaultTaxonomy,
  signal?: AbortSignal,
): Promise<PrivacyModel> {
  const [systems, purposes, recipients, transfers, taxonomy] = await Promise.all([
    listSystems(db, signal),
    listPurposes(db, signal),
    listRecipients(db, signal),
    listTransfers(db, signal),
    loadTaxonomy(db, taxonomyDefaults, signal),
  ]);
  return { systems, purposes, recipients, transfers, taxonomy };
}

/** The recipients of a purpose: those it names and those of its system, each once, by name. */
export function recipientsOfPurpose(model: PrivacyModel, purpose: Purpose): Recipient[] {
  const system = model.systems.find((s) => s.key === purpose.systemKey);
  const keys = new Set([...purpose.recipientKeys, ...(system?.recipientKeys ?? [])]);
  return model.recipients.filter((r) => keys.has(r.key));
}

/** The transfers that carry a purpose's data abroad: those to its recipients. */
export function transfersOfPurpose(model: PrivacyModel, purpose: Purpose): Transfer[] {
  const keys = new Set(recipientsOfPurpose(model, purpose).map((r) => r.key));
  return model.transfers.filter((t) => keys.has(t.recipientKey));
}
