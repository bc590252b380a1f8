import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

/** A temporary file of JSON lines: a collection's rows, kept on disk between its JSON and its CSV entry. */
export interface RowSpool {
  /** Appends text (whole lines); waits when the disk is behind, so memory stays bounded. */
  write(text: string): Promise<void>;
  /** Flushes and closes the file; call before `lines()`. */
  close(): Promise<void>;
  /** The lines written, read back from disk a chunk at a time: each batch holds the whole lines of one read. */
  lineBatches(): AsyncIterable<string[]>;
  /** Deletes the file; safe to call more than once and after a failure. */
  remove(): Promise<void>;
}

/** Creates a spool in a fresh private directory under `tempDir`. */
export async function createRowSpool(tempDir: string, signal: AbortSignal): Promise<RowSpool> {
  signal.throwIfAborted();
  const dir = await mkdtemp(join(tempDir, 'privet-package-'));
  const file = join(dir, 'rows.ndjson');
  // Owner-only: the spool holds one person's data in the clear while the package is written.
  const stream = createWriteStream(file, { mode: 0o600, flags: 'wx' });
  // Kept, not thrown from an event: a full disk fails the package through `write` or `close`, and writes
  // still in flight when `remove` destroys the stream fail quietly.
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  return {
    async write(text) {
      if (failure) throw failure;
      if (!stream.write(text)) await once(stream, 'drain', { signal });
    },
    async close() {
      if (failure) throw failure;
      stream.end();
      await finished(stream, { signal });
    },
    async *lineBatches() {
      // JSON.stringify escapes every CR and LF inside values, so a line is always one whole row. Batches, not
      // a line at a time: a million rows are then a few hundred awaits instead of a million.
      const input = createReadStream(file, { encoding: 'utf8', signal });
      let rest = '';
      try {
        for await (const chunk of input as AsyncIterable<string>) {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop() ?? '';
          const whole = lines.filter((line) => line !== '');
          if (whole.length > 0) yield whole;
        }
        if (rest !== '') yield [rest];
      } finally {
        input.destroy();
      }
    },
    async remove() {
      stream.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
