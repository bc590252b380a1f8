/** Which record of Art. 30 GDPR: the controller's (30(1)) or the processor's (30(2)). */
export const ropaKinds = ['controller', 'processor'] as const;
export type RopaKind = (typeof ropaKinds)[number];

/** One labelled fact about who keeps the record (name, contact, DPO). */
export interface RopaKeeperField {
  readonly label: string;
  readonly value: string;
}

/** A record of processing as a table, ready to render as CSV or HTML. */
export interface RopaRecord {
  readonly kind: RopaKind;
  readonly title: string;
  /** Who keeps the record: a header block in HTML, leading columns in CSV. */
  readonly keeper: readonly RopaKeeperField[];
  readonly columns: readonly string[];
  /** The column that names a row (the purpose), marked as the row header for screen readers. */
  readonly rowHeaderColumn: number;
  /** Row → cell → the cell's items (several recipients, several categories …). */
  readonly rows: readonly (readonly (readonly string[])[])[];
}
