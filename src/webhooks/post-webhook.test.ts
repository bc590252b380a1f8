import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from './post-webhook.ts';

interface Got {
  readonly headers: IncomingHttpHeaders;
  readonly sha256: string;
  readonly bytes: number;
}

const local = { allowLocal: true };
const strict = { allowLocal: false };
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('postWebhook bodies: text, bytes and streams', () => {
  let server: Server;
  let url: string;
  let dir: string;
  const got: Got[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privet-post-'));
    server = createServer((req, res) => {
      const hash = createHash('sha256');
      let bytes = 0;
      req.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      });
      req.on('end', () => {
        got.push({ headers: req.headers, sha256: hash.digest('hex'), bytes });
        res.writeHead(req.url === '/slow-no' ? 422 : 202).end('taken');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('sends text and bytes with their exact length', async () => {
    const text = await postWebhook(
      url,
      '{"ü":1}',
      { 'content-type': 'application/json' },
      local,
      AbortSignal.timeout(5_000),
    );
    expect(text).toEqual({ statusCode: 202, excerpt: 'taken' });
    expect(got.at(-1)).toMatchObject({ bytes: 8, sha256: sha(Buffer.from('{"ü":1}')) });
    expect(got.at(-1)?.headers['content-length']).toBe('8');
    const bytes = randomBytes(70_000);
    bytes[0] = 0xff; // not valid UTF-8: must arrive byte for byte
    await postWebhook(url, bytes, {}, local, AbortSignal.timeout(5_000));
    expect(got.at(-1)).toMatchObject({ bytes: 70_000, sha256: sha(bytes) });
    expect(got.at(-1)?.headers['content-length']).toBe('70000');
  });

  it('streams a file with its length, and a stream of unknown length chunked', async () => {
    const content = randomBytes(3 * 1024 * 1024 + 17);
    const file = join(dir, 'package.zip');
    await writeFile(file, content);
    const answer = await postWebhook(
      url,
      { stream: createReadStream(file), length: content.length },
      { 'content-type': 'application/zip' },
      local,
      AbortSignal.timeout(10_000),
    );
    expect(answer.statusCode).toBe(202);
    expect(got.at(-1)).toMatchObject({ bytes: content.length, sha256: sha(content) });
    expect(got.at(-1)?.headers['content-length']).toBe(String(content.length));
    expect(got.at(-1)?.headers['content-type']).toBe('application/zip');

    const parts = [Buffer.from('one,'), Buffer.from('two,'), Buffer.from('three')];
    await postWebhook(url, { stream: Readable.from(parts) }, {}, local, AbortSignal.timeout(5_000));
    expect(got.at(-1)).toMatchObject({ bytes: 13, sha256: sha(Buffer.concat(parts)) });
    expect(got.at(-1)?.headers['transfer-encoding']).toBe('chunked');
  });

  it('closes a stream it refuses to send, and fails when its stream fails', async () => {
    const file = join(dir, 'refused.bin');
    await writeFile(file, 'x');
    const refusedStream = createReadStream(file);
    await expect(
      postWebhook(url, { stream: refusedStream, length: 1 }, {}, strict, AbortSignal.timeout(5_000)),
    ).rejects.toThrow(/https:\/\/ URL/);
    expect(refusedStream.destroyed).toBe(true);

    const broken = new Readable({
      read() {
        this.destroy(new Error('disk went away'));
      },
    });
    const before = got.length;
    await expect(
      postWebhook(url, { stream: broken, length: 100 }, {}, local, AbortSignal.timeout(5_000)),
    ).rejects.toThrow('disk went away');
    // The receiver never saw a complete body.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(got.slice(before).every((g) => g.bytes < 100)).toBe(true);
  });
});
