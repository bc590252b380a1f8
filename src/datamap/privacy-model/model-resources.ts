import type { Kysely } from 'kysely';
import type { TSchema } from 'typebox';
import type { Database } from '../../store/schema.ts';
import { NewPurposeSchema, PurposeFieldsSchema, PurposeSchema } from '../purposes/purpose.ts';
import * as purposes from '../purposes/purpose-repository.ts';
import { NewRecipientSchema, RecipientFieldsSchema, RecipientSchema } from '../recipients/recipient.ts';
import * as recipients from '../recipients/recipient-repository.ts';
import { TransferFieldsSchema, TransferSchema } from '../recipients/transfer.ts';
import * as transfers from '../recipients/transfer-repository.ts';
import { NewSystemSchema, SystemFieldsSchema, SystemSchema } from '../systems/system.ts';
import * as systems from '../systems/system-repository.ts';
import type { PrivacyModelDeps } from './privacy-model-deps.ts';

type Deps = Pick<PrivacyModelDeps, 'store' | 'clock'>;
type Trx = Kysely<Database> | undefined;

/**
 * One kind of privacy-model record and the use cases behind it, so that the API and the CLI read, validate
 * and write it the same way. Inputs are validated against `newSchema`/`fieldsSchema` by the caller.
 */
export interface ModelResource {
  /** Singular and plural nouns, e.g. `system`, `systems` (the plural is also the API path segment). */
  readonly noun: string;
  readonly plural: string;
  /** How a record is named: `key` for fides-keyed records (chosen by people), `id` for generated ids. */
  readonly param: 'key' | 'id';
  /** What a new record is written with: the key and the fields, or (for `id` records) the fields alone. */
  readonly newSchema: TSchema;
  readonly fieldsSchema: TSchema;
  readonly itemSchema: TSchema;
  /** Properties of a returned record that are derived or generated, ignored when a record is written back. */
  readonly readOnly: readonly string[];
  list(db: Kysely<Database>, signal?: AbortSignal): Promise<object[]>;
  get(db: Kysely<Database>, id: string): Promise<object | undefined>;
  create(deps: Deps, input: never, actor: string, trx?: Trx): Promise<object>;
  update(deps: Deps, id: string, fields: never, actor: string, trx?: Trx): Promise<object>;
  remove(deps: Deps, id: string, actor: string, trx?: Trx): Promise<void>;
}

const stamps = ['createdAt', 'updatedAt'];

/** Systems, purposes, recipients and transfers, in the order a model file is best written. */
export const modelResources = {
  systems: {
    noun: 'system',
    plural: 'systems',
    param: 'key',
    newSchema: NewSystemSchema,
    fieldsSchema: SystemFieldsSchema,
    itemSchema: SystemSchema,
    readOnly: stamps,
    list: systems.listSystems,
    get: systems.getSystem,
    create: systems.createSystem,
    update: systems.updateSystem,
    remove: systems.deleteSystem,
  },
  recipients: {
    noun: 'recipient',
    plural: 'recipients',
    param: 'key',
    newSchema: NewRecipientSchema,
    fieldsSchema: RecipientFieldsSchema,
    itemSchema: RecipientSchema,
    readOnly: [...stamps, 'purposeKeys'],
    list: recipients.listRecipients,
    get: recipients.getRecipient,
    create: recipients.createRecipient,
    update: recipients.updateRecipient,
    remove: recipients.deleteRecipient,
  },
  purposes: {
    noun: 'purpose',
    plural: 'purposes',
    param: 'key',
    newSchema: NewPurposeSchema,
    fieldsSchema: PurposeFieldsSchema,
    itemSchema: PurposeSchema,
    readOnly: stamps,
    list: purposes.listPurposes,
    get: purposes.getPurpose,
    create: purposes.createPurpose,
    update: purposes.updatePurpose,
    remove: purposes.deletePurpose,
  },
  transfers: {
    noun: 'transfer',
    plural: 'transfers',
    param: 'id',
    newSchema: TransferFieldsSchema,
    fieldsSchema: TransferFieldsSchema,
    itemSchema: TransferSchema,
    readOnly: stamps,
    list: transfers.listTransfers,
    get: transfers.getTransfer,
    create: transfers.createTransfer,
    update: transfers.updateTransfer,
    remove: transfers.deleteTransfer,
  },
} as const satisfies Record<string, ModelResource>;

/** The names of the privacy-model record kinds: `systems`, `recipients`, `purposes`, `transfers`. */
export type ModelResourceName = keyof typeof modelResources;

/** The record kinds as a list, for command and route registration. */
export const modelResourceNames = Object.keys(modelResources) as ModelResourceName[];
