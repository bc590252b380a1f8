import type { ColumnInfo, TableInfo } from '../../connectors/introspection.ts';
import { nonPersonalCategory, type CategoryProposal } from './category-proposal.ts';
import { nameTokens, singular } from './column-name-tokens.ts';

/** Who the rows of a table are, as far as keys pointing at it are concerned. */
export interface PeopleTable {
  readonly name: string;
  /** Rows are people. */
  readonly holdsPeople: boolean;
  /** A data subject other than the dataset's own (e.g. `employee`). */
  readonly subject: string | undefined;
}

/** What the key rules need to know about the column's table and the others. */
export interface KeyContext {
  readonly table: TableInfo;
  readonly self: PeopleTable;
  /** The table's name says its rows are people (`customer`, `staff`), so its primary key identifies one. */
  readonly namedForPeople: boolean;
  /** The table of that name (as the schema spells it, or a singular/plural of it), if any. */
  readonly find: (name: string) => PeopleTable | undefined;
}

function pointsAt(target: PeopleTable, self: PeopleTable, confidence: number, how: string): CategoryProposal {
  if (!target.holdsPeople)
    return { category: nonPersonalCategory, confidence: 0.8, reason: `${how} ${target.name}` };
  if (target.subject !== self.subject)
    return {
      category: nonPersonalCategory,
      confidence: 0.8,
      reason: `${how} ${target.name}, another kind of person (${target.subject ?? 'the dataset subject'})`,
    };
  return { category: 'user.unique_id', confidence, reason: `${how} a person in ${target.name}` };
}

/**
 * Categories that follow from keys: a reference to a table of people identifies one of them (unless they are
 * another kind of person, such as the employee a customer's `support_rep_id` names), and so does the primary
 * key of a table of people. Undefined when the column is no key.
 */
export function classifyKeyColumn(column: ColumnInfo, context: KeyContext): CategoryProposal | undefined {
  const { table, self, find, namedForPeople } = context;
  const foreignKey = table.foreignKeys.find((fk) => fk.columns.includes(column.name));
  if (foreignKey !== undefined) {
    const target =
      foreignKey.referencedNamespace === undefined ? find(foreignKey.referencedTable) : undefined;
    return target === undefined
      ? { category: nonPersonalCategory, confidence: 0.7, reason: `refers to ${foreignKey.referencedTable}` }
      : pointsAt(target, self, 0.75, 'refers to');
  }
  const words = nameTokens(column.name).map(singular);
  if (words.length > 1 && words.at(-1) === 'id') {
    // Schemas without declared keys (the Fides sample shop) still name their references `customer_id`.
    const target = find(words.slice(0, -1).join('_'));
    if (target?.holdsPeople && target.name !== table.name) return pointsAt(target, self, 0.6, 'named after');
  }
  if (namedForPeople && table.primaryKey.length === 1 && table.primaryKey[0] === column.name)
    return { category: 'user.unique_id', confidence: 0.7, reason: `primary key of a table of people` };
  return undefined;
}
