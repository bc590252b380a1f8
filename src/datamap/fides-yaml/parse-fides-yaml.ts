import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { DatasetIssue } from '../dataset-graph/dataset-issue.ts';
import type { FidesDataset } from '../fides-dataset.ts';
import { readDataset } from './read-dataset.ts';
import { YamlReader } from './yaml-reader.ts';

/** Where a finding about a parsed dataset sits in its file. */
export interface SourceLocation {
  /** `file:line`. */
  readonly where: string;
  /** The path from the document root, e.g. `dataset[1].collections[0].fields[2]`. */
  readonly path: string;
}

/** What a Fides dataset YAML file holds, or why it cannot be read. */
export interface ParsedFidesYaml {
  readonly file: string;
  /** Empty when the file has errors: a bad file contributes nothing. */
  readonly datasets: readonly FidesDataset[];
  /** Errors and warnings, each naming file, line and path. */
  readonly issues: readonly DatasetIssue[];
  /** Traces a path inside a dataset of this file (`collections[1].fields[0]`) to its line. */
  locate(fidesKey: string, pointer: string): SourceLocation | undefined;
}

// Other Fides resource kinds, so that a policy or system file gets an error that says what it is.
const RESOURCE_KINDS = [
  'policy',
  'system',
  'data_category',
  'data_use',
  'data_subject',
  'organization',
  'taxonomy',
];

/** Parses Fides dataset YAML (a top-level `dataset:` list) into datasets, or issues with file and line. */
export function parseFidesYaml(text: string, file: string): ParsedFidesYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const reader = new YamlReader(doc, lineCounter, file);
  const fail = (issues: DatasetIssue[]): ParsedFidesYaml => ({
    file,
    datasets: [],
    issues,
    locate: () => undefined,
  });
  if (doc.errors.length > 0) return fail(doc.errors.map((e) => syntaxIssue(file, e)));
  for (const warning of doc.warnings)
    reader.warn('', warning.linePos?.[0].line ?? 1, 'yaml_warning', firstLine(warning));

  const root = reader.root(doc.contents);
  const notDatasets = (message: string) => {
    reader.error('', root.line, 'not_a_dataset_file', message);
    return fail(reader.issues);
  };
  if (root.node === null)
    return notDatasets('the file is empty; a Fides dataset file has a top-level "dataset:" list');
  const top = reader.entries(root);
  if (top === undefined) return fail(reader.issues);
  const datasetEntry = top.find((entry) => entry.key === 'dataset');
  if (datasetEntry === undefined) {
    const kinds = top.map((entry) => entry.key).filter((key) => RESOURCE_KINDS.includes(key));
    const what = kinds.length > 0 ? `a Fides ${kinds.join(' and ')} file` : 'not a Fides dataset file';
    return notDatasets(`this is ${what}, not a dataset file: a dataset file has a top-level "dataset:" list`);
  }
  for (const other of top.filter((entry) => entry.key !== 'dataset')) {
    reader.warn(
      other.path,
      other.line,
      'ignored_resource',
      `top-level "${other.key}" is not a dataset and was ignored`,
    );
  }

  const items = reader.items(datasetEntry) ?? [];
  const datasets: FidesDataset[] = [];
  const indexOf = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    const dataset = readDataset(reader, item);
    if (dataset === undefined) continue;
    const first = indexOf.get(dataset.fides_key);
    if (first !== undefined) {
      reader.error(
        item.path,
        item.line,
        'duplicate_dataset',
        `dataset "${dataset.fides_key}" is already dataset[${first}]`,
      );
      continue;
    }
    indexOf.set(dataset.fides_key, index);
    datasets.push(dataset);
  }
  if (reader.issues.some((issue) => issue.severity === 'error')) return fail(reader.issues);
  return {
    file,
    datasets,
    issues: reader.issues,
    locate: (fidesKey, pointer) => {
      const index = indexOf.get(fidesKey);
      if (index === undefined) return undefined;
      const path = pointer === '' ? `dataset[${index}]` : `dataset[${index}].${pointer}`;
      return { path, where: `${file}:${lineOf(reader.lines, path)}` };
    },
  };
}

const LAST_STEP = /(\.[^.[\]]+|\[\d+\])$/;

// A finding may point below what the reader recorded (a default it filled in): use the nearest parent.
function lineOf(lines: ReadonlyMap<string, number>, path: string): number {
  for (let p = path; ;) {
    const line = lines.get(p);
    if (line !== undefined) return line;
    const parent = p.replace(LAST_STEP, '');
    if (parent === p) return 1;
    p = parent;
  }
}

function syntaxIssue(file: string, error: YAMLError): DatasetIssue {
  const line = error.linePos?.[0].line ?? 1;
  const where = `${file}:${line}`;
  return { code: 'yaml_syntax', severity: 'error', path: where, where, message: firstLine(error) };
}

function firstLine(error: YAMLError): string {
  // prettyErrors appends " at line L, column C:" and a source excerpt; the location is ours to print.
  const first = error.message.split('\n')[0] ?? error.message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}
