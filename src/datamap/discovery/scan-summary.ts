import type { FidesDataset } from '../fides-dataset.ts';
import { isPersonalCategory } from './category-proposal.ts';

/** What a scan proposed, in numbers and names, for people reading the terminal. */
export interface ScanSummary {
  readonly tables: number;
  /** Tables with personal columns. */
  readonly personalTables: readonly string[];
  /** Tables personal only through their references (a customer's invoice lines). */
  readonly linkedTables: readonly string[];
  readonly notPersonalTables: readonly string[];
  readonly personalColumns: number;
  /** Personal proposals below 0.6 confidence: the ones to review first. */
  readonly uncertainColumns: number;
  readonly identities: readonly { readonly field: string; readonly identity: string }[];
  readonly otherSubjects: readonly { readonly collection: string; readonly subject: string }[];
}

/** Counts a discovered dataset's proposals. */
export function summariseScan(dataset: FidesDataset): ScanSummary {
  const personalTables: string[] = [];
  const linkedTables: string[] = [];
  const notPersonalTables: string[] = [];
  const identities: { field: string; identity: string }[] = [];
  const otherSubjects: { collection: string; subject: string }[] = [];
  let personalColumns = 0;
  let uncertainColumns = 0;
  for (const collection of dataset.collections) {
    const personal = collection.fields.filter((f) => (f.data_categories ?? []).some(isPersonalCategory));
    personalColumns += personal.length;
    uncertainColumns += personal.filter((f) => (f['x-privet']?.confidence ?? 1) < 0.6).length;
    if (personal.length > 0) personalTables.push(collection.name);
    else if (collection['x-privet']?.personal === true) linkedTables.push(collection.name);
    else notPersonalTables.push(collection.name);
    for (const f of collection.fields)
      if (f.fides_meta?.identity !== undefined)
        identities.push({ field: `${collection.name}.${f.name}`, identity: f.fides_meta.identity });
    const subject = collection['x-privet']?.data_subject;
    if (subject !== undefined) otherSubjects.push({ collection: collection.name, subject });
  }
  return {
    tables: dataset.collections.length,
    personalTables,
    linkedTables,
    notPersonalTables,
    personalColumns,
    uncertainColumns,
    identities,
    otherSubjects,
  };
}

const list = (items: readonly string[]) => (items.length === 0 ? 'none' : items.join(', '));

/** The summary as a few lines of text. */
export function formatScanSummary(summary: ScanSummary): string[] {
  return [
    `Scanned ${summary.tables} table(s): ${summary.personalTables.length} with personal columns, ${summary.linkedTables.length} linked to people by references, ${summary.notPersonalTables.length} not personal.`,
    `Personal columns: ${summary.personalColumns} (${summary.uncertainColumns} below 0.6 confidence: review those first).`,
    `Identities: ${list(summary.identities.map((i) => `${i.field} (${i.identity})`))}.`,
    `Other kinds of people: ${list(summary.otherSubjects.map((s) => `${s.collection} (${s.subject})`))}.`,
    `Linked by references: ${list(summary.linkedTables)}.`,
    `Not personal: ${list(summary.notPersonalTables)}.`,
  ];
}
