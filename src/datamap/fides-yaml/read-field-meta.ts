import type { FidesFieldMeta, FidesReference } from '../fides-dataset.ts';
import { definedOnly } from './defined-only.ts';
import { readMaskingStrategy } from './read-masking-strategy.ts';
import { readReference } from './read-reference.ts';
import { isEmpty, type YamlEntry, type YamlReader } from './yaml-reader.ts';

const KNOWN = [
  'identity',
  'primary_key',
  'data_type',
  'length',
  'references',
  'return_all_elements',
  'read_only',
  'masking_strategy_override',
] as const;

/** Reads a field's `fides_meta`; undefined when absent or not a mapping (with an issue). */
export function readFieldMeta(reader: YamlReader, entry: YamlEntry | undefined): FidesFieldMeta | undefined {
  if (entry === undefined || isEmpty(entry.node)) return undefined;
  const entries = reader.entries(entry);
  if (entries === undefined) return undefined;
  const { known, extra } = reader.split(entries, KNOWN);
  return definedOnly({
    identity: reader.string(known.get('identity'), false),
    primary_key: reader.boolean(known.get('primary_key')),
    data_type: reader.string(known.get('data_type'), false),
    length: reader.count(known.get('length')),
    references: readReferences(reader, known.get('references')),
    return_all_elements: reader.boolean(known.get('return_all_elements')),
    read_only: reader.boolean(known.get('read_only')),
    masking_strategy_override: readMaskingStrategy(reader, known.get('masking_strategy_override')),
    extra,
  });
}

function readReferences(reader: YamlReader, entry: YamlEntry | undefined): FidesReference[] | undefined {
  if (entry === undefined || isEmpty(entry.node)) return undefined;
  const items = reader.items(entry);
  if (items === undefined) return undefined;
  return items.flatMap((item) => readReference(reader, item) ?? []);
}
