import type { FidesMaskingStrategy } from '../fides-dataset.ts';
import { definedOnly } from './defined-only.ts';
import { isEmpty, type YamlEntry, type YamlReader } from './yaml-reader.ts';

const KNOWN = ['strategy', 'configuration'] as const;

/** Reads a `masking_strategy_override` mapping; undefined when absent or invalid (with issues). */
export function readMaskingStrategy(
  reader: YamlReader,
  entry: YamlEntry | undefined,
): FidesMaskingStrategy | undefined {
  if (entry === undefined || isEmpty(entry.node)) return undefined;
  const entries = reader.entries(entry);
  if (entries === undefined) return undefined;
  const { known, extra } = reader.split(entries, KNOWN);
  const strategy = reader.string(known.get('strategy'), { path: `${entry.path}.strategy`, line: entry.line });
  const configuration = reader.record(known.get('configuration'));
  if (strategy === undefined) return undefined;
  return definedOnly({ strategy, configuration, extra });
}
