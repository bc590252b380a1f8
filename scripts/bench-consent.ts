/**
 * `npm run bench:consent`: the consent figures of issue #6 in one table, from one run on one machine:
 * - the banner (gzip -9 size, time to visible, main-thread script time in Chromium, against
 *   vanilla-cookieconsent and klaro): `scripts/bench-banner.ts`, run as it is;
 * - durable consent writes over HTTP against a bare Fastify route answering 204:
 *   `scripts/bench-consent-writes.ts`, run as it is;
 * - in-process purpose decisions per second (goal ≥ 1,000,000/s) over PRIVET_BENCH_SUBJECTS (default
 *   100,000) people × 20 purposes of every legal basis, from a decider whose index was loaded from a
 *   SQLite store seeded with their consent state and some restrictions and objections.
 * The two scripts run as child processes, one after the other, so that they do not compete for the CPU.
 * PRIVET_BENCH_PARTS=decisions,writes,banner picks parts; other PRIVET_BENCH_* settings reach the scripts.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDecider } from '../src/consent/decisions/create-decider.ts';
import type { DecisionQuery } from '../src/consent/decisions/decision.ts';
import { recordProcessingLimit } from '../src/consent/decisions/processing-limits.ts';
import { insertRows } from '../src/consent/insert-rows.ts';
import { createPurpose } from '../src/datamap/purposes/purpose-repository.ts';
import type { LegalBasisCode } from '../src/datamap/taxonomy/legal-bases.ts';
import { systemClock } from '../src/domain/clock.ts';
import { createNoticeVersion } from '../src/notices/create-notice-version.ts';
import { migrate } from '../src/store/migrate.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';

const SUBJECTS = Number(process.env.PRIVET_BENCH_SUBJECTS ?? 100_000);
const DECISIONS = Number(process.env.PRIVET_BENCH_DECISIONS ?? 2_000_000);
const PARTS = new Set((process.env.PRIVET_BENCH_PARTS ?? 'decisions,writes,banner').split(','));
const NOTICE = 'bench-1';

interface Row {
  readonly part: string;
  readonly measure: string;
  readonly privet: string;
  readonly against: string;
  readonly ratio: string;
}

// Deterministic, so that two runs bench the same data.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const bases: readonly [string, LegalBasisCode][] = [
  ...Array.from({ length: 8 }, (_, i): [string, LegalBasisCode] => [`analytics.reporting.p${i}`, '6.1.a']),
  ['marketing.communications.email', '6.1.a'],
  ['marketing.advertising.first_party', '6.1.a'],
  ['marketing.advertising.profiling', '6.1.f'],
  ['marketing.communications.post', '6.1.f'],
  ...Array.from({ length: 3 }, (_, i): [string, LegalBasisCode] => [
    `essential.fraud_detection.p${i}`,
    '6.1.f',
  ]),
  ...Array.from({ length: 3 }, (_, i): [string, LegalBasisCode] => [`essential.service.p${i}`, '6.1.b']),
  ['essential.legal_obligation.tax', '6.1.c'],
  ['essential.legal_obligation.records', '6.1.c'],
];

async function seed(store: Store): Promise<string[]> {
  const deps = { store, clock: systemClock };
  const keys = bases.map((_, i) => `purpose_${String(i).padStart(2, '0')}`);
  for (const [i, [dataUse, legalBasis]] of bases.entries()) {
    await createPurpose(deps, { key: keys[i] ?? '', name: `Purpose ${i}`, dataUse, legalBasis }, 'bench');
  }
  const purposeKeys = ['analytics', 'marketing', 'essential'];
  await createNoticeVersion(
    deps,
    { version: NOTICE, text: 'Bench notice', purposeKeys, publish: true },
    'bench',
  );
  const next = random(42);
  let seq = 0;
  const at = new Date().toISOString();
  for (let first = 0; first < SUBJECTS; first += 5000) {
    const rows: object[] = [];
    for (let n = first; n < Math.min(SUBJECTS, first + 5000); n++) {
      for (const [i, [, basis]] of bases.entries()) {
        // Consent purposes: a state for most people, given more often than not; others: an occasional objection.
        const draw = next();
        const action =
          basis === '6.1.a'
            ? draw < 0.6
              ? 'given'
              : draw < 0.85
                ? 'withdrawn'
                : undefined
            : draw < 0.03
              ? 'objected'
              : undefined;
        if (action === undefined) continue;
        seq += 1;
        rows.push({
          subject_type: 'person',
          subject_id: `user${n}@bench.example`,
          purpose_key: keys[i],
          category_key: null,
          action,
          method: 'portal',
          notice_version: NOTICE,
          notice_hash: 'bench',
          event_id: `cev_bench_${seq}`,
          event_seq: seq,
          at,
        });
      }
    }
    await store.transaction((trx) =>
      insertRows(
        trx,
        store.dialect,
        {
          table: 'consent_state',
          columns: [
            ...['subject_type', 'subject_id', 'purpose_key', 'category_key', 'action', 'method'].map(
              (name) => ({
                name,
                pgType: 'text' as const,
              }),
            ),
            ...['notice_version', 'notice_hash', 'event_id'].map((name) => ({
              name,
              pgType: 'text' as const,
            })),
            { name: 'event_seq', pgType: 'bigint' },
            { name: 'at', pgType: 'text' },
          ],
        },
        rows,
      ),
    );
  }
  for (let n = 0; n < SUBJECTS; n += 100) {
    await recordProcessingLimit(deps, {
      email: `user${n}@bench.example`,
      kind: n % 200 === 0 ? 'restriction' : 'objection',
      purposes: n % 200 === 0 ? 'all' : [keys[10] ?? '', keys[12] ?? ''],
      requestId: `req_bench_${n}`,
      actor: 'bench',
    });
  }
  return keys;
}

async function benchDecisions(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'privet-bench-decisions-'));
  const store = openStore(join(dir, 'privet.db'));
  try {
    await migrate(store);
    const seeding = performance.now();
    const keys = await seed(store);
    const seeded = (performance.now() - seeding) / 1000;
    const decider = createDecider({ store });
    const loading = performance.now();
    await decider.start();
    const loaded = (performance.now() - loading) / 1000;
    const next = random(7);
    const queries: DecisionQuery[] = Array.from({ length: 1 << 20 }, () => ({
      email: `user${Math.floor(next() * SUBJECTS)}@bench.example`,
      purpose: keys[Math.floor(next() * keys.length)] ?? '',
    }));
    const mask = queries.length - 1;
    const runs: number[] = [];
    const cpuRuns: number[] = [];
    let allowed = 0;
    for (let run = 0; run < 4; run++) {
      allowed = 0;
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (let i = 0; i < DECISIONS; i++)
        if (decider.decide(queries[i & mask] as DecisionQuery).allowed) allowed++;
      const used = process.cpuUsage(cpu);
      runs.push(DECISIONS / ((performance.now() - started) / 1000));
      cpuRuns.push(DECISIONS / ((used.user + used.system) / 1e6));
    }
    // The first run warms the JIT up; the median of the others is the figure. On a shared machine the
    // wall-clock rate also counts time other processes held the CPU; the CPU-time rate does not.
    const median = (values: number[]) => [...values.slice(1)].sort((a, b) => a - b)[1] ?? 0;
    const rate = median(runs);
    const cpuRate = median(cpuRuns);
    const refreshing = performance.now();
    await decider.refresh();
    const refreshMs = performance.now() - refreshing;
    decider.close();
    console.error(
      `decisions: seeded ${decider.size} state entries in ${seeded.toFixed(1)} s, index loaded in ${loaded.toFixed(1)} s, ` +
        `runs ${runs.map((r) => r.toFixed(0)).join(', ')} /s, ${((allowed / DECISIONS) * 100).toFixed(0)}% allowed, ` +
        `idle refresh ${refreshMs.toFixed(1)} ms`,
    );
    return [
      {
        part: 'decisions',
        measure: `in-process decisions/s, ${SUBJECTS.toLocaleString('en')} people × ${keys.length} purposes`,
        privet: `${rate.toFixed(0)} wall, ${cpuRate.toFixed(0)} per CPU-second`,
        against: 'goal 1000000',
        ratio: `${(rate / 1_000_000).toFixed(2)}× / ${(cpuRate / 1_000_000).toFixed(2)}× goal`,
      },
      {
        part: 'decisions',
        measure: `index load (${decider.size.toLocaleString('en')} state entries) / idle refresh`,
        privet: `${loaded.toFixed(1)} s / ${refreshMs.toFixed(1)} ms`,
        against: '',
        ratio: '',
      },
    ];
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function runScript(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

async function benchWrites(): Promise<Row[]> {
  const out = await runScript('scripts/bench-consent-writes.ts');
  const bare = /bare Fastify route \(204\):\s+(\d+) req\/s/.exec(out)?.[1] ?? '?';
  const consent = /durable consent posts \((\w+)\):\s+(\d+) posts\/s/.exec(out);
  const ratio = /ratio consent\/bare: ([\d.]+)×.*?≥ ([\d.]+) events per commit.*chain (\w+)/.exec(out);
  return [
    {
      part: 'writes',
      measure: `durable consent posts/s (${consent?.[1] ?? '?'}, 3 events each, chain ${ratio?.[3] ?? '?'})`,
      privet: consent?.[2] ?? '?',
      against: `bare Fastify 204: ${bare}`,
      ratio: `${ratio?.[1] ?? '?'}× (goal ≥ 0.5×), ${ratio?.[2] ?? '?'} events/commit`,
    },
  ];
}

async function benchBanner(): Promise<Row[]> {
  const out = await runScript('scripts/bench-banner.ts');
  // console.table rows: │ index │ 'name' │ bytes │ visible │ script │
  const rows = out
    .split('\n')
    .map((line) => line.split('│').map((cell) => cell.trim()))
    .filter((cells) => cells.length >= 6 && /^'.*'$/.test(cells[2] ?? ''))
    .map((cells) => ({
      name: (cells[2] ?? '').slice(1, -1),
      bytes: cells[3] ?? '',
      visible: cells[4] ?? '',
      script: cells[5] ?? '',
    }));
  const privet = rows.find((r) => r.name === 'Privet');
  const others = rows.filter((r) => r.name !== 'Privet');
  const against = (pick: (r: (typeof rows)[number]) => string) =>
    others.map((r) => `${r.name}: ${pick(r)}`).join('; ');
  return [
    {
      part: 'banner',
      measure: 'gzip -9 bytes (budget 5000)',
      privet: privet?.bytes ?? '?',
      against: against((r) => r.bytes),
      ratio: '',
    },
    {
      part: 'banner',
      measure: 'time to visible, ms (median)',
      privet: privet?.visible ?? '?',
      against: against((r) => r.visible),
      ratio: '',
    },
    {
      part: 'banner',
      measure: 'main-thread script, ms (median)',
      privet: privet?.script ?? '?',
      against: against((r) => r.script),
      ratio: '',
    },
  ];
}

const table: Row[] = [];
if (PARTS.has('decisions')) table.push(...(await benchDecisions()));
if (PARTS.has('writes')) table.push(...(await benchWrites()));
if (PARTS.has('banner')) table.push(...(await benchBanner()));
const load = loadavg()
  .map((n) => n.toFixed(1))
  .join(' ');
console.log(
  `Consent benchmark (${new Date().toISOString()}), Node ${process.version}, ${cpus().length} CPUs, load ${load}`,
);
console.table(table);
