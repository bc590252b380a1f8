import type { ForeignKeyInfo, TableInfo } from '../../connectors/introspection.ts';

/** A table as far as reference directions care: its foreign keys and whether it holds an identity. */
export interface DirectionNode {
  readonly table: TableInfo;
  readonly hasIdentity: boolean;
}

/**
 * Picks the Fides `direction` of each foreign key so that a request flows away from the identities: a key
 * pointing at a table that holds (or leads to) an identity is `from` (the customer's id finds the invoices, an
 * invoice's id finds its lines, as in the Fides sample `orders.customer_id`); a key pointing at anything else
 * is `to` (an order line finds its product, a customer their address). A self-reference is `to`.
 */
export function referenceDirections(
  nodes: readonly DirectionNode[],
): (table: TableInfo, foreignKey: ForeignKeyInfo) => 'from' | 'to' {
  const byName = new Map(nodes.map((n) => [n.table.name, n]));
  const rootward = new Set(nodes.filter((n) => n.hasIdentity).map((n) => n.table.name));
  for (let changed = true; changed;) {
    changed = false;
    for (const node of nodes) {
      if (rootward.has(node.table.name)) continue;
      const leads = node.table.foreignKeys.some(
        (fk) =>
          fk.referencedNamespace === undefined &&
          fk.referencedTable !== node.table.name &&
          rootward.has(fk.referencedTable),
      );
      if (leads) {
        rootward.add(node.table.name);
        changed = true;
      }
    }
  }
  return (table, foreignKey) =>
    foreignKey.referencedNamespace === undefined &&
    foreignKey.referencedTable !== table.name &&
    byName.has(foreignKey.referencedTable) &&
    rootward.has(foreignKey.referencedTable)
      ? 'from'
      : 'to';
}
