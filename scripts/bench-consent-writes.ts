/**
 * `npm run bench:consent-writes`: durable consent writes per second over HTTP, against a bare Fastify route
 * answering 204 to the same body, in one run and on the same machine. Both servers run in this process's
 * main thread and are loaded in turn, alternating for several rounds: the ratio is the median of the rounds'
 * ratios, as a shared machine's speed drifts by up to half from one few-second window to the next. The load comes from a separate child process, the same for both (keep-alive
 * HTTP/1.1, fixed connections, fresh device id and forwarded client address per request, cross-origin from a
 * shop's page, as its visitors' banners send), so the load generator never shares a thread, heap or garbage
 * collector with the server it measures. Each consent post carries three choices, so it appends three
 * hash-chained events and their current-state rows before its 201. The server's CPU time per request is
 * printed too, and the load process's: on a machine with few cores the load generator competes with the
 * server for them.
 * Settings: PRIVET_BENCH_SECONDS (per server and round, default 4), PRIVET_BENCH_ROUNDS (default 3),
 * PRIVET_BENCH_CONNECTIONS (default 64),
 * PRIVET_BENCH_DATABASE_URL (default a fresh SQLite file; a postgres:// URL benches PostgreSQL).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { startServer } from '../src/cli/start-server.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { verifyConsentLedger } from '../src/consent/verify-consent-ledger.ts';

const SECONDS = Number(process.env.PRIVET_BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.PRIVET_BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.PRIVET_BENCH_CONNECTIONS ?? 64);

interface LoadResult {
  readonly ok: number;
  readonly failed: number;
  readonly seconds: number;
  /** CPU time of this (the server's) process during the counted seconds, in µs per answered request. */
  readonly serverCpuPerRequest?: number;
  /** CPU time of the load process during the counted seconds, in µs per answered request. */
  readonly loadCpuPerRequest?: number;
}

// Plain JavaScript for the load process: a loop per connection, each request waiting for the previous answer.
// It prints "counting" when the counted seconds start and its result as one JSON line at the end.
const LOAD_LOOP = `
const http = require('node:http');
const { url, noticeVersion, seconds, connections, okStatus, warmupSeconds } = JSON.parse(process.env.PRIVET_BENCH_LOAD);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
let counter = 0, ok = 0, failed = 0, counting = false;
function once() {
  const i = counter++;
  const body = JSON.stringify({
    deviceId: 'bench-' + String(i).padStart(12, '0'),
    noticeVersion,
    choices: { preferences: i % 2 === 0, analytics: true, marketing: false },
    method: 'banner',
  });
  return new Promise((resolve) => {
    const req = http.request({
      agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers: {
        'content-type': 'text/plain;charset=UTF-8',
        'content-length': Buffer.byteLength(body),
        'x-forwarded-for': '10.' + ((i >> 16) & 255) + '.' + ((i >> 8) & 255) + '.' + (i & 255),
        origin: 'https://shop.example',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      },
    }, (res) => {
      res.resume();
      res.on('end', () => { if (counting) { if (res.statusCode === okStatus) ok++; else failed++; } resolve(); });
    });
    req.on('error', () => { if (counting) failed++; resolve(); });
    req.end(body);
  });
}
(async () => {
  let end = 0;
  let cpuAtStart;
  setTimeout(() => { counting = true; cpuAtStart = process.cpuUsage(); end = Date.now() + seconds * 1000; process.stdout.write('counting\\n'); }, warmupSeconds * 1000);
  const started = { at: 0 };
  await Promise.all(Array.from({ length: connections }, async () => {
    while (end === 0 || Date.now() < end) {
      if (counting && started.at === 0) started.at = Date.now();
      await once();
    }
  }));
  agent.destroy();
  const cpu = process.cpuUsage(cpuAtStart);
  const loadCpuPerRequest = (cpu.user + cpu.system) / Math.max(1, ok);
  process.stdout.write(JSON.stringify({ ok, failed, seconds: (Date.now() - started.at) / 1000, loadCpuPerRequest }) + '\\n');
})();
`;

function load(url: string, okStatus: number, noticeVersion: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const settings = {
      url,
      noticeVersion,
      seconds: SECONDS,
      connections: CONNECTIONS,
      okStatus,
      warmupSeconds: 1,
    };
    const child = spawn(process.execPath, ['-e', LOAD_LOOP], {
      env: { ...process.env, PRIVET_BENCH_LOAD: JSON.stringify(settings) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let cpuAtStart: NodeJS.CpuUsage | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (cpuAtStart === undefined && out.includes('counting\n')) cpuAtStart = process.cpuUsage();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const cpu = process.cpuUsage(cpuAtStart);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || line === undefined) return reject(new Error(`The load process exited with ${code}`));
      const result = JSON.parse(line) as LoadResult;
      resolve({ ...result, serverCpuPerRequest: (cpu.user + cpu.system) / Math.max(1, result.ok) });
    });
  });
}

/** A running server to load, and how to stop it. */
interface Target {
  readonly url: string;
  readonly okStatus: number;
  readonly noticeVersion: string;
  stop(): Promise<void>;
}

async function startBare(): Promise<Target> {
  const app = Fastify({ logger: false });
  // The same JSON-in-text/plain parsing the consent route does, so only the durable write differs.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.post('/bare', async (_request, reply) => reply.status(204).send());
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${url}/bare`, okStatus: 204, noticeVersion: '', stop: () => app.close() };
}

async function startConsent(): Promise<
  Target & { ledger(): Promise<{ events: number; commits: number; chainOk: boolean }> }
> {
  const dataDir = await mkdtemp(join(tmpdir(), 'privet-bench-'));
  const config = loadConfig({
    PRIVET_DATA_DIR: dataDir,
    PORT: '0',
    PRIVET_LOG_LEVEL: 'silent',
    PRIVET_TRUST_PROXY: 'true',
    ...(process.env.PRIVET_BENCH_DATABASE_URL
      ? { PRIVET_DATABASE_URL: process.env.PRIVET_BENCH_DATABASE_URL }
      : {}),
  });
  const quiet = { out: () => undefined, err: (line: string) => process.stderr.write(`${line}\n`) };
  const server = await startServer({ config, worker: false, io: quiet });
  const consentConfig = (await (await fetch(`${server.url}/api/public/consent/config`)).json()) as {
    noticeVersion: string;
  };
  const count = () =>
    server.store.db
      .selectFrom('consent_events')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('at').distinct().as('commits')])
      .executeTakeFirstOrThrow();
  const before = await count();
  return {
    url: `${server.url}/api/public/consent`,
    okStatus: 201,
    noticeVersion: consentConfig.noticeVersion,
    ledger: async () => {
      const after = await count();
      return {
        events: Number(after.n) - Number(before.n),
        // Every event of a batch has its commit's timestamp: distinct timestamps bound the commits from below.
        commits: Number(after.commits) - Number(before.commits),
        chainOk: (await verifyConsentLedger(server.store)).ok,
      };
    },
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const rate = (r: LoadResult) => r.ok / r.seconds;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const store = process.env.PRIVET_BENCH_DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const cpu = (results: readonly LoadResult[]) =>
  `${median(results.map((r) => r.serverCpuPerRequest ?? 0)).toFixed(0)} µs server CPU and ` +
  `${median(results.map((r) => r.loadCpuPerRequest ?? 0)).toFixed(0)} µs load CPU per request`;
console.log(
  `${ROUNDS} rounds of ${SECONDS} s per server after 1 s warm-up, bare and consent alternating; ${CONNECTIONS} ` +
    `keep-alive connections from a separate load process, loopback; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} before.`,
);
const bareTarget = await startBare();
const consentTarget = await startConsent();
const bare: LoadResult[] = [];
const consent: LoadResult[] = [];
try {
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const [target, results] of [
      [bareTarget, bare],
      [consentTarget, consent],
    ] as const) {
      results.push(await load(target.url, target.okStatus, target.noticeVersion));
    }
    const [b, c] = [bare.at(-1), consent.at(-1)];
    if (b && c) {
      console.log(
        `round ${round}: bare ${rate(b).toFixed(0)} req/s (${(b.serverCpuPerRequest ?? 0).toFixed(0)} µs), ` +
          `consent ${rate(c).toFixed(0)} posts/s (${(c.serverCpuPerRequest ?? 0).toFixed(0)} µs), ` +
          `${(rate(c) / rate(b)).toFixed(2)}×`,
      );
    }
  }
} finally {
  await bareTarget.stop();
}
const ledger = await consentTarget.ledger();
await consentTarget.stop();
const failed = (results: readonly LoadResult[]) => results.reduce((n, r) => n + r.failed, 0);
const ratios = bare.map((b, i) => rate(consent[i] ?? b) / rate(b));
console.log(
  `bare Fastify route (204):        ${median(bare.map(rate)).toFixed(0).padStart(7)} req/s  (${failed(bare)} failed), ${cpu(bare)}`,
);
console.log(
  `durable consent posts (${store}): ${median(consent.map(rate)).toFixed(0).padStart(7)} posts/s (${failed(consent)} failed), ` +
    `${cpu(consent)}`,
);
console.log(
  `ratio consent/bare: ${median(ratios).toFixed(2)}× (median of the rounds' ratios, ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); ` +
    `≥ ${(ledger.events / Math.max(1, ledger.commits)).toFixed(1)} events per commit on average; ` +
    `chain ${ledger.chainOk ? 'verifies' : 'BROKEN'}.`,
);
