import type { ColumnInfo, SchemaInfo, TableInfo } from '../../connectors/introspection.ts';
import { isPersonalCategory, nonPersonalCategory, type CategoryProposal } from './category-proposal.ts';
import { classifyColumn } from './classify-column.ts';
import { classifyKeyColumn, type PeopleTable } from './classify-key-column.ts';
import { nameTokens, singular } from './column-name-tokens.ts';
import { tableRole, type TableRole } from './table-role.ts';

/** A column and the category proposed for it. */
export interface ClassifiedColumn {
  readonly column: ColumnInfo;
  readonly proposal: CategoryProposal;
}

/** A table with what discovery concluded about it and its columns. */
export interface ClassifiedTable {
  readonly table: TableInfo;
  readonly role: TableRole;
  /** Rows are people (by the table's name, or because it has a person's email, name, phone …). */
  readonly holdsPeople: boolean;
  /** A data subject other than the dataset's own, by the table's name or the people it refers to. */
  readonly subject: string | undefined;
  /** Holds personal data: a personal column, or references leading to a table of people. */
  readonly personal: boolean;
  /** Personal only through its references (an invoice line of a customer's invoice). */
  readonly linked: boolean;
  readonly columns: readonly ClassifiedColumn[];
}

/** Sampled values of a column, as text. */
export type SampleLookup = (table: string, column: string) => readonly string[];

// Categories that, found in a table, say its rows are people rather than things that mention people.
const PERSON_MARKERS =
  /^user\.(contact\.email|contact\.phone_number|name|demographic\.date_of_birth|government_id)/;

function tableFinder<T extends { readonly table: TableInfo }>(
  tables: readonly T[],
): (name: string) => T | undefined {
  const byKey = new Map<string, T>();
  const key = (name: string) => nameTokens(name).map(singular).join('_');
  for (const t of tables) byKey.set(key(t.table.name), t);
  for (const t of tables) byKey.set(t.table.name, t);
  return (name) => byKey.get(name) ?? byKey.get(key(name));
}

/** The tables a table's foreign keys point at (in the scanned schema). */
function referencesOf<T>(table: TableInfo, find: (name: string) => T | undefined): T[] {
  return table.foreignKeys.flatMap((fk) => {
    const target = fk.referencedNamespace === undefined ? find(fk.referencedTable) : undefined;
    return target === undefined ? [] : [target];
  });
}

/**
 * Proposes a category for every column of every table, decides which tables are about people, which kind of
 * people, and which hold no personal data at all. Pure: sampled values come in through `samples`.
 */
export function classifySchema(schema: SchemaInfo, samples: SampleLookup, today: Date): ClassifiedTable[] {
  // Pass 1: what names and values say without context (an email is an email anywhere).
  const first = schema.tables.map((table) => {
    const role = tableRole(table.name);
    const plain = table.columns.map((column) =>
      classifyColumn({ ...column, values: samples(table.name, column.name), aboutPeople: false }, today),
    );
    const holdsPeople =
      role.aboutPeople || (!role.catalogue && plain.some((p) => p && PERSON_MARKERS.test(p.category)));
    return { table, role, plain, holdsPeople };
  });
  const findFirst = tableFinder(first);
  // Pass 2: context. A table is about people when its rows are people, it has personal columns, or it
  // refers to a table of people (an invoice's billing city is the customer's city).
  const second = first.map(({ table, role, plain, holdsPeople }) => {
    const targets = referencesOf(table, findFirst).filter((t) => t.holdsPeople);
    const aboutPeople =
      !role.catalogue && (holdsPeople || plain.some((p) => p !== undefined) || targets.length > 0);
    const inherited = new Set(targets.filter((t) => t.table !== table).map((t) => t.role.subject));
    const subject = role.aboutPeople || inherited.size !== 1 ? role.subject : [...inherited][0];
    return { table, role, plain, holdsPeople, aboutPeople, subject };
  });
  const findSecond = tableFinder(second);
  const peopleTable = (t: (typeof second)[number]): PeopleTable => ({
    name: t.table.name,
    holdsPeople: t.holdsPeople,
    subject: t.subject,
  });
  const find = (name: string) => {
    const found = findSecond(name);
    return found === undefined ? undefined : peopleTable(found);
  };
  // Pass 3: every column's proposal, keys included.
  const third = second.map((t) => {
    const columns = t.table.columns.map((column, i): ClassifiedColumn => {
      const values = samples(t.table.name, column.name);
      const named = t.aboutPeople
        ? classifyColumn({ ...column, values, aboutPeople: true }, today)
        : t.plain[i];
      const proposal = (named && isPersonalCategory(named.category) ? named : undefined) ??
        classifyKeyColumn(column, {
          table: t.table,
          self: peopleTable(t),
          namedForPeople: t.role.aboutPeople,
          find,
        }) ?? {
          category: nonPersonalCategory,
          confidence: t.role.catalogue ? 0.8 : values.length > 0 ? 0.6 : 0.5,
          reason: t.role.catalogue
            ? 'catalogue table; nothing personal in name or values'
            : `nothing personal in name${values.length > 0 ? ` or ${values.length} sampled values` : ''}`,
        };
      return { column, proposal };
    });
    return { ...t, columns, own: columns.some((c) => isPersonalCategory(c.proposal.category)) };
  });
  // Pass 4: tables whose references lead to personal data hold it too (a customer's invoice lines).
  const personal = new Set(third.filter((t) => t.own).map((t) => t.table.name));
  const findThird = tableFinder(third);
  for (let changed = true; changed;) {
    changed = false;
    for (const t of third)
      if (!personal.has(t.table.name) && !t.role.catalogue)
        if (referencesOf(t.table, findThird).some((target) => personal.has(target.table.name))) {
          personal.add(t.table.name);
          changed = true;
        }
  }
  return third.map((t) => ({
    table: t.table,
    role: t.role,
    holdsPeople: t.holdsPeople,
    subject: t.subject,
    personal: personal.has(t.table.name),
    linked: personal.has(t.table.name) && !t.own,
    columns: t.columns,
  }));
}
