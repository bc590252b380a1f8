import type { FidesDataset } from '../../datamap/fides-dataset.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { DatasetBinding } from './plan-request.ts';

/** A dataset file as read: its path and the datasets in it, in order. */
export interface DatasetFileContent {
  readonly path: string;
  readonly datasets: readonly FidesDataset[];
}

function withoutDatasetParam(url: string): { url: string; keys: string[] } {
  const match = /([?&])dataset=([^&#]*)(&?)/.exec(url);
  if (match === null) return { url, keys: [] };
  const keys = decodeURIComponent(match[2] ?? '')
    .split(',')
    .filter((k) => k !== '');
  const rest =
    url.slice(0, match.index) + (match[3] === '&' ? match[1] : '') + url.slice(match.index + match[0].length);
  return { url: rest.replace(/[?&]$/, ''), keys };
}

/**
 * Pairs `--connection` URLs with the datasets of the `--dataset` files. A URL may name its datasets with
 * `?dataset=key[,key]` (the parameter is removed before connecting). The others pair by order: one URL left
 * takes every remaining dataset; else the n-th URL left takes the datasets of the n-th file left.
 */
export function pairBindings(
  urls: readonly string[],
  files: readonly DatasetFileContent[],
): DatasetBinding[] {
  const all = files.flatMap((f) => f.datasets);
  const bindings: DatasetBinding[] = [];
  const bound = new Set<string>();
  const unnamed: string[] = [];
  for (const raw of urls) {
    const { url, keys } = withoutDatasetParam(raw);
    if (keys.length === 0) unnamed.push(url);
    for (const key of keys) {
      const dataset = all.find((d) => d.fides_key === key);
      if (dataset === undefined)
        throw new PrivetError('bad_request', `?dataset=${key}: no dataset "${key}" in the --dataset files`);
      bindings.push({ dataset, url });
      bound.add(key);
    }
  }
  const remaining = files
    .map((f) => f.datasets.filter((d) => !bound.has(d.fides_key)))
    .filter((datasets) => datasets.length > 0);
  if (remaining.length === 0) return bindings;
  if (unnamed.length === 1 && unnamed[0] !== undefined) {
    const url = unnamed[0];
    return [...bindings, ...remaining.flat().map((dataset) => ({ dataset, url }))];
  }
  if (unnamed.length !== remaining.length)
    throw new PrivetError(
      'bad_request',
      `${unnamed.length} --connection URL(s) for ${remaining.length} --dataset file(s): give one URL per file, or name datasets with ?dataset=`,
    );
  return [
    ...bindings,
    ...remaining.flatMap((datasets, i) => datasets.map((dataset) => ({ dataset, url: unnamed[i] ?? '' }))),
  ];
}
