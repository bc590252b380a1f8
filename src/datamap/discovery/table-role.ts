import { nameTokens, singular } from './column-name-tokens.ts';

/** What a table's name says about its rows. */
export interface TableRole {
  /** Rows are people (customers, users, employees …). */
  readonly aboutPeople: boolean;
  /** A fideslang data subject other than the dataset's own (customers), e.g. `employee`. */
  readonly subject?: string;
  /** A catalogue or lookup table (products, genres, settings): its `name` or `title` is not a person's. */
  readonly catalogue: boolean;
}

// Keys from the fideslang data_subjects taxonomy, by the words that name them in table names.
const otherSubjects: Readonly<Record<string, string>> = {
  employee:
    'employee staff personnel worker agent admin administrator operator backoffice representative rep moderator clerk cashier employment payroll',
  job_applicant: 'applicant candidate recruitment',
  supplier_vendor: 'supplier vendor',
  prospect: 'prospect lead',
  patient: 'patient',
  shareholder: 'shareholder stockholder',
  trainee: 'trainee intern apprentice',
  passenger: 'passenger',
  consultant: 'consultant contractor freelancer',
};

const people = new Set(
  'customer client user member membership person people contact subscriber account profile buyer shopper guest loyalty student recipient owner author visitor identity individual citizen resident'.split(
    ' ',
  ),
);

const catalogue = new Set(
  'product genre media mediatype album artist track playlist catalog catalogue category sku brand tag currency config configuration setting lookup type status inventory warehouse stock migration schema translation'.split(
    ' ',
  ),
);

function subjectOf(word: string): string | undefined {
  return Object.entries(otherSubjects).find(([, words]) => words.split(' ').includes(word))?.[0];
}

/** Reads a table's name (any case style, plural or not) for who or what its rows are. */
export function tableRole(name: string): TableRole {
  const words = nameTokens(name).map(singular);
  const head = words.at(-1) ?? '';
  // The last word is the head noun: `employee_type` is a type, `admin_user` a member of staff.
  if (catalogue.has(head)) return { aboutPeople: false, catalogue: true };
  const subject = words.map(subjectOf).find((s) => s !== undefined);
  if (subject !== undefined) return { aboutPeople: true, subject, catalogue: false };
  if (words.some((w) => people.has(w))) return { aboutPeople: true, catalogue: false };
  return { aboutPeople: false, catalogue: words.some((w) => catalogue.has(w)) };
}
