import { readFile } from 'node:fs/promises';
import {
  articleOf,
  dpvTermOf,
  legalBasisCodes,
  legalBasisPlainNames,
  specialConditionCodes,
  type LegalBasis,
  type SpecialCategoryCondition,
} from './legal-bases.ts';
import { parseCsvRecords } from './parse-csv.ts';

/** A fideslang entry as the default taxonomy files hold it. */
export interface FideslangEntry {
  readonly fides_key: string;
  readonly name: string;
  readonly description: string;
  readonly parent_key?: string | null;
}

/** The facts shipped with Privet: fideslang's default taxonomy and the GDPR legal bases with DPV names. */
export interface DefaultTaxonomy {
  readonly dataCategories: readonly FideslangEntry[];
  readonly dataUses: readonly FideslangEntry[];
  readonly dataSubjects: readonly FideslangEntry[];
  readonly legalBases: readonly LegalBasis[];
  readonly specialCategoryConditions: readonly SpecialCategoryCondition[];
}

const dataDir = new URL('./data/', import.meta.url);

async function readFideslang(file: string, key: string, signal?: AbortSignal): Promise<FideslangEntry[]> {
  const parsed = JSON.parse(
    await readFile(new URL(`fideslang/${file}`, dataDir), { encoding: 'utf8', signal }),
  ) as Record<string, FideslangEntry[] | undefined>;
  const entries = parsed[key];
  if (!Array.isArray(entries)) throw new Error(`fideslang/${file} has no "${key}" list`);
  return entries.map((e) => ({
    fides_key: e.fides_key,
    name: e.name,
    description: e.description,
    parent_key: e.parent_key ?? null,
  }));
}

async function readDpv(file: string, signal?: AbortSignal): Promise<Map<string, Record<string, string>>> {
  const text = await readFile(new URL(`dpv-2.3/${file}`, dataDir), { encoding: 'utf8', signal });
  return new Map(parseCsvRecords(text).map((record) => [record.term ?? '', record]));
}

function dpvConcept(rows: Map<string, Record<string, string>>, term: string, file: string) {
  const row = rows.get(term);
  if (row === undefined) throw new Error(`DPV file ${file} has no term ${term}`);
  return {
    dpvTerm: term,
    dpvLabel: row.label ?? term,
    // `Art 6(1-b) contract` → `contract`; `Art.6(1-a) consent` → `consent`.
    dpvName: (row.label ?? term).replace(/^Art\.?\s*\d+\([^)]*\)\s*/, ''),
    dpvIri: row.iri ?? '',
    definition: row.definition ?? '',
  };
}

/** Reads the taxonomy files shipped in ./data (copied from the specs; see their SOURCE.txt). */
export async function loadDefaultTaxonomy(signal?: AbortSignal): Promise<DefaultTaxonomy> {
  const basisFile = 'eu-gdpr-legal_basis.csv';
  const specialFile = 'eu-gdpr-legal_basis_special.csv';
  const [dataCategories, dataUses, dataSubjects, bases, special] = await Promise.all([
    readFideslang('data_categories.json', 'data_category', signal),
    readFideslang('data_uses.json', 'data_use', signal),
    readFideslang('data_subjects.json', 'data_subject', signal),
    readDpv(basisFile, signal),
    readDpv(specialFile, signal),
  ]);
  return {
    dataCategories,
    dataUses,
    dataSubjects,
    legalBases: legalBasisCodes.map((code) => ({
      code,
      article: articleOf(code),
      plainName: legalBasisPlainNames[code],
      ...dpvConcept(bases, dpvTermOf(code), basisFile),
    })),
    specialCategoryConditions: specialConditionCodes.map((code) => ({
      code,
      article: articleOf(code),
      ...dpvConcept(special, dpvTermOf(code), specialFile),
    })),
  };
}
