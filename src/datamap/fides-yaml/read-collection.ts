import type { FidesCollection, FidesCollectionMeta } from '../fides-dataset.ts';
import { definedOnly } from './defined-only.ts';
import { readFields } from './read-fields.ts';
import { readMaskingStrategy } from './read-masking-strategy.ts';
import { isEmpty, type YamlEntry, type YamlReader } from './yaml-reader.ts';

const KNOWN = ['name', 'description', 'data_categories', 'fields', 'fides_meta', 'x-privet'] as const;
const META = ['after', 'erase_after', 'skip_processing', 'masking_strategy_override'] as const;
const COLLECTION_ADDRESS = /^[^.]+\.[^.]+$/;

/** Reads one collection of a dataset; undefined when its name is missing (with issues). */
export function readCollection(reader: YamlReader, entry: YamlEntry): FidesCollection | undefined {
  const entries = reader.entries(entry);
  if (entries === undefined) return undefined;
  const { known, extra } = reader.split(entries, KNOWN);
  const name = reader.string(known.get('name'), { path: `${entry.path}.name`, line: entry.line });
  const fieldsEntry = known.get('fields');
  if (fieldsEntry === undefined) {
    reader.error(`${entry.path}.fields`, entry.line, 'required', `${entry.path}.fields is required`);
  }
  const collection = definedOnly({
    name,
    description: reader.string(known.get('description'), false),
    data_categories: reader.stringList(known.get('data_categories')),
    fields: fieldsEntry === undefined ? undefined : readFields(reader, fieldsEntry),
    fides_meta: readCollectionMeta(reader, known.get('fides_meta')),
    'x-privet': readCollectionExtension(reader, known.get('x-privet')),
    extra,
  });
  return name === undefined ? undefined : { ...collection, name, fields: collection.fields ?? [] };
}

function readCollectionMeta(
  reader: YamlReader,
  entry: YamlEntry | undefined,
): FidesCollectionMeta | undefined {
  if (entry === undefined || isEmpty(entry.node)) return undefined;
  const entries = reader.entries(entry);
  if (entries === undefined) return undefined;
  const { known, extra } = reader.split(entries, META);
  return definedOnly({
    after: readAddresses(reader, known.get('after')),
    erase_after: readAddresses(reader, known.get('erase_after')),
    skip_processing: reader.boolean(known.get('skip_processing')),
    masking_strategy_override: readMaskingStrategy(reader, known.get('masking_strategy_override')),
    extra,
  });
}

function readAddresses(reader: YamlReader, entry: YamlEntry | undefined): string[] | undefined {
  const values = reader.stringList(entry);
  if (values === undefined || entry === undefined) return values;
  values.forEach((value, index) => {
    if (!COLLECTION_ADDRESS.test(value)) {
      reader.error(
        `${entry.path}[${index}]`,
        reader.lines.get(`${entry.path}[${index}]`) ?? entry.line,
        'invalid_collection_address',
        `${entry.path}[${index}] must name a collection as "dataset.collection", not "${value}"`,
      );
    }
  });
  return values;
}

function readCollectionExtension(
  reader: YamlReader,
  entry: YamlEntry | undefined,
): FidesCollection['x-privet'] {
  const value = reader.record(entry);
  if (value === undefined || entry === undefined) return undefined;
  if (value.data_subject !== undefined && typeof value.data_subject !== 'string') {
    reader.error(
      `${entry.path}.data_subject`,
      entry.line,
      'expected_string',
      `${entry.path}.data_subject must be a string`,
    );
  }
  if (value.personal !== undefined && typeof value.personal !== 'boolean') {
    reader.error(
      `${entry.path}.personal`,
      entry.line,
      'expected_boolean',
      `${entry.path}.personal must be true or false`,
    );
  }
  // Kept whole: discovery may add keys that this reader does not know yet.
  return value;
}
