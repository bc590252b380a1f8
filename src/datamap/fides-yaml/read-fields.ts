import type { FidesField } from '../fides-dataset.ts';
import { definedOnly } from './defined-only.ts';
import { readFieldMeta } from './read-field-meta.ts';
import { isEmpty, type YamlEntry, type YamlReader } from './yaml-reader.ts';

const KNOWN = ['name', 'description', 'data_categories', 'fides_meta', 'fields', 'x-privet'] as const;

/** Reads a list of fields (a collection's, or a field's nested ones); names must be unique in the list. */
export function readFields(reader: YamlReader, entry: YamlEntry): FidesField[] | undefined {
  const items = reader.items(entry);
  if (items === undefined) return undefined;
  const seen = new Map<string, string>();
  return items.flatMap((item) => {
    const field = readField(reader, item);
    if (field === undefined) return [];
    const first = seen.get(field.name);
    if (first !== undefined) {
      reader.error(
        item.path,
        item.line,
        'duplicate_name',
        `${item.path}: "${field.name}" is already ${first}`,
      );
    } else seen.set(field.name, item.path);
    return [field];
  });
}

function readField(reader: YamlReader, entry: YamlEntry): FidesField | undefined {
  const entries = reader.entries(entry);
  if (entries === undefined) return undefined;
  const { known, extra } = reader.split(entries, KNOWN);
  const name = reader.string(known.get('name'), { path: `${entry.path}.name`, line: entry.line });
  const nested = known.get('fields');
  const field = definedOnly({
    name,
    description: reader.string(known.get('description'), false),
    data_categories: reader.stringList(known.get('data_categories')),
    fides_meta: readFieldMeta(reader, known.get('fides_meta')),
    fields: nested === undefined || isEmpty(nested.node) ? undefined : readFields(reader, nested),
    'x-privet': readFieldExtension(reader, known.get('x-privet')),
    extra,
  });
  return name === undefined ? undefined : { ...field, name };
}

function readFieldExtension(reader: YamlReader, entry: YamlEntry | undefined): FidesField['x-privet'] {
  const value = reader.record(entry);
  if (value === undefined || entry === undefined) return undefined;
  const { confidence, reason } = value;
  if (confidence !== undefined && (typeof confidence !== 'number' || confidence < 0 || confidence > 1)) {
    reader.error(
      `${entry.path}.confidence`,
      entry.line,
      'invalid_confidence',
      `${entry.path}.confidence must be a number from 0 to 1`,
    );
  }
  if (reason !== undefined && typeof reason !== 'string') {
    reader.error(
      `${entry.path}.reason`,
      entry.line,
      'expected_string',
      `${entry.path}.reason must be a string`,
    );
  }
  // Kept whole: discovery may add keys that this reader does not know yet.
  return value;
}
