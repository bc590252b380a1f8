import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config/load-config.ts';
import { systemClock } from '../domain/clock.ts';
import { createRequest } from '../requests/intake/create-request.ts';
import type { RequestDeps } from '../requests/request-deps.ts';
import {
  JURISDICTIONS,
  REQUEST_CHANNELS,
  REQUEST_LANGUAGES,
  REQUEST_TYPES,
} from '../requests/request-vocabulary.ts';
import { requestDetail } from '../requests/staff/request-detail.ts';
import type { CliIo } from './cli-io.ts';
import { openMigratedStore } from './open-store-from-config.ts';
import { requestGroup } from './request-commands.ts';

function oneOf<T extends string>(values: readonly T[]) {
  return (value: string): T => {
    const found = values.find((v) => v === value);
    if (found === undefined) throw new InvalidArgumentError(`must be one of ${values.join(', ')}`);
    return found;
  };
}

function instant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError('must be an ISO-8601 date or date-time');
  return date;
}

async function withRequestDeps<T>(run: (deps: RequestDeps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openMigratedStore(config);
  try {
    // No queue here: the server's worker delivers the status events (notify sweep) and the mail (mail sweep).
    return await run({ store, clock: systemClock, config });
  } finally {
    await store.close();
  }
}

interface SubmitOptions {
  type: (typeof REQUEST_TYPES)[number];
  email: string;
  jurisdiction: (typeof JURISDICTIONS)[number];
  channel: (typeof REQUEST_CHANNELS)[number];
  language: (typeof REQUEST_LANGUAGES)[number];
  name?: string;
  phone?: string;
  receivedAt?: Date;
  verifiedNote?: string;
  acknowledge: boolean;
  json?: boolean;
}

/** `privet request submit` (staff entry of a request received by email, post or phone) and `privet request show <id>`. */
export function addRequestIntakeCommands(program: Command, io: CliIo): void {
  const request = requestGroup(program);
  request
    .command('submit')
    .description('enter a data-subject request received by email, post or phone; prints its id and due date')
    .requiredOption('--type <type>', `one of ${REQUEST_TYPES.join(', ')}`, oneOf(REQUEST_TYPES))
    .requiredOption('--email <address>', 'the requester’s email address')
    .option('--jurisdiction <law>', `one of ${JURISDICTIONS.join(', ')}`, oneOf(JURISDICTIONS), 'gdpr')
    .option('--channel <channel>', `one of ${REQUEST_CHANNELS.join(', ')}`, oneOf(REQUEST_CHANNELS), 'email')
    .option('--language <lang>', 'language of the messages: en or de', oneOf(REQUEST_LANGUAGES), 'en')
    .option('--name <name>', 'the requester’s name')
    .option('--phone <phone>', 'the requester’s phone number')
    .option('--received-at <date>', 'when the request was received (deadlines run from it)', instant)
    .option('--verified-note <note>', 'the identity is already verified: how')
    .option('--no-acknowledge', 'do not email the acknowledgement')
    .option('--json', 'print the request as JSON')
    .action(async (options: SubmitOptions) => {
      const created = await withRequestDeps((deps) =>
        createRequest(deps, {
          type: options.type,
          jurisdiction: options.jurisdiction,
          channel: options.channel,
          language: options.language,
          identity: {
            email: options.email,
            ...(options.name === undefined ? {} : { name: options.name }),
            ...(options.phone === undefined ? {} : { phone: options.phone }),
          },
          receivedAt: options.receivedAt,
          verified:
            options.verifiedNote === undefined ? undefined : { by: 'cli', note: options.verifiedNote },
          actor: 'cli',
          acknowledge: options.acknowledge,
        }),
      );
      if (options.json === true) io.out(JSON.stringify(created));
      else {
        io.out(`Request ${created.id}: ${created.type} (${created.jurisdiction}), ${created.status}.`);
        io.out(
          `Due ${created.dueAt}${created.acknowledgeBy === null ? '' : `; acknowledge by ${created.acknowledgeBy}`}.`,
        );
      }
    });

  request
    .command('show')
    .description('show a request with its timeline and tasks')
    .argument('<id>', 'the request id')
    .option('--json', 'print the request, timeline, tasks and earlier requests as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const detail = await withRequestDeps((deps) => requestDetail(deps, id));
      if (options.json === true) {
        io.out(JSON.stringify(detail));
        return;
      }
      const r = detail.request;
      io.out(`Request ${r.id}: ${r.type} (${r.jurisdiction}) by ${r.identity.email} — ${r.status}`);
      io.out(`Received ${r.receivedAt}; due ${r.dueAt}${r.extended ? ' (extended)' : ''}.`);
      for (const e of detail.timeline) {
        const what = e.kind === 'status' ? `${e.from ?? '·'} → ${e.to ?? ''}` : e.kind;
        io.out(
          `  ${e.at}  ${what}  ${e.actor}${e.reason === null ? '' : `: ${e.reason}`}${e.message === null ? '' : ` — ${e.message}`}`,
        );
      }
      for (const t of detail.tasks) io.out(`  task ${t.id} [${t.kind}] ${t.title}: ${t.status}`);
    });
}
