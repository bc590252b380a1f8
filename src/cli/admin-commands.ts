import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { createApiKey } from '../auth/api-keys.ts';
import { createLoginLink } from '../auth/create-login-link.ts';
import { createUser } from '../auth/create-user.ts';
import { loadConfig } from '../config/load-config.ts';
import { systemClock } from '../domain/clock.ts';
import { isRole, roles, type Role } from '../domain/roles.ts';
import type { CliIo } from './cli-io.ts';
import { openMigratedStore } from './open-store-from-config.ts';

function parseRole(value: string): Role {
  if (!isRole(value)) throw new InvalidArgumentError(`must be one of ${roles.join(', ')}`);
  return value;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `privet admin create-user|create-key`. */
export function addAdminCommands(program: Command, io: CliIo): void {
  const admin = program.command('admin').description('staff accounts and API keys');

  admin
    .command('create-user')
    .description('create a staff account; without --password-stdin it prints a one-time login link')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--role <role>', `one of ${roles.join(', ')}`, parseRole, 'admin' as Role)
    .option('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'machine-readable output')
    .action(
      async (options: {
        email: string;
        role: Role;
        name?: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        const config = loadConfig();
        const store = await openMigratedStore(config);
        try {
          const deps = { store, clock: systemClock, publicUrl: config.publicUrl };
          const password = options.passwordStdin ? await readStdin() : undefined;
          const user = await createUser(
            deps,
            {
              email: options.email,
              role: options.role,
              ...(options.name === undefined ? {} : { name: options.name }),
              ...(password === undefined ? {} : { password }),
            },
            'cli',
          );
          const link = password === undefined ? await createLoginLink(deps, user.id, 'cli') : undefined;
          if (options.json) io.out(JSON.stringify({ user, ...(link ? { loginUrl: link.url } : {}) }));
          else {
            io.out(`Created ${user.role} ${user.email} (${user.id}).`);
            if (link)
              io.out(`One-time login link (valid until ${link.expiresAt.toISOString()}):\n  ${link.url}`);
          }
        } finally {
          await store.close();
        }
      },
    );

  admin
    .command('create-key')
    .description('create an API key; it is printed once and stored only as a hash')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`, parseRole)
    .option('--name <name>', 'what the key is for', 'cli')
    .option('--json', 'print {"key": "..."}')
    .action(async (options: { role: Role; name: string; json?: boolean }) => {
      const config = loadConfig();
      const store = await openMigratedStore(config);
      try {
        const created = await createApiKey(
          { store, clock: systemClock },
          { name: options.name, role: options.role },
          'cli',
        );
        if (options.json) io.out(JSON.stringify({ key: created.key, id: created.id, role: created.role }));
        else {
          io.out(`Created ${created.role} key ${created.id}. Store it now; it is not shown again:`);
          io.out(`  ${created.key}`);
        }
      } finally {
        await store.close();
      }
    });
}
