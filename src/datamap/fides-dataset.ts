// The Fides dataset resource (fideslang `Dataset`), as written in dataset YAML. Privet imports and exports it
// unchanged in meaning; keys Privet does not interpret are kept in `extra` objects so a round trip loses nothing.

/** A link from a field to a field of another (or the same) collection: `field` is `collection.field[.sub]`. */
export interface FidesReference {
  readonly dataset: string;
  readonly field: string;
  /** `to`: this field points at the referenced one (follow it from here); `from`: the other way; absent: both. */
  readonly direction?: 'from' | 'to';
  /** Keys Privet does not interpret, kept for the round trip. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface FidesMaskingStrategy {
  readonly strategy: string;
  readonly configuration?: Readonly<Record<string, unknown>>;
  /** Keys Privet does not interpret, kept for the round trip. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface FidesFieldMeta {
  /** The identity type this field holds (`email`, `phone_number`, a custom one such as `loyalty_id`). */
  readonly identity?: string;
  readonly primary_key?: boolean;
  readonly data_type?: string;
  readonly length?: number;
  readonly references?: readonly FidesReference[];
  readonly return_all_elements?: boolean;
  readonly read_only?: boolean;
  readonly masking_strategy_override?: FidesMaskingStrategy;
  /** Keys Privet does not interpret, kept for the round trip. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface FidesField {
  readonly name: string;
  readonly description?: string;
  readonly data_categories?: readonly string[];
  readonly fides_meta?: FidesFieldMeta;
  /** Nested fields (documents, JSON columns). */
  readonly fields?: readonly FidesField[];
  /** Privet's extension: how sure discovery was of the proposed category, and why. */
  readonly 'x-privet'?: { readonly confidence?: number; readonly reason?: string };
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface FidesCollectionMeta {
  /** Collections (as `dataset.collection`) that must be processed before this one. */
  readonly after?: readonly string[];
  /** Collections that must be erased before this one. */
  readonly erase_after?: readonly string[];
  readonly skip_processing?: boolean;
  readonly masking_strategy_override?: FidesMaskingStrategy;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface FidesCollection {
  readonly name: string;
  readonly description?: string;
  readonly data_categories?: readonly string[];
  readonly fields: readonly FidesField[];
  readonly fides_meta?: FidesCollectionMeta;
  /**
   * Privet's extension: whose data the rows are (a fideslang data subject such as `customer` or `employee`;
   * absent means the dataset's subject) and whether the collection holds personal data at all (catalogues don't).
   */
  readonly 'x-privet'?: { readonly data_subject?: string; readonly personal?: boolean };
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface FidesDataset {
  readonly fides_key: string;
  readonly name?: string;
  readonly description?: string;
  readonly organization_fides_key?: string;
  readonly data_categories?: readonly string[];
  readonly fides_meta?: Readonly<Record<string, unknown>>;
  readonly collections: readonly FidesCollection[];
  readonly extra?: Readonly<Record<string, unknown>>;
}
