import { readFile, stat } from 'node:fs/promises';
import { PrivetError } from '../domain/errors.ts';
import type { DrpAgent } from './drp-agent.ts';
import { parseAgentDirectory, type DirectoryIssue } from './parse-agent-directory.ts';

interface Cached {
  readonly mtimeMs: number;
  readonly size: number;
  readonly agents: DrpAgent[];
  readonly issues: DirectoryIssue[];
}

// Only a cache of the file: every replica reads the same file, so no replica depends on another's memory.
const cache = new Map<string, Cached>();

/**
 * The agents of the directory file, re-read when the file changes (operators replace it when the DRP
 * directory is updated). No file configured → no agents; an unreadable or non-JSON file is an error.
 */
export async function loadAgentDirectory(
  file: string | undefined,
): Promise<{ agents: readonly DrpAgent[]; issues: readonly DirectoryIssue[] }> {
  if (file === undefined) return { agents: [], issues: [] };
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw new PrivetError('unavailable', `The DRP agent directory ${file} cannot be read`, { cause: error });
  }
  const hit = cache.get(file);
  if (hit !== undefined && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit;
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new PrivetError('unavailable', `The DRP agent directory ${file} is not valid JSON`, {
      cause: error,
    });
  }
  const parsed = parseAgentDirectory(document);
  cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, ...parsed });
  return parsed;
}
