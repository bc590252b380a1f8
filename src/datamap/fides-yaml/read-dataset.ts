import type { FidesCollection, FidesDataset } from '../fides-dataset.ts';
import { definedOnly } from './defined-only.ts';
import { readCollection } from './read-collection.ts';
import type { YamlEntry, YamlReader } from './yaml-reader.ts';

const KNOWN = [
  'fides_key',
  'name',
  'description',
  'organization_fides_key',
  'data_categories',
  'fides_meta',
  'collections',
] as const;

/** The characters fideslang allows in a `fides_key`. */
export const FIDES_KEY = /^[A-Za-z0-9_.<>-]+$/;

/** Reads one entry of the top-level `dataset:` list; undefined when its key is missing (with issues). */
export function readDataset(reader: YamlReader, entry: YamlEntry): FidesDataset | undefined {
  const entries = reader.entries(entry);
  if (entries === undefined) return undefined;
  const { known, extra } = reader.split(entries, KNOWN);
  const keyEntry = known.get('fides_key');
  const fidesKey = reader.string(keyEntry, { path: `${entry.path}.fides_key`, line: entry.line });
  if (fidesKey !== undefined && keyEntry !== undefined && !FIDES_KEY.test(fidesKey)) {
    reader.error(
      keyEntry.path,
      keyEntry.line,
      'invalid_fides_key',
      `${keyEntry.path} may hold only letters, digits and _ . < > -, not "${fidesKey}"`,
    );
  }
  const collectionsEntry = known.get('collections');
  if (collectionsEntry === undefined) {
    reader.error(
      `${entry.path}.collections`,
      entry.line,
      'required',
      `${entry.path}.collections is required`,
    );
  }
  const dataset = definedOnly({
    fides_key: fidesKey,
    name: reader.string(known.get('name'), false),
    description: reader.string(known.get('description'), false),
    organization_fides_key: reader.string(known.get('organization_fides_key'), false),
    data_categories: reader.stringList(known.get('data_categories')),
    fides_meta: reader.record(known.get('fides_meta')),
    collections: collectionsEntry === undefined ? undefined : readCollections(reader, collectionsEntry),
    extra,
  });
  return fidesKey === undefined
    ? undefined
    : { ...dataset, fides_key: fidesKey, collections: dataset.collections ?? [] };
}

function readCollections(reader: YamlReader, entry: YamlEntry): FidesCollection[] | undefined {
  const items = reader.items(entry);
  if (items === undefined) return undefined;
  const seen = new Map<string, string>();
  return items.flatMap((item) => {
    const collection = readCollection(reader, item);
    if (collection === undefined) return [];
    const first = seen.get(collection.name);
    if (first !== undefined) {
      reader.error(
        item.path,
        item.line,
        'duplicate_name',
        `${item.path}: "${collection.name}" is already ${first}`,
      );
    } else seen.set(collection.name, item.path);
    return [collection];
  });
}
