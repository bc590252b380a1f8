import type { FidesReference } from '../fides-dataset.ts';
import { definedOnly } from './defined-only.ts';
import type { YamlEntry, YamlReader } from './yaml-reader.ts';

const KNOWN = ['dataset', 'field', 'direction'] as const;
const directions = ['from', 'to'] as const;
const FIELD_PATH = /^[^.]+(\.[^.]+)+$/;

/** Reads one entry of `fides_meta.references`; undefined when invalid (with issues). */
export function readReference(reader: YamlReader, entry: YamlEntry): FidesReference | undefined {
  const entries = reader.entries(entry);
  if (entries === undefined) return undefined;
  const { known, extra } = reader.split(entries, KNOWN);
  const at = (key: string) => ({ path: `${entry.path}.${key}`, line: entry.line });
  const dataset = reader.string(known.get('dataset'), at('dataset'));
  const field = reader.string(known.get('field'), at('field'));
  const fieldEntry = known.get('field');
  if (field !== undefined && fieldEntry !== undefined && !FIELD_PATH.test(field)) {
    reader.error(
      fieldEntry.path,
      fieldEntry.line,
      'invalid_reference',
      `${fieldEntry.path} must name a collection and a field as "collection.field", not "${field}"`,
    );
  }
  const directionEntry = known.get('direction');
  const direction = reader.string(directionEntry, false);
  if (direction !== undefined && directionEntry !== undefined && !isDirection(direction)) {
    reader.error(
      directionEntry.path,
      directionEntry.line,
      'invalid_direction',
      `${directionEntry.path} must be "from" or "to"`,
    );
    return undefined;
  }
  if (dataset === undefined || field === undefined || !FIELD_PATH.test(field)) return undefined;
  return definedOnly({ dataset, field, direction: direction as FidesReference['direction'], extra });
}

function isDirection(value: string): value is (typeof directions)[number] {
  return (directions as readonly string[]).includes(value);
}
