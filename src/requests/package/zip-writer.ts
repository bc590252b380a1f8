import { createHash } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { PackageEntry } from './package-input.ts';

/** Entry content: text is written as UTF-8. */
export type EntryContent = string | Uint8Array | AsyncIterable<string | Uint8Array>;

/** A ZIP being streamed to a Writable, one entry after another. */
export interface ZipWriter {
  /**
   * Adds an entry and resolves, with its size and SHA-256, once its content has been read to the end. The
   * content is read only when the ZIP reaches the entry and only as fast as `out` takes the bytes.
   */
  add(path: string, content: EntryContent): Promise<PackageEntry>;
  /** Writes the central directory and resolves once `out` has every byte. */
  finish(): Promise<void>;
  /** Stops on an error: `out` is destroyed, so no one mistakes a partial ZIP for a whole one. */
  fail(error: unknown): Promise<void>;
}

async function* asChunks(content: EntryContent): AsyncIterable<Buffer> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    yield Buffer.from(content);
    return;
  }
  for await (const chunk of content) {
    yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
  }
}

/**
 * Streams a ZIP (yazl, deflate) to `out`. Every entry gets `mtime` and the same mode, so the same content
 * gives the same bytes. Aborting `signal` destroys the entry being read and `out`.
 */
export function createZipWriter(out: Writable, mtime: Date, signal: AbortSignal): ZipWriter {
  const zip = new ZipFile();
  const sources = new Set<Readable>();
  const done = pipeline(zip.outputStream as Readable, out, { signal });
  let failure: Error | undefined;
  const stop = (error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    for (const source of sources) source.destroy(failure);
    (zip.outputStream as Readable).destroy(failure);
  };
  // A failed `out` (a closed connection, a full disk) must also stop the row source, not leave it waiting.
  done.catch(stop);

  return {
    add(path, content) {
      signal.throwIfAborted();
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise<PackageEntry>((resolve, reject) => {
        const hash = createHash('sha256');
        let bytes = 0;
        async function* hashed() {
          for await (const chunk of asChunks(content)) {
            signal.throwIfAborted();
            if (chunk.length === 0) continue;
            hash.update(chunk);
            bytes += chunk.length;
            yield chunk;
          }
          resolve({ path, bytes, sha256: hash.digest('hex') });
        }
        const source = Readable.from(hashed(), { objectMode: false });
        sources.add(source);
        source.once('error', reject);
        source.once('close', () => {
          sources.delete(source);
          reject(failure ?? new Error(`ZIP entry ${path} closed before its end`));
        });
        zip.addReadStream(source, path, { mtime, mode: 0o100644 });
      });
    },
    async finish() {
      zip.end();
      await done;
    },
    async fail(error) {
      stop(error);
      await done.catch(() => undefined);
    },
  };
}
