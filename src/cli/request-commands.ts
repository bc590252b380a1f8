import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadConfig } from '../config/load-config.ts';
import { openDataConnection } from '../connectors/open-data-connection.ts';
import { openIntrospector } from '../connectors/open-introspector.ts';
import { formatIssue } from '../datamap/dataset-graph/dataset-issue.ts';
import { parseFidesYaml } from '../datamap/fides-yaml/parse-fides-yaml.ts';
import { systemClock } from '../domain/clock.ts';
import { PrivetError } from '../domain/errors.ts';
import { writeCollectionJson } from '../engine/collect/write-collection-json.ts';
import { describeRunResult, formatRunResult } from '../engine/execution/describe-run-result.ts';
import { pairBindings, type DatasetFileContent } from '../engine/execution/pair-bindings.ts';
import { previewRequest } from '../engine/execution/preview-request.ts';
import type { RequestEngineDeps } from '../engine/execution/request-engine-deps.ts';
import { requestTypes, type RequestType } from '../engine/execution/request-result.ts';
import { runRequest } from '../engine/execution/run-request.ts';
import type { IdentityInput } from '../engine/identity/subject-identity.ts';
import { describePlan, formatPlan } from '../engine/plan/describe-plan.ts';
import { exportRequestPackage } from '../requests/package/export-request-package.ts';
import { parseCorrection, type CorrectionInput } from '../engine/rectification/corrections.ts';
import type { Store } from '../store/store.ts';
import type { CliIo } from './cli-io.ts';
import { openMigratedStore } from './open-store-from-config.ts';

interface RequestOptions {
  identity: IdentityInput[];
  connection: string[];
  dataset: string[];
  subject?: string;
  json?: boolean;
}

interface RunOptions extends RequestOptions {
  type: RequestType;
  set: CorrectionInput[];
  out?: string;
  dryRun?: boolean;
  runId?: string;
  stepDelay?: number;
}

function identity(value: string, previous: IdentityInput[]): IdentityInput[] {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('give the identity as type=value, e.g. email=ada@example.com');
  return [...previous, { type: value.slice(0, at), value: value.slice(at + 1) }];
}

const collect = (value: string, previous: string[]) => [...previous, value];

function requestType(value: string): RequestType {
  const found = requestTypes.find((t) => t === value);
  if (found === undefined) throw new InvalidArgumentError(`must be one of ${requestTypes.join(', ')}`);
  return found;
}

function milliseconds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 600_000) throw new InvalidArgumentError('must be 0..600000');
  return n;
}

async function readDatasetFiles(
  paths: readonly string[],
  signal: AbortSignal,
): Promise<DatasetFileContent[]> {
  const files: DatasetFileContent[] = [];
  for (const path of paths) {
    const text = await readFile(path, { encoding: 'utf8', signal }).catch((error: unknown) => {
      throw new PrivetError(
        'bad_request',
        `${path}: cannot read the file (${(error as { code?: string }).code ?? String(error)})`,
      );
    });
    const parsed = parseFidesYaml(text, path);
    const errors = parsed.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0)
      throw new PrivetError('bad_request', errors.map(formatIssue).join('\n'), { issues: errors });
    files.push({ path, datasets: parsed.datasets });
  }
  return files;
}

function requestOptions(command: Command): Command {
  return command
    .requiredOption(
      '--identity <type=value>',
      'the requester: email=…, phone=…, or a custom identity (repeatable)',
      identity,
      [],
    )
    .requiredOption(
      '--connection <url>',
      'database URL; ?dataset=<fides_key> pairs it with a dataset (repeatable)',
      collect,
      [],
    )
    .requiredOption(
      '--dataset <file>',
      'Fides dataset YAML describing a connection (repeatable; paired by order)',
      collect,
      [],
    )
    .option('--subject <category>', 'the requester’s data subject category', 'customer')
    .option('--json', 'print one JSON object on stdout');
}

// Ctrl-C and SIGTERM cancel the run between (and inside) steps; a later run resumes it.
async function withEngine<T>(
  run: (deps: RequestEngineDeps, store: Store, signal: AbortSignal) => Promise<T>,
  io: CliIo,
  stepDelayMs?: number,
): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort(new PrivetError('unavailable', 'Cancelled'));
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  const config = loadConfig();
  const store = await openMigratedStore(config);
  try {
    const deps: RequestEngineDeps = {
      store,
      clock: systemClock,
      secret: config.secret,
      openConnection: openDataConnection,
      openIntrospector,
      onProgress: (p) => io.err(`[${p.done}/${p.total}] ${p.phase} ${p.collection}: ${p.status}`),
      ...(stepDelayMs === undefined ? {} : { stepDelayMs }),
    };
    return await run(deps, store, controller.signal);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
    await store.close();
  }
}

/** The `privet request` command group: found if another module made it already, created otherwise. */
export function requestGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'request') ??
    program
      .command('request')
      .description('data-subject requests: plan and run them on the connected databases')
  );
}

/**
 * `privet request plan …` prints what a request would touch (rows per collection, fields to mask), writing
 * nothing; `privet request run --type …` runs it. Exit codes: 0 completed, 3 partial, 1 failed.
 */
export function addRequestCommands(program: Command, io: CliIo): void {
  const request = requestGroup(program);
  requestOptions(
    request
      .command('plan')
      .description('show the plan of a request and the rows it would touch, writing nothing'),
  ).action(async (options: RequestOptions) => {
    await withEngine(async (deps, _store, signal) => {
      const bindings = pairBindings(options.connection, await readDatasetFiles(options.dataset, signal));
      const input = {
        bindings,
        identities: options.identity,
        ...(options.subject ? { subject: options.subject } : {}),
      };
      const { plan, rows } = await previewRequest(deps, input, signal);
      if (options.json) io.out(JSON.stringify(describePlan(plan, rows)));
      else for (const line of formatPlan(plan, rows)) io.out(line);
    }, io);
  });
  requestOptions(
    request.command('run').description('run a request: access, portability, erasure or rectification'),
  )
    .requiredOption('--type <type>', requestTypes.join('|'), requestType)
    .option(
      '--set <field=value>',
      'rectification: collection.field=value, or identity=value (repeatable)',
      (v: string, p: CorrectionInput[]) => [...p, parseCorrection(v)],
      [],
    )
    .option(
      '--out <path>',
      'access/portability: the package ZIP (a path ending in .zip), or a directory for <collection>.json files',
    )
    .option('--dry-run', 'find the rows and compute the changes; change and store nothing')
    .option('--run-id <id>', 'resume (or take over) this run')
    .addOption(
      new Option('--step-delay <ms>', 'test hook: wait before each change step')
        .argParser(milliseconds)
        .hideHelp(),
    )
    .action(async (options: RunOptions) => {
      if (options.out !== undefined && options.type !== 'access' && options.type !== 'portability')
        throw new PrivetError('bad_request', '--out is for access and portability requests');
      if (options.set.length > 0 && options.type !== 'rectification')
        throw new PrivetError('bad_request', '--set is for rectification requests');
      const zip = options.out !== undefined && /\.zip$/i.test(options.out) ? options.out : undefined;
      if (zip !== undefined && options.dryRun)
        throw new PrivetError('bad_request', '--dry-run writes nothing: leave out --out or --dry-run');
      let exported: { file: string; bytes: number; sha256: string } | undefined;
      const result = await withEngine(
        async (deps, _store, signal) => {
          const bindings = pairBindings(options.connection, await readDatasetFiles(options.dataset, signal));
          const subject = options.subject ? { subject: options.subject } : {};
          if (zip !== undefined && (options.type === 'access' || options.type === 'portability')) {
            const { result: run, ...file } = await exportRequestPackage(
              deps,
              {
                type: options.type,
                bindings,
                identities: options.identity,
                outFile: zip,
                actor: 'cli',
                ...subject,
              },
              signal,
            );
            exported = file;
            return run;
          }
          const out = options.out;
          return runRequest(
            deps,
            {
              type: options.type,
              bindings,
              identities: options.identity,
              corrections: options.set,
              actor: 'cli',
              ...subject,
              ...(options.dryRun ? { dryRun: true } : {}),
              ...(options.runId ? { runId: options.runId } : {}),
              ...(out === undefined
                ? {}
                : { consume: (c) => writeCollectionJson(out, c).then(() => undefined) }),
            },
            signal,
          );
        },
        io,
        options.stepDelay,
      );
      if (exported !== undefined && !options.json)
        io.err(`package: ${exported.file} (${exported.bytes} bytes, sha256 ${exported.sha256})`);
      if (options.json)
        io.out(
          JSON.stringify(
            describeRunResult(result, {
              ...(options.out ? { out: options.out } : {}),
              ...(exported === undefined ? {} : { package: exported }),
            }),
          ),
        );
      else for (const line of formatRunResult(result)) io.out(line);
      process.exitCode = result.status === 'completed' ? 0 : result.status === 'partial' ? 3 : 1;
    });
}
