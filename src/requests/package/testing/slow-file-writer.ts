import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';

/**
 * A Writable that passes bytes on to a file slowly (one event-loop turn per chunk, like a network peer) and
 * calls `onWrite` before each chunk, so a test can check how far a row source had run when bytes came out.
 */
export function slowFileWriter(path: string, onWrite: () => void): Writable {
  const file = createWriteStream(path);
  // A write still in flight when the package destroys its output fails through its callback; that's enough.
  file.on('error', () => undefined);
  return new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      onWrite();
      setImmediate(() => {
        if (file.destroyed) callback(new Error('output closed'));
        else file.write(chunk, callback);
      });
    },
    final(callback) {
      file.end(callback);
    },
    destroy(error, callback) {
      file.destroy();
      callback(error);
    },
  });
}
